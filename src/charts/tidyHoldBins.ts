import type { Summary } from '../experiment';
import type { HoldBin } from '../metrics';
import { holdBinLabel } from './holdBinLabel';
import { figureValue, type Figure } from './spec';

/** The hold-time bars of one run (`Report.holdDistribution`) or of a summary, named for a legend. */
export interface HoldSeries {
  label: string;
  bins: readonly HoldBin[] | ReadonlyArray<Summary<HoldBin>>;
}

/**
 * One bar of one series' hold-time distribution. `callers` is the count (from a summary, its
 * mean over replications, with `low`/`high` its confidence interval); `share` is that count
 * over all the series' callers who held, so series of different sizes compare.
 */
export interface TidyHoldBin {
  series: string;
  /** The bar's label: `0 s`, `≤10 s`, `1–2 min`, `> 2 h`. */
  bin: string;
  fromSeconds: number;
  toSeconds: number | null;
  callers: number;
  share: number;
  low?: number;
  high?: number;
}

/**
 * Turns hold-time distributions into long rows, one per series and bar, labelled for a
 * chart. Bars past the last one that any series uses are left out, so a center whose
 * longest hold is ten minutes is not drawn with two empty hours.
 *
 * @example
 * const report = await run(scenario);
 * tidyHoldBins([{ label: 'today', bins: report.holdDistribution }]).slice(0, 2);
 * // [{ series: 'today', bin: '0 s', fromSeconds: 0, toSeconds: 0, callers: 1520, share: 0.61 },
 * //  { series: 'today', bin: '≤10 s', fromSeconds: 0, toSeconds: 10, callers: 93, share: 0.037 }]
 * @see holdDistributionChart
 */
export function tidyHoldBins(series: readonly HoldSeries[]): TidyHoldBin[] {
  let used = 1;
  for (const { bins } of series) {
    bins.forEach((bin, i) => {
      if (figureValue(bin.callers as Figure).value > 0) used = Math.max(used, i + 1);
    });
  }
  const out: TidyHoldBin[] = [];
  for (const { label, bins } of series) {
    let total = 0;
    for (const bin of bins) total += figureValue(bin.callers as Figure).value;
    for (const bin of bins.slice(0, used)) {
      const { value, ...interval } = figureValue(bin.callers as Figure);
      out.push({
        series: label,
        bin: holdBinLabel(bin.fromSeconds, bin.toSeconds),
        fromSeconds: bin.fromSeconds,
        toSeconds: bin.toSeconds,
        callers: value,
        share: total > 0 ? value / total : 0,
        ...interval,
      });
    }
  }
  return out;
}
