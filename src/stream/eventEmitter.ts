import type { CenterObserver } from '../model';
import type { SimEvent } from './events';

/** Turns what the center tells into `SimEvent` objects for a stream. */
export class EventEmitter implements CenterObserver {
  constructor(private readonly emit: (event: SimEvent) => void) {}

  arrival(time: number, callerId: number): void {
    this.emit({ type: 'arrival', time, callerId });
  }
  answered(time: number, callerId: number, arrivalTime: number): void {
    this.emit({ type: 'answered', time, callerId, holdSeconds: time - arrivalTime });
  }
  abandoned(time: number, callerId: number, arrivalTime: number): void {
    this.emit({ type: 'abandoned', time, callerId, holdSeconds: time - arrivalTime });
  }
  callEnded(time: number, callerId: number): void {
    this.emit({ type: 'call-ended', time, callerId });
  }
  agentsChanged(time: number, scheduled: number, onDuty: number): void {
    this.emit({ type: 'agents-changed', time, scheduled, onDuty });
  }
  callbackOffered(time: number, callerId: number, _arrivalTime: number, estimatedWaitSeconds: number): void {
    this.emit({ type: 'callback-offered', time, callerId, estimatedWaitSeconds });
  }
  callbackAccepted(time: number, callerId: number): void {
    this.emit({ type: 'callback-accepted', time, callerId });
  }
  callbackDialed(time: number, callerId: number, _arrivalTime: number, attempt: number): void {
    this.emit({ type: 'callback-dialed', time, callerId, attempt });
  }
  callbackConnected(time: number, callerId: number, arrivalTime: number): void {
    this.emit({ type: 'callback-connected', time, callerId, delaySeconds: time - arrivalTime });
  }
  callbackUnanswered(time: number, callerId: number, _arrivalTime: number, attempt: number): void {
    this.emit({ type: 'callback-unanswered', time, callerId, attempt });
  }
  callbackFailed(time: number, callerId: number): void {
    this.emit({ type: 'callback-failed', time, callerId });
  }
}
