import type { Distribution } from '../random';

/** Arrivals: a constant hourly rate, or the expected number of calls in each interval. */
export type Arrivals = (
  | { perHour: number }
  | { intervalSeconds: number; perInterval: readonly number[] }
) & {
  /** Multiplies the whole run's rate by a Gamma(mean 1, cv) factor drawn once per run. */
  rateUncertainty?: { cv: number };
};

/** Agents on duty: a constant, or a count per interval (the last count holds after the last interval). */
export type Agents = number | { intervalSeconds: number; perInterval: readonly number[] };

/** When a caller who finds every agent busy is offered a callback. */
export type CallbackOffer =
  | 'always'
  | { whenEstimatedWaitAtLeastSeconds: number }
  | { whenQueueAtLeast: number };

/** How likely an offered caller is to accept. */
export type CallbackOptIn =
  | { probability: number }
  | { logistic: { intercept: number; perMinute: number } };

/** The callback feature under evaluation (see DESIGN.md, "Callback"). */
export interface CallbackPolicy {
  offer: CallbackOffer;
  optIn: CallbackOptIn;
  /** default 'keep-place' */
  position?: 'keep-place' | 'after-hold';
  /** default 0 */
  dialSeconds?: number;
  /** default 1 */
  answerProbability?: number;
  /** default 1 */
  maxAttempts?: number;
  /** default 0 */
  retryDelaySeconds?: number;
  /** default: the scenario's handleTime */
  handleTime?: Distribution;
}

/** One contact center, as a plain JSON-able object: the same in code, in a file and in a message. */
export interface Scenario {
  name?: string;
  /** default 1 */
  seed?: number;
  /** Arrivals stop here; default: the schedules' length. */
  durationSeconds?: number;
  /** Callers arriving earlier are simulated, not counted; default 0. */
  warmupSeconds?: number;
  /** default 20 */
  serviceLevelSeconds?: number;
  arrivals: Arrivals;
  agents: Agents;
  handleTime: Distribution;
  /** Absent: nobody abandons. */
  patience?: Distribution;
  /** Absent: no callback offered. */
  callback?: CallbackPolicy;
}

/** A callback policy with its defaults filled in. */
export interface ResolvedCallbackPolicy {
  offer: CallbackOffer;
  optIn: CallbackOptIn;
  position: 'keep-place' | 'after-hold';
  dialSeconds: number;
  answerProbability: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  /** Undefined: the callback is the same call the caller would have had on hold. */
  handleTime: Distribution | undefined;
}

/** A piecewise-constant schedule: `perInterval[k]` holds on `[k, k + 1) * intervalSeconds`. */
export interface Schedule {
  intervalSeconds: number;
  perInterval: readonly number[];
}

/**
 * A validated scenario with every default filled in and both arrival forms brought to one:
 * what the model runs on.
 */
export interface ResolvedScenario {
  name: string;
  seed: number;
  durationSeconds: number;
  warmupSeconds: number;
  serviceLevelSeconds: number;
  /** Expected calls per interval; a constant rate is one interval as long as the run. */
  arrivals: Schedule;
  /** Coefficient of variation of the run's rate factor; 0: no uncertainty. */
  rateUncertaintyCv: number;
  /** Agents per interval; a constant is one interval, and the last count holds after it. */
  agents: Schedule;
  handleTime: Distribution;
  patience: Distribution | undefined;
  callback: ResolvedCallbackPolicy | undefined;
  /** The length of one row of `Report.intervals`. */
  reportIntervalSeconds: number;
}
