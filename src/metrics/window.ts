/** What the metrics need to know of a run: its window, its rows, its lines and groups. */
export interface MetricsWindow {
  warmupSeconds: number;
  durationSeconds: number;
  serviceLevelSeconds: number;
  /** The length of one row of `Report.intervals`. */
  intervalSeconds: number;
  /**
   * The lines in the scenario's order, each with its service-level threshold and the calls a
   * person may make in all on it (1 without redials).
   */
  lines: ReadonlyArray<{ name: string; serviceLevelSeconds: number; maxCalls: number }>;
  /** The groups' names in the scenario's order. */
  groups: readonly string[];
  /** Set when some call is wrapped up (after-call work): reports then show wrap-up apart. */
  afterCallWork?: true;
  /** Set when some line has a maximum wait: reports then count the calls it ended (`callers.timedOut`). */
  timeouts?: true;
  /** Set when some line turns a wait that reached its maximum into a callback: reports count them (`callback.atTimeout`). */
  callbacksAtTimeout?: true;
  /** Set when some route transfers calls: reports then count transfers by line. */
  transfers?: true;
}
