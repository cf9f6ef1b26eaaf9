// What the fit keeps of the records: counts and duration tallies, never the rows themselves, so a
// year of a large center fits in bounded memory. Memory grows with days × lines × intervals, with
// agents × days (their working spans) and with the callers who may still call again.
import type { CallRecord, RecordOutcome } from './records';
import { DurationTally } from './durationTally';

const DAY = 86_400;

/** The group a call's agent belongs to when records have no `group` column. */
export const DEFAULT_GROUP = 'agents';

/** What the records say of one line. */
export class LineTally {
  calls = 0;
  /** Calls that were not redials: the arrivals a scenario generates. */
  firstCalls = 0;
  readonly outcomes: Record<RecordOutcome, number> = { answered: 0, abandoned: 0, balked: 0, busy: 0, disconnected: 0, callback: 0 };
  readonly handle = new DurationTally();
  readonly handleByGroup = new Map<string, DurationTally>();
  /** Abandoned callers' waits (exact) and answered callers' waits (censored). */
  readonly patience = new DurationTally();
  /** Callers who had to wait: answered after a wait, or abandoned. Balking's denominator with the balked. */
  hadToWait = 0;
  /** Calls sent away (abandoned, balked, busy, disconnected) by people with an id, and how many called again. */
  sentAway = 0;
  redials = 0;
  readonly redialDelay = new DurationTally();
  /** Answered calls shorter than the tally's `breakBelowSeconds`: agents taking a break, not handle times. */
  breaks = 0;

  constructor(readonly name: string) {}
}

/** One agent's day in one group: spells of work as flat [start, end, start, end, ...], in order. */
export interface AgentShift {
  day: number;
  group: string;
  spells: number[];
}

/** Adds a call [start, end] to an agent's spells, merging those closer than `gap`. Calls mostly come in order: the last spell is tried first. */
export function addToSpells(spells: number[], start: number, end: number, gap: number): void {
  const n = spells.length;
  if (n === 0 || start > spells[n - 1]! + gap) {
    spells.push(start, end);
    return;
  }
  if (start >= spells[n - 2]! - gap) {
    spells[n - 2] = Math.min(spells[n - 2]!, start);
    spells[n - 1] = Math.max(spells[n - 1]!, end);
    return;
  }
  // Out of order: insert, then merge neighbours that now touch.
  const all: Array<[number, number]> = [];
  for (let i = 0; i < n; i += 2) all.push([spells[i]!, spells[i + 1]!]);
  all.push([start, end]);
  all.sort((a, b) => a[0] - b[0]);
  spells.length = 0;
  for (const [s, e] of all) {
    const m = spells.length;
    if (m > 0 && s <= spells[m - 1]! + gap) spells[m - 1] = Math.max(spells[m - 1]!, e);
    else spells.push(s, e);
  }
}

interface PersonState {
  line: string;
  /** When their last call ended (the moment they could decide to call again). */
  endedAt: number;
  sentAway: boolean;
}

/** Accumulates call records for `fitScenario`. */
export class CallTally {
  readonly lines = new Map<string, LineTally>();
  readonly groups = new Set<string>();
  /** Per day: per line, first calls per interval of the day. */
  readonly firstCallsByDay = new Map<number, Map<string, Float64Array>>();
  /**
   * Per day, group and agent, for the last two days seen: their spells of work, calls no more
   * than half an interval apart merged (an agent on duty is rarely idle that long; one who is,
   * is taken to have left). Older days are folded into `agentsOnDuty` (see `foldShifts`).
   */
  readonly agentShifts = new Map<string, AgentShift>();
  /** Per group: agent-intervals on duty in each interval of the day, summed over the days folded so far. */
  readonly agentsOnDuty = new Map<string, Float64Array>();
  private latestShiftDay = -Infinity;
  private readonly latestShifts = new Map<string, AgentShift>();
  records = 0;
  withAgent = 0;
  withPerson = 0;
  private readonly people = new Map<string, PersonState>();
  /** Each call that set a caller's state, in order, and the end it set (see forgetPeople). */
  private readonly lastCalls: string[] = [];
  private readonly lastCallEnds: number[] = [];
  private lastCallsHead = 0;
  private latestArrival = -Infinity;
  readonly intervalsPerDay: number;

  constructor(
    readonly intervalSeconds: number,
    /** A call from someone sent away this recently (or less) is a redial. */
    readonly redialWindowSeconds: number,
    /** Answered calls shorter than this are agents taking a break (counted, not handle times); 0: none. */
    readonly breakBelowSeconds = 0,
  ) {
    this.intervalsPerDay = Math.ceil(DAY / intervalSeconds);
  }

  add(record: CallRecord): void {
    this.records++;
    const line = this.lineOf(record.line);
    line.calls++;
    line.outcomes[record.outcome]++;
    const day = Math.floor(record.arrivedAt / DAY);
    const redial = this.trackPerson(record, line);
    if (!redial) {
      line.firstCalls++;
      this.countFirstCall(day, record);
    }
    if (record.outcome === 'answered') this.addAnswered(record, line);
    else if (record.outcome === 'abandoned') {
      const wait = record.endedAt! - record.arrivedAt;
      line.patience.addExact(wait);
      line.hadToWait++;
    }
    if (record.arrivedAt > this.latestArrival) this.latestArrival = record.arrivedAt;
    // Forget people who can no longer be redialing, every so often: memory stays bounded by the
    // callers of one redial window.
    if (this.records % 1024 === 0) this.forgetPeople();
  }

