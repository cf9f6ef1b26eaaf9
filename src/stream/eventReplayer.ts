import type { MetricsWindow } from '../metrics';
import type { CenterObserver } from '../model';
import { InvalidInputError, type FoundProblem } from '../errors';
import type { SimEvent } from './events';

/**
 * The inverse of `EventEmitter`: tells an observer what a stream of events says, each event one
 * call with the arguments the model gave, names turned back into indices. It keeps nothing per
 * call, so any events can be told (filtered, read back from JSON) and each adds only its own
 * part; `summarize()` tells the metrics this way what `run()` tells them directly.
 *
 * Fields are read by kind, one helper each (`line`, `group`, `counted`, `arrivalTime`,
 * `agentBusySince`), which also check them: a name the run does not have, or a field missing or
 * of the wrong type, errors with its path in the stream (`events[12].counted`).
 */
export class EventReplayer {
  private readonly lineIndex = new Map<string, number>();
  private readonly groupIndex = new Map<string, number>();
  private readonly problems: FoundProblem[] = [];
  /** The position in the stream of the event being told; 0 is its `run-started`. */
  private position = 0;

  constructor(
    private readonly observer: CenterObserver,
    window: Pick<MetricsWindow, 'lines' | 'groups'>,
  ) {
    window.lines.forEach((line, i) => this.lineIndex.set(line.name, i));
    window.groups.forEach((group, i) => this.groupIndex.set(group, i));
  }

  /** Tells the observer one event, the next of the stream after its `run-started`. */
  replay(event: Exclude<SimEvent, { type: 'run-started' }>): void {
    const observer = this.observer;
    this.position++;
    const e = event;
    switch (e.type) {
      case 'arrival':
        observer.arrival(e.time, e.callerId, this.line(e), e.attempt, this.counted(e));
        break;
      case 'answered':
        observer.answered(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.group(e), this.counted(e));
        break;
      case 'abandoned':
        observer.abandoned(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'balked':
        observer.balked(e.time, e.callerId, this.arrivalTime(e), e.estimatedWaitSeconds, this.line(e), this.counted(e));
        break;
      case 'busy':
        observer.busySignal(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'disconnected':
        observer.disconnected(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'call-ended':
        observer.callEnded(e.time, e.callerId, this.line(e), this.group(e), this.agentBusySince(e));
        break;
      case 'wrap-up-ended':
        observer.wrapUpEnded(e.time, e.callerId, this.line(e), this.group(e), e.wrapUpSeconds);
        break;
      case 'transferred':
        observer.transferred(e.time, e.callerId, this.line(e), this.fromLine(e), this.group(e), this.counted(e));
        break;
      case 'transfer-lost':
        observer.transferLost(e.time, e.callerId, this.line(e), this.fromLine(e), this.counted(e));
        break;
      case 'agents-changed':
        observer.agentsChanged(e.time, e.scheduled, e.onDuty, this.group(e));
        break;
      case 'callback-offered':
        observer.callbackOffered(e.time, e.callerId, this.arrivalTime(e), e.estimatedWaitSeconds, this.line(e), this.counted(e));
        break;
      case 'callback-accepted':
        observer.callbackAccepted(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'callback-dialed':
        observer.callbackDialed(e.time, e.callerId, this.arrivalTime(e), e.attempt, this.line(e), this.group(e), this.counted(e));
        break;
      case 'callback-connected':
        observer.callbackConnected(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.group(e), this.counted(e));
        break;
      case 'callback-unanswered':
        observer.callbackUnanswered(e.time, e.callerId, this.arrivalTime(e), e.attempt, this.line(e), this.group(e), this.counted(e), this.agentBusySince(e));
        break;
      case 'callback-failed':
        observer.callbackFailed(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'closed':
        observer.closed(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e));
        break;
      case 'redial-after-close':
        observer.redialAfterClose(e.time, e.callerId, this.line(e), this.counted(e));
        break;
      case 'timed-out':
        observer.timedOut(e.time, e.callerId, this.arrivalTime(e), this.line(e), this.counted(e), this.toCallback(e));
        break;
      case 'run-ended':
        break;
      default:
        this.problem('type', 'a SimEvent type (arrival, answered ...)', (e as { type: unknown }).type);
    }
    // A bad field stood in as 0 or false so that the event's other fields were read too.
    if (this.problems.length > 0) throw new InvalidInputError('events', this.problems);
  }

  private line(event: { line: string }): number {
    const index = this.lineIndex.get(event.line);
    if (index !== undefined) return index;
    this.problem('line', `a line of the run (${[...this.lineIndex.keys()].join(', ')})`, event.line);
    return 0;
  }

  private fromLine(event: { fromLine: string }): number {
    const index = this.lineIndex.get(event.fromLine);
    if (index !== undefined) return index;
    this.problem('fromLine', `a line of the run (${[...this.lineIndex.keys()].join(', ')})`, event.fromLine);
    return 0;
  }

  private group(event: { group: string }): number {
    const index = this.groupIndex.get(event.group);
    if (index !== undefined) return index;
    this.problem('group', `a group of the run (${[...this.groupIndex.keys()].join(', ')})`, event.group);
    return 0;
  }

  private toCallback(event: { onTimeout: 'message' | 'callback' }): boolean {
    if (event.onTimeout === 'callback' || event.onTimeout === 'message') return event.onTimeout === 'callback';
    this.problem('onTimeout', "'message' or 'callback'", event.onTimeout);
    return false;
  }

  private counted(event: { counted: boolean }): boolean {
    const counted = event.counted;
    if (typeof counted === 'boolean') return counted;
    this.problem('counted', 'true or false', counted);
    return false;
  }

  private arrivalTime(event: { arrivalTime: number }): number {
    return this.seconds('arrivalTime', event.arrivalTime);
  }

  private agentBusySince(event: { agentBusySince: number }): number {
    return this.seconds('agentBusySince', event.agentBusySince);
  }

  private seconds(field: string, value: number): number {
    if (typeof value === 'number' && !Number.isNaN(value)) return value;
    this.problem(field, 'a time in seconds', value);
    return 0;
  }

  private problem(field: string, expected: string, received: unknown): void {
    this.problems.push({ path: `events[${this.position}].${field}`, expected, received });
  }
}
