import { OptionsError } from '../errors';
import { StartingPoint } from '../model';
import { RandomStreams, compileDistribution } from '../random';
import { distributionsOf, intervalOf, meanOverIntervals, resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { callbackOffered } from '../model/lineRuntime';
import { asMultiLine, centerState } from './centerState';
import { runFutures, type FuturesPlan } from './futures';
import type { MultiLineSnapshot } from './multiLineSnapshot';
import { SnapshotError, snapshotProblems, type CenterSnapshot } from './snapshot';
import type { WaitForecast } from './types';
import { ANSWERED_AT_ONCE, summarizeWaits } from './waitSummary';

/** Options of `forecastWait()`. */
export interface ForecastOptions {
  /** Futures to simulate, exactly (the budget still applies); default: as many as `precisionSeconds` needs, at most 1,000. */
  replications?: number;
  /** How precisely to know the median wait (the announcement): 95% interval half-width in seconds; default 30. */
  precisionSeconds?: number;
  /**
   * The most work an answer may take: events simulated (default 5,000,000) and wall
   * milliseconds (default none; the first future always runs to its end within the events).
   */
  budget?: { events?: number; milliseconds?: number };
  /** Default: the scenario's seed, so the same state gets the same answer (a budget in milliseconds aside). */
  seed?: number;
  /** The line the caller arrives on: required for a multi-line scenario (with a `MultiLineSnapshot`). */
  line?: string;
  /**
   * Aborting stops the futures (the forecast then throws the signal's reason): for a caller who
   * has gone. Anything with `throwIfAborted()` will do (a flag shared with another thread).
   */
  signal?: Pick<AbortSignal, 'throwIfAborted'>;
}

const DEFAULT_FUTURES = 1000;
const DEFAULT_PRECISION_SECONDS = 30;
const DEFAULT_EVENTS = 5_000_000;
// Futures run before the precision is judged: fewer, and a lucky tight start would stop early.
const MIN_FUTURES = 32;

/**
 * Forecasts the hold of a caller arriving now at a live center, by running the planning model
 * forward from its snapshot many times (DESIGN.md, "Real time"): each future is the center
 * seated in the snapshot's state (calls in progress keep their elapsed time, what is left of
 * them drawn given how long they have lasted; callers on hold keep their wait and their patience
 * likewise; callback requests, people who will redial, the roster, trunks and the rates of the
 * time of day all as the model has them), with the caller put on hold, until an agent takes
 * them. Futures run until the median is known within `precisionSeconds` or the budget is spent;
 * the answer says how many ran and how precise it is.
 *
 * @example
 * const forecast = forecastWait(scenario, {
 *   agents: 50, busy: Array.from({ length: 50 }, () => ({ elapsedSeconds: 120 })),
 *   hold: [{ waitedSeconds: 95 }, { waitedSeconds: 40 }], callbacks: [],
 * });
 * forecast.announceSeconds; // e.g. 60: "your wait is about 1 minute"
 *
 * A center of several lines gives a `MultiLineSnapshot` and the caller's line. With priorities
 * and delayed overflow a later caller of another line can reach an agent first: the futures
 * simulate every line's callers at the scenario's rates for `timeOfDaySeconds`.
 *
 * @example
 * forecastWait(center, {
 *   lines: { individuals: { hold: [{ waitedSeconds: 95 }] }, practitioners: {} },
 *   groups: { general: { agents: 2, busy: [{ elapsedSeconds: 60, line: 'individuals' }, { elapsedSeconds: 10, line: 'practitioners' }] },
 *             overflow: { agents: 1, busy: [{ elapsedSeconds: 200, line: 'individuals' }] } },
 *   timeOfDaySeconds: 3600,
 * }, { line: 'individuals', budget: { milliseconds: 50 } }).announceSeconds;
 */
export function forecastWait(scenario: Scenario | ResolvedScenario, snapshot: CenterSnapshot | MultiLineSnapshot, options: ForecastOptions = {}): WaitForecast {
  const forecaster = createWaitForecaster(scenario);
  const line = forecasterLine(forecaster.scenario, options.line);
  lineIndex(forecaster.scenario, line);
  const problems = snapshotProblems(snapshot, forecaster.scenario, line);
  if (problems.length > 0) throw new SnapshotError(problems);
  return forecaster(snapshot, options);
}

/**
 * `forecastWait()` for one scenario, asked many times: the scenario is validated and its
 * distributions compiled once, so each answer costs only the simulation (for a service that
 * answers every incoming call). The snapshot is trusted: validate it first when it comes from
 * outside (`snapshotProblems`, `validateSnapshot`).
 *
 * @example
 * const forecast = createWaitForecaster(scenario);
 * ivr.on('call', (snapshot) => forecast(snapshot, { budget: { milliseconds: 20 } }).announceSeconds);
 */
export function createWaitForecaster(scenario: Scenario | ResolvedScenario): WaitForecaster {
  const resolved = resolveScenario(scenario);
  const patience = resolved.lines.map((line) => line.patience && distributionsOf(line.patience).map(compileDistribution));
  const forecast = (snapshot: CenterSnapshot | MultiLineSnapshot, options: ForecastOptions = {}): WaitForecast => {
    const line = lineIndex(resolved, forecasterLine(resolved, options.line));
    const state = asMultiLine(resolved, snapshot);
    const point = new StartingPoint(resolved, centerState(resolved, state));
    const seed = options.seed ?? resolved.seed;
    const result = runFutures(resolved, point, line, planOf(options, seed));
    // With a maximum wait the forecast also says how likely the caller is to reach it.
    const maxWait = resolved.lines[line]!.maxWaitSeconds;
    if (result.answeredAtOnce) return maxWait === Infinity ? { ...ANSWERED_AT_ONCE } : { ...ANSWERED_AT_ONCE, probTimeout: 0 };
    // Whether this caller would hang up first: their own patience against each future's wait
    // (the wait they would have if they held that long), or the line's maximum wait if it comes
    // first (the maximum on a tie, as in the model).
    const uniform = new RandomStreams(seed).stream('forecast-patience');
    // The caller of interest arrives now: their patience is that of the snapshot's interval.
    const spec = resolved.lines[line]!.patience;
    const linePatience = spec && patience[line]![intervalOf(spec, point.timeSeconds)];
    let abandons = 0;
    let timeouts = 0;
    for (const wait of result.waits) {
      const ownPatience = linePatience ? linePatience.sample(uniform) : Infinity;
      if (ownPatience < Math.min(wait, maxWait)) abandons++;
      else if (wait > maxWait) timeouts++;
    }
    const forecast = summarizeWaits(result, abandons, offersNow(resolved, state, line));
    return maxWait === Infinity ? forecast : { ...forecast, probTimeout: timeouts / result.waits.length };
  };
  return Object.assign(forecast, { scenario: resolved });
}

/** A forecaster of one scenario: a `CenterSnapshot` or a `MultiLineSnapshot` (with `options.line` for several lines). */
export type WaitForecaster = ((snapshot: CenterSnapshot | MultiLineSnapshot, options?: ForecastOptions) => WaitForecast) & {
  /** The scenario it forecasts, resolved. */
  readonly scenario: ResolvedScenario;
};

function planOf(options: ForecastOptions, seed: number): FuturesPlan {
  const fixed = options.replications;
  if (fixed !== undefined && !(Number.isInteger(fixed) && fixed >= 1 && fixed <= 1_000_000)) {
    throw new OptionsError('forecastWait', [{ path: 'replications', expected: 'an integer from 1 to 1,000,000', received: fixed }]);
  }
  const precision = options.precisionSeconds ?? DEFAULT_PRECISION_SECONDS;
  if (!(precision >= 0)) throw new OptionsError('forecastWait', [{ path: 'precisionSeconds', expected: 'a number >= 0', received: precision }]);
  const events = options.budget?.events ?? DEFAULT_EVENTS;
  const milliseconds = options.budget?.milliseconds ?? Infinity;
  const budget = { events, milliseconds };
  const badBudget = (['events', 'milliseconds'] as const).filter((name) => !(budget[name] > 0));
  if (badBudget.length > 0) throw new OptionsError('forecastWait', badBudget.map((name) => ({ path: `budget.${name}`, expected: 'a number > 0', received: budget[name] })));
  return {
    maxFutures: fixed ?? DEFAULT_FUTURES,
    precisionSeconds: fixed === undefined ? precision : 0,
    minFutures: MIN_FUTURES,
    maxEvents: events,
    maxMilliseconds: milliseconds,
    seed,
    signal: options.signal,
  };
}

// The caller's line by name: a single-line scenario's one line when none is given.
function forecasterLine(scenario: ResolvedScenario, line: string | undefined): string | undefined {
  return line ?? (scenario.multiLine ? undefined : scenario.lines[0]!.name);
}

function lineIndex(scenario: ResolvedScenario, line: string | undefined): number {
  const names = scenario.lines.map((l) => l.name);
  const index = line === undefined ? -1 : names.indexOf(line);
  if (index < 0) {
    const expected = `a line of the scenario (one of ${names.map((n) => JSON.stringify(n)).join(', ')})`;
    throw new OptionsError('forecastWait', [{ path: 'line', expected, received: line, message: `options.line must name ${expected}, got ${JSON.stringify(line)}` }]);
  }
  return index;
}

// The line's callback rule on the state now, as the model would apply it to this caller.
function offersNow(scenario: ResolvedScenario, snapshot: MultiLineSnapshot, line: number): boolean {
  const spec = scenario.lines[line]!;
  if (!spec.callback) return false;
  const state = snapshot.lines[spec.name];
  const entries = (state?.hold?.length ?? 0) + (state?.callbacks?.length ?? 0);
  let agents = 0;
  for (const route of spec.routing) if (route.afterSeconds === 0) agents += snapshot.groups[scenario.groups[route.group]!.name]!.agents;
  const announced = agents > 0 ? ((entries + 1) * meanOverIntervals(spec.handleTime)) / agents : Infinity;
  return callbackOffered(spec.callback, announced, entries);
}
