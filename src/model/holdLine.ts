import type { CallerSlots } from './callerSlots';
import { HOLDING, REQUEST_WAITING } from './callerSlots';

/**
 * A FIFO line of caller slots on a ring buffer that doubles when full: no allocation per call.
 *
 * Each entry remembers the slot's generation when it joined. Removal is lazy: a caller who
 * leaves the line anywhere but at its head (abandons, balks, is taken by an overflow group)
 * only changes their slot, and the entry is dropped when it reaches the head.
 */
export class HoldLine {
  private slots = new Int32Array(256);
  private generations = new Int32Array(256);
  private head = 0;
  private count = 0;

  /** Entries, stale ones included. */
  get length(): number {
    return this.count;
  }

  push(slot: number, generation: number): void {
    if (this.count === this.slots.length) this.grow();
    const at = (this.head + this.count) & (this.slots.length - 1);
    this.slots[at] = slot;
    this.generations[at] = generation;
    this.count++;
  }

  /** The first caller still waiting in this line, or -1; stale entries ahead of them are dropped. */
  peek(callers: CallerSlots): number {
    const mask = this.slots.length - 1;
    while (this.count > 0) {
      const slot = this.slots[this.head]!;
      const state = callers.state[slot];
      if (callers.generation[slot] === this.generations[this.head] && (state === HOLDING || state === REQUEST_WAITING)) return slot;
      this.head = (this.head + 1) & mask;
      this.count--;
    }
    return -1;
  }

  /**
   * The first caller on hold (not a callback request) still in this line, or -1: what an agent
   * can take when no trunk is free to dial the request at the head. Scans, but only then.
   */
  firstHolding(callers: CallerSlots): number {
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      const at = (this.head + i) & mask;
      const slot = this.slots[at]!;
      if (callers.generation[slot] === this.generations[at] && callers.state[slot] === HOLDING) return slot;
    }
    return -1;
  }

  /** Calls `visit` with each live entry's slot (not stale), head first; the line is left as it is. */
  forEachLive(callers: CallerSlots, visit: (slot: number) => void): void {
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      const at = (this.head + i) & mask;
      const slot = this.slots[at]!;
      if (callers.generation[slot] === this.generations[at]) visit(slot);
    }
  }

  /** Empties the line. */
  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** Drops the head (after `peek` found it and it was taken). */
  dropHead(): void {
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
  }

  private grow(): void {
    const size = this.slots.length;
    const slots = new Int32Array(size * 2);
    const generations = new Int32Array(size * 2);
    for (let i = 0; i < this.count; i++) {
      slots[i] = this.slots[(this.head + i) & (size - 1)]!;
      generations[i] = this.generations[(this.head + i) & (size - 1)]!;
    }
    this.slots = slots;
    this.generations = generations;
    this.head = 0;
  }
}
