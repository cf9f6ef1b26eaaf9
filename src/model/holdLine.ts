/**
 * A FIFO line of caller slots on a ring buffer that doubles when full: no allocation per call.
 */
export class HoldLine {
  private slots = new Int32Array(256);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(slot: number): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & (this.slots.length - 1)] = slot;
    this.count++;
  }

  /** The slot at the head, taken out; -1 when the line is empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const slot = this.slots[this.head]!;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
    return slot;
  }

  /** The slots in line order, head first (for inspection, not the hot path). */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.slots[(this.head + i) & (this.slots.length - 1)]!);
    return out;
  }

  private grow(): void {
    const next = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.slots[(this.head + i) & (this.slots.length - 1)]!;
    this.slots = next;
    this.head = 0;
  }
}
