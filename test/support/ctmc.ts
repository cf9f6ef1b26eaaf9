/**
 * A small, independent solver for the stationary distribution of a continuous-time Markov
 * chain, used as the exact reference for the multi-line simulation tests.
 *
 * It shares no code with the library. A chain is given by its initial state and a function
 * that lists every transition out of a state (rate, next state and an optional label). The
 * states reachable from the initial one are enumerated breadth first, up to a truncation
 * (`inside`): a transition to a state outside is cut. The stationary distribution of the
 * truncated chain comes from Gauss–Seidel sweeps on the balance equations πQ = 0 (alternating
 * in direction), run until the relative flux imbalance is below `tolerance` (default 1e-14). The
 * result reports the mass on the truncation's boundary (the states with a cut transition),
 * which a caller asserts negligible: it bounds the probability flux the truncation cut off.
 *
 * Figures come out as expectations over π (queue lengths, busy agents: Little's law turns them
 * into waits) and as labelled flows, Σ π(s) × rate of the labelled transitions out of s
 * (answers, abandonments, busy signals: the long-run rate of those events). By PASTA, what an
 * arrival sees is the stationary distribution itself.
 */

export type State = readonly number[];

export interface ChainSpec {
  /** Where enumeration starts (any state from which every relevant state is reachable). */
  readonly initial: State;
  /**
   * Every transition out of `state`: `emit(rate, next, label?)`. A transition back to the same
   * state (a busy signal, a balk) changes nothing in π but still counts in its label's flow.
   */
  readonly transitions: (state: State, emit: (rate: number, next: State, label?: string) => void) => void;
  /** The truncation: states for which this is false are not enumerated, and transitions into them are cut. */
  readonly inside: (state: State) => boolean;
}

export interface SolveOptions {
  /** Relative flux imbalance at which to stop, default 1e-14. */
  readonly tolerance?: number;
  /** Give up (throw) after this many sweeps, default 200,000. */
  readonly maxSweeps?: number;
  /** Over-relaxation factor of the sweeps, default 1 (plain Gauss–Seidel). */
  readonly relaxation?: number;
}

export interface StationarySolution {
  /** The enumerated states, in breadth-first order. */
  readonly states: readonly State[];
  /** π, summing to 1, in the order of `states`. */
  readonly probabilities: Float64Array;
  /** Σ π(s) f(s). */
  expectation(f: (state: State) => number): number;
  /** π of the states where the predicate holds. */
  probability(predicate: (state: State) => boolean): number;
  /** Long-run rate of the transitions carrying this label (cut ones excluded); 0 for an unknown label. */
  flow(label: string): number;
  /** π of the states that have at least one cut transition. */
  readonly boundaryMass: number;
  /** Σ_j |(πQ)_j| / Σ_j π_j q_j at the end. */
  readonly residual: number;
  readonly sweeps: number;
}

/**
 * Enumerates the chain and solves it for steady state.
 *
 * @example
 * ```ts
 * // M/M/1/3: arrivals 1, services 2.
 * const chain = solveStationary({
 *   initial: [0],
 *   inside: ([k]) => k! <= 3,
 *   transitions: ([k], emit) => {
 *     emit(1, [k! + 1], k === 3 ? undefined : 'arrival');
 *     if (k! > 0) emit(2, [k! - 1]);
 *   },
 * });
 * chain.probability(([k]) => k === 3); // 1/15
 * ```
 */
