import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SpanSums } from '../../src/metrics/spanSums';

// SpanSums must give, per report row and over the counted window, exactly the overlap of each
// span with the row (or with [warm-up, duration)), whatever order the spans come in and however
// many rows a span crosses: here against the overlaps computed one by one. The tolerance is
// floating point only (1e-9 relative to the total): a span put in the wrong row or counted
// in the warm-up moves a sum by at least the smallest span drawn (1e-3 s of totals near 1e5 s).

function overlap(from: number, to: number, start: number, end: number): number {
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}

const layout = fc.record({
  intervalSeconds: fc.integer({ min: 60, max: 3600 }),
  rowCount: fc.integer({ min: 1, max: 12 }),
  warmupRows: fc.double({ min: 0, max: 2, noNaN: true }),
  shortLastRow: fc.double({ min: 0, max: 0.99, noNaN: true }),
});

describe('SpanSums', () => {
  test.prop([
    layout,
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-3, max: 5, noNaN: true })), { maxLength: 60 }),
  ])('sums each span into the rows and the counted window it overlaps', (shape, spans) => {
    const { intervalSeconds, rowCount } = shape;
    const durationSeconds = (rowCount - shape.shortLastRow) * intervalSeconds;
    const warmupSeconds = Math.min(durationSeconds, shape.warmupRows * intervalSeconds);
    const sums = new SpanSums(rowCount, intervalSeconds, warmupSeconds, durationSeconds);
    const rows = new Array<number>(rowCount).fill(0);
    let windowSum = 0;
    for (const [at, length] of spans) {
      // Spans start anywhere up to past the end and last up to five intervals.
      const from = at * durationSeconds * 1.1;
      const to = from + length * intervalSeconds;
      sums.add(from, to);
      for (let i = 0; i < rowCount; i++) rows[i]! += overlap(from, to, i * intervalSeconds, Math.min((i + 1) * intervalSeconds, durationSeconds));
      windowSum += overlap(from, to, warmupSeconds, durationSeconds);
    }
    const tolerance = 1e-9 * Math.max(1, windowSum, ...rows);
    expect(Math.abs(sums.windowSum - windowSum)).toBeLessThanOrEqual(tolerance);
    rows.forEach((expected, i) => expect(Math.abs(sums.rows[i]! - expected)).toBeLessThanOrEqual(tolerance));
  });

  test('a span inside one counted row, then one crossing into the next and one in the warm-up', () => {
    const sums = new SpanSums(3, 100, 50, 250);
    sums.add(60, 90); // row 0, counted
    sums.add(95, 130); // 5 s in row 0, 30 s in row 1
    sums.add(10, 40); // row 0, warm-up: not in the window
    sums.add(240, 400); // 10 s in row 2; nothing after 250 counts
    expect([...sums.rows]).toEqual([30 + 5 + 30, 30, 10]);
    expect(sums.windowSum).toBe(30 + 35 + 10);
  });
});
