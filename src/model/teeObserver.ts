import type { CenterObserver } from './observer';

/** One observer that tells two others everything, in order: metrics and a tracker side by side. */
export class TeeObserver implements CenterObserver {
  constructor(
    private readonly first: CenterObserver,
    private readonly second: CenterObserver,
  ) {}

  arrival(time: number, callerId: number, line: number, attempt: number, counted: boolean): void {
    this.first.arrival(time, callerId, line, attempt, counted);
    this.second.arrival(time, callerId, line, attempt, counted);
  }
  answered(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.first.answered(time, callerId, arrivalTime, line, group, counted);
    this.second.answered(time, callerId, arrivalTime, line, group, counted);
  }
  abandoned(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.abandoned(time, callerId, arrivalTime, line, counted);
    this.second.abandoned(time, callerId, arrivalTime, line, counted);
  }
  balked(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void {
    this.first.balked(time, callerId, arrivalTime, estimatedWaitSeconds, line, counted);
    this.second.balked(time, callerId, arrivalTime, estimatedWaitSeconds, line, counted);
  }
  busySignal(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.busySignal(time, callerId, arrivalTime, line, counted);
    this.second.busySignal(time, callerId, arrivalTime, line, counted);
  }
  disconnected(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.disconnected(time, callerId, arrivalTime, line, counted);
    this.second.disconnected(time, callerId, arrivalTime, line, counted);
  }
  callEnded(time: number, callerId: number, line: number, group: number, agentBusySince: number): void {
    this.first.callEnded(time, callerId, line, group, agentBusySince);
    this.second.callEnded(time, callerId, line, group, agentBusySince);
  }
  transferred(time: number, callerId: number, line: number, fromLine: number, group: number, counted: boolean): void {
    this.first.transferred(time, callerId, line, fromLine, group, counted);
    this.second.transferred(time, callerId, line, fromLine, group, counted);
  }
  transferLost(time: number, callerId: number, line: number, fromLine: number, counted: boolean): void {
    this.first.transferLost(time, callerId, line, fromLine, counted);
    this.second.transferLost(time, callerId, line, fromLine, counted);
  }
  wrapUpEnded(time: number, callerId: number, line: number, group: number, wrapUpSeconds: number): void {
    this.first.wrapUpEnded(time, callerId, line, group, wrapUpSeconds);
    this.second.wrapUpEnded(time, callerId, line, group, wrapUpSeconds);
  }
  agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void {
    this.first.agentsChanged(time, scheduled, onDuty, group);
    this.second.agentsChanged(time, scheduled, onDuty, group);
  }
  callbackOffered(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void {
    this.first.callbackOffered(time, callerId, arrivalTime, estimatedWaitSeconds, line, counted);
    this.second.callbackOffered(time, callerId, arrivalTime, estimatedWaitSeconds, line, counted);
  }
  callbackAccepted(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.callbackAccepted(time, callerId, arrivalTime, line, counted);
    this.second.callbackAccepted(time, callerId, arrivalTime, line, counted);
  }
  callbackDialed(time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean): void {
    this.first.callbackDialed(time, callerId, arrivalTime, attempt, line, group, counted);
    this.second.callbackDialed(time, callerId, arrivalTime, attempt, line, group, counted);
  }
  callbackConnected(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.first.callbackConnected(time, callerId, arrivalTime, line, group, counted);
    this.second.callbackConnected(time, callerId, arrivalTime, line, group, counted);
  }
  callbackUnanswered(
    time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean, agentBusySince: number,
  ): void {
    this.first.callbackUnanswered(time, callerId, arrivalTime, attempt, line, group, counted, agentBusySince);
    this.second.callbackUnanswered(time, callerId, arrivalTime, attempt, line, group, counted, agentBusySince);
  }
  callbackFailed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.callbackFailed(time, callerId, arrivalTime, line, counted);
    this.second.callbackFailed(time, callerId, arrivalTime, line, counted);
  }
  closed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.first.closed(time, callerId, arrivalTime, line, counted);
    this.second.closed(time, callerId, arrivalTime, line, counted);
  }
  redialAfterClose(time: number, callerId: number, line: number, counted: boolean): void {
    this.first.redialAfterClose(time, callerId, line, counted);
    this.second.redialAfterClose(time, callerId, line, counted);
  }
  timedOut(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean, toCallback: boolean): void {
    this.first.timedOut(time, callerId, arrivalTime, line, counted, toCallback);
    this.second.timedOut(time, callerId, arrivalTime, line, counted, toCallback);
  }
}
