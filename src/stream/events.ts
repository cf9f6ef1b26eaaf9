import type { MetricsWindow } from '../metrics';

interface CallerEvent<Type extends string> {
  type: Type;
  /** Simulated seconds since the start of the run. */
  time: number;
  /** Callers are numbered 0, 1, 2... in arrival order; the same person in every variant. */
  callerId: number;
}

/**
 * One thing that happened in a simulated center. A union on `type`; every event has `time` in
 * seconds, and every event about a caller has their `callerId`.
 */
export type SimEvent =
  | { type: 'run-started'; time: number; window: MetricsWindow }
  | (CallerEvent<'arrival'>)
  | (CallerEvent<'answered'> & { holdSeconds: number })
  | (CallerEvent<'abandoned'> & { holdSeconds: number })
  | CallerEvent<'call-ended'>
  | { type: 'agents-changed'; time: number; scheduled: number; onDuty: number }
  | (CallerEvent<'callback-offered'> & { estimatedWaitSeconds: number })
  | CallerEvent<'callback-accepted'>
  | (CallerEvent<'callback-dialed'> & { attempt: number })
  | (CallerEvent<'callback-connected'> & { delaySeconds: number })
  | (CallerEvent<'callback-unanswered'> & { attempt: number })
  | CallerEvent<'callback-failed'>
  | { type: 'run-ended'; time: number };

export type SimEventType = SimEvent['type'];
