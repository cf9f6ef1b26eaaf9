import { EventCalendar } from '../engine';
import { compileDistribution, type Sampler, type Uniform } from '../random';
import { callbackOffered, ruleProbability } from '../model/lineRuntime';
import type { Balking, ResolvedCallbackPolicy, ResolvedScenario } from '../scenario';
import type { PreparedSnapshot } from './preparedSnapshot';

// Until a forecast passes its own stream.
const UNSEEDED: Uniform = { next: Math.random };

// Event kinds of a future.
const CALL_END = 0; // subject: group
const ARRIVAL = 1; // subject: line
const PATIENCE = 2; // subject: entry
const OVERFLOW = 3; // subject: group

/** A line as the forecast needs it: compiled once per scenario. */
interface LinePlan {
  priority: number;
  creditSeconds: number;
  immediate: number[];
  delayed: Array<{ group: number; afterSeconds: number }>;
  /** Handle time by group index (undefined: the group does not serve this line). */
  handle: Array<Sampler | undefined>;
  patience: Sampler | undefined;
  callback: ResolvedCallbackPolicy | undefined;
  callbackHandle: Sampler | undefined;
  balking: Balking | undefined;
  maxOnHold: number;
  meanHandleSeconds: number;
  /** Expected arrivals per second, interval by interval of the day. */
  ratePerSecond: Float64Array;
  intervalSeconds: number;
}

/**
 * One center of several lines simulated forward from a snapshot, over and over, until a caller
 * who arrives now on one line reaches an agent (DESIGN.md, "Routing"): the groups' calls in
 * progress end, callers on hold hang up when their patience runs out, every idle agent takes
 * the eligible caller of the highest priority who has waited longest, delayed routes open, and
 * callers of the other lines keep arriving at the scenario's rates for the time of day (they
 * may balk, take a callback or be disconnected as in the model). The new caller's own line's
 * later callers are not simulated: they are never eligible before the new caller, so they
 * cannot go first. Nor are lines that share no group with it, directly or through other lines.
 *
 * Left out, as a forecast can afford: trunks, redials, the day's rate factor, roster changes
 * (the agents on duty now stay), and retries of callback requests whose dial is unanswered.
 */
export class CenterFuture {
  private readonly lines: LinePlan[];
  /** Per group: the lines it serves and after how long each line's callers are eligible. */
  private readonly served: Array<Array<{ line: number; delay: number }>>;
  private readonly calendar = new EventCalendar(64);
  private readonly durationSeconds: number;

  // The state of the future being simulated.
  private now = 0;
  private scheduled = new Int32Array(0);
  private onDuty = new Int32Array(0);
  private busy = new Int32Array(0);
  private holding = new Int32Array(0);
  private requestsWaiting = new Int32Array(0);
  /** Per line: callers on hold and keep-place requests, and after-hold requests, as entry ids. */
  private hold: number[][] = [];
  private requests: number[][] = [];
  private holdHead = new Int32Array(0);
  private requestsHead = new Int32Array(0);
  private entrySince: number[] = [];
  private entryLine: number[] = [];
  private entryRequest: boolean[] = [];
  private entryWaiting: boolean[] = [];
  private target = -1;
  private answeredAt = -1;
  private uniform: Uniform = UNSEEDED;
  private timeOfDay = 0;

  constructor(readonly scenario: ResolvedScenario) {
    this.durationSeconds = scenario.durationSeconds;
    this.lines = scenario.lines.map((line) => {
      const lineHandle = compileDistribution(line.handleTime);
      const handle: Array<Sampler | undefined> = [];
      for (const route of line.routing) handle[route.group] = route.handleTime ? compileDistribution(route.handleTime) : lineHandle;
      return {
        priority: line.priority,
        creditSeconds: line.creditSeconds,
        immediate: line.routing.filter((r) => r.afterSeconds === 0).map((r) => r.group),
        delayed: line.routing.filter((r) => r.afterSeconds > 0).map((r) => ({ group: r.group, afterSeconds: r.afterSeconds })),
        handle,
        patience: line.patience && compileDistribution(line.patience),
        callback: line.callback,
        callbackHandle: line.callback?.handleTime && compileDistribution(line.callback.handleTime),
        balking: line.balking,
        maxOnHold: line.maxOnHold,
        meanHandleSeconds: lineHandle.meanSeconds,
        ratePerSecond: Float64Array.from(line.arrivals.perInterval, (calls) => calls / line.arrivals.intervalSeconds),
        intervalSeconds: line.arrivals.intervalSeconds,
      };
    });
    this.served = scenario.groups.map(() => []);
    scenario.lines.forEach((line, index) => {
      for (const route of line.routing) this.served[route.group]!.push({ line: index, delay: route.afterSeconds });
    });
  }

  /** Mean handle time of a line, for the announced wait. */
  meanHandleSeconds(line: number): number {
    return this.lines[line]!.meanHandleSeconds;
  }

