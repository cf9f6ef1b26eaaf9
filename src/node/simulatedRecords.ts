// Call-detail records of simulated days: what an ACD would have exported had the scenario been a
// real center. For trying the fit on data whose truth is known (examples, tests, benchmarks).
import type { CallRecord } from '../calibrate';
import { replicationSeed } from '../random';
import { parseLocalDateTime } from '../calibrate/records';
import { resolveScenario, scenarioClock, type Scenario } from '../scenario';
import { simulate, type SimEvent } from '../stream';
import { OptionsError } from '../errors';

/** Options of `simulatedRecords`. */
export interface SimulatedRecordsOptions {
  /** Days to simulate, each a replication of the scenario (its own day factor); default 20. */
  days?: number;
  /** The first day's date; default the scenario's `date`, else 2026-03-02. */
  firstDate?: string;
  /** The time of day the scenario's time 0 stands for, in seconds after midnight; default the scenario's `opensAt`, else 8:00. */
  openAtSeconds?: number;
  /** Seed of the days' derivation; default the scenario's. */
  seed?: number;
}

/**
 * Records of simulated days, a day at a time (sorted by arrival), with times rounded to whole
 * seconds as ACDs write them. Agents are named per group (`agents-7`) and take calls longest-idle
 * first, as ACDs route them, from the pool the simulation has on duty; `person` is the simulated
 * caller, so redials can be told.
 *
 * @example
 * for await (const day of simulatedRecords(scenario, { days: 20 })) for (const record of day) tally.add(record);
 */
export async function* simulatedRecords(scenario: Scenario, options: SimulatedRecordsOptions = {}): AsyncGenerator<CallRecord[]> {
  const days = options.days ?? 20;
  const clock = scenarioClock(scenario);
  const firstDay = parseLocalDateTime(`${options.firstDate ?? clock?.date ?? '2026-03-02'}T00:00:00`);
  if (firstDay === undefined) throw new OptionsError('simulatedRecords', [{ path: 'firstDate', expected: 'a date such as 2026-03-02', received: options.firstDate }]);
  const openAt = options.openAtSeconds ?? clock?.opensAtSeconds ?? 8 * 3600;
  const seed = options.seed ?? resolveScenario(scenario).seed;
  for (let day = 0; day < days; day++) {
    const writer = new DayWriter(firstDay + day * 86_400 + openAt, `d${day + 1}-`);
    await new Promise<void>((resolve, reject) => {
      simulate({ ...scenario, seed: replicationSeed(seed, day) }).subscribe({ next: (event) => writer.event(event), error: reject, complete: resolve });
    });
    yield writer.records.sort((a, b) => a.arrivedAt - b.arrivedAt);
  }
}

interface OpenCall {
  record: CallRecord;
  agent?: string;
  group?: string;
}

/** The agents of one group on duty: idle ones longest-idle first, and who is in which call. */
class AgentPool {
  private readonly idle: string[] = [];
  private readonly retired: string[] = [];
  private busy = 0;
  private onDuty = 0;
  private next = 1;

  constructor(private readonly group: string) {}

  changed(onDuty: number): void {
    this.onDuty = onDuty;
    while (this.idle.length + this.busy < onDuty) this.idle.push(this.retired.pop() ?? `${this.group}-${this.next++}`);
    // Idle agents leave at once (the most recently idle first); busy ones when their call ends.
    while (this.idle.length + this.busy > onDuty && this.idle.length > 0) this.retired.push(this.idle.pop()!);
  }

  take(): string {
    this.busy++;
    // A call the pool did not see coming (an event order at a roster change) gets a new agent.
    return this.idle.shift() ?? this.retired.pop() ?? `${this.group}-${this.next++}`;
  }

  release(agent: string): void {
    this.busy--;
    if (this.idle.length + this.busy >= this.onDuty) this.retired.push(agent);
    else this.idle.push(agent);
  }
}

class DayWriter {
  readonly records: CallRecord[] = [];
  private readonly open = new Map<number, OpenCall>();
  private readonly pools = new Map<string, AgentPool>();
  private calls = 0;

  constructor(
    private readonly start: number,
    private readonly prefix: string,
  ) {}

  event(event: SimEvent): void {
    switch (event.type) {
      case 'arrival':
        this.open.set(event.callerId, {
          record: { callId: `${this.prefix}${++this.calls}`, line: event.line, arrivedAt: this.at(event.time), outcome: 'answered', person: `${this.prefix}${event.callerId}` },
        });
        return;
      case 'answered': {
        const call = this.open.get(event.callerId)!;
        call.record.answeredAt = this.at(event.time);
        call.record.group = event.group;
        call.group = event.group;
        call.agent = this.pool(event.group).take();
        call.record.agent = call.agent;
        return;
      }
      case 'call-ended': {
        const call = this.open.get(event.callerId);
        if (!call || call.agent === undefined) return; // a callback's call: not an inbound record
        this.pool(call.group!).release(call.agent);
        this.finish(event.callerId, 'answered', event.time);
        return;
      }
      case 'abandoned':
      case 'balked':
      case 'busy':
      case 'disconnected':
        this.finish(event.callerId, event.type, event.time);
        return;
      case 'closed': // the system's disconnect at closing, as an ACD records it
        this.finish(event.callerId, 'disconnected', event.time);
        return;
      case 'timed-out': // a message at the maximum wait is the system's disconnect; a callback then is recorded by callback-accepted
        if (event.onTimeout === 'message') this.finish(event.callerId, 'disconnected', event.time);
        return;
      case 'callback-accepted':
        this.finish(event.callerId, 'callback', event.time);
        return;
      case 'agents-changed':
        this.pool(event.group).changed(event.onDuty);
        return;
      default:
        return;
    }
  }

  private finish(callerId: number, outcome: CallRecord['outcome'], time: number): void {
    const call = this.open.get(callerId);
    if (!call) return;
    this.open.delete(callerId);
    call.record.outcome = outcome;
    call.record.endedAt = this.at(time);
    this.records.push(call.record);
  }

  private pool(group: string): AgentPool {
    let pool = this.pools.get(group);
    if (!pool) this.pools.set(group, (pool = new AgentPool(group)));
    return pool;
  }

  private at(time: number): number {
    // Whole seconds, truncated as ACD clocks do: a call just before closing stays in the last interval.
    return Math.floor(this.start + time);
  }
}
