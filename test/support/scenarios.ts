import { lastValueFrom, toArray } from 'rxjs';
import { run, simulate, type Report, type Scenario, type SimEvent, type SingleLineScenario } from '../../src';

/** The reference model of the benchmarks and issues: M/M/50+M, 570 calls an hour. */
export function referenceScenario(overrides: Partial<SingleLineScenario> = {}): SingleLineScenario {
  return {
    arrivals: { perHour: 570 },
    agents: 50,
    durationSeconds: 8 * 3600,
    handleTime: { type: 'exponential', meanSeconds: 300 },
    patience: { type: 'exponential', meanSeconds: 600 },
    ...overrides,
  };
}

/** Every event of one simulation, in order. */
export function eventsOf(scenario: Scenario): Promise<SimEvent[]> {
  return lastValueFrom(simulate(scenario).pipe(toArray()));
}

const simulated = new Map<string, Promise<{ events: SimEvent[]; report: Report }>>();

/**
 * The events and the report of `scenario`, simulated once per test file however many
 * properties ask: properties see the same scenarios (the seed is fixed in setup.ts).
 */
export function simulatedOnce(scenario: Scenario): Promise<{ events: SimEvent[]; report: Report }> {
  const key = JSON.stringify(scenario);
  let result = simulated.get(key);
  if (!result) {
    result = Promise.all([eventsOf(scenario), run(scenario)]).then(([events, report]) => ({ events, report }));
    simulated.set(key, result);
  }
  return result;
}

/** Sample mean and its standard error. */
export function meanAndStandardError(values: readonly number[]): { mean: number; standardError: number } {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
