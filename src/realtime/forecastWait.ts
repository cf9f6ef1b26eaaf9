import { EventCalendar } from '../engine';
import { RandomStreams, compileDistribution, type Uniform } from '../random';
import { resolveScenario, soleLine, type ResolvedCallbackPolicy, type Scenario } from '../scenario';
import { createMultiLineForecaster } from './multiLineForecast';
import { isMultiLineSnapshot, multiLineSnapshotProblems, type MultiLineSnapshot } from './multiLineSnapshot';
import { SnapshotError, validateSnapshot, type CenterSnapshot } from './snapshot';
import { ANSWERED_AT_ONCE, replicationsOf, summarizeWaits } from './waitSummary';

/** What a center can tell a caller arriving now. */
export interface WaitForecast {
  /** Hold until answered, if they hold that long: mean and quantiles, in seconds. */
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
  /** Chance they hang up first, with the scenario's patience (0 without one). */
  probAbandon: number;
  /** What to announce: the median, rounded up to a whole minute (0 when an agent is free). */
  announceSeconds: number;
  /** Whether the scenario's callback policy offers this caller a callback now. */
  offerCallback: boolean;
}

/** Options of `forecastWait()`. */
export interface ForecastOptions {
  /** Futures simulated; default 1000. More: smoother quantiles, proportionally slower. */
  replications?: number;
  /** Default: the scenario's seed, so the same state gets the same answer. */
  seed?: number;
  /** The line the caller arrives on: required for a multi-line scenario (with a `MultiLineSnapshot`). */
  line?: string;
}

/**
 * Forecasts the hold of a caller arriving now at a live center, by simulating the center
 * forward from its snapshot many times: calls in progress keep their elapsed time (what is
 * left of them is drawn given how long they have lasted), callers on hold keep their elapsed
 * wait (their patience likewise), callback requests ahead take an agent for the dial and, when
 * answered, for the call. In a FIFO line nobody who arrives later can delay this caller, so
 * only who is ahead is simulated: each future costs a few operations per agent and per caller
 * in line, and a thousand of them take milliseconds.
 *
 * @example
 * const forecast = forecastWait(scenario, {
 *   agents: 50, busy: Array.from({ length: 50 }, () => ({ elapsedSeconds: 120 })),
 *   hold: [{ waitedSeconds: 95 }, { waitedSeconds: 40 }], callbacks: [],
 * });
 * forecast.announceSeconds; // e.g. 60: "your wait is about 1 minute"
 *
 * A center of several lines gives a `MultiLineSnapshot` and the caller's line. With priorities
 * and delayed overflow a later caller of another line can reach an agent first, so these
 * futures simulate the other lines' arrivals too, at the scenario's rates for
 * `timeOfDaySeconds` (see `CenterFuture` for what they leave out).
 *
 * @example
 * forecastWait(center, {
 *   lines: { individuals: { hold: [{ waitedSeconds: 95 }] }, practitioners: {} },
 *   groups: { general: { agents: 2, busy: [{ elapsedSeconds: 60, line: 'individuals' }, { elapsedSeconds: 10, line: 'practitioners' }] },
 *             overflow: { agents: 1, busy: [{ elapsedSeconds: 200, line: 'individuals' }] } },
 *   timeOfDaySeconds: 3600,
 * }, { line: 'individuals' }).announceSeconds;
 */
export function forecastWait(scenario: Scenario, snapshot: CenterSnapshot | MultiLineSnapshot, options: ForecastOptions = {}): WaitForecast {
  const resolved = resolveScenario(scenario);
  if (resolved.multiLine) {
    if (!isMultiLineSnapshot(snapshot)) {
      throw new SnapshotError([{ path: '', expected: '{ lines, groups, timeOfDaySeconds? }: the multi-line form, for a multi-line scenario', received: snapshot }]);
    }
    const problems = multiLineSnapshotProblems(snapshot, resolved, options.line);
    if (problems.length > 0) throw new SnapshotError(problems);
    return createMultiLineForecaster(resolved)(snapshot as MultiLineSnapshot, options);
  }
  if (isMultiLineSnapshot(snapshot)) {
    throw new SnapshotError([{ path: '', expected: '{ agents, busy, hold, callbacks }: the single-line form, for a single-line scenario', received: snapshot }]);
  }
  if (options.line !== undefined && options.line !== resolved.lines[0]!.name) {
    throw new RangeError(`forecastWait: options.line must be "${resolved.lines[0]!.name}" (or absent) for a single-line scenario, got ${JSON.stringify(options.line)}`);
  }
  const forecaster = createWaitForecaster(scenario);
  return forecaster(validateSnapshot(snapshot), options);
}

/**
 * `forecastWait()` for one scenario, asked many times: the scenario is validated and its
 * distributions compiled once, so each answer costs only the simulation (for a service that
 * answers every incoming call). The snapshot is trusted: validate it first when it comes from
 * outside (`validateSnapshot`).
 *
 * @example
 * const forecast = createWaitForecaster(scenario);
 * ivr.on('call', (snapshot) => forecast(snapshot).announceSeconds);
 */