  /** The lines whose later callers can go before a caller of `line`: those sharing groups with it, transitively, but itself. */
  linesThatCanOvertake(line: number): number[] {
    const reached = new Set([line]);
    const groups = new Set<number>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const l of reached) for (const route of this.scenario.lines[l]!.routing) groups.add(route.group);
      for (const g of groups) {
        for (const { line: other } of this.served[g]!) {
          if (!reached.has(other)) {
            reached.add(other);
            grew = true;
          }
        }
      }
    }
    reached.delete(line);
    return [...reached];
  }

  /**
   * One future: the seconds until a caller arriving now on `line` reaches an agent (Infinity
   * if nobody ever answers). `snapshot` holds the snapshot's draws that depend on elapsed times.
   */
  waitOnce(snapshot: PreparedSnapshot, line: number, arriving: readonly number[], uniform: Uniform): number {
    this.reset(snapshot, uniform);
    const groups = this.scenario.groups;
    for (let g = 0; g < groups.length; g++) {
      const calls = snapshot.busy[g]!;
      this.scheduled[g] = snapshot.agents[g]!;
      this.busy[g] = calls.length;
      this.onDuty[g] = Math.max(snapshot.agents[g]!, calls.length);
      for (const call of calls) this.calendar.schedule(Math.max(0, call.end(uniform) - call.elapsedSeconds), CALL_END, g, 0);
    }
    for (let l = 0; l < this.lines.length; l++) {
      for (const entry of snapshot.waiting[l]!) {
        const id = this.join(l, -entry.waitedSeconds, entry.request, entry.afterHold);
        if (entry.patienceEnd) this.calendar.schedule(Math.max(0, entry.patienceEnd(uniform) - entry.waitedSeconds), PATIENCE, id, 0);
      }
    }
    for (let g = 0; g < groups.length; g++) this.serveWaiting(g);

    // The caller arriving now: an idle agent of a group that takes the line at once, or the line's queue.
    const plan = this.lines[line]!;
    for (const g of plan.immediate) if (this.busy[g]! < this.onDuty[g]!) return 0;
    this.target = this.join(line, 0, false, false);
    for (const l of arriving) this.scheduleArrival(l);

    const calendar = this.calendar;
    while (this.answeredAt < 0) {
      if (!calendar.pop()) return Infinity;
      this.now = calendar.time;
      const subject = calendar.subject;
      switch (calendar.kind) {
        case CALL_END:
          this.endCall(subject);
          break;
        case ARRIVAL:
          this.arrive(subject);
          break;
        case PATIENCE:
          this.loseTemper(subject);
          break;
        case OVERFLOW:
          this.serveWaiting(subject);
          break;
      }
    }
    return this.answeredAt;
  }

  private reset(snapshot: PreparedSnapshot, uniform: Uniform): void {
    const lines = this.lines.length;
    const groups = this.scenario.groups.length;
    this.calendar.clear();
    this.now = 0;
    this.uniform = uniform;
    this.timeOfDay = snapshot.timeOfDaySeconds;
    // Reused from future to future: nothing is allocated per future but the entries' slots.
    if (this.scheduled.length !== groups) {
      this.scheduled = new Int32Array(groups);
      this.onDuty = new Int32Array(groups);
      this.busy = new Int32Array(groups);
      this.holding = new Int32Array(lines);
      this.requestsWaiting = new Int32Array(lines);
      this.holdHead = new Int32Array(lines);
      this.requestsHead = new Int32Array(lines);
      this.hold = this.lines.map(() => []);
      this.requests = this.lines.map(() => []);
    }
    this.holding.fill(0);
    this.requestsWaiting.fill(0);
    this.holdHead.fill(0);
    this.requestsHead.fill(0);
    for (const queue of this.hold) queue.length = 0;
    for (const queue of this.requests) queue.length = 0;
    this.entrySince.length = 0;
    this.entryLine.length = 0;
    this.entryRequest.length = 0;
    this.entryWaiting.length = 0;
    this.target = -1;
    this.answeredAt = -1;
  }

  // A caller or request joins a line's queue, having waited since `since` (negative: before now).
  private join(line: number, since: number, request: boolean, afterHold: boolean): number {
    const id = this.entrySince.length;
    this.entrySince.push(since);
    this.entryLine.push(line);
    this.entryRequest.push(request);
    this.entryWaiting.push(true);
    (afterHold ? this.requests : this.hold)[line]!.push(id);
    if (request) this.requestsWaiting[line]!++;
    else this.holding[line]!++;
    for (const route of this.lines[line]!.delayed) {
      const at = since + route.afterSeconds;
      if (at > this.now) this.calendar.schedule(at, OVERFLOW, route.group, 0);
    }
    return id;
  }

  private scheduleArrival(line: number): void {
    const plan = this.lines[line]!;
    let mass = -Math.log(1 - this.uniform.next());
    let time = this.timeOfDay + this.now;
    for (let k = Math.floor(time / plan.intervalSeconds); time < this.durationSeconds && k < plan.ratePerSecond.length; k++) {
      const rate = plan.ratePerSecond[k]!;
      const end = Math.min((k + 1) * plan.intervalSeconds, this.durationSeconds);
      if (rate > 0 && time + mass / rate < end) {
        this.calendar.schedule(time + mass / rate - this.timeOfDay, ARRIVAL, line, 0);
        return;
      }
      mass -= rate * (end - time);
      time = end;
    }
  }

  // A later caller of another line, with the model's choices on the way to the queue.
  private arrive(line: number): void {
    this.scheduleArrival(line);
    const plan = this.lines[line]!;
    const uniform = this.uniform;
    for (const g of plan.immediate) {
      if (this.busy[g]! < this.onDuty[g]!) {
        this.busy[g]!++;
        this.calendar.schedule(this.now + plan.handle[g]!.sample(uniform), CALL_END, g, 0);
        return;
      }
    }
    if (this.holding[line]! >= plan.maxOnHold) return; // disconnected
    if (plan.callback || plan.balking) {
      const estimatedWait = this.announcedWait(line);
      const policy = plan.callback;
      if (policy && callbackOffered(policy, estimatedWait, this.holding[line]! + this.requestsWaiting[line]!) && uniform.next() < ruleProbability(policy.optIn, estimatedWait)) {
        this.join(line, this.now, true, policy.position === 'after-hold');
        return;
      }
      if (plan.balking && uniform.next() < ruleProbability(plan.balking, estimatedWait)) return;
    }
    const id = this.join(line, this.now, false, false);
    if (plan.patience) this.calendar.schedule(this.now + plan.patience.sample(uniform), PATIENCE, id, 0);
  }

  announcedWait(line: number, holding = this.holding[line]! + this.requestsWaiting[line]!, agents = this.scheduled): number {
    let scheduled = 0;
    for (const g of this.lines[line]!.immediate) scheduled += agents[g]!;
    return scheduled > 0 ? ((holding + 1) * this.lines[line]!.meanHandleSeconds) / scheduled : Infinity;
  }

  private loseTemper(id: number): void {
    if (!this.entryWaiting[id]) return;
    this.entryWaiting[id] = false;
    const line = this.entryLine[id]!;
    this.holding[line]!--;
    // After-hold requests may be dialed once nobody of their line holds.
    if (this.holding[line] === 0 && this.requestsWaiting[line]! > 0) {
      for (const { group } of this.lines[line]!.delayed) this.serveWaiting(group);
      for (const group of this.lines[line]!.immediate) this.serveWaiting(group);
    }
  }

  private endCall(group: number): void {
    this.busy[group]!--;
    // The roster has dropped: this agent goes home rather than take the next caller.
    if (this.onDuty[group]! > this.scheduled[group]!) this.onDuty[group]!--;
    else this.serveWaiting(group);
  }

  private serveWaiting(group: number): void {
    while (this.answeredAt < 0 && this.busy[group]! < this.onDuty[group]!) {
      const id = this.choose(group);
      if (id < 0) return;
      this.take(id, group);
    }
  }

  // The first live entry of a queue, dropping those who hung up.
  private head(queues: number[][], heads: Int32Array, line: number): number {
    const queue = queues[line]!;
    let at = heads[line]!;
    while (at < queue.length && !this.entryWaiting[queue[at]!]) at++;
    heads[line] = at;
    return at < queue.length ? queue[at]! : -1;
  }

  // As the model's CallerChoice: the eligible heads, highest priority, then longest wait counting the credit.
  private choose(group: number): number {
    let best = -1;
    let bestPriority = 0;
    let bestSince = 0;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (const { line, delay } of this.served[group]!) {
        let id = this.head(this.hold, this.holdHead, line);
        if (pass === 1) id = id < 0 ? this.head(this.requests, this.requestsHead, line) : -1;
        if (id < 0) continue;
        const queuedAt = this.entrySince[id]!;
        if (delay > 0 && this.now < queuedAt + delay) continue;
        const { priority, creditSeconds } = this.lines[line]!;
        const since = queuedAt - creditSeconds;
        if (best < 0 || priority > bestPriority || (priority === bestPriority && since < bestSince)) {
          best = id;
          bestPriority = priority;
          bestSince = since;
        }
      }
    }
    return best;
  }

  private take(id: number, group: number): void {
    this.entryWaiting[id] = false;
    if (id === this.target) {
      this.answeredAt = this.now;
      return;
    }
    const line = this.entryLine[id]!;
    const plan = this.lines[line]!;
    this.busy[group]!++;
    if (!this.entryRequest[id]) {
      this.holding[line]!--;
      this.calendar.schedule(this.now + plan.handle[group]!.sample(this.uniform), CALL_END, group, 0);
      return;
    }
    // A callback request: the agent dials, and on an answer goes on to the call.
    this.requestsWaiting[line]!--;
    const policy = plan.callback!;
    const answered = this.uniform.next() < policy.answerProbability;
    const call = answered ? (plan.callbackHandle ?? plan.handle[group]!).sample(this.uniform) : 0;
    this.calendar.schedule(this.now + policy.dialSeconds + call, CALL_END, group, 0);
  }
}
