/** The figures about calls of one interval, for the center or one line. */
export interface CallIntervalFigures {
  /** Seconds from the start of the run. */
  intervalStart: number;
  intervalEnd: number;
  /** True when the interval starts before `warmupSeconds`: its callers are not in the totals. */
  warmup: boolean;
  /** Calls that arrived in the interval (redials included); the call columns below are about them. */
  arrivals: number;
  answered: number;
  abandoned: number;
  balked: number;
  busy: number;
  disconnected: number;
  callbacksAccepted: number;
  /** Mean hold of the interval's calls that held, in seconds (0 when none held). */
  meanHoldSeconds: number;
  /** Fraction of the interval's calls that held that were answered within the service-level threshold. */
  serviceLevel: number;
  /** Callers on hold, time-averaged (callback requests not included). */
  meanQueueLength: number;
}

/** The figures about agents of one interval (time averages), for the center or one group. */
export interface AgentIntervalFigures {
  agentsScheduled: number;
  agentsOnDuty: number;
  busyAgents: number;
  /** busyAgents / agentsOnDuty (0 when nobody is on duty). */
  occupancy: number;
}

/** One row of `Report.intervals`: one interval of the day, one column per variable (tidy). */
export interface IntervalRow extends CallIntervalFigures, AgentIntervalFigures {}

/** One row of a line's intervals: the call figures, with the line's name as a column. */
export interface LineIntervalRow extends CallIntervalFigures {
  line: string;
}

/** One row of a group's intervals: the agent figures, with the group's name as a column. */
export interface GroupIntervalRow extends AgentIntervalFigures {
  group: string;
  intervalStart: number;
  intervalEnd: number;
  warmup: boolean;
}

/**
 * One bar of the hold-time distribution: the counted calls that held between `fromSeconds`
 * (exclusive, except the first bar: exactly 0 s, answered at once) and `toSeconds`
 * (inclusive; null for the last, open-ended bar).
 */
export interface HoldBin {
  fromSeconds: number;
  toSeconds: number | null;
  callers: number;
}

/** The figures about calls and people, for the center or one line. */
export interface CallFigures {
  /**
   * Calls (redials included). `answered`: on hold or at once, not callbacks. `closed`: on hold
   * when the line closed with `atClose: 'disconnect'` (their hold counts; interval rows have no
   * column of their own for them). `timedOut`: waits that reached the line's `maxWaitSeconds`
   * and ended with a message (present when some line has a maximum wait; interval rows count
   * them as `closed` ones, without a column).
   */
  callers: {
    offered: number; answered: number; abandoned: number; balked: number; busy: number; disconnected: number; closed: number;
    timedOut?: number;
  };
  /**
   * The calls that heard the hold music: answered, abandoned, balked, closed, timed out (with a
   * message or a callback at the timeout), not callback opt-ins on arrival.
   */
  hold: {
    callers: number;
    /** Over every call that held (answered, abandoned, balked, closed, timed out); `speedOfAnswer` is over the answered. */
    meanSeconds: number;
    probWait: number;
    p50Seconds: number;
    p90Seconds: number;
    p95Seconds: number;
    maxSeconds: number;
    totalHoldHours: number;
  };
  /**
   * `fraction`: calls answered within `seconds` over `hold.callers` (the calls that held, as
   * DESIGN.md defines it); `fractionOfOffered`: the same answers over every call offered (busy
   * signals, disconnects and callback opt-ins included), as the peer's simulators report it.
   */
  serviceLevel: { seconds: number; fraction: number; fractionOfOffered: number };
  /** Average speed of answer: the mean hold of the calls answered (on hold or at once), in seconds; 0 when none. */
  speedOfAnswer: { meanSeconds: number };
  /** (abandoned + balked) / hold.callers */
  abandonment: { fraction: number };
  callback: {
    offered: number;
    accepted: number;
    connected: number;
    failed: number;
    attempts: number;
    meanDelaySeconds: number;
    /**
     * Of `accepted`, the requests registered when a wait reached the line's `maxWaitSeconds`
     * (`onTimeout: 'callback'`); present when some line has one.
     */
    atTimeout?: number;
  };
  /** Distinct people whose first call is counted: served (answered or connected, at some call) or gave up. */
  people: { offered: number; served: number; gaveUp: number };
  /**
   * `calls`: counted calls that were redials. `afterClose`: counted people sent away whose redial
   * would have come after the line closed, lost for the day (never a call, never in a row).
   */
  redials: { calls: number; afterClose: number };
  /**
   * Present when some route transfers calls (docs/design-decisions.md, "Transfers"). `in`:
   * transferred calls that came to the line (among its `callers.offered`); `out`: its answered
   * calls that went on to another line; `lost`: of `in`, those that ended without an agent
   * (abandoned, disconnected, closed). In the totals `in` and `out` are both every transfer.
   */
  transfers?: { in: number; out: number; lost: number };
  /** The hold-time distribution of the calls that held, in planner-sized bars (tidy rows). */
  holdDistribution: HoldBin[];
}

/** Every figure of the report for one line, with its interval rows. */
export interface LineReport extends CallFigures {
  intervals: LineIntervalRow[];
}

/** One agent group: occupancy over the counted window, agents on duty on average, and the counted calls it answered by line. */
export interface GroupReport {
  /** Busy agent-seconds (talk, dialing and wrap-up) / agent-seconds on duty. */
  occupancy: number;
  /**
   * Of `occupancy`, the share of on-duty time spent wrapping up calls (after-call work); talk
   * and dialing are the rest. Present when the scenario has after-call work.
   */
  wrapUpOccupancy?: number;
  /**
   * Of `occupancy`, the share of on-duty time busy with each line's calls (talk, dialing and
   * wrap-up; every line, 0 for those the group never served): the group's busy time by line.
   */
  occupancyByLine: Record<string, number>;
  agentsOnDuty: number;
  answered: Record<string, number>;
  intervals: GroupIntervalRow[];
}

/**
 * What a run tells a planner (DESIGN.md, "The report"). Field names are a public contract.
 * Counts and averages are over the counted calls: those of people whose first call arrived in
 * `[warmupSeconds, durationSeconds)`. Means and fractions over no calls are 0.
 */
export interface Report extends CallFigures {
  /** busy agent-seconds (dialing included) / agent-seconds on duty, over [warmupSeconds, durationSeconds). */
  agents: { occupancy: number; wrapUpOccupancy?: number };
  intervals: IntervalRow[];
  lines: Record<string, LineReport>;
  groups: Record<string, GroupReport>;
}
