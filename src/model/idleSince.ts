import type { Simulation } from '../engine';

/**
 * When a group's agents became idle, oldest first, on a ring buffer that doubles when full: the
 * longest-idle agent of the group is at the head. Kept only under `'longest-idle'`.
 */
export class IdleSince {
  private times = new Float64Array(16);
  private head = 0;
  length = 0;

  /** When the group's longest-idle agent became idle (meaningful when `length` > 0). */
  get first(): number {
    return this.times[this.head]!;
  }

  /**
   * Makes the ring hold `idle` agents: those who became idle now join at the tail; those who
   * stopped being idle (took a caller, or left with the roster) are the longest idle, from the head.
   * Passed the clock, not the time: a double passed to a call V8 does not inline is allocated.
   */
  sync(idle: number, clock: Simulation): void {
    while (this.length > idle) {
      this.head = (this.head + 1) & (this.times.length - 1);
      this.length--;
    }
    while (this.length < idle) {
      if (this.length === this.times.length) this.grow();
      this.times[(this.head + this.length) & (this.times.length - 1)] = clock.now;
      this.length++;
    }
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const size = this.times.length;
    const times = new Float64Array(size * 2);
    for (let i = 0; i < this.length; i++) times[i] = this.times[(this.head + i) & (size - 1)]!;
    this.times = times;
    this.head = 0;
  }
}
