/** One row of `Report.intervals`: one interval of the day, one column per variable (tidy). */
export interface IntervalRow {
  /** Seconds from the start of the run. */
  intervalStart: number;
  intervalEnd: number;
  /** True when the interval starts before `warmupSeconds`: its callers are not in the totals. */
  warmup: boolean;
  /** Callers who arrived in the interval; the caller columns below are about them. */
  arrivals: number;
  answered: number;
  abandoned: number;
  callbacksAccepted: number;
  /** Mean hold of the interval's callers who held, in seconds (0 when none held). */
  meanHoldSeconds: number;
  /** Fraction of the interval's callers who held that were answered within the service-level threshold. */
  serviceLevel: number;
  /** Time averages over the interval: */
  agentsScheduled: number;
  agentsOnDuty: number;
  busyAgents: number;
  /** busyAgents / agentsOnDuty (0 when nobody is on duty). */
  occupancy: number;
  /** Callers on hold, time-averaged (callback requests not included). */
  meanQueueLength: number;
}

/**
 * One bar of the hold-time distribution: the counted callers who held between `fromSeconds`
 * (exclusive, except the first bar: exactly 0 s, answered at once) and `toSeconds`
 * (inclusive; null for the last, open-ended bar).
 */
export interface HoldBin {
  fromSeconds: number;
  toSeconds: number | null;
  callers: number;
}

/**
 * What a run tells a planner (DESIGN.md, "The report"). Field names are a public contract.
 * Counts and averages are over the counted callers: those arriving in
 * `[warmupSeconds, durationSeconds)`. Means and fractions over no callers are 0.
 */
export interface Report {
  callers: { offered: number; answered: number; abandoned: number };
  hold: {
    callers: number;
    meanSeconds: number;
    probWait: number;
    p50Seconds: number;
    p90Seconds: number;
    p95Seconds: number;
    maxSeconds: number;
    totalHoldHours: number;
  };
  serviceLevel: { seconds: number; fraction: number };
  abandonment: { fraction: number };
  /** busy agent-seconds (dialing included) / agent-seconds on duty, over [warmupSeconds, durationSeconds). */
  agents: { occupancy: number };
  callback: {
    offered: number;
    accepted: number;
    connected: number;
    failed: number;
    attempts: number;
    meanDelaySeconds: number;
  };
  intervals: IntervalRow[];
  /** The hold-time distribution of the callers who held, in planner-sized bars (tidy rows). */
  holdDistribution: HoldBin[];
}
