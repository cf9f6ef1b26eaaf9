// The answers of real-time forecasting, shared by the files that compute and summarize them.

/** What a center can tell a caller arriving now. */
export interface WaitForecast {
  /** Hold until answered, if they hold that long: mean and quantiles, in seconds. */
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
  /** Chance they hang up first, with the scenario's patience (0 without one). */
  probAbandon: number;
  /**
   * Chance their wait reaches the line's `maxWaitSeconds` before their patience runs out (a
   * message or a callback then); present when the line has a maximum wait.
   */
  probTimeout?: number;
  /** What to announce: the median, rounded up to a whole minute (0 when an agent is free). */
  announceSeconds: number;
  /** Whether the scenario's callback policy offers this caller a callback now. */
  offerCallback: boolean;
  /** Futures simulated for this answer. */
  futures: number;
  /** How precise the median is: half-width of its 95% interval, in seconds (Infinity, null in JSON, when unknown). */
  precisionSeconds: number;
  /** Events the futures simulated: the work this answer took. */
  events: number;
}

/** How well one predictor announced the waits callers then had. */
export interface PredictorScore {
  name: string;
  /** The line scored, for a multi-line scenario (each line's callers are scored apart). */
  line?: string;
  /** Callers scored: those who found every agent busy and were then answered. */
  callers: number;
  /** Root mean squared error of the announced wait, in seconds. */
  rmseSeconds: number;
  /** Mean of announced − actual: positive when it over-announces. */
  meanErrorSeconds: number;
  meanAbsoluteErrorSeconds: number;
}
