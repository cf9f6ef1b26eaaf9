import { describe, expect, it } from 'vitest';
import { backtestDayTypes, type CallRecord, type DayTypeScenarios } from '../../src/calibrate';

// A forecast of 1 call an interval, beside three days of records written by hand with 40 first
// calls from 8:00 to 8:30 and 10 from 8:30 to 9:00 (no caller id: no redials). Taking the
// arrivals from the records, the simulated calls are the records' (Poisson means 40 and 10);
// by default they stay the forecast's.
const DAY = 86_400;
const fit: DayTypeScenarios = {
  dayTypes: [
    {
      name: 'every-day',
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      days: [],
      openAtSeconds: 8 * 3600,
      scenario: { arrivals: { intervalSeconds: 1800, perInterval: [1, 1] }, agents: 30, handleTime: { type: 'exponential', meanSeconds: 60 }, patience: { type: 'exponential', meanSeconds: 600 } },
    },
  ],
  teams: {},
};
const records: CallRecord[] = [];
for (let day = 10; day < 13; day++) {
  const calls = (from: number, n: number) => {
    for (let i = 0; i < n; i++) {
      const arrivedAt = day * DAY + from + Math.floor((i * 1800) / n);
      records.push({ callId: `${day}-${from}-${i}`, line: 'main', arrivedAt, outcome: 'answered', answeredAt: arrivedAt, endedAt: arrivedAt + 60 });
    }
  };
  calls(8 * 3600, 40);
  calls(8.5 * 3600, 10);
}
const simulatedCalls = (result: Awaited<ReturnType<typeof backtestDayTypes>>) => result.rows.filter((r) => r.measure === 'calls').map((r) => r.simulated);

describe('backtest with the arrivals from the records', () => {
  it('runs on the first calls of the days tested instead of the forecast', async () => {
    const taken = await backtestDayTypes(fit, records, { arrivalsFromRecords: true, replications: 200, seed: 3 });
    // The mean of 200 Poisson days: standard error √40/√200 ≈ 0.45 and √10/√200 ≈ 0.22; 4 of them allowed.
    const [first, second] = simulatedCalls(taken);
    expect(first).toBeGreaterThan(40 - 1.8);
    expect(first).toBeLessThan(40 + 1.8);
    expect(second).toBeGreaterThan(10 - 0.9);
    expect(second).toBeLessThan(10 + 0.9);
    expect(taken.dayTypes[0]!.arrivalsFromRecords).toBe(true);
    const forecast = await backtestDayTypes(fit, records, { replications: 200, seed: 3 });
    for (const calls of simulatedCalls(forecast)) expect(calls).toBeLessThan(1.5);
  });
});
