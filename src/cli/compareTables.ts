// The tables of `queuecast compare`: baseline, variant and their paired difference, with the
// hold saved, the callers served and what each callback saves.
import { estimate, type Comparison, type Estimate } from '../experiment';
import type { CallFigures, Report } from '../metrics';
import { offersCallback, type ResolvedScenario } from '../scenario';
import { callFigures, cell, centerFigures, count, featuresOf, groupFigures, linesOfGroups, offersCallbackOn, type Features, type Figure } from './figures';
import { textTable, withInterval } from './format';

const COMPARE_HEADER = ['baseline', 'variant', 'difference (paired)'];

/** Which arms offer a callback (the center's, or one line's). */
interface Callbacks {
  baseline: boolean;
  variant: boolean;
}

function armRows<S>(figures: Array<Figure<S>>, baseline: S, variant: S, difference: S, callbacks: Callbacks): string[][] {
  return figures.map((figure) => [
    figure[0],
    cell(figure, baseline, callbacks.baseline),
    cell(figure, variant, callbacks.variant),
    cell(figure, difference, callbacks.baseline && callbacks.variant),
  ]);
}

const hours = (e: Estimate) => withInterval(e, 1);

/** The center's figures in one replication, or one line's. */
type FiguresOf = (report: Report) => CallFigures;

// Connected callbacks are served but not answered (answered counts calls taken from hold): a
// variant that turns holds into callbacks answers fewer and serves as many or more.
const served = (figures: CallFigures) => figures.callers.answered + figures.callback.connected;

/** The rows a callback adds: callers served in both arms (after `answered`) and, last, the minutes each callback saves. */
function callbackRows(rows: string[][], comparison: Comparison, pick: FiguresOf, net: (pair: Comparison['pairs'][number]) => number, variantOffers: boolean): void {
  const { pairs } = comparison;
  const b = estimate(pairs.map((p) => served(pick(p.baseline))));
  const v = estimate(pairs.map((p) => served(pick(p.variant))));
  const d = estimate(pairs.map((p) => served(pick(p.variant)) - served(pick(p.baseline))));
  const at = rows.findIndex(([label]) => label === 'answered') + 1;
  rows.splice(at, 0, ['served (answered + called back)', count(b), count(v), count(d)]);
  // Net hold saved per callback accepted in the variant, replication by replication, as `npm start` has it.
  const accepted = pairs.map((p) => pick(p.variant).callback.accepted);
  if (!variantOffers || accepted.some((n) => n === 0)) return;
  const perCallback = estimate(pairs.map((p, k) => (60 * net(p)) / accepted[k]!));
  rows.push(['minutes saved per callback', '', withInterval(perCallback, 1), '']);
}

function savingsRows(rows: string[][], saved: Comparison['savings']): void {
  rows.push(
    ['hold hours saved: direct', '', hours(saved.directHoldHours), ''],
    ['hold hours saved: indirect', '', hours(saved.indirectHoldHours), ''],
    ['hold hours saved: net', '', hours(saved.netHoldHours), ''],
  );
}

/**
 * What a planner should know when abandonment or mean hold rises while hold hours fall (the
 * README's "Many lines" tells it at length); undefined when they do not.
 */
export function denominatorNote(comparison: Comparison, variantOffers: boolean): string | undefined {
  const { difference } = comparison;
  if (!variantOffers || !(difference.hold.totalHoldHours.mean < 0)) return undefined;
  const risen = [
    ...(difference.abandonment.fraction.mean > 0 ? ['abandonment'] : []),
    ...(difference.hold.meanSeconds.mean > 0 ? ['mean hold'] : []),
  ];
  if (risen.length === 0) return undefined;
  const which = risen.length === 2 ? 'Abandonment and mean hold rise' : `${risen[0] === 'abandonment' ? 'Abandonment' : 'Mean hold'} rises`;
  return [
    `${which} while hold hours fall: abandonment and mean hold count only the calls that hold.`,
    'The callers who take a callback leave that count (as many still hang up, out of fewer), and',
    'the callbacks take agents from those still holding, who wait longer.',
  ].join('\n');
}

/** Baseline against variant, with the paired difference, the hold saved and (with callbacks) the callers served. */
export function compareTable(comparison: Comparison, features: Features, callbacks: Callbacks): string {
  const { baseline, variant, difference, savings } = comparison;
  const rows = armRows(centerFigures(baseline, features), baseline, variant, difference, callbacks);
  savingsRows(rows, savings);
  if (features.callback) callbackRows(rows, comparison, (r) => r, (p) => p.savings.netHoldHours, callbacks.variant);
  const table = textTable([[features.multiLine ? 'all lines' : '', ...COMPARE_HEADER], ...rows]);
  const note = denominatorNote(comparison, callbacks.variant);
  return note ? `${table}\n${note}` : table;
}

/** One line in both arms, with the hold that line's callers saved. */
export function lineCompareTable(name: string, comparison: Comparison, features: Features, callbacks: Callbacks): string {
  const [b, v, d] = [comparison.baseline.lines[name]!, comparison.variant.lines[name]!, comparison.difference.lines[name]!];
  const rows = armRows(callFigures(features, b.serviceLevel.seconds, []), b, v, d, callbacks);
  const saved = comparison.savingsByLine[name];
  if (saved) savingsRows(rows, saved);
  if (features.callback) {
    callbackRows(rows, comparison, (r) => r.lines[name]!, (p) => p.savingsByLine[name]?.netHoldHours ?? NaN, callbacks.variant && saved !== undefined);
  }
  return textTable([[`line ${name}`, ...COMPARE_HEADER], ...rows]);
}

/** One group in both arms. */
export function groupCompareTable(name: string, comparison: Comparison, lines: readonly string[]): string {
  const [b, v, d] = [comparison.baseline.groups[name]!, comparison.variant.groups[name]!, comparison.difference.groups[name]!];
  return textTable([[`group ${name}`, ...COMPARE_HEADER], ...armRows(groupFigures(lines, b.wrapUpOccupancy !== undefined || v.wrapUpOccupancy !== undefined), b, v, d, { baseline: false, variant: false })]);
}

/** Every table of a comparison: the totals, then each line and each group that both arms have. */
export function compareTables(baseline: ResolvedScenario, variant: ResolvedScenario, comparison: Comparison): string {
  const features = featuresOf(baseline, variant);
  const tables = [compareTable(comparison, features, { baseline: offersCallback(baseline), variant: offersCallback(variant) })];
  if (baseline.multiLine || variant.multiLine) {
    const inBoth = (name: string, of: 'lines' | 'groups') => name in comparison.baseline[of] && name in comparison.variant[of];
    const served = linesOfGroups(baseline, variant);
    for (const name of Object.keys(comparison.baseline.lines)) {
      if (inBoth(name, 'lines')) tables.push(lineCompareTable(name, comparison, features, { baseline: offersCallbackOn(baseline, name), variant: offersCallbackOn(variant, name) }));
    }
    for (const name of Object.keys(comparison.baseline.groups)) if (inBoth(name, 'groups')) tables.push(groupCompareTable(name, comparison, served.get(name) ?? []));
  }
  return tables.join('\n\n');
}
