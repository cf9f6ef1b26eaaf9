/**
 * An independent, brute-force solution of the M/M/n (Erlang C) and M/M/n+M (Erlang A)
 * birth–death chains, used as the reference for `src/analytic` and for the simulation tests.
 *
 * It shares no code and no formula with `src/analytic`: the stationary distribution comes from
 * the balance equations state by state (truncated where the remaining tail is below 1e-18 of
 * the waiting mass and of the queue length), and the service level from uniformizing the
 * tagged caller's own journey through the queue (PASTA gives where they start). No gamma
 * functions, no closed forms. It is slower than the analytic functions, but fast enough for
 * 50,000 agents (tens of milliseconds).
 */

export interface BirthDeathInput {
  readonly arrivalsPerHour: number;
  readonly meanHandleSeconds: number;
  readonly agents: number;
  /** Exponential patience; absent: callers never hang up (Erlang C, load must be below agents). */
  readonly meanPatienceSeconds?: number;
  /** Threshold of the service level, default 20 s. */
  readonly serviceLevelSeconds?: number;
}

export interface BirthDeathSolution {
  /** P(an arrival finds every agent busy), by PASTA the stationary P(busy agents = n). */
  readonly probWait: number;
  /** Mean time on hold over all arrivals (abandoned included): Little's law on the queue. */
  readonly meanWaitSeconds: number;
  /** Abandonment rate θ·E[queue] over arrival rate λ. */
  readonly probAbandon: number;
  /** P(answered within `serviceLevelSeconds`) over all arrivals; answered at once counts. */
  readonly serviceLevelFraction: number;
  /** E[busy agents] / agents, from the distribution (not from a throughput identity). */
  readonly occupancy: number;
  /** E[callers on hold]. */
  readonly meanQueueLength: number;
  /** Number of states kept after truncation (for the curious). */
  readonly states: number;
}

const TAIL = 1e-18;

/**
 * Solves the chain for steady state.
 *
 * @example
 * ```ts
 * solveBirthDeath({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 6 }).probWait; // ≈ 0.5875
 * ```
 */
