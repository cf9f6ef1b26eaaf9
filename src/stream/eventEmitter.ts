import type { MetricsWindow } from '../metrics';
import type { CenterObserver } from '../model';
import type { SimEvent } from './events';

/** Turns what the center tells into `SimEvent` objects for a stream, with lines and groups by name. */
export class EventEmitter implements CenterObserver {
  private readonly lines: readonly string[];
  private readonly groups: readonly string[];

  constructor(
    private readonly emit: (event: SimEvent) => void,
    window: Pick<MetricsWindow, 'lines' | 'groups'>,
  ) {
    this.lines = window.lines.map((line) => line.name);
    this.groups = window.groups;
  }

  arrival(time: number, callerId: number, line: number, attempt: number): void {
    this.emit({ type: 'arrival', time, callerId, line: this.lines[line]!, attempt });
  }
  answered(time: number, callerId: number, arrivalTime: number, line: number, group: number): void {
    this.emit({ type: 'answered', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime, group: this.groups[group]! });
  }
  abandoned(time: number, callerId: number, arrivalTime: number, line: number): void {
    this.emit({ type: 'abandoned', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime });
  }
  balked(time: number, callerId: number, _arrivalTime: number, estimatedWaitSeconds: number, line: number): void {
    this.emit({ type: 'balked', time, callerId, line: this.lines[line]!, estimatedWaitSeconds });
  }
  busySignal(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.emit({ type: 'busy', time, callerId, line: this.lines[line]! });
  }
  disconnected(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.emit({ type: 'disconnected', time, callerId, line: this.lines[line]! });
  }
  callEnded(time: number, callerId: number, line: number, group: number): void {
    this.emit({ type: 'call-ended', time, callerId, line: this.lines[line]!, group: this.groups[group]! });
  }
  agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void {
    this.emit({ type: 'agents-changed', time, scheduled, onDuty, group: this.groups[group]! });
  }
  callbackOffered(time: number, callerId: number, _arrivalTime: number, estimatedWaitSeconds: number, line: number): void {
    this.emit({ type: 'callback-offered', time, callerId, line: this.lines[line]!, estimatedWaitSeconds });
  }
  callbackAccepted(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.emit({ type: 'callback-accepted', time, callerId, line: this.lines[line]! });
  }
  callbackDialed(time: number, callerId: number, _arrivalTime: number, attempt: number, line: number, group: number): void {
    this.emit({ type: 'callback-dialed', time, callerId, line: this.lines[line]!, attempt, group: this.groups[group]! });
  }
  callbackConnected(time: number, callerId: number, arrivalTime: number, line: number, group: number): void {
    this.emit({ type: 'callback-connected', time, callerId, line: this.lines[line]!, delaySeconds: time - arrivalTime, group: this.groups[group]! });
  }
  callbackUnanswered(time: number, callerId: number, _arrivalTime: number, attempt: number, line: number, group: number): void {
    this.emit({ type: 'callback-unanswered', time, callerId, line: this.lines[line]!, attempt, group: this.groups[group]! });
  }
  callbackFailed(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.emit({ type: 'callback-failed', time, callerId, line: this.lines[line]! });
  }
}
