import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { agentsFor, erlangA, erlangC, type ErlangAResult, type ErlangCResult } from '../../src/analytic';
import { solveBirthDeath } from '../support/birthDeath';
import { arrivalsPerHourFor, expectRelative, relativeDifference } from './relative';

// Monotonicity is a statement about exact values; two evaluations of nearly equal inputs can
// differ by rounding in the last digits. 1e-12 relative forgives that and nothing else: a real
// violation (a wrong sign, a misplaced term) is many orders of magnitude larger.
const ROUNDING = 1e-12;
const notAbove = (value: number, bound: number): boolean => value <= bound + ROUNDING * Math.abs(bound);

const handle = fc.double({ min: 30, max: 900, noNaN: true });
const patience = fc.double({ min: 5, max: 3600, noNaN: true });
const threshold = fc.double({ min: 0, max: 120, noNaN: true });
const agents = fc.integer({ min: 1, max: 300 });
const utilization = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const overload = fc.double({ min: 0, max: 3, noNaN: true }); // offered load / agents, any value for Erlang A

function c(erlangs: number, meanHandleSeconds: number, n: number, serviceLevelSeconds: number): ErlangCResult {
  return erlangC({ arrivalsPerHour: arrivalsPerHourFor(erlangs, meanHandleSeconds), meanHandleSeconds, agents: n, serviceLevelSeconds });
}

function a(erlangs: number, meanHandleSeconds: number, meanPatienceSeconds: number, n: number, serviceLevelSeconds: number): ErlangAResult {
  return erlangA({
    arrivalsPerHour: arrivalsPerHourFor(erlangs, meanHandleSeconds),
    meanHandleSeconds,
    meanPatienceSeconds,
    agents: n,
    serviceLevelSeconds,
  });
}

describe('Erlang C is monotone', () => {
  test.prop([agents, utilization, handle, threshold])(
    'one more agent never raises probWait or meanWaitSeconds, nor lowers the service level',
    (n, rho, h, t) => {
      const fewer = c(rho * n, h, n, t);
      const more = c(rho * n, h, n + 1, t);
      expect(notAbove(more.probWait, fewer.probWait)).toBe(true);
      expect(notAbove(more.meanWaitSeconds, fewer.meanWaitSeconds)).toBe(true);
      expect(notAbove(fewer.serviceLevel.fraction, more.serviceLevel.fraction)).toBe(true);
    },
  );

  test.prop([agents, utilization, utilization, handle, threshold])(
    'more load never lowers probWait or meanWaitSeconds, nor raises the service level',
    (n, rho1, rho2, h, t) => {
      const lighter = c(Math.min(rho1, rho2) * n, h, n, t);
      const heavier = c(Math.max(rho1, rho2) * n, h, n, t);
      expect(notAbove(lighter.probWait, heavier.probWait)).toBe(true);
      expect(notAbove(lighter.meanWaitSeconds, heavier.meanWaitSeconds)).toBe(true);
      expect(notAbove(heavier.serviceLevel.fraction, lighter.serviceLevel.fraction)).toBe(true);
    },
  );
});

describe('Erlang A is monotone, at any load', () => {
  test.prop([agents, overload, handle, patience, threshold])(
    'one more agent never raises probWait, meanWaitSeconds or probAbandon, nor lowers the service level',
    (n, load, h, p, t) => {
      const fewer = a(load * n, h, p, n, t);
      const more = a(load * n, h, p, n + 1, t);
      expect(notAbove(more.probWait, fewer.probWait)).toBe(true);
      expect(notAbove(more.meanWaitSeconds, fewer.meanWaitSeconds)).toBe(true);
      expect(notAbove(more.probAbandon, fewer.probAbandon)).toBe(true);
      expect(notAbove(fewer.serviceLevel.fraction, more.serviceLevel.fraction)).toBe(true);
    },
  );

  test.prop([agents, overload, overload, handle, patience, threshold])(
    'more load never lowers probWait, meanWaitSeconds or probAbandon, nor raises the service level',
    (n, load1, load2, h, p, t) => {
      const lighter = a(Math.min(load1, load2) * n, h, p, n, t);
      const heavier = a(Math.max(load1, load2) * n, h, p, n, t);
      expect(notAbove(lighter.probWait, heavier.probWait)).toBe(true);
      expect(notAbove(lighter.meanWaitSeconds, heavier.meanWaitSeconds)).toBe(true);
      expect(notAbove(lighter.probAbandon, heavier.probAbandon)).toBe(true);
      expect(notAbove(heavier.serviceLevel.fraction, lighter.serviceLevel.fraction)).toBe(true);
    },
  );

  test.prop([agents, overload, handle, patience, threshold])(
    'the service level lies between "answered at once" and "answered at all"',
    (n, load, h, p, t) => {
      const result = a(load * n, h, p, n, t);
      expect(result.serviceLevel.fraction).toBeGreaterThanOrEqual(1 - result.probWait - 1e-12);
      expect(result.serviceLevel.fraction).toBeLessThanOrEqual(1 - result.probAbandon + 1e-12);
    },
  );
});