export function createWaitForecaster(scenario: Scenario): WaitForecaster {
  const resolved = resolveScenario(scenario);
  // Each form's forecaster takes its own form of snapshot (a trusted one: see above).
  if (resolved.multiLine) return createMultiLineForecaster(resolved) as WaitForecaster;
  const line = soleLine(resolved, 'forecastWait');
  const handle = compileDistribution(line.handleTime);
  const patience = line.patience && compileDistribution(line.patience);
  const policy = line.callback;
  const callbackHandle = policy?.handleTime ? compileDistribution(policy.handleTime) : handle;

  const forecast = (snapshot: CenterSnapshot, options: ForecastOptions = {}): WaitForecast => {
    const replications = replicationsOf(options.replications);
    const ahead = lineAhead(snapshot, policy);
    const agents = snapshot.agents;
    const offerCallback = policy !== undefined && offers(policy, snapshot, handle.meanSeconds);
    if (snapshot.busy.length < agents && ahead.length === 0) {
      return { ...ANSWERED_AT_ONCE };
    }

    const uniform = new RandomStreams(options.seed ?? resolved.seed).stream('forecast');
    const freeAt = new EventCalendar(Math.max(16, agents));
    const remaining = new Float64Array(snapshot.busy.length);
    // Draws that depend on an elapsed time are prepared once, then drawn in every future.
    const callEnds = snapshot.busy.map((call) => handle.above(call.elapsedSeconds));
    const patienceEnds = ahead.map((entry) => patience?.above(entry.waitedSeconds));
    const waits = new Float64Array(replications);
    let abandons = 0;
    for (let r = 0; r < replications; r++) {
      freeAt.clear();
      seatAgents(freeAt, snapshot, agents, callEnds, uniform, remaining);
      for (let i = 0; i < ahead.length; i++) {
        const entry = ahead[i]!;
        const t = freeAt.peekTime();
        if (entry.request) {
          freeAt.pop();
          const answered = uniform.next() < policy!.answerProbability;
          freeAt.schedule(t + policy!.dialSeconds + (answered ? callbackHandle.sample(uniform) : 0), 0, 0, 0);
          continue;
        }
        // A caller whose patience runs out before the next agent frees up hangs up and takes none.
        const patienceEnd = patienceEnds[i];
        const patienceLeft = patienceEnd ? patienceEnd(uniform) - entry.waitedSeconds : Infinity;
        if (patienceLeft < t) continue;
        freeAt.pop();
        freeAt.schedule(t + handle.sample(uniform), 0, 0, 0);
      }
      const wait = freeAt.peekTime();
      waits[r] = wait;
      if (patience && patience.sample(uniform) < wait) abandons++;
    }

    return summarizeWaits(waits, abandons, offerCallback);
  };
  return forecast as WaitForecaster;
}

/** A forecaster of one scenario: a `CenterSnapshot` for a single-line one, a `MultiLineSnapshot` and `options.line` for several lines. */
export type WaitForecaster = (snapshot: CenterSnapshot | MultiLineSnapshot, options?: ForecastOptions) => WaitForecast;

interface Entry {
  waitedSeconds: number;
  request: boolean;
}

// Who is ahead of a caller arriving now, in line order. Keep-place requests stand in the same
// line as callers on hold, ordered by how long each has waited; after-hold requests wait
// behind everyone on hold, so they delay no new caller.
function lineAhead(snapshot: CenterSnapshot, policy: ResolvedCallbackPolicy | undefined): Entry[] {
  const holders = snapshot.hold.map((h) => ({ waitedSeconds: h.waitedSeconds, request: false }));
  if (!policy || policy.position === 'after-hold') return holders;
  const requests = snapshot.callbacks.map((c) => ({ waitedSeconds: c.waitedSeconds, request: true }));
  return [...holders, ...requests].sort((a, b) => b.waitedSeconds - a.waitedSeconds);
}

// When each agent frees up. When more calls are in progress than agents on duty (the roster
// has just dropped), the first calls to end send their agents home: the agents who stay are
// those on the longest remaining calls.
function seatAgents(
  freeAt: EventCalendar,
  snapshot: CenterSnapshot,
  agents: number,
  callEnds: ReadonlyArray<(uniform: Uniform) => number>,
  uniform: Uniform,
  remaining: Float64Array,
): void {
  const busy = snapshot.busy;
  for (let i = 0; i < busy.length; i++) remaining[i] = callEnds[i]!(uniform) - busy[i]!.elapsedSeconds;
  if (busy.length > agents) remaining.sort();
  const from = Math.max(0, busy.length - agents);
  for (let i = from; i < busy.length; i++) freeAt.schedule(remaining[i]!, 0, 0, 0);
  for (let i = busy.length; i < agents; i++) freeAt.schedule(0, 0, 0, 0);
}

function offers(policy: ResolvedCallbackPolicy, snapshot: CenterSnapshot, meanHandleSeconds: number): boolean {
  if (snapshot.busy.length < snapshot.agents) return false; // answered at once: never offered
  const entries = snapshot.hold.length + snapshot.callbacks.length;
  const estimatedWait = ((entries + 1) * meanHandleSeconds) / snapshot.agents;
  const offer = policy.offer;
  if (offer === 'always') return true;
  return 'whenEstimatedWaitAtLeastSeconds' in offer
    ? estimatedWait >= offer.whenEstimatedWaitAtLeastSeconds
    : entries >= offer.whenQueueAtLeast;
}
