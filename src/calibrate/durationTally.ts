// Bounded-memory statistics of durations (handle times, waits, redial delays): the sufficient
// statistics of the three families for exact observations, and a fine histogram of exact and
// censored observations for censored likelihoods, Kaplan–Meier and goodness of fit. Memory is
// the same for ten calls and ten million.

/** Whole seconds up to here get a bin each; beyond, bins grow by 0.5% (about 1,700 more up to 10⁷ s). */
const LINEAR_UNTIL = 1800;
const GROWTH = 1.005;
const LOG_GROWTH = Math.log(GROWTH);
const BINS = LINEAR_UNTIL + Math.ceil(Math.log(1e7 / LINEAR_UNTIL) / LOG_GROWTH) + 1;

/**
 * Durations below half a second are taken as half a second in the likelihoods: records carry
 * whole seconds, and a 0 s handle time or patience has no density under the families fitted.
 */
export const SHORTEST_SECONDS = 0.5;

function binOf(seconds: number): number {
  if (seconds < LINEAR_UNTIL) return Math.max(0, Math.floor(seconds));
  return Math.min(BINS - 1, LINEAR_UNTIL + Math.floor(Math.log(seconds / LINEAR_UNTIL) / LOG_GROWTH));
}

/** Observations gathered in one bin: how many, and their mean (their representative value). */
export interface BinnedObservations {
  seconds: Float64Array;
  counts: Float64Array;
}

export class DurationTally {
  /** Exact observations (a handle time, the patience of a caller who hung up). */
  exactCount = 0;
  sum = 0;
  sumSquares = 0;
  sumLog = 0;
  sumLogSquares = 0;
  /** Censored observations: the duration was longer than this (an answered caller's wait). */
  censoredCount = 0;
  censoredSum = 0;
  private readonly exactBins = new Float64Array(BINS);
  private readonly exactBinSums = new Float64Array(BINS);
  private readonly censoredBins = new Float64Array(BINS);
  private readonly censoredBinSums = new Float64Array(BINS);

  addExact(seconds: number): void {
    const x = Math.max(SHORTEST_SECONDS, seconds);
    const log = Math.log(x);
    this.exactCount++;
    this.sum += x;
    this.sumSquares += x * x;
    this.sumLog += log;
    this.sumLogSquares += log * log;
    const bin = binOf(x);
    this.exactBins[bin]!++;
    this.exactBinSums[bin]! += x;
  }

  /** A duration known only to exceed `seconds`; 0 s tells nothing and is not kept. */
  addCensored(seconds: number): void {
    if (!(seconds > 0)) return;
    this.censoredCount++;
    this.censoredSum += seconds;
    const bin = binOf(seconds);
    this.censoredBins[bin]!++;
    this.censoredBinSums[bin]! += seconds;
  }

  get count(): number {
    return this.exactCount + this.censoredCount;
  }

  get mean(): number {
    return this.exactCount === 0 ? 0 : this.sum / this.exactCount;
  }

  /** The censored observations, bin by bin (non-empty bins only). */
  censored(): BinnedObservations {
    return binned(this.censoredBins, this.censoredBinSums);
  }

  /** The exact observations, bin by bin (non-empty bins only). */
  exact(): BinnedObservations {
    return binned(this.exactBins, this.exactBinSums);
  }

  /**
   * Kaplan–Meier steps on the histogram: for each bin with exact observations, the time (the
   * bin's upper edge) and the estimated probability of lasting longer. Censored observations in a
   * bin count as at risk for the exact ones in it, the usual convention for ties.
   */
  kaplanMeier(): Array<{ seconds: number; survival: number; atRisk: number }> {
    let atRisk = this.count;
    let survival = 1;
    const steps: Array<{ seconds: number; survival: number; atRisk: number }> = [];
    for (let bin = 0; bin < BINS; bin++) {
      const deaths = this.exactBins[bin]!;
      const censored = this.censoredBins[bin]!;
      if (deaths > 0 && atRisk > 0) {
        survival *= 1 - deaths / atRisk;
        steps.push({ seconds: upperEdge(bin), survival, atRisk });
      }
      atRisk -= deaths + censored;
    }
    return steps;
  }
}

function upperEdge(bin: number): number {
  return bin < LINEAR_UNTIL ? bin + 1 : LINEAR_UNTIL * GROWTH ** (bin - LINEAR_UNTIL + 1);
}

function binned(counts: Float64Array, sums: Float64Array): BinnedObservations {
  let used = 0;
  for (let i = 0; i < BINS; i++) if (counts[i]! > 0) used++;
  const seconds = new Float64Array(used);
  const kept = new Float64Array(used);
  let j = 0;
  for (let i = 0; i < BINS; i++) {
    if (counts[i]! > 0) {
      seconds[j] = sums[i]! / counts[i]!;
      kept[j++] = counts[i]!;
    }
  }
  return { seconds, counts: kept };
}