export function solveStationary(spec: ChainSpec, options: SolveOptions = {}): StationarySolution {
  const tolerance = options.tolerance ?? 1e-14;
  const maxSweeps = options.maxSweeps ?? 200_000;
  const omega = options.relaxation ?? 1;

  // Enumerate breadth first, recording each kept transition (from, to, rate) and labelled flows.
  const index = new Map<string, number>();
  const states: State[] = [];
  const key = (s: State): string => s.join(',');
  const add = (s: State): number => {
    const k = key(s);
    let i = index.get(k);
    if (i === undefined) {
      i = states.length;
      index.set(k, i);
      states.push(s.slice());
    }
    return i;
  };
  if (!spec.inside(spec.initial)) throw new RangeError('solveStationary: the initial state is outside the truncation');
  add(spec.initial);
  const from: number[] = [];
  const to: number[] = [];
  const rates: number[] = [];
  const labelled = new Map<string, { states: number[]; rates: number[] }>();
  const cut: boolean[] = [];
  for (let i = 0; i < states.length; i++) {
    const state = states[i] as State;
    let cutHere = false;
    spec.transitions(state, (rate, next, label) => {
      if (!(rate >= 0 && Number.isFinite(rate))) throw new RangeError(`solveStationary: rate ${rate} out of [${key(state)}]`);
      if (rate === 0) return;
      if (!spec.inside(next)) {
        cutHere = true;
        return;
      }
      const j = add(next);
      if (label !== undefined) {
        let entry = labelled.get(label);
        if (entry === undefined) {
          entry = { states: [], rates: [] };
          labelled.set(label, entry);
        }
        entry.states.push(i);
        entry.rates.push(rate);
      }
      if (j === i) return; // a self-loop leaves π unchanged
      from.push(i);
      to.push(j);
      rates.push(rate);
    });
    cut.push(cutHere);
  }

  // Incoming transitions by state (compressed rows of Qᵀ) and each state's total outflow.
  const n = states.length;
  const out = new Float64Array(n);
  const inStart = new Int32Array(n + 1);
  for (let t = 0; t < to.length; t++) {
    const i = from[t] as number;
    const j = to[t] as number;
    out[i] = (out[i] as number) + (rates[t] as number);
    inStart[j + 1] = (inStart[j + 1] as number) + 1;
  }
  for (let j = 0; j < n; j++) inStart[j + 1] = (inStart[j + 1] as number) + (inStart[j] as number);
  const inFrom = new Int32Array(to.length);
  const inRate = new Float64Array(to.length);
  const fill = inStart.slice(0, n);
  for (let t = 0; t < to.length; t++) {
    const j = to[t] as number;
    const slot = fill[j] as number;
    fill[j] = slot + 1;
    inFrom[slot] = from[t] as number;
    inRate[slot] = rates[t] as number;
  }
  for (let j = 0; j < n; j++) {
    if (out[j] === 0 && n > 1) throw new RangeError(`solveStationary: state [${key(states[j] as State)}] is absorbing`);
  }

  const pi = new Float64Array(n).fill(1 / n);
  const inflow = (j: number): number => {
    let s = 0;
    for (let t = inStart[j] as number; t < (inStart[j + 1] as number); t++) s += (pi[inFrom[t] as number] as number) * (inRate[t] as number);
    return s;
  };
  const residualOf = (): number => {
    let imbalance = 0;
    let flux = 0;
    for (let j = 0; j < n; j++) {
      const o = (pi[j] as number) * (out[j] as number);
      imbalance += Math.abs(inflow(j) - o);
      flux += o;
    }
    return n === 1 ? 0 : imbalance / flux;
  };

  let sweeps = 0;
  let residual = Infinity;
  if (n > 1) {
    for (;;) {
      // Alternate directions (symmetric Gauss–Seidel): mass then travels both ways each pair of sweeps.
      for (let pass = 0; pass < 2; pass++) {
        for (let m = 0; m < n; m++) {
          const j = pass === 0 ? m : n - 1 - m;
          const old = pi[j] as number;
          const next = (1 - omega) * old + (omega * inflow(j)) / (out[j] as number);
          pi[j] = next > 0 ? next : 0;
        }
        let sum = 0;
        for (let j = n - 1; j >= 0; j--) sum += pi[j] as number;
        for (let j = 0; j < n; j++) pi[j] = (pi[j] as number) / sum;
        sweeps++;
      }
      if (sweeps % 20 === 0) {
        residual = residualOf();
        if (residual < tolerance) break;
      }
      if (sweeps >= maxSweeps) {
        throw new RangeError(`solveStationary: no convergence after ${sweeps} sweeps of ${n} states (residual ${residual})`);
      }
    }
  } else {
    residual = 0;
  }

  const sum = (values: (j: number) => number): number => {
    // Smallest states last in BFS order are usually the tail; sum backwards for accuracy.
    let s = 0;
    for (let j = n - 1; j >= 0; j--) s += values(j);
    return s;
  };
  const boundaryMass = sum((j) => (cut[j] ? (pi[j] as number) : 0));
  return {
    states,
    probabilities: pi,
    expectation: (f) => sum((j) => (pi[j] as number) * f(states[j] as State)),
    probability: (predicate) => sum((j) => (predicate(states[j] as State) ? (pi[j] as number) : 0)),
    flow: (label) => {
      const entry = labelled.get(label);
      if (entry === undefined) return 0;
      let s = 0;
      for (let t = entry.states.length - 1; t >= 0; t--) s += (pi[entry.states[t] as number] as number) * (entry.rates[t] as number);
      return s;
    },
    boundaryMass,
    residual,
    sweeps,
  };
}