export function solveBirthDeath(input: BirthDeathInput): BirthDeathSolution {
  const { arrivalsPerHour, meanHandleSeconds, agents: n } = input;
  const t = input.serviceLevelSeconds ?? 20;
  const lambda = arrivalsPerHour / 3600;
  const mu = 1 / meanHandleSeconds;
  const theta = input.meanPatienceSeconds === undefined ? 0 : 1 / input.meanPatienceSeconds;
  if (!(n >= 1 && Number.isInteger(n))) throw new RangeError(`solveBirthDeath: agents ${n}`);
  if (theta === 0 && lambda >= n * mu) throw new RangeError('solveBirthDeath: unstable M/M/n');
  if (lambda === 0) {
    return { probWait: 0, meanWaitSeconds: 0, probAbandon: 0, serviceLevelFraction: 1, occupancy: 0, meanQueueLength: 0, states: 1 };
  }
  const death = (k: number): number => (k <= n ? k * mu : n * mu + (k - n) * theta);

  // Unnormalized weights from the mode outward, so that none exceeds 1 and nothing overflows.
  const mode = lambda < n * mu ? Math.floor(lambda / mu) : n + Math.floor((lambda - n * mu) / theta);
  const weights: number[] = new Array<number>(mode + 1).fill(0);
  weights[mode] = 1;
  for (let k = mode; k >= 1; k--) weights[k - 1] = (weights[k] as number) * (death(k) / lambda);
  // Stop where the tail is negligible for every sum used below: the total, the mass of the
  // waiting states and the queue length (the last two can be tiny next to the total).
  let total = 0;
  let waiting = 0;
  let queued = 0;
  for (let k = 0; k <= mode; k++) {
    const w = weights[k] as number;
    total += w;
    if (k >= n) waiting += w;
    if (k > n) queued += (k - n) * w;
  }
  for (let k = mode + 1; ; k++) {
    const w = (weights[k - 1] as number) * (lambda / death(k));
    weights.push(w);
    total += w;
    if (k >= n) waiting += w;
    if (k > n) queued += (k - n) * w;
    const next = lambda / death(k + 1); // ratios only fall from here on
    if (k > n && next < 1) {
      const geometric = next / (1 - next);
      const tail = w * geometric;
      const queuedTail = w * ((k - n) * geometric + geometric / (1 - next));
      if (tail < TAIL * waiting && queuedTail < TAIL * queued) break;
    }
  }
  const top = weights.length - 1;

  let z = 0;
  let atLeastN = 0;
  let queue = 0;
  let busy = 0;
  for (let k = top; k >= 0; k--) {
    // Smallest first, for an accurate sum.
    const w = weights[k] as number;
    z += w;
    if (k >= n) atLeastN += w;
    if (k > n) queue += (k - n) * w;
    busy += Math.min(k, n) * w;
  }
  const probWait = atLeastN / z;
  const meanQueueLength = queue / z;
  let noWait = 0;
  for (let k = Math.min(n - 1, top); k >= 0; k--) noWait += weights[k] as number;
  noWait /= z;

  // A caller who finds j on hold stands at position i = j + 1. At position i they move up at
  // rate nμ + (i-1)θ (an answer, or someone ahead hanging up) and leave at rate θ; position 1
  // moving up means answered. Uniformize at Λ = nμ + (J+1)θ, the fastest position's rate.
  const positions = top - n + 1; // i = 1 … J+1
  const uniform = n * mu + positions * theta;
  const poisson = poissonWeights(uniform * t);
  const steps = poisson.length - 1;
  const mass = new Float64Array(positions + 2);
  for (let i = 1; i <= positions; i++) mass[i] = (weights[n + i - 1] as number) / z;
  let answered = 0;
  let answeredWithinT = 0;
  for (let step = 1; step <= steps; step++) {
    answered += (mass[1] as number) * ((n * mu) / uniform);
    // Mass above this position cannot reach an agent in the steps that are left.
    const reach = Math.min(positions, steps - step + 1);
    for (let i = 1; i <= reach; i++) {
      const stay = ((positions - i) * theta) / uniform;
      const fromAbove = (mass[i + 1] as number) * ((n * mu + i * theta) / uniform);
      mass[i] = (mass[i] as number) * stay + (i < positions ? fromAbove : 0);
    }
    answeredWithinT += (poisson[step] as number) * answered;
  }

  return {
    probWait,
    meanWaitSeconds: meanQueueLength / lambda,
    probAbandon: (theta * meanQueueLength) / lambda,
    serviceLevelFraction: noWait + answeredWithinT,
    occupancy: busy / z / n,
    meanQueueLength,
    states: top + 1,
  };
}

/** Poisson(mean) probabilities for 0 … K, K where the remaining tail is negligible. */
function poissonWeights(mean: number): number[] {
  if (mean === 0) return [1];
  const mode = Math.floor(mean);
  const down: number[] = [1];
  for (let k = mode; k >= 1; k--) {
    const w = (down[down.length - 1] as number) * (k / mean);
    if (w < 1e-300) break;
    down.push(w);
  }
  const weights = new Array<number>(mode + 1).fill(0);
  for (let i = 0; i < down.length; i++) weights[mode - i] = down[i] as number;
  for (let k = mode + 1; ; k++) {
    const w = (weights[k - 1] as number) * (mean / k);
    weights.push(w);
    if (w < 1e-20) break;
  }
  let sum = 0;
  for (let k = weights.length - 1; k >= 0; k--) sum += weights[k] as number;
  return weights.map((w) => w / sum);
}

/**
 * The M/M/n/n loss system (Erlang B) solved the same way: P(all n busy).
 *
 * @example
 * ```ts
 * solveLossSystem({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 10 }); // ≈ 0.018385
 * ```
 */
export function solveLossSystem(input: { arrivalsPerHour: number; meanHandleSeconds: number; agents: number }): number {
  const a = (input.arrivalsPerHour / 3600) * input.meanHandleSeconds;
  const n = input.agents;
  if (a === 0) return 0;
  // Weights relative to the mode (or to n when the mode is beyond it), all at most 1.
  const mode = Math.min(n, Math.floor(a));
  let z = 1;
  let w = 1;
  for (let k = mode; k >= 1; k--) {
    w *= k / a;
    z += w;
  }
  w = 1;
  for (let k = mode + 1; k <= n; k++) {
    w *= a / k;
    z += w;
  }
  return w / z;
}
