import { agentsFor, erlangA, erlangC } from '../analytic';
import type { LineTarget } from './options';
import type { Rosters, StaffedLine, StaffingProblem } from './problem';

/** One group in one row as Erlang sees it: the pooled load of the lines it answers first. */
interface PooledLoad {
  arrivalsPerHour: number;
  meanHandleSeconds: number;
  /** Undefined when any of the lines has no patience: Erlang C, nobody hangs up. */
  meanPatienceSeconds: number | undefined;
}

/**
 * A figure turned so that higher is better (service level as is, abandonment and mean wait
 * negated): one comparison and one search serve every measure.
 */
export function goodness(measure: LineTarget['measure'], value: number): number {
  return measure === 'serviceLevel' ? value : -value;
}

/** Erlang's view of the problem: the pooled load of each staffed group by row. */
export class ErlangModel {
  private readonly loads: Array<Array<PooledLoad & { asErlangC: boolean }>> = [];

  /**
   * With `patienceWithin`, each row's load is the lagged one (see `lagged`), and rows whose callers' mean patience is longer than that many seconds
   * are planned with Erlang C (service level and mean wait targets): Erlang A's steady state
   * lets a queue grow until abandonment balances it, which takes about a patience to reach,
   * so within a half hour far shorter than the patience the queue just grows. The search
   * starts and corrects with that model; the Erlang A roster it reports is the plain one.
   */
  constructor(
    private readonly problem: StaffingProblem,
    patienceWithin?: number,
  ) {
    for (const g of problem.staffedGroups) {
      const lines = problem.lines.filter((line) => line.group === g);
      const rowSeconds = (k: number) => Math.min((k + 1) * problem.intervalSeconds, problem.resolved.durationSeconds) - k * problem.intervalSeconds;
      const loads = Array.from({ length: problem.rows }, (_, k) => pooled(lines, k, rowSeconds(k)));
      if (patienceWithin !== undefined) lagged(loads, rowSeconds);
      this.loads[g] = loads.map((load) => ({ ...load, asErlangC: patienceWithin !== undefined && (load.meanPatienceSeconds ?? 0) > patienceWithin }));
    }
  }

  /** Erlang A (C) per interval, each in steady state at its own rate: the fewest agents that meet every line's target. */
  roster(): Rosters {
    const rosters: Rosters = this.problem.resolved.groups.map((group) => [...group.agents.perInterval]);
    for (const g of this.problem.staffedGroups) {
      rosters[g] = Array.from({ length: this.problem.rows }, (_, k) =>
        Math.max(0, ...this.linesOf(g).map((line) => this.agentsFor(g, k, line))),
      );
    }
    return rosters;
  }

  /** The lines whose target drives group g's roster. */
  linesOf(g: number): StaffedLine[] {
    return this.problem.lines.filter((line) => line.group === g);
  }

  /** Erlang's figure for `line`'s target at `agents` agents of group g in row k, higher is better. */
  goodnessAt(g: number, k: number, line: StaffedLine, agents: number): number {
    const load = this.loads[g]![k]!;
    const { measure } = line.target;
    if (load.arrivalsPerHour === 0) return goodness(measure, measure === 'serviceLevel' ? 1 : 0);
    const worst = goodness(measure, measure === 'serviceLevel' ? 0 : measure === 'probAbandon' ? 1 : Number.MAX_VALUE);
    if (agents < 1) return worst;
    const common = { arrivalsPerHour: load.arrivalsPerHour, meanHandleSeconds: load.meanHandleSeconds, agents: Math.round(agents), serviceLevelSeconds: line.serviceLevelSeconds };
    if (load.meanPatienceSeconds === undefined || (load.asErlangC && measure !== 'probAbandon')) {
      // Erlang C has no steady state at or above capacity: the queue grows without bound.
      if (agents <= (load.arrivalsPerHour * load.meanHandleSeconds) / 3600) return worst;
      const metrics = erlangC(common);
      return goodness(measure, measure === 'serviceLevel' ? metrics.serviceLevel.fraction : metrics.meanWaitSeconds);
    }
    const metrics = erlangA({ ...common, meanPatienceSeconds: load.meanPatienceSeconds });
    return goodness(measure, measure === 'serviceLevel' ? metrics.serviceLevel.fraction : measure === 'probAbandon' ? metrics.probAbandon : metrics.meanWaitSeconds);
  }

