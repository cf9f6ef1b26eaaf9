// The fitted scenario as YAML with a comment on each fitted value: what it rests on, how well it fits.
import { Document, isMap, isSeq, type Node } from 'yaml';
import type { DistributionFit, FitDiagnostics, FittedScenario, LineDiagnostics, PatienceFit } from '../calibrate';
import { clock, thousands } from './format';
import { readingSummary } from './readingSummary';

export function fittedYaml(fitted: FittedScenario, source: string): string {
  const { scenario, diagnostics: d } = fitted;
  const doc = new Document(scenario);
  const closing = clock(d.openAtSeconds + intervalsOf(d) * d.intervalSeconds);
  doc.commentBefore = [
    ` Fitted by queuecast fit from ${source}: ${thousands(d.records.used)} calls over ${d.days.count} days (${d.days.first} to ${d.days.last})${d.records.skipped > 0 ? `, ${thousands(d.records.skipped)} bad rows skipped` : ''}.`,
    ...(d.reading === undefined ? [] : [` Records: ${readingSummary(d.reading)}.`]),
    ` A typical day in ${d.intervalSeconds / 60}-minute intervals; time 0 is ${clock(d.openAtSeconds)}, the last interval ends at ${closing}.`,
    ...d.warnings.map((w) => ` warning: ${w}`),
  ].join('\n');
  const multi = 'lines' in scenario;
  const dayFactor = d.dailyCalls.dayFactorCv === undefined ? '' : `; day factor cv ${d.dailyCalls.dayFactorCv} from the spread of the daily calls (${thousands(d.dailyCalls.mean)} ± ${thousands(d.dailyCalls.sd)}) beyond Poisson's`;
  if (multi) {
    if (d.dailyCalls.dayFactorCv !== undefined) comment(doc, ['rateUncertainty'], ` the day factor every line shares${dayFactor}`);
    scenario.lines.forEach((line, i) => describeLine(doc, ['lines', i], d.lines[line.name]!, d, ''));
    scenario.groups.forEach((group, i) => comment(doc, ['groups', i, 'agents'], ` ${rosterNote(d, group.name)}`));
  } else {
    describeLine(doc, [], Object.values(d.lines)[0]!, d, dayFactor);
    comment(doc, ['agents'], ` ${rosterNote(d, Object.keys(d.groups)[0]!)}`);
  }
  flowNumbers(doc.contents as Node);
  return doc.toString({ lineWidth: 0 });
}

function describeLine(doc: Document, at: Array<string | number>, line: LineDiagnostics, d: FitDiagnostics, dayFactor: string): void {
  comment(doc, [...at, 'arrivals'], ` expected first calls per interval: the mean over ${d.days.count} days of ${thousands(line.firstCalls)} first calls (${thousands(line.calls - line.firstCalls)} redials left to the redial rule)${dayFactor}`);
  if (line.handleTime) comment(doc, [...at, 'handleTime'], ` ${fitNote(line.handleTime, 'answered calls')}`);
  if (line.patience) {
    const p = line.patience;
    comment(doc, [...at, 'patience'], [
      p.chosen === 'kaplan-meier'
        ? ` Kaplan–Meier over ${thousands(p.sampleSize)} callers who hung up: no family matched it at 1, 5 and 10 minutes (${besideNote(p)})`
        : ` censored ${fitNote(p, 'callers who hung up')}`,
      ` P(still waiting) at 1, 5, 10 min: Kaplan–Meier ${p.checks.map((c) => c.kaplanMeier.toFixed(3)).join(', ')}; chosen ${chosenBeside(p).survival.map((x) => x.toFixed(3)).join(', ')}, median ${thousands(chosenBeside(p).medianSeconds)} s`,
      ` ${thousands(p.censored)} answered callers' waits censor it (${(100 * p.censoredShare).toFixed(1)}%); the naive mean wait of those who hung up, ${thousands(p.naiveMeanSeconds)} s, is biased low`,
    ].join('\n'));
  }
  if (line.balking.balked > 0) comment(doc, [...at, 'balking'], ` ${thousands(line.balking.balked)} of ${thousands(line.balking.balked + line.balking.hadToWait)} callers who had to wait hung up at once`);
  if (line.redial && line.redial.redials > 0) comment(doc, [...at, 'redial'], ` ${thousands(line.redial.redials)} of ${thousands(line.redial.sentAway)} calls sent away were followed by a redial of the same person on the same line`);
  if ('lines' in (doc.toJS() as object)) {
    const routed = Object.entries(line.answeredByGroup).map(([g, n]) => `${g} ${thousands(n)}`).join(', ');
    comment(doc, [...at, 'routing'], ` the groups that answered this line's calls, most first: ${routed}`);
  }
}

function chosenBeside(p: PatienceFit): PatienceFit['beside'][number] {
  return p.beside.find((c) => c.family === p.chosen)!;
}

function besideNote(p: PatienceFit): string {
  return p.beside.filter((c) => c.family !== 'kaplan-meier').map((c) => `${c.family} off by ${c.largestGap.toFixed(3)}`).join(', ');
}

function fitNote(fit: Pick<DistributionFit, 'candidates' | 'sampleSize'> & { chosen: string }, what: string): string {
  const best = fit.candidates[0]!;
  const others = fit.candidates.slice(1).map((c) => `${c.family} ${c.logLikelihood.toFixed(0)}`).join(', ');
  return `${fit.chosen} by maximum likelihood over ${thousands(fit.sampleSize)} ${what}: log-likelihood ${best.logLikelihood.toFixed(0)}${others ? ` (${others})` : ''}; KS distance ${best.distance.toFixed(3)}`;
}

function rosterNote(d: FitDiagnostics, group: string): string {
  return d.groups[group]?.source === 'roster' ? 'the roster given' : 'agents seen working in each interval (time-averaged, mean over the days)';
}

function intervalsOf(d: FitDiagnostics): number {
  return Math.max(...Object.values(d.groups).map((g) => g.agentsPerInterval.length));
}

/** A comment above the key at `path`. */
function comment(doc: Document, path: Array<string | number>, text: string): void {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return;
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path.at(-1));
  if (pair && pair.key && typeof pair.key === 'object') (pair.key as Node).commentBefore = text;
}

/** Lists of numbers on one line: a roster reads better as [3, 5, 8] than one number a line. */
export function flowNumbers(node: Node | null): void {
  if (isSeq(node)) {
    if (node.items.every((item) => typeof (item as { value?: unknown }).value === 'number')) node.flow = true;
    else for (const item of node.items) flowNumbers(item as Node);
  } else if (isMap(node)) for (const pair of node.items) flowNumbers(pair.value as Node);
}
