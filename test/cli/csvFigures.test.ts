import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimate, resolveScenario, type Replicated, type Report } from '../../src';
import { summarizeAll } from '../../src/experiment/estimate';
import { csvFigure, csvRows, jsonDocument } from '../../src/cli/outputs';
import { sweepCsvRows } from '../../src/cli/sweep';
import type { Sweep } from '../../src/experiment';
import { toCsv } from '../../src/node/csv';
import { significantDigits } from '../support/significantDigits';

describe('csvFigure', () => {
  it('rounds to the decimals a figure means, then to at most 6 significant digits', () => {
    expect(csvFigure(238.00000000000009, 0)).toBe(238);
    expect(csvFigure(62.05, 0)).toBe(62);
    expect(csvFigure(6.999999999999998, 2)).toBe(7);
    expect(csvFigure(20.695035521484705, 1)).toBe(20.7);
    expect(csvFigure(0.8284856429667494, 4)).toBe(0.8285);
    expect(csvFigure(123_456_789.123, 1)).toBe(123_457_000);
    expect(csvFigure(0.000123456789)).toBe(0.000123457);
    expect(csvFigure(0.30000000000000004)).toBe(0.3);
  });

  it('never writes -0, and leaves what is not a finite number alone', () => {
    expect(Object.is(csvFigure(-0.2, 0), 0)).toBe(true);
    expect(Object.is(csvFigure(-1e-9, 4), 0)).toBe(true);
    expect(csvFigure(Infinity, 1)).toBe(Infinity);
    expect(csvFigure(NaN, 1)).toBeNaN();
  });
});

describe('the CSV rows of a result', () => {
  // Two replications of one interval, with the binary noise of real sums in them.
  const row = (arrivals: number, busyAgents: number): Report['intervals'][number] => ({
    intervalStart: 0,
    intervalEnd: 1800,
    warmup: false,
    arrivals,
    answered: arrivals - 3,
    abandoned: 3,
    balked: 0,
    busy: 0,
    disconnected: 0,
    callbacksAccepted: 0,
    meanHoldSeconds: 41.123456789,
    serviceLevel: 0.712345678901,
    agentsScheduled: 6.999999999999998,
    agentsOnDuty: 7.000000000000002,
    busyAgents,
    occupancy: busyAgents / 7,
    meanQueueLength: 1.23456789,
  });
  const reports = [{ intervals: [row(238.00000000000009, 5.123456789)] }, { intervals: [row(241, 5.2)] }] as unknown as Report[];
  const replicated = { replications: 2, reports, summary: summarizeAll(reports) } as unknown as Replicated;
  const result = { kind: 'run', title: 'noise', scenario: resolveScenario({ arrivals: { perHour: 1 }, agents: 1, durationSeconds: 1800, handleTime: { type: 'fixed', seconds: 1 } }), replicated } as const;

  it('writes counts whole, seconds to 0.1 s, fractions to 4 places, agents and queues to 2', () => {
    const [first] = csvRows(result);
    const arrivals = estimate([238.00000000000009, 241]);
    expect(first).toMatchObject({
      intervalStart: 0,
      intervalEnd: 1800,
      warmup: false,
      arrivals: 240, // 239.5 rounds up
      arrivalsLow: Math.round(arrivals.low),
      arrivalsHigh: Math.round(arrivals.high),
      meanHoldSeconds: 41.1,
      meanHoldSecondsLow: 41.1,
      serviceLevel: 0.7123,
      agentsScheduled: 7,
      agentsOnDutyHigh: 7,
      busyAgents: 5.16,
      occupancy: 0.7374,
      meanQueueLength: 1.23,
    });
    for (const [field, value] of Object.entries(first!)) {
      if (typeof value === 'number') expect(significantDigits(String(value)), field).toBeLessThanOrEqual(6);
    }
  });

  it('leaves the JSON document raw', () => {
    const document = JSON.parse(jsonDocument(result));
    expect(document.replicated.summary.intervals[0].arrivals.mean).toBe((238.00000000000009 + 241) / 2);
    expect(document.replicated.summary.intervals[0].busyAgents.mean).toBe((5.123456789 + 5.2) / 2);
    expect(toCsv(csvRows(result))).not.toContain('0000000');
  });
});

