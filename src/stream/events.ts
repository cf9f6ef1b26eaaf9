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

/**
 * One thing that happened in a simulated center. A union on `type`; every event has `time` in
 * seconds, and every event about a call has the person's `callerId` and the `line`.
 */
export type SimEvent =
  | { type: 'run-started'; time: number; window: MetricsWindow }
  | (CallerEvent<'arrival'> & { attempt: number })
  | (CallerEvent<'answered'> & { holdSeconds: number; group: string })
  | (CallerEvent<'abandoned'> & { holdSeconds: number })
  | (CallerEvent<'balked'> & { estimatedWaitSeconds: number })
  | CallerEvent<'busy'>
  | CallerEvent<'disconnected'>
  | (CallerEvent<'call-ended'> & { group: string })
  /** The agent who took the call is done with its after-call work (wrapUpSeconds after `call-ended`). */
  | (CallerEvent<'wrap-up-ended'> & { group: string; wrapUpSeconds: number })
  /**
   * The call `group` answered on `fromLine` is over and the caller is put through to `line`: a
   * new call there (its outcome follows on `line`), with no `arrival` of its own.
   */
  | (CallerEvent<'transferred'> & { fromLine: string; group: string })
  | { type: 'agents-changed'; time: number; scheduled: number; onDuty: number; group: string }
  | (CallerEvent<'callback-offered'> & { estimatedWaitSeconds: number })
  | CallerEvent<'callback-accepted'>
  | (CallerEvent<'callback-dialed'> & { attempt: number; group: string })
  | (CallerEvent<'callback-connected'> & { delaySeconds: number; group: string })
  | (CallerEvent<'callback-unanswered'> & { attempt: number; group: string })
  | CallerEvent<'callback-failed'>
  /** On hold when the line closed with `atClose: 'disconnect'`: the closing announcement ends the call. */
  | (CallerEvent<'closed'> & { holdSeconds: number })
  /** A person sent away would call again now, after closing: lost for the day, no call is made. */
  | CallerEvent<'redial-after-close'>
  | { type: 'run-ended'; time: number };

export type SimEventType = SimEvent['type'];
