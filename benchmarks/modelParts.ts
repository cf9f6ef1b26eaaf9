// Parts of run() on their own, for instructions.bench.ts: the model with an observer that does
// nothing, and the model with the metrics but no report. Bundled from the sources by the
// benchmark (these classes are not in the package's public API).
import { CenterMetrics } from '../src/metrics';
import { ContactCenter, QuietObserver, metricsWindow } from '../src/model';
import { resolveScenario, type Scenario } from '../src/scenario';

/** The reference model's events and nothing else: the floor under every face of the library. */
export function runModelOnly(scenario: Scenario): number {
  const center = new ContactCenter(resolveScenario(scenario), new QuietObserver());
  center.start();
  center.simulation.run();
  return center.simulation.now;
}

/** run()'s work before the report: the model and the metrics' accumulators. */
export function runModelWithMetrics(scenario: Scenario): number {
  const resolved = resolveScenario(scenario);
  const center = new ContactCenter(resolved, new CenterMetrics(metricsWindow(resolved)));
  center.start();
  center.simulation.run();
  return center.simulation.now;
}
