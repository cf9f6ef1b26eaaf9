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
    let w = (weights[k - 1] as number) * (lambda / death(k));
    // Flush to zero: a subnormal times a ratio above 1/2 rounds back to itself, forever.
    if (w < 2.2250738585072014e-308) w = 0;
    weights.push(w);
    total += w;
    if (k >= n) waiting += w;
    if (k > n) queued += (k - n) * w;
    const next = lambda / death(k + 1); // ratios only fall from here on
    if (k > n && next < 1) {
      const geometric = next / (1 - next);
      const tail = w * geometric;
      const queuedTail = w * ((k - n) * geometric + geometric / (1 - next));
      if (tail <= TAIL * waiting && queuedTail <= TAIL * queued) break;
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
  // moving up means answered. Uniformize at Λ = nμ + (J+1)θ, the fastest position's rate:
  // P(answered by t) = Σ_k P(Poisson(Λt) = k) P(answered within k jumps).
  const positions = top - n + 1; // i = 1 … J+1
  const uniform = n * mu + positions * theta;
  const start = new Float64Array(positions + 2);
  for (let i = 1; i <= positions; i++) start[i] = (weights[n + i - 1] as number) / z;
  const jumps = { positions, uniform, answerRate: n * mu, theta, start };
  // A tiny service level lives in the far tail of the jump count; take jumps until what is
  // left out is below 1e-18 of the answer.
  const mean = uniform * t;
  let steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
  let answeredWithinT: number;
  for (;;) {
    const poisson = poissonWeights(mean, steps);
    answeredWithinT = answeredWithinJumps(jumps, poisson);
    const last = poisson[steps] as number;
    const ratio = mean / (steps + 1);
    const leftOut = (last * ratio) / (1 - ratio); // bounds the Poisson tail beyond `steps`
    if (leftOut * probWait <= TAIL * (noWait + answeredWithinT) || last === 0) break;
    steps *= 2;
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

interface Jumps {
  readonly positions: number;
  readonly uniform: number;
  readonly answerRate: number;
  readonly theta: number;
  /** P(arrival starts at position i), i = 1 … positions; index 0 and positions + 1 unused. */
  readonly start: Float64Array;
}

/** Σ_k poisson[k] × P(answered within k jumps of the uniformized chain). */
function answeredWithinJumps(jumps: Jumps, poisson: readonly number[]): number {
  const { positions, uniform, answerRate, theta } = jumps;
  const steps = poisson.length - 1;
  const mass = Float64Array.from(jumps.start);
  let answered = 0;
  let total = 0;
  for (let step = 1; step <= steps; step++) {
    answered += (mass[1] as number) * (answerRate / uniform);
    // Mass above this position cannot reach an agent in the steps that are left.
    const reach = Math.min(positions, steps - step + 1);
    for (let i = 1; i <= reach; i++) {
      const stay = ((positions - i) * theta) / uniform;
      const fromAbove = i < positions ? (mass[i + 1] as number) * ((answerRate + i * theta) / uniform) : 0;
      mass[i] = (mass[i] as number) * stay + fromAbove;
    }
    total += (poisson[step] as number) * answered;
  }
  return total;
}

/** Poisson(mean) probabilities for 0 … steps (steps above the mean), normalized over all k. */
function poissonWeights(mean: number, steps: number): number[] {
  if (mean === 0) return [1, ...new Array<number>(steps).fill(0)];
  // From the mode outward, so that nothing overflows; the mode's weight is 1 until normalized.
  const mode = Math.floor(mean);
  const weights = new Array<number>(steps + 1).fill(0);
  weights[mode] = 1;
  for (let k = mode; k >= 1; k--) {
    const w = (weights[k] as number) * (k / mean);
    if (w < 1e-300) break;
    weights[k - 1] = w;
  }
  for (let k = mode + 1; k <= steps; k++) weights[k] = (weights[k - 1] as number) * (mean / k);
  let sum = 0;
  for (let k = steps; k >= 0; k--) sum += weights[k] as number;
  // Beyond `steps` the weights fall faster than geometrically; add that tail to the sum too.
  const ratio = mean / (steps + 1);
  sum += ((weights[steps] as number) * ratio) / (1 - ratio);
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