describe('interval bounds in the CSV', () => {
  const row = (abandoned: number, serviceLevel: number, occupancy: number): Report['intervals'][number] => ({
    intervalStart: 0,
    intervalEnd: 3600,
    warmup: false,
    arrivals: 60,
    answered: 60 - abandoned,
    abandoned,
    balked: 0,
    busy: 0,
    disconnected: 0,
    callbacksAccepted: 0,
    meanHoldSeconds: 30 * abandoned,
    serviceLevel,
    agentsScheduled: 7,
    agentsOnDuty: 7,
    busyAgents: 7 * occupancy,
    occupancy,
    meanQueueLength: abandoned / 3,
  });
  const resultOf = (rows: Array<Report['intervals'][number]>) => {
    const reports = rows.map((r) => ({ intervals: [r] })) as unknown as Report[];
    const replicated = { replications: rows.length, reports, summary: summarizeAll(reports) } as unknown as Replicated;
    return { kind: 'run', title: 'bounds', scenario: resolveScenario({ arrivals: { perHour: 60 }, agents: 7, durationSeconds: 1800, handleTime: { type: 'fixed', seconds: 1 } }), replicated } as const;
  };

  it('clips counts and seconds at 0 and fractions to [0, 1]', () => {
    // Two replications: a t-interval with 1 degree of freedom (t = 12.706) around means near
    // their limits runs far past them (abandoned 3 ± 38, service level 85% ± 191).
    const [first] = csvRows(resultOf([row(0, 0.7, 0.9), row(6, 1, 1)]));
    const abandoned = estimate([0, 6]);
    expect(abandoned.low).toBeLessThan(0);
    expect(estimate([0.7, 1]).high).toBeGreaterThan(1);
    expect(first).toMatchObject({
      abandoned: 3,
      abandonedLow: 0,
      abandonedHigh: Math.round(abandoned.high),
      meanHoldSecondsLow: 0,
      meanQueueLengthLow: 0,
      serviceLevel: 0.85,
      serviceLevelLow: 0,
      serviceLevelHigh: 1,
      occupancy: 0.95,
      occupancyHigh: 1,
      agentsOnDutyLow: 7,
    });
  });

  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  const replication = fc.tuple(fc.integer({ min: 0, max: 60 }), fraction, fraction).map(([abandoned, serviceLevel, occupancy]) => row(abandoned, serviceLevel, occupancy));
  test.prop([fc.array(replication, { minLength: 2, maxLength: 8 })])(
    "every fraction's bounds lie in [0, 1], every other figure's at or above 0, and each interval holds its mean",
    (rows) => {
      for (const written of csvRows(resultOf(rows))) {
        for (const field of ['serviceLevel', 'occupancy']) {
          expect(written[`${field}Low`]).toBeGreaterThanOrEqual(0);
          expect(written[`${field}High`]).toBeLessThanOrEqual(1);
        }
        for (const field of ['arrivals', 'answered', 'abandoned', 'meanHoldSeconds', 'serviceLevel', 'busyAgents', 'occupancy', 'meanQueueLength']) {
          const [low, mean, high] = [written[`${field}Low`], written[field], written[`${field}High`]] as number[];
          expect(low, field).toBeGreaterThanOrEqual(0);
          expect(low, field).toBeLessThanOrEqual(mean!);
          expect(mean, field).toBeLessThanOrEqual(high!);
        }
      }
    },
  );
});

describe('interval bounds in the sweep CSV', () => {
  it('clips fractions to [0, 1], changes of a fraction to [-1, 1], counts at 0, and leaves hold saved signed', () => {
    const e = (mean: number, halfWidth: number) => ({ mean, sd: halfWidth / 2, halfWidth, low: mean - halfWidth, high: mean + halfWidth });
    const row = {
      cell: 0,
      settings: { 'agents.scale': 1 },
      netHoldHours: e(2, 5),
      directHoldHours: e(3, 1),
      indirectHoldHours: e(-1, 5),
      totalHoldHours: e(1, 2),
      meanHoldSeconds: e(10, 20),
      abandonment: e(0.05, 0.1),
      serviceLevel: e(0.95, 0.1),
      occupancy: e(0.97, 0.05),
      callbacksOffered: e(3, 6),
      callbacksAccepted: e(1, 2),
      callbacksConnected: e(1, 2),
      abandonmentChange: e(-0.5, 0.6),
      serviceLevelChange: e(0.5, 0.6),
    };
    const [written] = sweepCsvRows({ replications: 2, vary: [{ path: 'agents.scale', values: [1] }], rows: [row] } as unknown as Sweep);
    expect(written).toMatchObject({
      netHoldHoursLow: -3,
      netHoldHoursHigh: 7,
      indirectHoldHoursLow: -6,
      totalHoldHoursLow: 0,
      meanHoldSecondsLow: 0,
      abandonmentLow: 0,
      abandonmentHigh: 0.15,
      serviceLevelLow: 0.85,
      serviceLevelHigh: 1,
      occupancyHigh: 1,
      callbacksOfferedLow: 0,
      abandonmentChangeLow: -1,
      abandonmentChangeHigh: 0.1,
      serviceLevelChangeHigh: 1,
    });
  });
});
