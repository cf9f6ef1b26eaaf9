import { beforeAll, describe, expect, it } from 'vitest';
import { fitScenario, type CallRecord, type FittedScenario } from '../../src/calibrate';
import type { SingleLineScenario } from '../../src';
import { recordsOf } from '../support/calibration';

// A known center whose callers balk and call again: 40 simulated days of its records, fitted
// once. The generating values are the truth the fit must recover; where a count can be made
// from the records themselves by brute force (a person's first call), the fit must match it.
const calls = [300, 380, 440, 420, 360, 400, 340, 260];
const truth = {
  seed: 21,
  arrivals: { intervalSeconds: 1800, perInterval: calls, rateUncertainty: { cv: 0.1 } },
  // About 90% of the offered load: most callers wait, many are sent away.
  agents: { intervalSeconds: 1800, perInterval: calls.map((c) => Math.round((c / 1800) * 240 * 0.9)) },
  handleTime: { type: 'lognormal', meanSeconds: 240, cv: 0.8 },
  patience: { type: 'exponential', meanSeconds: 300 },
  balking: { probability: 0.1 },
  redial: { probability: 0.5, delay: { type: 'exponential', meanSeconds: 600 } },
} as const satisfies SingleLineScenario;
const days = 40;

let records: CallRecord[];
let fitted: FittedScenario;
let scenario: SingleLineScenario;

beforeAll(async () => {
  records = await recordsOf(truth, days);
  fitted = fitScenario(records);
  scenario = fitted.scenario as SingleLineScenario;
});

describe('fitScenario on records with redials and balking (a known generating center)', () => {
  it('counts first calls only as arrivals: per interval, exactly the people whose first call it is', () => {
    // Brute force: a person's first record is their first call (every redial comes from someone
    // sent away on the same line minutes before; nobody served calls again).
    const seen = new Set<string>();
    const open = Math.min(...records.map((r) => r.arrivedAt % 86_400));
    const firstCalls = new Array<number>(calls.length).fill(0);
    let redials = 0;
    for (const record of records) {
      if (seen.has(record.person!)) {
        redials++;
        continue;
      }
      seen.add(record.person!);
      firstCalls[Math.floor(((record.arrivedAt % 86_400) - Math.floor(open / 1800) * 1800) / 1800)]!++;
    }
    // Redials are no small share here: counting them as arrivals would inflate them by this much.
    expect(redials / seen.size).toBeGreaterThan(0.06);
    const arrivals = scenario.arrivals as { perInterval: readonly number[] };
    // The fit rounds means to hundredths.
    arrivals.perInterval.forEach((n, k) => expect(n, `interval ${k}`).toBeCloseTo(firstCalls[k]! / days, 2));
    // And against the generating rates: the day's total has sd ≈ 0.1 / √40 = 1.6% (the day factor
    // dominates Poisson noise); 5% is three of them.
    const total = arrivals.perInterval.reduce((s, n) => s + n, 0);
    expect(Math.abs(total / calls.reduce((s, n) => s + n, 0) - 1)).toBeLessThan(0.05);
    expect(fitted.diagnostics.lines.main!.firstCalls).toBe(seen.size);
  });

  it('recovers the redial probability 0.5 within 0.03 and the redial delay mean within 10%', () => {
    // About 20,000 calls sent away: the probability's standard error is 0.004.
    const redial = fitted.diagnostics.lines.main!.redial!;
    expect(redial.sentAway).toBeGreaterThan(3000);
    expect(Math.abs(scenario.redial!.probability - 0.5)).toBeLessThan(0.03);
    const delay = scenario.redial!.delay as { meanSeconds: number };
    expect(Math.abs(delay.meanSeconds / 600 - 1)).toBeLessThan(0.1);
  });

  it('recovers the balking probability 0.10 within 0.008', () => {
    // About 9,000 balked among 88,000 who had to wait: standard error 0.001; a denominator
    // counting every call (those answered at once too) gives about 0.08.
    expect((scenario.balking as { probability: number }).probability).toBeGreaterThan(0.092);
    expect((scenario.balking as { probability: number }).probability).toBeLessThan(0.108);
  });

  it("recovers the day factor's cv 0.10 within 0.035", () => {
    // From 40 days the cv's standard error is about 0.1 × √(1/(2 × 39)) ≈ 0.011: 0.035 is three
    // of them; a doubled cv (0.2) would fail it.
    const cv = (scenario.arrivals as { rateUncertainty?: { cv: number } }).rateUncertainty!.cv;
    expect(Math.abs(cv - 0.1)).toBeLessThan(0.035);
  });
});
