import { describe, expect, test } from 'vitest';
import { erlangA, erlangB, erlangC } from '../../src/analytic';
import { solveBirthDeath, solveLossSystem } from '../support/birthDeath';
import { arrivalsPerHourFor, expectRelative } from './relative';

// Reference: the birth–death chain solved state by state in test/support/birthDeath.ts, which
// shares no formula with src/analytic (no gamma functions; the service level by uniformizing a
// tagged caller's journey). Both are exact up to rounding and a 1e-18 truncation, and agree to
// about 1e-13 here, so 1e-9 is loose enough for rounding at 50,000 agents yet catches any
// wrong term, off-by-one in the queue or mistaken normalization (those move digits 1–6).
const TOLERANCE = 1e-9;

interface Case {
  agents: number;
  erlangs: number;
  meanHandleSeconds: number;
  meanPatienceSeconds?: number;
  serviceLevelSeconds: number;
  note: string;
}

const erlangCCases: Case[] = [
  { agents: 1, erlangs: 0.5, meanHandleSeconds: 60, serviceLevelSeconds: 20, note: 'M/M/1' },
  { agents: 2, erlangs: 1.5, meanHandleSeconds: 240, serviceLevelSeconds: 20, note: 'two agents' },
  { agents: 3, erlangs: 0.1, meanHandleSeconds: 100, serviceLevelSeconds: 0, note: 'light load, threshold 0' },
  { agents: 6, erlangs: 5, meanHandleSeconds: 180, serviceLevelSeconds: 20, note: 'textbook 5 on 6' },
  { agents: 10, erlangs: 8, meanHandleSeconds: 300, serviceLevelSeconds: 30, note: 'small team' },
  { agents: 50, erlangs: 45, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: 'ρ = 0.9' },
  { agents: 250, erlangs: 240, meanHandleSeconds: 420, serviceLevelSeconds: 60, note: 'ρ = 0.96' },
  { agents: 1000, erlangs: 980, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: 'ρ = 0.98' },
  { agents: 5000, erlangs: 4950, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: 'large center' },
  { agents: 20000, erlangs: 19800, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: 'very large center' },
  { agents: 50000, erlangs: 49500, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: '50,000 agents' },
  { agents: 50000, erlangs: 49950, meanHandleSeconds: 300, serviceLevelSeconds: 20, note: '50,000 agents, ρ = 0.999' },
];

const erlangACases: Case[] = [
  { agents: 1, erlangs: 2, meanHandleSeconds: 180, meanPatienceSeconds: 60, serviceLevelSeconds: 20, note: 'one agent, overloaded' },
  { agents: 3, erlangs: 0.1, meanHandleSeconds: 100, meanPatienceSeconds: 50, serviceLevelSeconds: 0, note: 'light load, threshold 0' },
  { agents: 5, erlangs: 50, meanHandleSeconds: 200, meanPatienceSeconds: 30, serviceLevelSeconds: 10, note: '10× overloaded' },
  { agents: 6, erlangs: 5, meanHandleSeconds: 180, meanPatienceSeconds: 300, serviceLevelSeconds: 20, note: 'textbook load with patience' },
  { agents: 20, erlangs: 25, meanHandleSeconds: 240, meanPatienceSeconds: 120, serviceLevelSeconds: 30, note: 'overloaded' },
  { agents: 30, erlangs: 10, meanHandleSeconds: 300, meanPatienceSeconds: 300, serviceLevelSeconds: 60, note: 'patience = handle, rare waits' },
  { agents: 50, erlangs: 50, meanHandleSeconds: 300, meanPatienceSeconds: 180, serviceLevelSeconds: 20, note: 'critically loaded' },
  { agents: 100, erlangs: 90, meanHandleSeconds: 300, meanPatienceSeconds: 3e7, serviceLevelSeconds: 20, note: 'nearly Erlang C' },
  { agents: 1000, erlangs: 1100, meanHandleSeconds: 300, meanPatienceSeconds: 180, serviceLevelSeconds: 20, note: 'overloaded by 10%' },
  { agents: 10000, erlangs: 10000, meanHandleSeconds: 300, meanPatienceSeconds: 600, serviceLevelSeconds: 20, note: '10,000 agents, critical' },
  { agents: 50000, erlangs: 49000, meanHandleSeconds: 300, meanPatienceSeconds: 900, serviceLevelSeconds: 20, note: '50,000 agents' },
  { agents: 50000, erlangs: 55000, meanHandleSeconds: 300, meanPatienceSeconds: 300, serviceLevelSeconds: 20, note: '50,000 agents, overloaded (service level ≈ 6e-11)' },
];

