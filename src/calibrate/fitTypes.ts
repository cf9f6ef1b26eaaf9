import type { Agents, Scenario } from '../scenario';
import type { FittedDistribution, Family } from './families';
import type { PatienceCandidate, SurvivalCheck } from './patience';
import type { RecordOutcome, RecordsRead } from './records';

/** Options of `fitScenario`. */
export interface FitOptions {
  /** Length of an interval of the fitted day, in seconds; default 1800. */
  intervalSeconds?: number;
  /** The roster to use instead of the agents seen working: one for a single group, or by group name. */
  roster?: Agents | Record<string, Agents>;
  /**
   * A roster by the clock instead: from `startSeconds` after midnight, `agents` of `group` (the
   * sole group when absent) are on duty, until the group's next row. Before its first row, none.
   */
  rosterRows?: ReadonlyArray<{ startSeconds: number; agents: number; group?: string }>;
  /** The fitted scenario's service-level threshold; default 20. */
  serviceLevelSeconds?: number;
  /** A call from someone sent away on the same line at most this long before is a redial; default 4 hours. */
  redialWindowSeconds?: number;
  /**
   * Answered calls shorter than this are agents hanging up to take a break: counted per line
   * (`breaks`), not fitted as handle times; default 0 (none).
   */
  breakBelowSeconds?: number;
  /** The fitted scenario's name. */
  name?: string;
  /** Rows the reader skipped as bad (`--skip-bad`), to report beside the fit. */
  skippedRows?: number;
  /** What the reader made of the rows (`reader.read`, filled as the records are read), reported in `diagnostics.reading`. */
  reading?: RecordsRead;
}

/** How one duration was fitted: the data it rests on, each family's fit, and the one chosen. */
export interface DistributionFit {
  /** Exact observations (handle times; patience: callers who hung up). */
  sampleSize: number;
  chosen: Family;
  candidates: FittedDistribution[];
}

/** Patience: a censored fit. */
export interface PatienceFit extends Omit<DistributionFit, 'chosen'> {
  /** A family, or the Kaplan–Meier curve itself when no family is as close to it at 1, 5 and 10 minutes as the data can tell. */
  chosen: Family | 'kaplan-meier';
  /** Kaplan–Meier at 1, 5 and 10 minutes, with Greenwood's standard errors. */
  checks: SurvivalCheck[];
  /** Each candidate (the families, then Kaplan–Meier's own): its median and its survival at the checks. */
  beside: PatienceCandidate[];
  /** Answered callers whose wait was a lower bound on their patience (waits of 0 s tell nothing and are left out). */
  censored: number;
  /** censored / (censored + sampleSize) */
  censoredShare: number;
  /** The mean wait of those who hung up: the naive estimate, biased low, shown for contrast. */
  naiveMeanSeconds: number;
  /** Kaplan–Meier estimate of P(patience > seconds), with the callers still at risk there, thinned to at most 120 steps. */
  kaplanMeier: Array<{ seconds: number; survival: number; atRisk: number }>;
}

/** What the records said of one line and how each of its figures was fitted. */
export interface LineDiagnostics {
  calls: number;
  /** Calls that were not redials: what `arrivals` counts. */
  firstCalls: number;
  outcomes: Record<RecordOutcome, number>;
  handleTime?: DistributionFit;
  /** Per group that answered at least 100 of the line's calls. */
  handleTimeByGroup: Record<string, DistributionFit & { meanSeconds: number }>;
  patience?: PatienceFit;
  balking: { balked: number; hadToWait: number; probability: number };
  redial?: { sentAway: number; redials: number; probability: number; delay?: DistributionFit };
  /** Answered calls shorter than `breakBelowSeconds`: agents taking a break. */
  breaks: number;
  /** Calls of this line each group answered. */
  answeredByGroup: Record<string, number>;
}

/** Everything `fitScenario` can say about how much to trust its scenario. */
export interface FitDiagnostics {
  records: { used: number; skipped: number; withAgent: number; withPerson: number };
  /** What the reader read, set aside, put in order or doubted, when given in `options.reading`. */
  reading?: RecordsRead;
  days: { count: number; first: string; last: string };
  intervalSeconds: number;
  /** The time of day (seconds after midnight) the fitted scenario's time 0 stands for. */
  openAtSeconds: number;
  /** First calls a day (every line): mean and standard deviation over the days, and the day factor's cv fitted from them. */
  dailyCalls: { mean: number; sd: number; dayFactorCv: number | undefined };
  lines: Record<string, LineDiagnostics>;
  groups: Record<string, { agentsPerInterval: number[]; source: 'agents seen working' | 'roster' }>;
  warnings: string[];
}

/** What `fitScenario` returns. */
export interface FittedScenario {
  scenario: Scenario;
  diagnostics: FitDiagnostics;
}
