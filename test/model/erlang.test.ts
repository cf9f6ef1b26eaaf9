import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, runSync, type Report, type Scenario } from '../../src';
import { solveBirthDeath } from '../support/birthDeath';
import { meanAndStandardError } from '../support/scenarios';

// The simulator against exact steady-state values of M/M/n (Erlang C) and M/M/n+M (Erlang A):
// the library's closed forms (erlangC, erlangA), themselves checked here against the
// birth–death chain solved numerically in test/support, which shares no code with the library.
// Exponential handle times of 300 s throughout.
//
// Tolerance: each case runs 16 independent replications; a metric passes when its mean over
// them lies within 4.5 standard errors of the exact value (Student t with 15 degrees of freedom
// puts a false alarm below 1 in 2,000 per check; the seeds are fixed, so the test is
// deterministic anyway). It is also sharp: each check asserts that the tolerance itself is
// small, under 10% of the mean wait (or 1 s), 2 points of a fraction (1 of abandonment) and
// 1 point of occupancy, so a bug that moves a wait by a tenth or a fraction by a few points fails:
// one agent too many or too few, a patience clock started at the wrong time, or a caller
// served out of order all move these figures further than that. Runs are long where the
// variance is high (small centers, loads near capacity).
//
// The same runs check the interval rows past the warm-up (steady state) against the exact
// queue length and service level, and, for Erlang C, the percentiles p50, p90 and p95 against
// the exact waiting-time distribution (see checkPercentiles for that tolerance).
const replications = 16;
const handleSeconds = 300;

interface Case {
  name: string;
  agents: number;
  load: number; // Erlangs: arrivals per hour * handle hours
  patienceSeconds?: number;
  hours: number; // of counted callers per replication
}

const cases: Case[] = [
  { name: 'Erlang C, 5 agents at 80%', agents: 5, load: 4, hours: 1600 },
  { name: 'Erlang C, 20 agents at 85%', agents: 20, load: 17, hours: 480 },
  { name: 'Erlang C, 100 agents at 90%', agents: 100, load: 90, hours: 320 },
  { name: 'Erlang C, 1,000 agents at 95%', agents: 1000, load: 950, hours: 24 },
  { name: 'Erlang A, 10 agents at 90%', agents: 10, load: 9, patienceSeconds: 600, hours: 200 },
  { name: 'Erlang A, 50 agents (the reference model)', agents: 50, load: 47.5, patienceSeconds: 600, hours: 200 },
  { name: 'Erlang A, 200 agents overloaded to 120%', agents: 200, load: 240, patienceSeconds: 300, hours: 16 },
  { name: 'Erlang A, 5 agents overloaded to 160%', agents: 5, load: 8, patienceSeconds: 120, hours: 150 },
  { name: 'Erlang A, 3,000 agents overloaded to 110%', agents: 3000, load: 3300, patienceSeconds: 600, hours: 2 },
];

type Row = Report['intervals'][number];

/** Rows' time-averaged queue length over their whole span (rows weighted by their length). */
function pooledQueueLength(rows: Row[]): number {
  const span = (row: Row) => row.intervalEnd - row.intervalStart;
  return rows.reduce((sum, row) => sum + row.meanQueueLength * span(row), 0) / rows.reduce((sum, row) => sum + span(row), 0);
}

/** Rows' service level over all their callers (rows weighted by the callers who held). */
function pooledServiceLevel(rows: Row[]): number {
  const held = (row: Row) => row.answered + row.abandoned;
  return rows.reduce((sum, row) => sum + row.serviceLevel * held(row), 0) / rows.reduce((sum, row) => sum + held(row), 0);
}