  /**
   * The agents, as a real number, at which Erlang's figure (interpolated between whole agents)
   * reaches `value` (higher is better); `cap` when it never does below it. Erlang's figures are
   * monotone in agents, so a bisection finds the crossing.
   */
  equivalentAgents(g: number, k: number, line: StaffedLine, value: number, cap: number): number {
    const at = (agents: number) => this.goodnessAt(g, k, line, agents);
    if (at(cap) < value) return cap;
    if (at(0) >= value) return 0;
    let low = 0; // below value
    let high = cap; // at or above value
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (at(middle) >= value) high = middle;
      else low = middle;
    }
    const below = at(low);
    const above = at(high);
    return above > below ? low + (value - below) / (above - below) : high;
  }

  private agentsFor(g: number, k: number, line: StaffedLine): number {
    const load = this.loads[g]![k]!;
    if (load.arrivalsPerHour === 0) return 0;
    if (load.asErlangC && line.target.measure !== 'probAbandon') {
      const target = line.target.measure === 'serviceLevel' ? { serviceLevel: line.target.value } : { meanWaitSeconds: line.target.value };
      return agentsFor({ arrivalsPerHour: load.arrivalsPerHour, meanHandleSeconds: load.meanHandleSeconds, serviceLevelSeconds: line.serviceLevelSeconds, target }).agents;
    }
    const target = { [line.target.measure]: line.target.value } as { serviceLevel: number } | { meanWaitSeconds: number } | { probAbandon: number };
    const common = { arrivalsPerHour: load.arrivalsPerHour, meanHandleSeconds: load.meanHandleSeconds, serviceLevelSeconds: line.serviceLevelSeconds };
    return load.meanPatienceSeconds === undefined
      ? agentsFor({ ...common, target: target as { serviceLevel: number } | { meanWaitSeconds: number } }).agents
      : agentsFor({ ...common, meanPatienceSeconds: load.meanPatienceSeconds, target }).agents;
  }
}

function pooled(lines: readonly StaffedLine[], k: number, rowSeconds: number): PooledLoad {
  let calls = 0;
  let handle = 0;
  let patience = 0;
  let everyonePatient = true;
  for (const line of lines) {
    const c = line.calls[k]!;
    calls += c;
    handle += c * line.meanHandleSeconds;
    if (line.meanPatienceSeconds === undefined) everyonePatient = false;
    else patience += c * line.meanPatienceSeconds;
  }
  const meanOfLines = (sum: number, of: (line: StaffedLine) => number) =>
    calls > 0 ? sum / calls : lines.reduce((s, line) => s + of(line), 0) / lines.length;
  return {
    arrivalsPerHour: rowSeconds > 0 ? (calls * 3600) / rowSeconds : 0,
    meanHandleSeconds: meanOfLines(handle, (line) => line.meanHandleSeconds),
    meanPatienceSeconds: everyonePatient ? meanOfLines(patience, (line) => line.meanPatienceSeconds!) : undefined,
  };
}

/**
 * The modified offered load: each row planned for the mean number of callers an infinite
 * number of agents would be serving during it (m' = λ − m / handle, from an empty center),
 * not for its own rate times the handle time. A day's first half hour, from empty, needs far
 * fewer agents than its steady state (the IRS-like line: 190 against 280), and a half hour
 * after a peak more, for callers still in service. Handle times taken as exponential.
 */
function lagged(loads: PooledLoad[], rowSeconds: (k: number) => number): void {
  let inService = 0;
  loads.forEach((load, k) => {
    const seconds = rowSeconds(k);
    const handle = load.meanHandleSeconds;
    if (!(seconds > 0 && handle > 0)) return;
    const steady = (load.arrivalsPerHour * handle) / 3600;
    const decay = Math.exp(-seconds / handle);
    const mean = steady + ((inService - steady) * (1 - decay) * handle) / seconds;
    inService = steady + (inService - steady) * decay;
    load.arrivalsPerHour = (mean * 3600) / handle;
  });
}
