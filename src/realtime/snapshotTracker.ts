import { QuietObserver } from '../model';
import type { CenterSnapshot } from './snapshot';

/**
 * Follows a simulated center's events and can say, at any moment, what a live center would
 * know: its snapshot. (A retried callback request is taken as back in line at once: the model
 * does not announce when its retry delay ends.)
 */
export class SnapshotTracker extends QuietObserver {
  private onDuty = 0;
  /** Calls and dials in progress: when each began. */
  private readonly inProgress = new Map<number, number>();
  /** Callers on hold, in line order: when each arrived. */
  private readonly holding = new Map<number, number>();
  /** Callback requests waiting: since when, and dials so far. */
  private readonly requests = new Map<number, { since: number; attempts: number }>();
  private lastServedWait: number | undefined;

  snapshot(now: number): CenterSnapshot {
    const snapshot: CenterSnapshot = {
      agents: this.onDuty,
      busy: Array.from(this.inProgress.values(), (start) => ({ elapsedSeconds: now - start })),
      hold: Array.from(this.holding.values(), (arrival) => ({ waitedSeconds: now - arrival })),
      callbacks: Array.from(this.requests.values(), (r) => ({ waitedSeconds: now - r.since, attempts: r.attempts })),
    };
    if (this.lastServedWait !== undefined) snapshot.lastServedWaitSeconds = this.lastServedWait;
    return snapshot;
  }

  /** True when every agent on duty is busy: a caller arriving now would have to wait. */
  get allBusy(): boolean {
    return this.inProgress.size >= this.onDuty;
  }

  override agentsChanged(_time: number, _scheduled: number, onDuty: number): void {
    this.onDuty = onDuty;
  }
  override arrival(time: number, callerId: number): void {
    this.holding.set(callerId, time);
  }
  override answered(time: number, callerId: number, arrivalTime: number): void {
    this.holding.delete(callerId);
    this.inProgress.set(callerId, time);
    this.lastServedWait = time - arrivalTime;
  }
  override abandoned(_time: number, callerId: number): void {
    this.holding.delete(callerId);
  }
  override callEnded(_time: number, callerId: number): void {
    this.inProgress.delete(callerId);
  }
  override callbackAccepted(time: number, callerId: number): void {
    this.holding.delete(callerId);
    this.requests.set(callerId, { since: time, attempts: 0 });
  }
  override callbackDialed(time: number, callerId: number): void {
    this.requests.delete(callerId);
    this.inProgress.set(callerId, time);
  }
  override callbackUnanswered(_time: number, callerId: number, arrivalTime: number, attempt: number): void {
    this.inProgress.delete(callerId);
    this.requests.set(callerId, { since: arrivalTime, attempts: attempt });
  }
  override callbackFailed(_time: number, callerId: number): void {
    this.requests.delete(callerId);
  }
}