// Percentiles against Erlang C's exact waiting-time distribution: in M/M/n, FIFO,
// P(W > t) = C e^{-(nμ - λ) t}, so the CDF is F(t) = 1 - C e^{-(nμ - λ) t}, with an atom of
// 1 - C at 0. For a q above the atom, the sample q-quantile w of the waits satisfies F(w) ≈ q,
// and F(w) is a far better behaved statistic than w itself (for independent waits its standard
// deviation would be sqrt(q(1 - q) / n); the waits of a queue are strongly correlated, so the
// effective n is much smaller and unknown). The replications are independent, so the check is
// on F(p_q) replication by replication: their mean must lie within 4.5 standard errors of q
// (Student t, 15 degrees of freedom, as above), plus the sketch's own error (the exact sample
// quantile lies within [p/(1 + 0.005), p/(1 - 0.005)], so F of it lies within F of those). The
// tolerance must be under 0.015: a percentile off by two points of rank fails, and p90 and p95
// are five points apart. A q inside the atom (q < 1 - C) must report 0 in every replication.
// A q within 5 points of the atom's edge is not checked: there a replication's sample quantile
// may fall on either side of the atom, and F of it says nothing.
function checkPercentiles(reports: Report[], probWait: number, decayPerSecond: number): number {
  const cdf = (t: number) => 1 - probWait * Math.exp(-decayPerSecond * t);
  const accuracy = 0.005;
  const atom = 1 - probWait;
  const levels = [
    [0.5, (r: Report) => r.hold.p50Seconds],
    [0.9, (r: Report) => r.hold.p90Seconds],
    [0.95, (r: Report) => r.hold.p95Seconds],
  ] as const;
  let checked = 0;
  for (const [q, pick] of levels) {
    const estimates = reports.map(pick);
    if (Math.abs(q - atom) < 0.05) continue;
    checked++;
    if (q < atom) {
      expect(estimates, `p${q * 100}: inside the atom at 0 (1 - C = ${atom})`).toEqual(estimates.map(() => 0));
      continue;
    }
    const levelsReached = estimates.map(cdf);
    const sketchBand = Math.max(...estimates.map((p) => cdf(p / (1 - accuracy)) - cdf(p / (1 + accuracy))));
    const { mean, standardError } = meanAndStandardError(levelsReached);
    const tolerance = 4.5 * standardError + sketchBand;
    const exactQuantile = Math.log(probWait / (1 - q)) / decayPerSecond;
    expect(tolerance, `p${q * 100}: tolerance ${tolerance} must be under 0.015`).toBeLessThan(0.015);
    expect(
      Math.abs(mean - q),
      `p${q * 100}: F(simulated) = ${mean} ± ${tolerance} (first replication ${estimates[0]} s, exact ${exactQuantile} s)`,
    ).toBeLessThanOrEqual(tolerance);
  }
  return checked;
}