describe('Erlang A tends to Erlang C as patience grows', () => {
  const metrics = (r: ErlangAResult | ErlangCResult): number[] => [
    r.probWait,
    r.meanWaitSeconds,
    r.serviceLevel.fraction,
    r.meanQueueLength,
    r.occupancy,
  ];
  const largestDifference = (x: ErlangAResult, y: ErlangCResult): number =>
    Math.max(...metrics(x).map((value, i) => relativeDifference(value, metrics(y)[i] as number)));

  test.prop([agents.filter((n) => n <= 200), fc.double({ min: 0.05, max: 0.95, noNaN: true }), handle, threshold])(
    'with patience a billion handle times every metric is within 1e-6, and closer than at a thousand',
    (n, rho, h, t) => {
      const limit = c(rho * n, h, n, t);
      const patient = a(rho * n, h, 1e9 * h, n, t);
      const lessPatient = a(rho * n, h, 1e3 * h, n, t);
      // The gap is O(θ × mean wait) ≤ 20 / 1e9 here (mean wait given waiting ≤ h / (n - a) ≤ 20 h).
      expect(largestDifference(patient, limit)).toBeLessThan(1e-6);
      expect(patient.probAbandon).toBeLessThan(1e-6);
      expect(largestDifference(patient, limit)).toBeLessThanOrEqual(largestDifference(lessPatient, limit) + 1e-12);
    },
  );
});

describe('agentsFor returns the smallest count meeting its target', () => {
  const erlangs = fc.double({ min: 0.05, max: 3000, noNaN: true });

  test.prop([erlangs, handle, threshold, fc.double({ min: 0.3, max: 0.99, noNaN: true })])(
    'Erlang C, service level',
    (load, h, t, serviceLevel) => {
      const input = { arrivalsPerHour: arrivalsPerHourFor(load, h), meanHandleSeconds: h, serviceLevelSeconds: t };
      const plan = agentsFor({ ...input, target: { serviceLevel } });
      expect(plan.serviceLevel.fraction).toBeGreaterThanOrEqual(serviceLevel);
      if (plan.agents - 1 > load) {
        expect(erlangC({ ...input, agents: plan.agents - 1 }).serviceLevel.fraction).toBeLessThan(serviceLevel);
      }
    },
  );

  test.prop([erlangs, handle, fc.double({ min: 0.5, max: 300, noNaN: true })])('Erlang C, mean wait', (load, h, meanWaitSeconds) => {
    const input = { arrivalsPerHour: arrivalsPerHourFor(load, h), meanHandleSeconds: h };
    const plan = agentsFor({ ...input, target: { meanWaitSeconds } });
    expect(plan.meanWaitSeconds).toBeLessThanOrEqual(meanWaitSeconds);
    if (plan.agents - 1 > load) {
      expect(erlangC({ ...input, agents: plan.agents - 1 }).meanWaitSeconds).toBeGreaterThan(meanWaitSeconds);
    }
  });

  const erlangATarget = fc.oneof(
    fc.record({ serviceLevel: fc.double({ min: 0.3, max: 0.99, noNaN: true }) }),
    fc.record({ meanWaitSeconds: fc.double({ min: 0.5, max: 300, noNaN: true }) }),
    fc.record({ probAbandon: fc.double({ min: 0.001, max: 0.5, noNaN: true }) }),
  );

  test.prop([erlangs, handle, patience, threshold, erlangATarget])(
    'Erlang A, any target',
    (load, h, p, t, target) => {
      const input = { arrivalsPerHour: arrivalsPerHourFor(load, h), meanHandleSeconds: h, meanPatienceSeconds: p, serviceLevelSeconds: t };
      const meets = (r: ErlangAResult): boolean =>
        'serviceLevel' in target
          ? r.serviceLevel.fraction >= target.serviceLevel
          : 'meanWaitSeconds' in target
            ? r.meanWaitSeconds <= target.meanWaitSeconds
            : r.probAbandon <= target.probAbandon;
      const plan = agentsFor({ ...input, target });
      expect(meets(plan)).toBe(true);
      if (plan.agents > 1) expect(meets(erlangA({ ...input, agents: plan.agents - 1 }))).toBe(false);
      expect(plan.squareRootEstimate).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('erlangA agrees with the birth–death chain on random centers', () => {
  // Same reference and tolerance as birthDeath.test.ts, over random inputs instead of a table.
  // Loads start at 0.001 Erlangs per agent: below that the probabilities reach the subnormal
  // range (1e-320), where "relative" compares rounding noise with rounding noise.
  const meaningfulLoad = fc.double({ min: 1e-3, max: 3, noNaN: true });
  test.prop([agents.filter((n) => n <= 200), meaningfulLoad, handle, patience, threshold], { numRuns: 60 })(
    'every metric within 1e-9 relative',
    (n, load, h, p, t) => {
      const input = { arrivalsPerHour: arrivalsPerHourFor(load * n, h), meanHandleSeconds: h, meanPatienceSeconds: p, agents: n, serviceLevelSeconds: t };
      const analytic = erlangA(input);
      const reference = solveBirthDeath(input);
      expectRelative(analytic.probWait, reference.probWait, 1e-9, 'probWait');
      expectRelative(analytic.meanWaitSeconds, reference.meanWaitSeconds, 1e-9, 'meanWaitSeconds');
      expectRelative(analytic.probAbandon, reference.probAbandon, 1e-9, 'probAbandon');
      expectRelative(analytic.serviceLevel.fraction, reference.serviceLevelFraction, 1e-9, 'serviceLevel');
    },
  );
});
