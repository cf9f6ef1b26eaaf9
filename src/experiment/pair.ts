import type { Report } from '../metrics';
import { QuietObserver, type Slices } from '../model';
import { scenarioSlices } from '../season';
import type { ResolvedScenario } from '../scenario';

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

/** One replication of a comparison: both arms on the same seed, and the savings split. */
export interface ComparedPair {
  baseline: Report;
  variant: Report;
  savings: HoldSavings<number>;
  savingsByLine: Record<string, HoldSavings<number>>;
}

/**
 * One replication of a comparison as slices: the variant first, noting who took a callback,
 * then the baseline, adding up what those callers held there.
 */
export function* comparePairSlices(baseline: ResolvedScenario, variant: ResolvedScenario, sliceMilliseconds?: number): Slices<ComparedPair> {
  const takers = new CallbackTakers(variant.lines.length);
  const variantReport = yield* scenarioSlices(variant, takers, sliceMilliseconds);
  const theirHold = new HoldOfCallers(takers.callerIds, baseline.lines.length);
  const baselineReport = yield* scenarioSlices(baseline, theirHold, sliceMilliseconds);
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
