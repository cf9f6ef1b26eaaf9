/**
 * Streaming quantiles of non-negative values (hold times) in constant memory: a log-bucketed
 * histogram in the manner of DDSketch (Masson, Rim and Lee, 2019).
 *
 * Error bound: for any q, `quantile(q)` is within a relative error of `relativeAccuracy`
 * (default 0.5%) of the exact q-quantile of the values recorded, for values from 1 ms to about
 * 30 years; values under 1 ms are counted as 0 (an absolute error under 1 ms).
 * The q-quantile is the value at rank ceil(q * n) in sorted order ("lower" quantile).
 *
 * @example
 * const sketch = new QuantileSketch();
 * for (const wait of [0, 12, 30, 95]) sketch.add(wait);
 * sketch.quantile(0.5); // 12, within 0.5%
 */
export class QuantileSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly counts: Float64Array;
  private zeros = 0;
  private total = 0;

  constructor(readonly relativeAccuracy = 0.005) {
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
    this.counts = new Float64Array(Math.ceil(Math.log(MAX_VALUE / MIN_VALUE) / this.logGamma) + 2);
  }

  get count(): number {
    return this.total;
  }

  add(value: number): void {
    this.total++;
    if (value < MIN_VALUE) {
      this.zeros++;
      return;
    }
    // Bucket i holds (MIN * gamma^(i-1), MIN * gamma^i]; values past the top share the last bucket.
    const index = Math.ceil(Math.log(value / MIN_VALUE) / this.logGamma);
    this.counts[Math.min(index, this.counts.length - 1)]!++;
  }

  /** The q-quantile (q in [0, 1]); NaN when nothing was recorded. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.total));
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen >= rank) {
        // The bucket's midpoint in relative terms: at most `relativeAccuracy` from any value in it.
        return (MIN_VALUE * 2 * Math.pow(this.gamma, i)) / (this.gamma + 1);
      }
    }
    return NaN;
  }

  /** Adds another sketch's values into this one (same accuracy). */
  merge(other: QuantileSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) throw new RangeError('cannot merge sketches of different accuracy');
    this.total += other.total;
    this.zeros += other.zeros;
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
  }
}

const MIN_VALUE = 1e-3;
const MAX_VALUE = 1e9;