function inputsOf(c: Case) {
  return {
    arrivalsPerHour: arrivalsPerHourFor(c.erlangs, c.meanHandleSeconds),
    meanHandleSeconds: c.meanHandleSeconds,
    agents: c.agents,
    serviceLevelSeconds: c.serviceLevelSeconds,
  };
}

describe('erlangC agrees with the exact M/M/n birth–death chain to 1e-9 relative', () => {
  test.each(erlangCCases)('$erlangs Erlangs on $agents agents ($note)', (c) => {
    const reference = solveBirthDeath(inputsOf(c));
    const analytic = erlangC(inputsOf(c));
    expectRelative(analytic.probWait, reference.probWait, TOLERANCE, 'probWait');
    expectRelative(analytic.meanWaitSeconds, reference.meanWaitSeconds, TOLERANCE, 'meanWaitSeconds');
    expectRelative(analytic.serviceLevel.fraction, reference.serviceLevelFraction, TOLERANCE, 'serviceLevel');
    expectRelative(analytic.occupancy, reference.occupancy, TOLERANCE, 'occupancy');
    expectRelative(analytic.meanQueueLength, reference.meanQueueLength, TOLERANCE, 'meanQueueLength');
    expect(analytic.serviceLevel.seconds).toBe(c.serviceLevelSeconds);
  });
});

describe('erlangA agrees with the exact M/M/n+M birth–death chain to 1e-9 relative', () => {
  test.each(erlangACases)('$erlangs Erlangs on $agents agents, patience $meanPatienceSeconds s ($note)', (c) => {
    const input = { ...inputsOf(c), meanPatienceSeconds: c.meanPatienceSeconds as number };
    const reference = solveBirthDeath(input);
    const analytic = erlangA(input);
    expectRelative(analytic.probWait, reference.probWait, TOLERANCE, 'probWait');
    expectRelative(analytic.meanWaitSeconds, reference.meanWaitSeconds, TOLERANCE, 'meanWaitSeconds');
    expectRelative(analytic.probAbandon, reference.probAbandon, TOLERANCE, 'probAbandon');
    expectRelative(analytic.serviceLevel.fraction, reference.serviceLevelFraction, TOLERANCE, 'serviceLevel');
    expectRelative(analytic.occupancy, reference.occupancy, TOLERANCE, 'occupancy');
    expectRelative(analytic.meanQueueLength, reference.meanQueueLength, TOLERANCE, 'meanQueueLength');
  });
});

describe('erlangB agrees with the exact M/M/n/n chain to 1e-9 relative', () => {
  test.each([
    [1, 1],
    [10, 5],
    [100, 84.06],
    [1000, 1100],
    [50000, 49000],
  ])('%i lines, %f Erlangs', (agents, erlangs) => {
    const input = { arrivalsPerHour: arrivalsPerHourFor(erlangs, 200), meanHandleSeconds: 200, agents };
    expectRelative(erlangB(input), solveLossSystem(input), TOLERANCE, 'blocking');
  });
});

describe('the reference solver is itself consistent', () => {
  // Guards the reference, not the library: a wrong reference would make the tests above vacuous.
  test.each([...erlangCCases, ...erlangACases])('throughput balances for $erlangs Erlangs on $agents agents', (c) => {
    const input =
      c.meanPatienceSeconds === undefined ? inputsOf(c) : { ...inputsOf(c), meanPatienceSeconds: c.meanPatienceSeconds };
    const solution = solveBirthDeath(input);
    // Calls answered per unit time = calls completed: λ(1 - P(abandon)) = μ E[busy].
    expectRelative(c.agents * solution.occupancy, c.erlangs * (1 - solution.probAbandon), 1e-12, 'busy agents');
    expect(solution.serviceLevelFraction).toBeGreaterThanOrEqual(1 - solution.probWait - 1e-15);
    expect(solution.serviceLevelFraction).toBeLessThanOrEqual(1 - solution.probAbandon + 1e-15);
  });
});
