import { describe, expect, it } from 'vitest';
import { fitScenario, type CallRecord } from '../../src/calibrate';

// Twelve days written out by hand, half-hour intervals: eleven ordinary days open 8:00-18:00
// with a call every `gap` seconds, and one holiday's eve that closes at noon. The arrivals and
// the day factor are what the eleven ordinary days give, counted here from the same calls.
const DAY = 86_400;
const gaps = [400, 380, 360, 340, 330, 300, 280, 270, 260, 250, 240];

function day(index: number, gap: number, closesAt: number): CallRecord[] {
  const records: CallRecord[] = [];
  for (let t = 8 * 3600; t < closesAt; t += gap) {
    const arrivedAt = index * DAY + t;
    records.push({ callId: `${index}-${t}`, line: 'main', arrivedAt, outcome: 'answered', answeredAt: arrivedAt, endedAt: arrivedAt + 60, agent: 'ANA' });
  }
  return records;
}

describe('short days', () => {
  it('leaves a day that closes far earlier than the others out of the arrivals and the day factor, and says so', () => {
    const ordinary = gaps.map((gap, i) => day(i + 1, gap, 18 * 3600));
    // Day 12 takes calls as busily as the busiest day, but closes at noon: 144 calls, within the
    // ordinary days' volumes (90 to 150), so only its hours tell it apart.
    const eve = day(12, 100, 12 * 3600);
    const { scenario, diagnostics } = fitScenario([...ordinary.flat(), ...eve]);
    expect(eve.length).toBe(144);
    expect(diagnostics.warnings.some((w) => /short days.*1970-01-13/.test(w))).toBe(true);
    // The 8:00 interval: the mean over the ordinary days of their calls in it.
    const first = ordinary.map((calls) => calls.filter((r) => r.arrivedAt % DAY < 8.5 * 3600).length);
    const arrivals = 'arrivals' in scenario ? scenario.arrivals : scenario.lines[0]!.arrivals;
    expect('perInterval' in arrivals && arrivals.perInterval[0]).toBeCloseTo(first.reduce((s, n) => s + n, 0) / first.length, 2);
    expect(diagnostics.dailyCalls.mean).toBeCloseTo(ordinary.reduce((s, calls) => s + calls.length, 0) / ordinary.length, 6);
  });
});
