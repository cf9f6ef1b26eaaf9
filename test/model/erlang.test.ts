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
    });
  }
});
