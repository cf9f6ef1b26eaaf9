import type { CenterObserver } from './observer';

/** One observer that tells two others everything, in order: metrics and a tracker side by side. */
export class TeeObserver implements CenterObserver {
  constructor(
    private readonly first: CenterObserver,
    private readonly second: CenterObserver,
  ) {}

  arrival(time: number, callerId: number): void {
    this.first.arrival(time, callerId);
    this.second.arrival(time, callerId);
  }
  answered(time: number, callerId: number, arrivalTime: number): void {
    this.first.answered(time, callerId, arrivalTime);
    this.second.answered(time, callerId, arrivalTime);
  }
  abandoned(time: number, callerId: number, arrivalTime: number): void {
    this.first.abandoned(time, callerId, arrivalTime);
    this.second.abandoned(time, callerId, arrivalTime);
  }
  callEnded(time: number, callerId: number): void {
    this.first.callEnded(time, callerId);
    this.second.callEnded(time, callerId);
  }
  agentsChanged(time: number, scheduled: number, onDuty: number): void {
    this.first.agentsChanged(time, scheduled, onDuty);
    this.second.agentsChanged(time, scheduled, onDuty);
  }
  callbackOffered(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number): void {
    this.first.callbackOffered(time, callerId, arrivalTime, estimatedWaitSeconds);
    this.second.callbackOffered(time, callerId, arrivalTime, estimatedWaitSeconds);
  }
  callbackAccepted(time: number, callerId: number, arrivalTime: number): void {
    this.first.callbackAccepted(time, callerId, arrivalTime);
    this.second.callbackAccepted(time, callerId, arrivalTime);
  }
  callbackDialed(time: number, callerId: number, arrivalTime: number, attempt: number): void {
    this.first.callbackDialed(time, callerId, arrivalTime, attempt);
    this.second.callbackDialed(time, callerId, arrivalTime, attempt);
  }
  callbackConnected(time: number, callerId: number, arrivalTime: number): void {
    this.first.callbackConnected(time, callerId, arrivalTime);
    this.second.callbackConnected(time, callerId, arrivalTime);
  }
  callbackUnanswered(time: number, callerId: number, arrivalTime: number, attempt: number): void {
    this.first.callbackUnanswered(time, callerId, arrivalTime, attempt);
    this.second.callbackUnanswered(time, callerId, arrivalTime, attempt);
  }
  callbackFailed(time: number, callerId: number, arrivalTime: number): void {
    this.first.callbackFailed(time, callerId, arrivalTime);
    this.second.callbackFailed(time, callerId, arrivalTime);
  }
}
