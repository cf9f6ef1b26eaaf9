/**
 * Sums of time spans (an agent's busy time on a call, a caller's time on hold) per report row
 * and over the counted window [warmupSeconds, durationSeconds): the time integral of "how many
 * at once", added one span at a time when the span ends. A span costs one addition when it lies
 * inside one counted row (nearly always), and nothing is done for the events in between, so
 * the integral costs per call, not per event. Nothing after durationSeconds counts.
 */
export class SpanSums {
  /** Seconds summed over the counted window. */
  windowSum: number;
  /** Seconds summed per report row. */
  readonly rows: Float64Array;
  // The counted part of the row the last span ended in: spans end in time order, so the next
  // one most often lies in it too.
  private cachedRow = 0;
  private cachedFrom = Infinity;
  private cachedTo = -Infinity;

  constructor(
    rowCount: number,
    private readonly intervalSeconds: number,
    private readonly warmupSeconds: number,
    private readonly durationSeconds: number,
  ) {
    this.rows = new Float64Array(rowCount);
    // Created holding a double, as it will hold one (docs/design-decisions.md, "Fields
    // that hold seconds start as doubles").
    this.windowSum = 0.5;
    this.windowSum = 0;
  }

  /** Adds the span [from, to). */
  add(from: number, to: number): void {
    if (from >= this.cachedFrom && to <= this.cachedTo) {
      const span = to - from;
      this.rows[this.cachedRow]! += span;
      this.windowSum += span;
      return;
    }
    this.addAcrossRows(from, to);
  }

  private addAcrossRows(from: number, to: number): void {
    const end = Math.min(to, this.durationSeconds);
    const lastRow = this.rows.length - 1;
    let row = Math.min(Math.floor(from / this.intervalSeconds), lastRow);
    let start = from;
    while (start < end) {
      const rowEnd = Math.min((row + 1) * this.intervalSeconds, this.durationSeconds);
      const stop = Math.min(end, rowEnd);
      this.rows[row]! += stop - start;
      const counted = stop - Math.max(start, this.warmupSeconds);
      if (counted > 0) this.windowSum += counted;
      start = stop;
      if (stop === rowEnd) row++;
    }
    // Remember the counted part of the row where this span ended.
    const endRow = Math.min(Math.floor(end / this.intervalSeconds), lastRow);
    this.cachedRow = endRow;
    this.cachedFrom = Math.max(endRow * this.intervalSeconds, this.warmupSeconds);
    this.cachedTo = Math.min((endRow + 1) * this.intervalSeconds, this.durationSeconds);
  }
}