  private addAnswered(record: CallRecord, line: LineTally): void {
    const wait = record.answeredAt! - record.arrivedAt;
    line.patience.addCensored(wait);
    if (wait > 0) line.hadToWait++;
    const group = record.group ?? DEFAULT_GROUP;
    this.groups.add(group);
    const handle = record.endedAt! - record.answeredAt!;
    if (handle < this.breakBelowSeconds) line.breaks++;
    else line.handle.addExact(handle);
    let byGroup = line.handleByGroup.get(group);
    if (!byGroup) line.handleByGroup.set(group, (byGroup = new DurationTally()));
    if (handle >= this.breakBelowSeconds) byGroup.addExact(handle);
    if (record.agent !== undefined) {
      this.withAgent++;
      const day = Math.floor(record.answeredAt! / DAY);
      if (day > this.latestShiftDay) {
        // Records come in order of arrival: a day two days back has had all its calls.
        this.latestShiftDay = day;
        this.foldShifts(day - 1);
      }
      // Each agent's latest shift first: building the key of every call cost a tenth of the fit.
      let shift = this.latestShifts.get(record.agent);
      if (!shift || shift.day !== day || shift.group !== group) {
        const key = `${day}\u0000${group}\u0000${record.agent}`;
        shift = this.agentShifts.get(key);
        if (!shift) this.agentShifts.set(key, (shift = { day, group, spells: [] }));
        this.latestShifts.set(record.agent, shift);
      }
      addToSpells(shift.spells, record.answeredAt!, record.endedAt!, this.intervalSeconds / 2);
    }
  }

  /** True when the call is a redial: its caller was sent away on the same line within the window. */
  private trackPerson(record: CallRecord, line: LineTally): boolean {
    if (record.person === undefined) return false;
    this.withPerson++;
    const before = this.people.get(record.person);
    const sentAway = record.outcome === 'abandoned' || record.outcome === 'balked' || record.outcome === 'busy' || record.outcome === 'disconnected';
    let redial = false;
    if (before && before.sentAway && before.line === record.line) {
      const delay = record.arrivedAt - before.endedAt;
      if (delay >= 0 && delay <= this.redialWindowSeconds) {
        redial = true;
        line.redials++;
        line.redialDelay.addExact(delay);
      }
    }
    if (sentAway) line.sentAway++;
    const endedAt = record.endedAt ?? record.answeredAt ?? record.arrivedAt;
    if (!before) this.people.set(record.person, { line: record.line, endedAt, sentAway });
    else if (record.arrivedAt >= before.endedAt || redial) {
      // Updated in place, as a new object per call is work for the collector.
      before.line = record.line;
      before.endedAt = endedAt;
      before.sentAway = sentAway;
    } else return redial;
    this.lastCalls.push(record.person);
    this.lastCallEnds.push(endedAt);
    return redial;
  }

  private countFirstCall(day: number, record: CallRecord): void {
    let lines = this.firstCallsByDay.get(day);
    if (!lines) this.firstCallsByDay.set(day, (lines = new Map()));
    let counts = lines.get(record.line);
    if (!counts) lines.set(record.line, (counts = new Float64Array(this.intervalsPerDay)));
    counts[Math.floor((record.arrivedAt - day * DAY) / this.intervalSeconds)]!++;
  }

  /**
   * Folds the shifts of the days before `beforeDay` (all of them by default) into `agentsOnDuty`:
   * an agent is on duty in each spell of work, to the end of its last call (a busy agent leaves
   * when the call ends), time-weighted in each interval. The day's first spell starts at the start
   * of the interval of its first answer (agents log in on the interval); a later one, after a
   * break, at its first answer (an agent back from lunch at 14:20 was not there at 14:00). Time
   * past midnight is left out.
   */
  foldShifts(beforeDay = Infinity): void {
    const interval = this.intervalSeconds;
    this.latestShifts.clear(); // they may be among the shifts folded
    for (const [key, shift] of this.agentShifts) {
      if (shift.day >= beforeDay) continue;
      this.agentShifts.delete(key);
      let onDuty = this.agentsOnDuty.get(shift.group);
      if (!onDuty) this.agentsOnDuty.set(shift.group, (onDuty = new Float64Array(this.intervalsPerDay)));
      const dayStart = shift.day * DAY;
      for (let i = 0; i < shift.spells.length; i += 2) {
        const from = i === 0 ? Math.floor((shift.spells[i]! - dayStart) / interval) * interval : shift.spells[i]! - dayStart;
        const to = Math.min(DAY, shift.spells[i + 1]! - dayStart);
        for (let k = Math.floor(from / interval); k < this.intervalsPerDay && k * interval < to; k++) {
          const overlap = Math.min(to, (k + 1) * interval) - Math.max(from, k * interval);
          if (overlap > 0) onDuty[k]! += overlap / interval;
        }
      }
    }
  }

  private lineOf(name: string): LineTally {
    let line = this.lines.get(name);
    if (!line) this.lines.set(name, (line = new LineTally(name)));
    return line;
  }

  /**
   * The calls in order, each with its end: the oldest are first, and the loop stops at the first
   * whose caller may still redial. A caller is forgotten at the call their state still holds (an
   * older entry of someone who called since is passed over). Moving each caller to the end of
   * `people` instead (delete and set, per call) cost a tenth of the fit.
   */
  private forgetPeople(): void {
    const horizon = this.latestArrival - this.redialWindowSeconds;
    const persons = this.lastCalls;
    const ends = this.lastCallEnds;
    let head = this.lastCallsHead;
    for (; head < persons.length && ends[head]! < horizon; head++) {
      const state = this.people.get(persons[head]!);
      if (state && state.endedAt === ends[head]) this.people.delete(persons[head]!);
    }
    if (head > 4096 && head * 2 > persons.length) {
      persons.splice(0, head);
      ends.splice(0, head);
      head = 0;
    }
    this.lastCallsHead = head;
  }
}
