/**
 * The event calendar: a binary min-heap of pending events on parallel typed arrays.
 *
 * An event is a time, a kind (small integer the model defines) and two integer payloads
 * (`subject`, `tag`). Events due at the same time come out in the order they were scheduled,
 * so a run is reproducible. Nothing is allocated per event: `pop()` leaves the event it took in
 * `time`, `kind`, `subject` and `tag`, and the arrays grow by doubling only when full.
 * Cancellation is lazy: the model tags an event with what it expects (a caller's generation, for
 * example) and ignores it when it comes out stale, which costs less than removing it.
 */
export class EventCalendar {
  /** The event `pop()` took last. */
  time = 0;
  kind = 0;
  subject = 0;
  tag = 0;

  private times: Float64Array;
  private orders: Float64Array;
  private kinds: Int32Array;
  private subjects: Int32Array;
  private tags: Int32Array;
  private count = 0;
  private scheduled = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.orders = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.subjects = new Int32Array(initialCapacity);
    this.tags = new Int32Array(initialCapacity);
  }

  /** How many events are pending (stale ones included until they come out). */
  get size(): number {
    return this.count;
  }

  /** The time of the next event, or `Infinity` when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  schedule(time: number, kind: number, subject: number, tag: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const orders = this.orders;
    const order = this.scheduled++;
    let i = this.count++;
    // Sift up: move parents down until the new event's slot is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && orders[parent]! < order)) break;
      this.move(parent, i);
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
    this.tags[i] = tag;
  }

  /** Takes the earliest event into `time`, `kind`, `subject`, `tag`; false when none is left. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const orders = this.orders;
    this.time = times[0]!;
    this.kind = this.kinds[0]!;
    this.subject = this.subjects[0]!;
    this.tag = this.tags[0]!;
    const last = --this.count;
    if (last === 0) return true;
    const time = times[last]!;
    const order = orders[last]!;
    const kind = this.kinds[last]!;
    const subject = this.subjects[last]!;
    const tag = this.tags[last]!;
    // Sift down the last event from the root.
    const half = last >> 1;
    let i = 0;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < last) {
        const rightTime = times[right]!;
        const childTime = times[child]!;
        if (rightTime < childTime || (rightTime === childTime && orders[right]! < orders[child]!)) child = right;
      }
      const childTime = times[child]!;
      if (time < childTime || (time === childTime && order < orders[child]!)) break;
      this.move(child, i);
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
    this.tags[i] = tag;
    return true;
  }

  /** Drops every pending event; the arrays are kept for reuse. */
  clear(): void {
    this.count = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.orders[to] = this.orders[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.subjects[to] = this.subjects[from]!;
    this.tags[to] = this.tags[from]!;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = resized(this.times, new Float64Array(capacity));
    this.orders = resized(this.orders, new Float64Array(capacity));
    this.kinds = resized(this.kinds, new Int32Array(capacity));
    this.subjects = resized(this.subjects, new Int32Array(capacity));
    this.tags = resized(this.tags, new Int32Array(capacity));
  }
}

function resized<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
