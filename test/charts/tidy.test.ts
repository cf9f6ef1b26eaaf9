import { describe, expect, it } from 'vitest';
import { holdBinLabel, tidyHoldBins, tidyIntervals } from '../../src/charts';
import { est, holdBins, intervalRows, summaryRows } from './specs';

describe('tidyIntervals()', () => {
  it('makes one row per series, interval and variable, in that order, from a single report', () => {
    const rows = tidyIntervals([{ label: 'today', rows: intervalRows() }], ['arrivals', 'meanHoldSeconds']);
    expect(rows).toEqual([
      { series: 'today', intervalStart: 0, intervalEnd: 900, warmup: false, variable: 'arrivals', value: 70 },
      { series: 'today', intervalStart: 0, intervalEnd: 900, warmup: false, variable: 'meanHoldSeconds', value: 30 },
      { series: 'today', intervalStart: 900, intervalEnd: 1800, warmup: false, variable: 'arrivals', value: 90 },
      { series: 'today', intervalStart: 900, intervalEnd: 1800, warmup: false, variable: 'meanHoldSeconds', value: 120 },
    ]);
  });

  it('takes the mean of a summary as the value and its confidence interval as low and high', () => {
    const [first] = tidyIntervals([{ label: 'variant', rows: summaryRows() }], ['meanHoldSeconds']);
    // est(24, 36): mean 30, sd 8.485, 95% t with 1 degree of freedom 12.706 → half-width 76.2.
    const { mean, low, high } = est(24, 36);
    expect(first).toEqual({ series: 'variant', intervalStart: 0, intervalEnd: 900, warmup: false, variable: 'meanHoldSeconds', value: mean, low, high });
    expect(mean).toBe(30);
  });

  it('gives every figure of a row when no variables are named', () => {
    const rows = tidyIntervals([{ label: 'a', rows: intervalRows().slice(0, 1) }]);
    expect(rows.map((r) => r.variable)).toEqual([
      'arrivals',
      'answered',
      'abandoned',
      'callbacksAccepted',
      'meanHoldSeconds',
      'serviceLevel',
      'agentsScheduled',
      'agentsOnDuty',
      'busyAgents',
      'occupancy',
      'meanQueueLength',
    ]);
  });
});

describe('holdBinLabel()', () => {
  it('labels each bar in the unit of its upper edge', () => {
    const labels = holdBins().map((bin) => holdBinLabel(bin.fromSeconds, bin.toSeconds));
    expect(labels).toEqual([
      '0 s',
      '≤10 s',
      '10–20 s',
      '20–30 s',
      '30–60 s',
      '1–2 min',
      '2–5 min',
      '5–10 min',
      '10–15 min',
      '15–20 min',
      '20–30 min',
      '30–45 min',
      '45–60 min',
      '1–1.5 h',
      '1.5–2 h',
      '> 2 h',
    ]);
  });
});

describe('tidyHoldBins()', () => {
  it('gives each bar its share of the callers who held, and leaves out the empty bars at the end', () => {
    const rows = tidyHoldBins([{ label: 'today', bins: holdBins() }]);
    expect(rows).toEqual([
      { series: 'today', bin: '0 s', fromSeconds: 0, toSeconds: 0, callers: 60, share: 0.6 },
      { series: 'today', bin: '≤10 s', fromSeconds: 0, toSeconds: 10, callers: 30, share: 0.3 },
      { series: 'today', bin: '10–20 s', fromSeconds: 10, toSeconds: 20, callers: 10, share: 0.1 },
    ]);
  });

  it('keeps the bars any series uses, for every series, and carries a summary\'s interval', () => {
    const longer = holdBins().map((bin, i) => ({ ...bin, callers: i === 5 ? 50 : bin.callers }));
    const summarized = holdBins().map((bin) => ({ ...bin, callers: bin.callers > 0 ? est(bin.callers, bin.callers + 2) : est(0, 0) }));
    const rows = tidyHoldBins([
      { label: 'baseline', bins: longer },
      { label: 'variant', bins: summarized },
    ]);
    expect(rows.filter((r) => r.series === 'baseline').map((r) => r.bin)).toEqual(['0 s', '≤10 s', '10–20 s', '20–30 s', '30–60 s', '1–2 min']);
    expect(rows.filter((r) => r.series === 'variant')).toHaveLength(6);
    const atOnce = rows.find((r) => r.series === 'variant' && r.bin === '0 s')!;
    // Means 61, 31 and 11: 103 callers who held.
    expect(atOnce.callers).toBe(61);
    expect(atOnce.share).toBeCloseTo(61 / 103, 12);
    expect(atOnce.low).toBeLessThan(61);
    expect(atOnce.high).toBeGreaterThan(61);
  });
});
