import { RandomStreams, compileDistribution } from '../random';
import type { ResolvedScenario } from '../scenario';
import { callbackOffered } from '../model/lineRuntime';
import { CenterFuture } from './centerFuture';
import { prepareSnapshot } from './preparedSnapshot';
import type { ForecastOptions, WaitForecast } from './forecastWait';
import type { MultiLineSnapshot } from './multiLineSnapshot';
import { ANSWERED_AT_ONCE, replicationsOf, summarizeWaits } from './waitSummary';

/**
 * The forecaster of a multi-line scenario: for a caller arriving now on `options.line`, many
 * futures of the whole center from the snapshot (see `CenterFuture`), since with priorities and
 * delayed overflow a later caller of another line can reach an agent first. The snapshot is
 * trusted (see `multiLineSnapshotProblems`).
 */
export function createMultiLineForecaster(scenario: ResolvedScenario): (snapshot: MultiLineSnapshot, options?: ForecastOptions) => WaitForecast {
  const future = new CenterFuture(scenario);
  const names = scenario.lines.map((line) => line.name);
  const overtaking = names.map((_, index) => future.linesThatCanOvertake(index));
  const patience = scenario.lines.map((line) => line.patience && compileDistribution(line.patience));

  return (snapshot, options = {}) => {
    const line = lineIndex(names, options.line);
    const replications = replicationsOf(options.replications);
    const prepared = prepareSnapshot(scenario, snapshot);
    const uniform = new RandomStreams(options.seed ?? scenario.seed).stream('forecast');
    const waits = new Float64Array(replications);
    const linePatience = patience[line];
    let abandons = 0;
    for (let r = 0; r < replications; r++) {
      const wait = future.waitOnce(prepared, line, overtaking[line]!, uniform);
      // Who reaches an agent at once does so in every future: the first says it.
      if (wait === 0 && r === 0) return ANSWERED_AT_ONCE;
      waits[r] = wait;
      if (linePatience && linePatience.sample(uniform) < wait) abandons++;
    }
    return summarizeWaits(waits, abandons, offersNow(scenario, future, snapshot, line));
  };
}

// The line's callback rule on the state now, as the model would apply it to this caller.
function offersNow(scenario: ResolvedScenario, future: CenterFuture, snapshot: MultiLineSnapshot, line: number): boolean {
  const spec = scenario.lines[line]!;
  if (!spec.callback) return false;
  const state = snapshot.lines[spec.name];
  const entries = (state?.hold?.length ?? 0) + (state?.callbacks?.length ?? 0);
  const agents = Int32Array.from(scenario.groups, (g) => snapshot.groups[g.name]!.agents);
  return callbackOffered(spec.callback, future.announcedWait(line, entries, agents), entries);
}

function lineIndex(names: readonly string[], line: string | undefined): number {
  const index = line === undefined ? -1 : names.indexOf(line);
  if (index < 0) {
    throw new RangeError(
      `forecastWait: options.line must name a line of the scenario (one of ${names.map((n) => JSON.stringify(n)).join(', ')}), got ${JSON.stringify(line)}`,
    );
  }
  return index;
}
