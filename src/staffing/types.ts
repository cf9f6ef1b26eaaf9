import type { StaffingTarget } from '../analytic';
import type { Estimate, ReplicationRunner } from '../experiment';
import type { Scenario } from '../scenario';

/** A roster: agents per interval, as a scenario's `agents` takes it. */
export interface Roster {
  intervalSeconds: number;
  perInterval: number[];
}

/** Where a search is, for progress bars: called after every simulated roster. */
export interface StaffingProgress {
  /** Rosters simulated so far (each is `replications` runs). */
  iteration: number;
  /** What the search is doing: starting from Erlang, correcting by Erlang's slope, trying rosters one agent apart, or trading agents between groups. */
  phase: 'erlang' | 'correct' | 'add' | 'remove' | 'verify' | 'trade';
  /** Agent-hours of the roster just simulated. */
  agentHours: number;
  /** Intervals (line by line) that missed their target with it. */
  missed: number;
}

export interface StaffingOptions {
  /** The target every line meets in every interval, as `agentsFor` takes it. */
  target: StaffingTarget;
  /** Lines with a target of their own, by line name (the others take `target`). */
  targetsByLine?: Record<string, StaffingTarget>;
  /** Replications per roster, at least 2; the same seeds for every roster. */
  replications: number;
  /** Seed of the replications; default: the scenario's. */
  seed?: number;
  /**
   * Meet each target with this confidence: the bound of each interval's figure on the target's
   * side (the low end of its confidence interval at this level for a service level, the high
   * end for abandonment and wait) must meet it, not only the mean. The achieved figures'
   * intervals are at this level. Default: targets met on the mean, intervals at 0.95.
   */
  confidence?: number;
  /** Most rosters to simulate; default 40. */
  maxIterations?: number;
  /**
   * End the search when a round of removals (and the raises after it) makes the cheapest
   * roster meeting every target less than this share cheaper; default 0: when it makes it no
   * cheaper at all. For a large center, 0.005 stops where the last agents are below what the
   * replications can tell apart.
   */
  minRoundSaving?: number;
  /**
   * Aborting stops the search between two rosters or within the replications under way (the
   * search yields to the host between rosters); the promise rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Where each roster's replications run; default `inProcess()`. `queuecast/node` has
   * `workerThreads()` and `redisCluster()`: the same roster, bit for bit. Every roster runs on
   * the same seeds: common random numbers across rosters.
   */
  runner?: ReplicationRunner;
  onProgress?: (progress: StaffingProgress) => void;
  /** Called with each roster's replications done (within one iteration). */
  onReplication?: (done: number, total: number) => void;
}

/** One interval of one line: its target, the rosters, and what the simulation achieved. */
export interface StaffingRow {
  line: string;
  /** The group whose roster this line's target drives (the line's first route). */
  group: string;
  intervalStart: number;
  intervalEnd: number;
  /** Calls forecast to arrive (first calls; redials come on top in the simulation). */
  calls: number;
  measure: 'serviceLevel' | 'probAbandon' | 'meanWaitSeconds';
  target: number;
  agents: number;
  erlangAgents: number;
  /** The figure with the roster found, over the replications' callers of this interval. */
  achieved: Estimate;
  /** The same figure with the Erlang roster (same seeds). */
  erlangAchieved: Estimate;
  met: boolean;
  erlangMet: boolean;
}

/** What `staffBySimulation()` resolves to (DESIGN.md, "Staffing by simulation"). */
export interface StaffingResult {
  /** The roster found: one for a single line, by group name for several groups. */
  agents: Roster | Record<string, Roster>;
  /** Erlang A's roster (Erlang C without patience), each interval in steady state, in the same shape. */
  erlangAgents: Roster | Record<string, Roster>;
  /** The simulated figure per interval: a list for a single line, by line name for several. */
  achieved: Estimate[] | Record<string, Estimate[]>;
  agentHours: number;
  erlangAgentHours: number;
  /** Rosters simulated, the Erlang one included. */
  iterations: number;
  /** True when every interval of every line meets its target (false only if `maxIterations` ran out first). */
  allMet: boolean;
  /** What met each target: the figure's mean over the replications, or the bound of its interval at `confidence`. */
  metOn: 'mean' | 'bound';
  /** The level of the achieved figures' intervals (and of the bound that met each target when `metOn` is 'bound'). */
  confidence: number;
  /** Tidy rows, one per line and interval. */
  rows: StaffingRow[];
  /** The scenario with the roster found, ready to run or write. */
  scenario: Scenario;
}
