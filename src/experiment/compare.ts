import type { Report } from '../metrics';
import { QuietObserver } from '../model';
import { runScenario, runScenarioSync } from '../season';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { differenceOf, estimate, summarizeAll, type Estimate, type ReportSummary } from './estimate';
import { checkReplicationOptions, type ReplicationOptions } from './options';
import { withReplicationSeed } from './replicate';

/** Hours of hold time a variant saves, split by whom it saves them for. */
export interface HoldSavings<T> {
  /**
   * What the variant's callback takers saved: the hold they had in the baseline, less the hold
   * they still had in the variant before taking the callback (on earlier calls, with redials).
   */
  directHoldHours: T;
  /** What the change did to everyone else's hold (negative when they hold longer). */
  indirectHoldHours: T;
  /** direct + indirect = baseline totalHoldHours − variant totalHoldHours. */
  netHoldHours: T;
}

/** What `compare()` resolves to. */
export interface Comparison {
  replications: number;
  baseline: ReportSummary;
  variant: ReportSummary;
  /** Paired difference, variant − baseline, replication by replication. */
  difference: ReportSummary;
  /** Hours saved: positive when the variant holds less. */
  savings: HoldSavings<Estimate>;
  /** The same split line by line (for the lines both arms have, by name). */
  savingsByLine: Record<string, HoldSavings<Estimate>>;
  /** The replications themselves, for a closer look. */
  pairs: Array<{ baseline: Report; variant: Report; savings: HoldSavings<number>; savingsByLine: Record<string, HoldSavings<number>> }>;
}

/**
 * A what-if: the baseline and the variant run on the same replication seeds, so caller *i* is
 * the same person in both (same arrival, handle time, patience and decisions: common random
 * numbers), and the difference is estimated pair by pair, which makes its confidence interval
 * far narrower than comparing two independent runs. The hold saved is split into the direct
 * part (what the callers who took a callback would have held in the baseline) and the
 * indirect part (what the change did to everyone else's hold).
 *
 * @example
 * const { savings } = await compare(baseline, { ...baseline, callback }, { replications: 20 });
 * console.log(savings.netHoldHours.mean, '±', savings.netHoldHours.halfWidth);
 */
export async function compare(baseline: Scenario, variant: Scenario, options: ReplicationOptions): Promise<Comparison> {
  const baselineResolved = resolveScenario(baseline);
  const variantResolved = resolveScenario(variant);
  const { replications, seed, confidence } = checkReplicationOptions('compare', options, baselineResolved.seed);
  const pairs: ComparedPair[] = [];
  for (let k = 0; k < replications; k++) {
    pairs.push(await comparePair(withReplicationSeed(baselineResolved, seed, k), withReplicationSeed(variantResolved, seed, k)));
    options.onProgress?.(k + 1, replications);
  }
  return summarizePairs(pairs, confidence);
}

/** The comparison's estimates from its replications. */
export function summarizePairs(pairs: ComparedPair[], confidence: number): Comparison {
  const replications = pairs.length;
  const split = (of: (pair: ComparedPair) => HoldSavings<number>): HoldSavings<Estimate> => ({
    directHoldHours: estimate(pairs.map((p) => of(p).directHoldHours), confidence),
    indirectHoldHours: estimate(pairs.map((p) => of(p).indirectHoldHours), confidence),
    netHoldHours: estimate(pairs.map((p) => of(p).netHoldHours), confidence),
  });
  const savingsByLine: Record<string, HoldSavings<Estimate>> = {};
  for (const line of Object.keys(pairs[0]?.savingsByLine ?? {})) savingsByLine[line] = split((p) => p.savingsByLine[line]!);
  return {
    replications,
    baseline: summarizeAll(pairs.map((p) => p.baseline), confidence),
    variant: summarizeAll(pairs.map((p) => p.variant), confidence),
    difference: summarizeAll(pairs.map((p) => differenceOf(p.variant, p.baseline)), confidence),
    savings: split((p) => p.savings),
    savingsByLine,
    pairs,
  };
}

/** One replication of a comparison: both arms on the same seed, and the savings split. */
export type ComparedPair = Comparison['pairs'][number];

export async function comparePair(baseline: ResolvedScenario, variant: ResolvedScenario): Promise<ComparedPair> {
  const takers = new CallbackTakers(variant.lines.length);
  const variantReport = await runScenario(variant, takers);
  const theirHold = new HoldOfCallers(takers.callerIds, baseline.lines.length);
  const baselineReport = await runScenario(baseline, theirHold);
  return pairOf(baseline, variant, baselineReport, variantReport, theirHold.holdSecondsByLine, takers.holdSecondsByLine());
}

