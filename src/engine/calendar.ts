/**
 * The event calendar: a binary min-heap of pending events on typed arrays.
 *
 * An event is a time, a kind (an integer below 16 that the model defines) and two integer
 * payloads (`subject`, below 2^27, and `tag`). Events due at the same time come out in the order they were scheduled,
 * so a run is reproducible. Nothing is allocated per event: `pop()` leaves the event it took in
 * `time`, `kind`, `subject` and `tag`, and the arrays grow by doubling only when full.
 * Cancellation is lazy: the model tags an event with what it expects (a caller's generation, for
 * example) and ignores it when it comes out stale, which costs less than removing it.
 *
 * The heap itself holds only each event's time and an id; the id indexes the rest (kind and
 * subject packed in one integer, tag, scheduling order), which stays put while the heap
 * reorders. A sift step thus moves two numbers instead of five, and ids are recycled as events
 * come out.
 */
export class EventCalendar {
  /** The event `pop()` took last (its time NaN before the first: a double, as every time after). */
  time = NaN;
  kind = 0;
  subject = 0;
  tag = 0;

  // The heap, in parallel: due times, and the ids of the events.
  private times: Float64Array;
  private ids: Int32Array;
  // What each id carries (subject << 4 | kind, tag, order), and the ids free for reuse (a stack).
  private keys: Int32Array;
  private tags: Int32Array;
  private orders: Float64Array;
  private freeIds: Int32Array;
  private freeCount = 0;
  private count = 0;

  /**
   * `sequence` numbers the events as they are scheduled, for the order of equal times; calendars
   * that share one can be merged by `precedes()` into one order (the engine's arrivals and the rest).
   */
  constructor(initialCapacity = 1024, private readonly sequence: ScheduleSequence = { scheduled: 0 }) {
    const capacity = Math.max(1, initialCapacity);
    this.times = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.keys = new Int32Array(capacity);
    this.tags = new Int32Array(capacity);
    this.orders = new Float64Array(capacity);
    this.freeIds = new Int32Array(capacity);
    for (let id = capacity - 1; id >= 0; id--) this.freeIds[this.freeCount++] = id;
  }

  /** How many events are pending (stale ones included until they come out). */
  get size(): number {
    return this.count;
  }

  /** The time of the next event, or `Infinity` when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** True when this calendar's next event comes before `other`'s (both non-empty, one sequence). */
  precedes(other: EventCalendar): boolean {
    const time = this.times[0]!;
    const otherTime = other.times[0]!;
    return time < otherTime || (time === otherTime && this.orders[this.ids[0]!]! < other.orders[other.ids[0]!]!);
  }

  schedule(time: number, kind: number, subject: number, tag: number): void {
    if (this.count === this.times.length) this.grow();
    const id = this.freeIds[--this.freeCount]!;
    this.keys[id] = (subject << 4) | kind;
    this.tags[id] = tag;
    this.orders[id] = this.sequence.scheduled++;
    const times = this.times;
    const ids = this.ids;
    let i = this.count++;
    // Sift up. Every pending event was scheduled before this one, so at an equal time the parent
    // already comes first: only a strictly later parent moves down.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= time) break;
      times[i] = parentTime;
      ids[i] = ids[parent]!;
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Takes the earliest event into `time`, `kind`, `subject`, `tag`; false when none is left. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const ids = this.ids;
    const first = ids[0]!;
    this.time = times[0]!;
    const key = this.keys[first]!;
    this.kind = key & 15;
    this.subject = key >> 4;
    this.tag = this.tags[first]!;
    this.freeIds[this.freeCount++] = first;
    const last = --this.count;
    if (last === 0) return true;
    // Sift down the last event from the root. Scheduling order decides only between equal
    // times, so it is read only then.
    const orders = this.orders;
    const time = times[last]!;
    const id = ids[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const leftTime = times[child]!;
        const rightTime = times[right]!;
        // Which child is earlier is a coin toss the processor cannot predict: decided by an
        // addition, not a branch (a branch here cost a fifth of the calendar's time).
        if (rightTime !== leftTime) child += +(rightTime < leftTime);
        else if (orders[ids[right]!]! < orders[ids[child]!]!) child = right;
      }
      const childTime = times[child]!;
      if (time < childTime || (time === childTime && orders[id]! < orders[ids[child]!]!)) break;
      times[i] = childTime;
      ids[i] = ids[child]!;
      i = child;
    }
    times[i] = time;
    ids[i] = id;
    return true;
  }

  /** Drops every pending event; the arrays are kept for reuse. */
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    for (let id = this.times.length - 1; id >= 0; id--) this.freeIds[this.freeCount++] = id;
  }

  // Doubles every array; the new ids go on the free stack (it is empty: every id is pending).
  private grow(): void {
    const previous = this.times.length;
    const capacity = previous * 2;
    this.times = resized(this.times, new Float64Array(capacity));
    this.ids = resized(this.ids, new Int32Array(capacity));
    this.keys = resized(this.keys, new Int32Array(capacity));
    this.tags = resized(this.tags, new Int32Array(capacity));
    this.orders = resized(this.orders, new Float64Array(capacity));
    this.freeIds = new Int32Array(capacity);
    for (let id = capacity - 1; id >= previous; id--) this.freeIds[this.freeCount++] = id;
  }
}

/** The count of events scheduled so far, shared by calendars whose events form one order. */
export interface ScheduleSequence {
  scheduled: number;
}

function resized<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
