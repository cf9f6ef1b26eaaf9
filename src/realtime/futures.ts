import { ContactCenter, QuietObserver, type StartingPoint } from '../model';
import type { ResolvedScenario } from '../scenario';

/** How many futures a forecast runs, and how much work and time it may spend on them. */
export interface FuturesPlan {
  /** Futures to run at most. */
  maxFutures: number;
  /** Stop once the median wait is known to within this many seconds (95% interval half-width); 0: run them all. */
  precisionSeconds: number;
  /** Events to simulate at most, over all futures. */
  maxEvents: number;
  /** Milliseconds of wall time to spend at most (Infinity: no limit). */
  maxMilliseconds: number;
  /** Futures run before precision is first judged. */
  minFutures: number;
  seed: number;
  /** Checked between slices of events: a forecast whose asker has gone stops. */
  signal?: Pick<AbortSignal, 'throwIfAborted'> | undefined;
}

/** The waits of the futures run (Infinity: never answered), the work they took, and how precise their median is. */
export interface FuturesResult {
  waits: Float64Array;
  events: number;
  /** Half-width of the 95% interval of the median wait, in seconds (Infinity when too few futures ran). */
  precisionSeconds: number;
  /** True when every future found an agent free for the caller at once. */
  answeredAtOnce: boolean;
}

// Events between two looks at the clock and the budget.
const EVENTS_PER_SLICE = 2048;
// Futures between two judgements of the precision (each sorts the waits so far).
const FUTURES_PER_CHECK = 16;

/**
 * A caller arriving now on `line`, in futures of the model run from the same starting point:
 * each future is the center (its own seed) seated in the state, the caller put on hold, and the
 * model run until an agent takes them. Futures continue until the median wait is known within
 * the plan's precision, or its futures, events or milliseconds are spent.
 */
export function runFutures(scenario: ResolvedScenario, point: StartingPoint, line: number, plan: FuturesPlan): FuturesResult {
  const started = performance.now();
  const waits = new Float64Array(plan.maxFutures);
  const watcher = new CallerWatcher();
  const withoutArrivals = linesThatCannotGoFirst(scenario, line);
  let futures = 0;
  let events = 0;
  let precision = Infinity;
  let incomplete = false;
  // One center for all the futures, emptied and seated again for each: building one costs more
  // than most futures (its arrays and streams); its streams run on from future to future.
  const center = new ContactCenter({ ...scenario, seed: plan.seed }, watcher, { start: point, withoutArrivals });
  while (futures < plan.maxFutures && events < plan.maxEvents && (futures === 0 || performance.now() - started < plan.maxMilliseconds)) {
    plan.signal?.throwIfAborted();
    if (futures === 0) center.start();
    else center.restart();
    watcher.watch(center);
    center.holdOn(line);
    const simulation = center.simulation;
    if (watcher.answeredAt === simulation.now && futures === 0) {
      // Whether an agent is free at once does not depend on the draws: the first future says it for all.
      return { waits: new Float64Array(1), events: 0, precisionSeconds: 0, answeredAtOnce: true };
    }
    while (!simulation.finished) {
      const allowed = plan.maxEvents - events - simulation.eventsHandled;
      // Time runs out for futures after the first: an answer from one future beats none.
      if (allowed <= 0 || (futures > 0 && performance.now() - started >= plan.maxMilliseconds)) break;
      plan.signal?.throwIfAborted();
      simulation.run(Math.min(EVENTS_PER_SLICE, allowed));
    }
    events += simulation.eventsHandled;
    // A future cut short by the budget is left out: its wait is not known.
    if (!simulation.finished) {
      incomplete = true;
      break;
    }
    waits[futures++] = watcher.answeredAt - point.timeSeconds;
    if (plan.precisionSeconds > 0 && futures >= plan.minFutures && futures % FUTURES_PER_CHECK === 0) {
      precision = medianHalfWidth(waits.subarray(0, futures));
      if (precision <= plan.precisionSeconds) break;
    }
  }
  const ran = waits.subarray(0, futures);
  if (futures > 0 && (incomplete || precision === Infinity || futures % FUTURES_PER_CHECK !== 0)) precision = medianHalfWidth(ran);
  return { waits: ran, events, precisionSeconds: precision, answeredAtOnce: false };
}

/**
 * Lines whose later callers cannot reach an agent before the caller of `line`, so their futures
 * need not simulate them: the line itself (nobody of it arriving later is eligible sooner, from
 * any group) and lines that share no group with it, directly or through other lines. With a
 * limit on trunks every call can matter (it may hold the trunk another needs): none then.
 */
function linesThatCannotGoFirst(scenario: ResolvedScenario, line: number): number[] {
  if (scenario.trunks !== Infinity) return [];
  const reached = new Set([line]);
  for (let grew = true; grew; ) {
    grew = false;
    const groups = new Set([...reached].flatMap((l) => scenario.lines[l]!.routing.map((r) => r.group)));
    scenario.lines.forEach((other, index) => {
      if (!reached.has(index) && other.routing.some((r) => groups.has(r.group))) {
        reached.add(index);
        grew = true;
      }
    });
  }
  return scenario.lines.map((_, index) => index).filter((index) => index === line || !reached.has(index));
}

/**
 * The half-width of a distribution-free 95% interval of the median from these waits: half the
 * distance between the order statistics of ranks n/2 -+ 1.96 sqrt(n)/2.
 */
export function medianHalfWidth(waits: Float64Array): number {
  const n = waits.length;
  if (n < 2) return Infinity;
  const sorted = Float64Array.from(waits).sort();
  const spread = 0.98 * Math.sqrt(n);
  const low = Math.max(0, Math.floor(n / 2 - spread) - 1);
  const high = Math.min(n - 1, Math.ceil(n / 2 + spread) - 1);
  const width = (sorted[high]! - sorted[low]!) / 2;
  return Number.isNaN(width) ? Infinity : width;
}

/** Hears a future's events: stops it when the caller of interest reaches an agent. */
class CallerWatcher extends QuietObserver {
  answeredAt = Infinity;
  private caller = -1;
  private center: ContactCenter | undefined;

  watch(center: ContactCenter): void {
    this.center = center;
    this.answeredAt = Infinity;
    this.caller = -2;
  }

  override arrival(_time: number, callerId: number): void {
    // The first call after `watch` is the caller of interest (`holdOn`).
    if (this.caller === -2) this.caller = callerId;
  }

  override answered(time: number, callerId: number): void {
    if (callerId !== this.caller) return;
    this.answeredAt = time;
    this.center!.simulation.stop();
  }
}
