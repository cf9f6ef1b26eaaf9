import type { MetricsWindow } from '../metrics';
import type { CenterObserver } from '../model';
import type { SimEvent } from './events';

/**
 * Where the emitter's events go: to a subscriber one by one, or gathered into batches. An
 * object with methods rather than a callback: a class's method is the same function in every
 * run, where a callback is a new closure each subscription, and V8 dropped the emitter's code
 * compiled for the first run's closure when the second run came.
 */
export interface EventSink {
  push(event: SimEvent): void;
  /** Sends what is gathered; called at the end of each slice and of the run. */
  flush(): void;
}

/**
 * Turns what the center tells into `SimEvent` objects for a stream, with lines and groups by
 * name: every argument of every call is in its event, so that `summarize()` can tell the
 * metrics the same calls back (EventReplayer, its inverse).
 */
export class EventEmitter implements CenterObserver {
  private readonly lines: readonly string[];
  private readonly groups: readonly string[];

  constructor(
    private readonly sink: EventSink,
    window: Pick<MetricsWindow, 'lines' | 'groups'>,
  ) {
    this.lines = window.lines.map((line) => line.name);
    this.groups = window.groups;
  }

  arrival(time: number, callerId: number, line: number, attempt: number, counted: boolean): void {
    this.sink.push({ type: 'arrival', time, callerId, line: this.lines[line]!, attempt, counted });
  }
  answered(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.sink.push({ type: 'answered', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime, group: this.groups[group]!, arrivalTime, counted });
  }
  abandoned(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'abandoned', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime, arrivalTime, counted });
  }
  balked(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'balked', time, callerId, line: this.lines[line]!, estimatedWaitSeconds, arrivalTime, counted });
  }
  busySignal(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'busy', time, callerId, line: this.lines[line]!, arrivalTime, counted });
  }
  disconnected(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'disconnected', time, callerId, line: this.lines[line]!, arrivalTime, counted });
  }
  callEnded(time: number, callerId: number, line: number, group: number, agentBusySince: number): void {
    this.sink.push({ type: 'call-ended', time, callerId, line: this.lines[line]!, group: this.groups[group]!, agentBusySince });
  }
  wrapUpEnded(time: number, callerId: number, line: number, group: number, wrapUpSeconds: number): void {
    this.sink.push({ type: 'wrap-up-ended', time, callerId, line: this.lines[line]!, group: this.groups[group]!, wrapUpSeconds });
  }
  transferred(time: number, callerId: number, line: number, fromLine: number, group: number, counted: boolean): void {
    this.sink.push({ type: 'transferred', time, callerId, line: this.lines[line]!, fromLine: this.lines[fromLine]!, group: this.groups[group]!, counted });
  }
  transferLost(time: number, callerId: number, line: number, fromLine: number, counted: boolean): void {
    this.sink.push({ type: 'transfer-lost', time, callerId, line: this.lines[line]!, fromLine: this.lines[fromLine]!, counted });
  }
  agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void {
    this.sink.push({ type: 'agents-changed', time, scheduled, onDuty, group: this.groups[group]! });
  }
  callbackOffered(time: number, callerId: number, arrivalTime: number, estimatedWaitSeconds: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'callback-offered', time, callerId, line: this.lines[line]!, estimatedWaitSeconds, arrivalTime, counted });
  }
  callbackAccepted(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'callback-accepted', time, callerId, line: this.lines[line]!, arrivalTime, counted });
  }
  callbackDialed(time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean): void {
    this.sink.push({ type: 'callback-dialed', time, callerId, line: this.lines[line]!, attempt, group: this.groups[group]!, arrivalTime, counted });
  }
  callbackConnected(time: number, callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.sink.push({ type: 'callback-connected', time, callerId, line: this.lines[line]!, delaySeconds: time - arrivalTime, group: this.groups[group]!, arrivalTime, counted });
  }
  callbackUnanswered(
    time: number, callerId: number, arrivalTime: number, attempt: number, line: number, group: number, counted: boolean, agentBusySince: number,
  ): void {
    this.sink.push({
      type: 'callback-unanswered', time, callerId, line: this.lines[line]!, attempt, group: this.groups[group]!, arrivalTime, counted, agentBusySince,
    });
  }
  callbackFailed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'callback-failed', time, callerId, line: this.lines[line]!, arrivalTime, counted });
  }
  closed(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'closed', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime, arrivalTime, counted });
  }
  redialAfterClose(time: number, callerId: number, line: number, counted: boolean): void {
    this.sink.push({ type: 'redial-after-close', time, callerId, line: this.lines[line]!, counted });
  }
  timedOut(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean, toCallback: boolean): void {
    this.sink.push({
      type: 'timed-out', time, callerId, line: this.lines[line]!, holdSeconds: time - arrivalTime, onTimeout: toCallback ? 'callback' : 'message', arrivalTime, counted,
    });
  }
}