/** `comparePair()` without yielding, for worker threads. */
export function comparePairSync(baseline: ResolvedScenario, variant: ResolvedScenario): ComparedPair {
  const takers = new CallbackTakers(variant.lines.length);
  const variantReport = runScenarioSync(variant, takers);
  const theirHold = new HoldOfCallers(takers.callerIds, baseline.lines.length);
  const baselineReport = runScenarioSync(baseline, theirHold);
  return pairOf(baseline, variant, baselineReport, variantReport, theirHold.holdSecondsByLine, takers.holdSecondsByLine());
}

function pairOf(
  baseline: ResolvedScenario,
  variant: ResolvedScenario,
  baselineReport: Report,
  variantReport: Report,
  takersBaselineHoldSeconds: Float64Array,
  takersVariantHoldSeconds: Float64Array,
): ComparedPair {
  const split = (baselineFigures: Pick<Report, 'hold'>, variantFigures: Pick<Report, 'hold'>, directSeconds: number) => {
    const directHoldHours = directSeconds / 3600;
    const netHoldHours = baselineFigures.hold.totalHoldHours - variantFigures.hold.totalHoldHours;
    return { directHoldHours, indirectHoldHours: netHoldHours - directHoldHours, netHoldHours };
  };
  const savingsByLine: Record<string, HoldSavings<number>> = {};
  let directSeconds = 0;
  baseline.lines.forEach((line, i) => {
    const variantLine = variantReport.lines[line.name];
    if (!variantLine) return;
    // The takers' own saving: what they held in the baseline less what they held in the variant
    // before taking the callback (with redials, or a callback at a line's maximum wait: a first
    // call that takes it on arrival holds 0 s).
    const direct = takersBaselineHoldSeconds[i]! - (takersVariantHoldSeconds[variant.lines.findIndex((l) => l.name === line.name)] ?? 0);
    directSeconds += direct;
    savingsByLine[line.name] = split(baselineReport.lines[line.name]!, variantLine, direct);
  });
  return {
    baseline: baselineReport,
    variant: variantReport,
    savings: split(baselineReport, variantReport, directSeconds),
    savingsByLine,
  };
}

/**
 * Collects the counted people who took a callback, and the hold they had in the variant before
 * they took it (on earlier calls that ended in abandonment or a timeout, before they called
 * again, and the wait that reached a line's maximum where the callback came at the timeout).
 */
class CallbackTakers extends QuietObserver {
  readonly callerIds = new Set<number>();
  // Every counted call that left the queue unanswered (abandoned, timed out), in the order the run ends them: the takers' hold before their
  // callback is added up in that order, as the baseline adds up theirs, so that two identical
  // arms give exactly the same sum (and a direct saving of exactly 0).
  private readonly abandonedBy: number[] = [];
  private readonly abandonedOn: number[] = [];
  private readonly abandonedSeconds: number[] = [];

  constructor(private readonly lines: number) {
    super();
  }

  override abandoned(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    if (!counted) return;
    this.abandonedBy.push(callerId);
    this.abandonedOn.push(line);
    this.abandonedSeconds.push(time - arrivalTime);
  }

  override timedOut(time: number, callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.abandoned(time, callerId, arrivalTime, line, counted);
  }

  override callbackAccepted(_time: number, callerId: number, _arrivalTime: number, _line: number, counted: boolean): void {
    if (counted) this.callerIds.add(callerId);
  }

  /** The takers' hold in the variant by line: on the calls they abandoned (or that timed out) before taking the callback. */
  holdSecondsByLine(): Float64Array {
    const seconds = new Float64Array(this.lines);
    for (let i = 0; i < this.abandonedBy.length; i++) {
      if (this.callerIds.has(this.abandonedBy[i]!)) seconds[this.abandonedOn[i]!]! += this.abandonedSeconds[i]!;
    }
    return seconds;
  }
}

/** Adds up the hold of given callers by line, over all their calls (0 for those who took a callback in this run too). */
class HoldOfCallers extends QuietObserver {
  readonly holdSecondsByLine: Float64Array;

  constructor(
    private readonly callerIds: ReadonlySet<number>,
    lines: number,
  ) {
    super();
    this.holdSecondsByLine = new Float64Array(lines);
  }

  override answered(time: number, callerId: number, arrivalTime: number, line: number): void {
    if (this.callerIds.has(callerId)) this.holdSecondsByLine[line]! += time - arrivalTime;
  }

  override abandoned(time: number, callerId: number, arrivalTime: number, line: number): void {
    if (this.callerIds.has(callerId)) this.holdSecondsByLine[line]! += time - arrivalTime;
  }

  override closed(time: number, callerId: number, arrivalTime: number, line: number): void {
    if (this.callerIds.has(callerId)) this.holdSecondsByLine[line]! += time - arrivalTime;
  }

  override timedOut(time: number, callerId: number, arrivalTime: number, line: number): void {
    if (this.callerIds.has(callerId)) this.holdSecondsByLine[line]! += time - arrivalTime;
  }
}