describe('the simulator agrees with Erlang C and Erlang A', () => {
  for (const c of cases) {
    it(c.name, () => {
      const arrivalsPerHour = (c.load * 3600) / handleSeconds;
      const load = { arrivalsPerHour, meanHandleSeconds: handleSeconds, agents: c.agents, serviceLevelSeconds: 20 };
      const closedForm =
        c.patienceSeconds === undefined
          ? { ...erlangC(load), probAbandon: 0 }
          : erlangA({ ...load, meanPatienceSeconds: c.patienceSeconds });
      const exact: Record<'probWait' | 'meanWaitSeconds' | 'occupancy' | 'serviceLevelFraction' | 'probAbandon', number> = {
        probWait: closedForm.probWait,
        meanWaitSeconds: closedForm.meanWaitSeconds,
        occupancy: closedForm.occupancy,
        serviceLevelFraction: closedForm.serviceLevel.fraction,
        probAbandon: closedForm.probAbandon,
      };
      const chain = solveBirthDeath({
        ...load,
        ...(c.patienceSeconds === undefined ? {} : { meanPatienceSeconds: c.patienceSeconds }),
      });
      for (const field of Object.keys(exact) as Array<keyof typeof exact>) {
        const value = exact[field];
        const reference = chain[field];
        expect(Math.abs(value - reference), `${field}: closed form ${value}, chain ${reference}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(reference)));
      }
      // Start empty, then let 20 handle times (or patience times) pass before counting.
      const warmupSeconds = 20 * Math.max(handleSeconds, c.patienceSeconds ?? 0);
      const reports: Report[] = [];
      for (let k = 0; k < replications; k++) {
        const scenario: Scenario = {
          seed: 1000 + k,
          warmupSeconds,
          durationSeconds: warmupSeconds + c.hours * 3600,
          arrivals: { perHour: arrivalsPerHour },
          agents: c.agents,
          handleTime: { type: 'exponential', meanSeconds: handleSeconds },
          ...(c.patienceSeconds === undefined ? {} : { patience: { type: 'exponential', meanSeconds: c.patienceSeconds } }),
        };
        reports.push(runSync(scenario));
      }
      const check = (metric: string, values: number[], expected: number, sharpEnough: number) => {
        const { mean, standardError } = meanAndStandardError(values);
        // The floor covers figures that no replication can resolve: a probability of 1e-6 shows
        // as 0, and probWait is exactly 1 in every replication of an overloaded center.
        const tolerance = 4.5 * standardError + 1e-5;
        expect(tolerance, `${metric}: tolerance ${tolerance} must be under ${sharpEnough}`).toBeLessThan(sharpEnough);
        expect(Math.abs(mean - expected), `${metric}: simulated ${mean} ± ${tolerance}, exact ${expected}`).toBeLessThanOrEqual(tolerance);
      };
      check('probWait', reports.map((r) => r.hold.probWait), exact.probWait, 0.02);
      check('meanSeconds', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, Math.max(0.1 * exact.meanWaitSeconds, 1));
      check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, 0.01);
      check('serviceLevel', reports.map((r) => r.serviceLevel.fraction), exact.serviceLevelFraction, 0.02);
      if (c.patienceSeconds !== undefined) {
        check('abandonment', reports.map((r) => r.abandonment.fraction), exact.probAbandon, 0.01);
      }

      // The interval rows past the warm-up are in steady state: pooled over them, replication
      // by replication, their time-averaged queue and their service level are the exact values.
      // (Queue length is sharp to 10%, or to λ × 1 s: the mean wait's bound through Little's law.)
      const steadyRows = reports.map((r) => r.intervals.filter((row) => !row.warmup));
      expect(steadyRows[0]!.length).toBeGreaterThanOrEqual(Math.floor(c.hours) - 1);
      check('rows: meanQueueLength', steadyRows.map(pooledQueueLength), chain.meanQueueLength, Math.max(0.1 * chain.meanQueueLength, arrivalsPerHour / 3600));
      check('rows: serviceLevel', steadyRows.map(pooledServiceLevel), exact.serviceLevelFraction, 0.02);

      if (c.patienceSeconds === undefined) {
        expect(checkPercentiles(reports, closedForm.probWait, (c.agents - c.load) / handleSeconds)).toBeGreaterThanOrEqual(1);
      }
    });
  }
});

describe('interval rows of a day with two loads', () => {
  it('each interval in steady state shows the Erlang C queue and service level of its own load', () => {
    // 150 hours of 20 agents at 75%, then 150 hours of 50 agents at 92%: rows more than 20
    // handle times (two hours) after each change are in steady state at that block's load.
    // The rows of each block, pooled replication by replication, must match Erlang C at that
    // block's own load within 4.5 standard errors (as above). A single hour's queue is noisy,
    // so the point here is attribution, not accuracy (the cases above are sharp to 10%): each
    // tolerance must be under half the gap between the two blocks' exact values (queue 0.48
    // against 5.27, service level 0.885 against 0.649), so rows that showed the other block's
    // figures, or the day's average, would fail.
    const hours = 150;
    const blocks = [
      { agents: 20, load: 15, firstRow: 2 },
      { agents: 50, load: 46, firstRow: hours + 2 },
    ] as const;
    const perHour = blocks.map((b) => (b.load * 3600) / handleSeconds);
    const reports: Report[] = [];
    for (let k = 0; k < replications; k++) {
      reports.push(
        runSync({
          seed: 2000 + k,
          arrivals: { intervalSeconds: 3600, perInterval: blocks.flatMap((_, i) => Array<number>(hours).fill(perHour[i]!)) },
          agents: { intervalSeconds: 3600, perInterval: blocks.flatMap((b) => Array<number>(hours).fill(b.agents)) },
          handleTime: { type: 'exponential', meanSeconds: handleSeconds },
        }),
      );
    }
    const exact = blocks.map((b, i) => erlangC({ arrivalsPerHour: perHour[i]!, meanHandleSeconds: handleSeconds, agents: b.agents, serviceLevelSeconds: 20 }));
    const queueGap = Math.abs(exact[0]!.meanQueueLength - exact[1]!.meanQueueLength);
    const serviceLevelGap = Math.abs(exact[0]!.serviceLevel.fraction - exact[1]!.serviceLevel.fraction);
    for (const [i, block] of blocks.entries()) {
      const rows = reports.map((r) => r.intervals.slice(block.firstRow, block.firstRow + hours - 2));
      for (const row of rows[0]!) expect(row.agentsScheduled).toBeCloseTo(block.agents, 9);
      for (const [metric, values, expected, sharpEnough] of [
        ['meanQueueLength', rows.map(pooledQueueLength), exact[i]!.meanQueueLength, queueGap / 2],
        ['serviceLevel', rows.map(pooledServiceLevel), exact[i]!.serviceLevel.fraction, Math.min(serviceLevelGap / 2, 0.04)],
      ] as const) {
        const { mean, standardError } = meanAndStandardError(values);
        const tolerance = 4.5 * standardError;
        expect(tolerance, `block ${i + 1}, ${metric}: tolerance ${tolerance} must be under ${sharpEnough}`).toBeLessThan(sharpEnough);
        expect(Math.abs(mean - expected), `block ${i + 1}, ${metric}: simulated ${mean} ± ${tolerance}, exact ${expected}`).toBeLessThanOrEqual(tolerance);
      }
    }
  });
});
