/**
 * What the contact center tells whoever listens, in time order. Every call event says the line
 * (its index in the resolved scenario), `arrivalTime` (when this call arrived, so a listener can
 * count calls by arrival without keeping them) and `counted` (whether the person's first call
 * arrived in the counted window: their redials count with them). Parameters are appended, never
 * reordered, so a listener may take only the first few. Plain numbers only: the fast path
 * (`run()`) listens with the metrics and allocates nothing.
 */
export interface CenterObserver {
  /** A call reaches the center: a person's first (attempt 1) or a redial. */
  arrival(time: number, callerId: number, line: number, attempt: number, counted: boolean): void;
  /** A caller reaches an agent of `group`, at once or after waiting. */
  answered(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void;
  abandoned(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  /** A caller who must wait hangs up on hearing the announced wait. */
  balked(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void;
  /** Every trunk is in use: the call hears a busy signal. */
  busySignal(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  /** The line's hold queue is full: the caller is told to call again later. */
  disconnected(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  /**
   * An agent of `group` finishes a call: an answered caller's or a connected callback's. The
   * agent was busy with it since `agentBusySince` (the answer, or the start of the dial).
   */
  callEnded(time: number, callerId: number, line: number, group: number, agentBusySince: number): void;
  /** An agent of `group` finishes the after-call work of a call that ended `wrapUpSeconds` ago; they are free again. */
  wrapUpEnded(time: number, callerId: number, line: number, group: number, wrapUpSeconds: number): void;
  /**
   * The call `group` answered on `fromLine` is over, and its caller is put through to `line`: a
   * new call there from now on, of the same person (docs/design-decisions.md, "Transfers").
   */
  transferred(time: number, callerId: number, line: number, fromLine: number, group: number, counted: boolean): void;
  /**
   * The transferred call (from `fromLine`) that just ended on `line` without an agent
   * (abandoned, disconnected or closed, told just before) was the person's last: they gave up.
   * Not an outcome of its own, and not a stream event: `summarize()` tells it from the
   * `transferred` event and the outcome.
   */
  transferLost(time: number, callerId: number, line: number, fromLine: number, counted: boolean): void;
  /** Staffing of `group` changed: `scheduled` by its roster, `onDuty` the agents actually present. */
  agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void;
  callbackOffered(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void;
  callbackAccepted(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  callbackDialed(time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean): void;
  callbackConnected(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void;
  /** Nobody answered the dial the agent started at `agentBusySince`. */
  callbackUnanswered(
    time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean, agentBusySince: number,
  ): void;
  callbackFailed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  /** The line closed with `atClose: 'disconnect'` while the caller held: the closing announcement ends the call. */
  closed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void;
  /**
   * The caller's wait reached the line's `maxWaitSeconds` (before their patience ran out): a
   * message ends the call (`toCallback` false: the call's outcome), or a callback request is
   * registered now (`toCallback` true: `callbackOffered` and `callbackAccepted` follow at once).
   */
  timedOut(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean, toCallback: boolean): void;
  /** A person sent away would call again now, after the line closed: lost for the day (no call is made). */
  redialAfterClose(time: number, callerId: number, line: number, counted: boolean): void;
}

/** An observer that ignores everything: extend it and override what a tracker needs. */
export class QuietObserver implements CenterObserver {
  arrival(_time: number, _callerId: number, _line: number, _attempt: number, _counted: boolean): void {}
  answered(_time: number, _callerId: number, _arrivalTime: number, _line: number, _group: number, _counted: boolean): void {}
  abandoned(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  balked(_time: number, _callerId: number, _arrivalTime: number, _estimatedWaitSeconds: number, _line: number, _counted: boolean): void {}
  busySignal(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  disconnected(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  callEnded(_time: number, _callerId: number, _line: number, _group: number, _agentBusySince: number): void {}
  wrapUpEnded(_time: number, _callerId: number, _line: number, _group: number, _wrapUpSeconds: number): void {}
  transferred(_time: number, _callerId: number, _line: number, _fromLine: number, _group: number, _counted: boolean): void {}
  transferLost(_time: number, _callerId: number, _line: number, _fromLine: number, _counted: boolean): void {}
  agentsChanged(_time: number, _scheduled: number, _onDuty: number, _group: number): void {}
  callbackOffered(_time: number, _callerId: number, _arrivalTime: number, _estimatedWaitSeconds: number, _line: number, _counted: boolean): void {}
  callbackAccepted(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  callbackDialed(_time: number, _callerId: number, _arrivalTime: number, _attempt: number, _line: number, _group: number, _counted: boolean): void {}
  callbackConnected(_time: number, _callerId: number, _arrivalTime: number, _line: number, _group: number, _counted: boolean): void {}
  callbackUnanswered(
    _time: number, _callerId: number, _arrivalTime: number, _attempt: number, _line: number, _group: number, _counted: boolean, _agentBusySince: number,
  ): void {}
  callbackFailed(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  closed(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean): void {}
  redialAfterClose(_time: number, _callerId: number, _line: number, _counted: boolean): void {}
  timedOut(_time: number, _callerId: number, _arrivalTime: number, _line: number, _counted: boolean, _toCallback: boolean): void {}
}
