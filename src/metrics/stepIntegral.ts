/**
 * The time integral of a quantity set in steps (agents scheduled, agents on duty), kept per
 * report row and over the counted window [warmupSeconds, durationSeconds). It is advanced only
 * when its quantity changes. Nothing after durationSeconds counts. (Quantities that change on
 * every call, busy agents and callers on hold, are summed span by span: see SpanSums.)
 */
export class StepIntegral {
  value = 0;
  /** Integral over the counted window. */
  windowSum: number;
  /** Integral per row (the current row's part is in `rowSum` until the row ends). */
  readonly rows: Float64Array;
  private last: number;
  private row = 0;
  private rowEnd: number;
  private rowSum: number;

  constructor(
    rowCount: number,
    private readonly intervalSeconds: number,
    private readonly warmupSeconds: number,
    private readonly durationSeconds: number,
  ) {
    this.rows = new Float64Array(rowCount);
    // Created holding doubles, as they will hold them (docs/design-decisions.md, "Fields
    // that hold seconds start as doubles").
    this.windowSum = this.last = this.rowEnd = this.rowSum = 0.5;
    this.windowSum = this.last = this.rowSum = 0;
    this.rowEnd = Math.min(intervalSeconds, durationSeconds);
  }

  /** Sets the quantity at `time`. */
  set(time: number, value: number): void {
    this.advance(time);
    this.value = value;
  }

  /** Integrates up to `time` (the common case: still inside the row, past the warm-up). */
  advance(time: number): void {
    const from = this.last;
    if (time <= from) return;
    if (time <= this.rowEnd && from >= this.warmupSeconds) {
      const area = this.value * (time - from);
      this.rowSum += area;
      this.windowSum += area;
      this.last = time;
      return;
    }
    this.advanceAcrossRows(time);
  }

  /** Integrates up to `time` and moves the current row's part into `rows`. */
  finish(time: number): void {
    this.advance(time);
    this.rows[this.row]! += this.rowSum;
    this.rowSum = 0;
  }

  private advanceAcrossRows(time: number): void {
    const end = Math.min(time, this.durationSeconds);
    let from = this.last;
    while (from < end) {
      const to = Math.min(end, this.rowEnd);
      this.rowSum += this.value * (to - from);
      const counted = to - Math.max(from, this.warmupSeconds);
      if (counted > 0) this.windowSum += this.value * counted;
      from = to;
      if (to === this.rowEnd && this.row < this.rows.length - 1) {
        this.rows[this.row]! += this.rowSum;
        this.rowSum = 0;
        this.row++;
        this.rowEnd = Math.min((this.row + 1) * this.intervalSeconds, this.durationSeconds);
      }
    }
    this.last = time;
  }
}
