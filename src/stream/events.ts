import type { MetricsWindow } from '../metrics';

interface CallerEvent<Type extends string> {
  type: Type;
  /** Simulated seconds since the start of the run. */
  time: number;
  /** People are numbered 0, 1, 2... by their first call; the same person in every variant, redials included. */
  callerId: number;
  /** The name of the line the call came in on. */
  line: string;
}

// The fields below are what the report needs of an event beyond its own, so that `summarize()`
// turns each event into its figures alone, keeping nothing per call. Each kind of field is one
// type, appended after an event's own fields: a new event takes the kinds it needs.

/**
 * Whether the person counts in the report: their first call arrived in the counted window
 * `[warmupSeconds, durationSeconds)` (warm-up callers and those of the drain do not), and
 * their redials and callbacks count with them.
 */
interface Counted {
  counted: boolean;
}

/**
 * When this call arrived, in seconds since the start: the call's `arrival` event's `time` (for
 * a redial, the redial's). Report rows attribute a call to the interval of its arrival.
 */
interface ArrivalTime {
  arrivalTime: number;
}

/** Since when an agent has been busy with this call: its answer, or for a callback the start of the dial. */
interface AgentBusySince {
  agentBusySince: number;
}

/**
 * One thing that happened in a simulated center. A union on `type`; every event has `time` in
 * seconds, and every event about a call has the person's `callerId` and the `line`. Events carry
 * every figure the report is made of (`counted`, `arrivalTime`, `agentBusySince`), so any of
 * them, filtered or read back from JSON, can be summarized alone.
 */
export type SimEvent =
  | { type: 'run-started'; time: number; window: MetricsWindow }
  | (CallerEvent<'arrival'> & { attempt: number } & Counted)
  | (CallerEvent<'answered'> & { holdSeconds: number; group: string } & ArrivalTime & Counted)
  | (CallerEvent<'abandoned'> & { holdSeconds: number } & ArrivalTime & Counted)
  | (CallerEvent<'balked'> & { estimatedWaitSeconds: number } & ArrivalTime & Counted)
  | (CallerEvent<'busy'> & ArrivalTime & Counted)
  | (CallerEvent<'disconnected'> & ArrivalTime & Counted)
  | (CallerEvent<'call-ended'> & { group: string } & AgentBusySince)
  /** The agent who took the call is done with its after-call work (wrapUpSeconds after `call-ended`). */
  | (CallerEvent<'wrap-up-ended'> & { group: string; wrapUpSeconds: number })
  /**
   * The call `group` answered on `fromLine` is over and the caller is put through to `line`: a
   * new call there (its outcome follows on `line`), with no `arrival` of its own.
   */
  | (CallerEvent<'transferred'> & { fromLine: string; group: string } & Counted)
  /**
   * The transferred call (from `fromLine`) ended on `line` without an agent: told right after
   * its outcome, so that the person counts as giving up on the line of their first call.
   */
  | (CallerEvent<'transfer-lost'> & { fromLine: string } & Counted)
  | { type: 'agents-changed'; time: number; scheduled: number; onDuty: number; group: string }
  | (CallerEvent<'callback-offered'> & { estimatedWaitSeconds: number } & ArrivalTime & Counted)
  | (CallerEvent<'callback-accepted'> & ArrivalTime & Counted)
  | (CallerEvent<'callback-dialed'> & { attempt: number; group: string } & ArrivalTime & Counted)
  | (CallerEvent<'callback-connected'> & { delaySeconds: number; group: string } & ArrivalTime & Counted)
  | (CallerEvent<'callback-unanswered'> & { attempt: number; group: string } & ArrivalTime & Counted & AgentBusySince)
  | (CallerEvent<'callback-failed'> & ArrivalTime & Counted)
  /** On hold when the line closed with `atClose: 'disconnect'`: the closing announcement ends the call. */
  | (CallerEvent<'closed'> & { holdSeconds: number } & ArrivalTime & Counted)
  /** A person sent away would call again now, after closing: lost for the day, no call is made. */
  | (CallerEvent<'redial-after-close'> & Counted)
  /**
   * The wait reached the line's `maxWaitSeconds` (`holdSeconds`): with `onTimeout: 'message'` a
   * message ends the call (its outcome); with `'callback'`, `callback-offered` and
   * `callback-accepted` follow at once (their `arrivalTime` is the timeout: the request's) and
   * the request's outcome is the call's.
   */
  | (CallerEvent<'timed-out'> & { holdSeconds: number; onTimeout: 'message' | 'callback' } & ArrivalTime & Counted)
  | { type: 'run-ended'; time: number };

export type SimEventType = SimEvent['type'];
