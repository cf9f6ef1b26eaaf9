/**
 * What the contact center tells whoever listens, in time order. `arrivalTime` identifies when
 * the caller arrived, so that a listener can count callers by arrival without keeping them.
 * Plain numbers only: the fast path (`run()`) listens with the metrics and allocates nothing.
 */
export interface CenterObserver {
  arrival(time: number, callerId: number): void;
  /** A caller on hold reaches an agent, at once or after waiting. */
  answered(time: number, callerId: number, arrivalTime: number): void;
  abandoned(time: number, callerId: number, arrivalTime: number): void;
  /** An agent finishes a call: an answered caller's or a connected callback's. */
  callEnded(time: number, callerId: number): void;
  /** Staffing changed: `scheduled` by the roster, `onDuty` the agents actually present. */
  agentsChanged(time: number, scheduled: number, onDuty: number): void;
  callbackOffered(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number): void;
  callbackAccepted(time: number, callerId: number, arrivalTime: number): void;
  callbackDialed(time: number, callerId: number, arrivalTime: number, attempt: number): void;
  callbackConnected(time: number, callerId: number, arrivalTime: number): void;
  callbackUnanswered(time: number, callerId: number, arrivalTime: number, attempt: number): void;
  callbackFailed(time: number, callerId: number, arrivalTime: number): void;
}

/** An observer that ignores everything: extend it and override what a tracker needs. */
export class QuietObserver implements CenterObserver {
  arrival(_time: number, _callerId: number): void {}
  answered(_time: number, _callerId: number, _arrivalTime: number): void {}
  abandoned(_time: number, _callerId: number, _arrivalTime: number): void {}
  callEnded(_time: number, _callerId: number): void {}
  agentsChanged(_time: number, _scheduled: number, _onDuty: number): void {}
  callbackOffered(_time: number, _callerId: number, _arrivalTime: number, _estimatedWaitSeconds: number): void {}
  callbackAccepted(_time: number, _callerId: number, _arrivalTime: number): void {}
  callbackDialed(_time: number, _callerId: number, _arrivalTime: number, _attempt: number): void {}
  callbackConnected(_time: number, _callerId: number, _arrivalTime: number): void {}
  callbackUnanswered(_time: number, _callerId: number, _arrivalTime: number, _attempt: number): void {}
  callbackFailed(_time: number, _callerId: number, _arrivalTime: number): void {}
}
