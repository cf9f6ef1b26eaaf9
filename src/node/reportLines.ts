// The report's section for a multi-line center: a card per line, the figures of every line
// side by side, calls against people, the hold saved on each line, and the agent groups.
import type { Estimate, HoldSavings, ReportSummary, Summary } from '../experiment';
import type { CallFigures, GroupReport } from '../metrics';
import { isMultiLineReport, type ResolvedReportInput } from './reportInput';
import {
  arrow,
  cardsHtml,
  cell,
  COUNT,
  escapeHtml,
  formatNumber,
  groupHeader,
  halfWidth,
  HOURS,
  MINUTES,
  PERCENT,
  plain,
  signed,
  upToOneDecimal,
  type Card,
  type Scale,
} from './reportFormat';

type LineSummary = Summary<CallFigures>;
type GroupSummary = Summary<GroupReport>;

/** The lines and groups the report shows: for a comparison, those both arms have, in the baseline's order. */
export function namesOf(input: ResolvedReportInput): { lines: string[]; groups: string[] } {
  if (input.kind === 'run') return { lines: Object.keys(input.replicated.summary.lines), groups: Object.keys(input.replicated.summary.groups) };
  const { baseline, variant } = input.comparison;
  return {
    lines: Object.keys(baseline.lines).filter((name) => name in variant.lines),
    groups: Object.keys(baseline.groups).filter((name) => name in variant.groups),
  };
}

/** The section "Lines and agent groups", with the line charts already drawn; empty for a single line. */
export function linesSection(input: ResolvedReportInput, level: string, charts: readonly string[]): string {
  if (!isMultiLineReport(input)) return '';
  const parts = [
    '<section class="lines" aria-label="Lines and agent groups">',
    '<h2>Lines and agent groups</h2>',
    lineCards(input),
    '<h3>Figures by line</h3>',
    figuresByLine(input, level),
    '<h3>Calls and people by line</h3>',
    callsAndPeople(input, level),
  ];
  if (input.kind === 'compare') parts.push('<h3>Hold hours saved by line</h3>', savingsByLine(input, level));
  parts.push('<h3>Agent groups</h3>', groupsTable(input, level));
  if (charts.length > 0) parts.push('<div class="chart-grid wide">', ...charts, '</div>');
  parts.push('</section>');
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Cards: each line at a glance

function lineCards(input: ResolvedReportInput): string {
  const { lines } = namesOf(input);
  const cards: Card[] = lines.map((name) => {
    if (input.kind === 'run') {
      const l = input.replicated.summary.lines[name]!;
      return {
        label: name,
        value: `${plain(l.hold.meanSeconds, MINUTES)} min mean hold`,
        detail:
          `± ${halfWidth(l.hold.meanSeconds, MINUTES)} min; ${plain(l.abandonment.fraction, PERCENT)}% abandoned, ` +
          `${plain(l.serviceLevel.fraction, PERCENT)}% answered within ${duration(l.serviceLevel.seconds)}; ` +
          `${plain(l.callers.offered, COUNT)} calls from ${plain(l.people.offered, COUNT)} people`,
      };
    }
    const [b, v] = [input.comparison.baseline.lines[name]!, input.comparison.variant.lines[name]!];
    const saved = input.comparison.savingsByLine[name];
    return {
      label: name,
      value: saved ? `${signed(saved.netHoldHours, HOURS)} h saved` : `${arrow(b.hold.meanSeconds, v.hold.meanSeconds, MINUTES)} min`,
      detail:
        (saved
          ? `± ${halfWidth(saved.netHoldHours, HOURS)} h net (direct ${signed(saved.directHoldHours, HOURS)}, indirect ${signed(saved.indirectHoldHours, HOURS)}); `
          : '') +
        `mean hold ${arrow(b.hold.meanSeconds, v.hold.meanSeconds, MINUTES)} min, abandoned ${arrow(b.abandonment.fraction, v.abandonment.fraction, PERCENT, '%')}` +
        (v.callback.accepted.mean > 0 ? `; ${plain(v.callback.accepted, COUNT)} callbacks taken` : ''),
    };
  });
  return cardsHtml(cards, 'key-figures line-figures');
}

function duration(seconds: number): string {
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} min` : `${upToOneDecimal(seconds)} s`;
}

// ---------------------------------------------------------------------------------------------
// Tables: a column per line

interface LineRow {
  label: string;
  scale: Scale;
  pick: (line: LineSummary) => Estimate;
}

/** The rows of the figures-by-line table; outcomes no line can have (all 0 in every arm) are left out. */
function lineRows(input: ResolvedReportInput, lines: readonly string[]): Array<{ title: string; rows: LineRow[] }> {
  const summaries = arms(input);
  const any = (pick: (l: LineSummary) => Estimate) => summaries.some((s) => lines.some((name) => pick(s.lines[name]!).mean > 0));
  const transfers = summaries.some((s) => lines.some((name) => s.lines[name]!.transfers !== undefined));
  const outcomes: LineRow[] = [
    { label: transfers ? 'Calls (redials and transfers in included)' : 'Calls (redials included)', scale: COUNT, pick: (l) => l.callers.offered },
    { label: 'Answered', scale: COUNT, pick: (l) => l.callers.answered },
    { label: 'Abandoned', scale: COUNT, pick: (l) => l.callers.abandoned },
  ];
  if (any((l) => l.callers.balked)) outcomes.push({ label: 'Balked (hung up on the announcement)', scale: COUNT, pick: (l) => l.callers.balked });
  if (any((l) => l.callers.busy)) outcomes.push({ label: 'Busy signals', scale: COUNT, pick: (l) => l.callers.busy });
  if (any((l) => l.callers.disconnected)) outcomes.push({ label: 'Disconnected (queue full)', scale: COUNT, pick: (l) => l.callers.disconnected });
  if (any((l) => l.callers.closed)) outcomes.push({ label: 'Disconnected at closing', scale: COUNT, pick: (l) => l.callers.closed });
  if (any((l) => l.callers.timedOut ?? NONE)) outcomes.push({ label: 'Timed out (message at the maximum wait)', scale: COUNT, pick: (l) => l.callers.timedOut ?? NONE });
  if (any((l) => l.redials.afterClose)) outcomes.push({ label: 'Redials after closing (lost)', scale: COUNT, pick: (l) => l.redials.afterClose });
  if (transfers) {
    outcomes.push(
      { label: 'Transferred in', scale: COUNT, pick: (l) => l.transfers?.in ?? NONE },
      { label: 'Transferred out', scale: COUNT, pick: (l) => l.transfers?.out ?? NONE },
      { label: 'Transferred in, lost (no agent)', scale: COUNT, pick: (l) => l.transfers?.lost ?? NONE },
    );
  }
  const sameTarget = new Set(lines.map((name) => summaries[0]!.lines[name]!.serviceLevel.seconds)).size === 1;
  const target = sameTarget ? ` within ${duration(summaries[0]!.lines[lines[0]!]!.serviceLevel.seconds)}` : ", within each line's target";
  const groups = [
    { title: 'Calls', rows: outcomes },
    {
      title: 'Hold and service',
      rows: [
        { label: 'Mean hold (min)', scale: MINUTES, pick: (l: LineSummary) => l.hold.meanSeconds },
        { label: 'Speed of answer (min, answered calls)', scale: MINUTES, pick: (l: LineSummary) => l.speedOfAnswer.meanSeconds },
        { label: '90th percentile hold (min)', scale: MINUTES, pick: (l: LineSummary) => l.hold.p90Seconds },
        { label: 'Total hold (hours)', scale: HOURS, pick: (l: LineSummary) => l.hold.totalHoldHours },
        { label: 'Abandonment (%)', scale: PERCENT, pick: (l: LineSummary) => l.abandonment.fraction },
        { label: `Service level (%)${target}`, scale: PERCENT, pick: (l: LineSummary) => l.serviceLevel.fraction },
        { label: 'Service level of calls offered (%)', scale: PERCENT, pick: (l: LineSummary) => l.serviceLevel.fractionOfOffered },
      ],
    },
  ];
  if (any((l) => l.callback.offered)) {
    groups.push({
      title: 'Callbacks',
      rows: [
        { label: 'Callbacks offered', scale: COUNT, pick: (l) => l.callback.offered },
        { label: 'Callbacks accepted', scale: COUNT, pick: (l) => l.callback.accepted },
        ...(any((l) => l.callback.atTimeout ?? NONE) ? [{ label: '  of which at the maximum wait', scale: COUNT, pick: (l: LineSummary) => l.callback.atTimeout ?? NONE }] : []),
        { label: 'Callbacks connected', scale: COUNT, pick: (l) => l.callback.connected },
        { label: 'Callback delay (min)', scale: MINUTES, pick: (l) => l.callback.meanDelaySeconds },
      ],
    });
  }
  return groups;
}

function arms(input: ResolvedReportInput): ReportSummary[] {
  return input.kind === 'run' ? [input.replicated.summary] : [input.comparison.baseline, input.comparison.variant];
}

/** A cell of a comparison: `baseline → variant`, the paired difference below. */
function compareCell(b: Estimate, v: Estimate, d: Estimate, scale: Scale, level: string): string {
  return `<td><span class="mean">${escapeHtml(arrow(b, v, scale))}</span><span class="ci" title="paired difference, ${escapeHtml(level)} confidence interval">${escapeHtml(
    `${signed(d, scale)} ± ${halfWidth(d, scale)}`,
  )}</span></td>`;
}

function figuresByLine(input: ResolvedReportInput, level: string): string {
  const { lines } = namesOf(input);
  const head = lines.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('');
  const row = (r: LineRow) => {
    const cells = lines.map((name) => {
      if (input.kind === 'run') return cell(r.pick(input.replicated.summary.lines[name]!), r.scale, false, level);
      const { baseline, variant, difference } = input.comparison;
      return compareCell(r.pick(baseline.lines[name]!), r.pick(variant.lines[name]!), r.pick(difference.lines[name]!), r.scale, level);
    });
    return `<tr><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
  };
  const body = lineRows(input, lines)
    .map((group) => groupHeader(group.title, lines.length + 1) + group.rows.map(row).join('\n'))
    .join('\n');
  const note =
    input.kind === 'run'
      ? `Cells show mean ± half-width, with the ${level} confidence interval below.`
      : `Cells show baseline → variant, with the paired difference (variant − baseline) ± the half-width of its ${level} interval below.`;
  return `<table class="headline by-line">
<thead><tr><th scope="col">Figure</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="note">${escapeHtml(note)}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Calls against people, and the redials a variant avoids

function callsAndPeople(input: ResolvedReportInput, level: string): string {
  const { lines } = namesOf(input);
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    const row = (name: string, l: LineSummary) =>
      `<tr><th scope="row">${escapeHtml(name)}</th>${[l.callers.offered, l.people.offered, l.redials.calls].map((e) => cell(e, COUNT, false, level)).join('')}<td>${escapeHtml(
        perPerson(l.callers.offered, l.people.offered),
      )}</td>${[l.people.served, l.people.gaveUp].map((e) => cell(e, COUNT, false, level)).join('')}</tr>`;
    return `<table class="headline by-line people">
<thead><tr><th scope="col">Line</th><th scope="col">Calls</th><th scope="col">People<span class="sub">first calls</span></th><th scope="col">Redials</th><th scope="col">Calls per person</th><th scope="col">People served</th><th scope="col">People who gave up<span class="sub">for good</span></th></tr></thead>
<tbody>
${[...lines.map((name) => row(name, s.lines[name]!)), row('All lines', s)].join('\n')}
</tbody>
</table>
<p class="note">A person is counted once, on their first call; the calls they make again after hanging up, balking, a busy signal or a disconnect are redials.</p>`;
  }
  const { baseline, variant, difference } = input.comparison;
  const row = (name: string, b: LineSummary, v: LineSummary, d: LineSummary) =>
    `<tr><th scope="row">${escapeHtml(name)}</th>${compareCell(b.callers.offered, v.callers.offered, d.callers.offered, COUNT, level)}${cell(b.people.offered, COUNT, false, level)}${compareCell(
      b.redials.calls,
      v.redials.calls,
      d.redials.calls,
      COUNT,
      level,
    )}${cell(negated(d.redials.calls), COUNT, true, level)}${compareCell(b.people.gaveUp, v.people.gaveUp, d.people.gaveUp, COUNT, level)}${cell(v.callback.accepted, COUNT, false, level)}</tr>`;
  return `<table class="headline by-line people">
<thead><tr><th scope="col">Line</th><th scope="col">Calls</th><th scope="col">People<span class="sub">first calls, the same in both</span></th><th scope="col">Redials</th><th scope="col">Redials avoided<span class="sub">paired</span></th><th scope="col">People who gave up<span class="sub">for good</span></th><th scope="col">Callbacks taken</th></tr></thead>
<tbody>
${[...lines.map((name) => row(name, baseline.lines[name]!, variant.lines[name]!, difference.lines[name]!)), row('All lines', baseline, variant, difference)].join('\n')}
</tbody>
</table>
<p class="note">A person is counted once, on their first call (the same people call in both arms); the calls they make again after hanging up, balking, a busy signal or a disconnect are redials. Redials avoided: baseline − variant, pair by pair.</p>`;
}

function perPerson(calls: Estimate, people: Estimate): string {
  return people.mean > 0 ? formatNumber(calls.mean / people.mean, 2) : '–';
}

function negated(e: Estimate): Estimate {
  return { ...e, mean: -e.mean, low: -e.high, high: -e.low };
}

// ---------------------------------------------------------------------------------------------
// Hold hours saved by line

function savingsByLine(input: Extract<ResolvedReportInput, { kind: 'compare' }>, level: string): string {
  const { lines } = namesOf(input);
  const row = (name: string, s: HoldSavings<Estimate>) =>
    `<tr><th scope="row">${escapeHtml(name)}</th>${[s.directHoldHours, s.indirectHoldHours, s.netHoldHours].map((e) => cell(e, HOURS, true, level)).join('')}</tr>`;
  const rows = lines.flatMap((name) => (input.comparison.savingsByLine[name] ? [row(name, input.comparison.savingsByLine[name]!)] : []));
  return `<table class="headline by-line savings">
<thead><tr><th scope="col">Line</th><th scope="col">Direct<span class="sub">the line's callback takers</span></th><th scope="col">Indirect<span class="sub">everyone else on the line</span></th><th scope="col">Net</th></tr></thead>
<tbody>
${[...rows, row('All lines', input.comparison.savings)].join('\n')}
</tbody>
</table>
<p class="note">Hold hours saved by the variant (positive: less hold), mean ± half-width with the ${escapeHtml(level)} interval below. Indirect savings on a line include what its callers gain or lose because agents it shares with other lines are busier or freer.</p>`;
}

// ---------------------------------------------------------------------------------------------
// Agent groups

/** An estimate of 0, for a figure a scenario cannot have (no wrap-up, no maximum wait). */
const NONE: Estimate = { mean: 0, sd: 0, halfWidth: 0, low: 0, high: 0 };

function groupsTable(input: ResolvedReportInput, level: string): string {
  const { groups, lines } = namesOf(input);
  const answered = (g: GroupSummary, other?: GroupSummary) =>
    lines
      .filter((line) => (g.answered[line]?.mean ?? 0) >= 0.5 || (other?.answered[line]?.mean ?? 0) >= 0.5)
      .map((line) => `${line} ${other ? `${formatNumber(other.answered[line]?.mean ?? 0, 0)} → ` : ''}${formatNumber(g.answered[line]?.mean ?? 0, 0)}`)
      .join(' · ');
  // Each line's share of the group's time on duty (its busy time by line), for the lines it served.
  const byLine = (g: GroupSummary, other?: GroupSummary) =>
    lines
      .filter((line) => (g.occupancyByLine[line]?.mean ?? 0) > 0 || (other?.occupancyByLine[line]?.mean ?? 0) > 0)
      .map((line) => `${line} ${other ? `${formatNumber(100 * (other.occupancyByLine[line]?.mean ?? 0), 1)}% → ` : ''}${formatNumber(100 * (g.occupancyByLine[line]?.mean ?? 0), 1)}%`)
      .join(' · ');
  // A wrap-up column only where some call is wrapped up (after-call work): occupancy counts it, this shows it apart.
  const summaries = input.kind === 'run' ? [input.replicated.summary] : [input.comparison.baseline, input.comparison.variant];
  const wrapUp = summaries.some((summary) => groups.some((name) => summary.groups[name]?.wrapUpOccupancy !== undefined));
  const rows = groups.map((name) => {
    if (input.kind === 'run') {
      const g = input.replicated.summary.groups[name]!;
      const wrapUpCell = wrapUp ? cell(g.wrapUpOccupancy ?? NONE, PERCENT, false, level) : '';
      return `<tr><th scope="row">${escapeHtml(name)}</th>${cell(g.agentsOnDuty, COUNT, false, level)}${cell(g.occupancy, PERCENT, false, level)}${wrapUpCell}<td class="list">${escapeHtml(byLine(g))}</td><td class="list">${escapeHtml(answered(g))}</td></tr>`;
    }
    const [b, v, d] = [input.comparison.baseline.groups[name]!, input.comparison.variant.groups[name]!, input.comparison.difference.groups[name]!];
    const wrapUpCell = wrapUp
      ? compareCell(b.wrapUpOccupancy ?? NONE, v.wrapUpOccupancy ?? NONE, d.wrapUpOccupancy ?? NONE, PERCENT, level)
      : '';
    return `<tr><th scope="row">${escapeHtml(name)}</th>${cell(b.agentsOnDuty, COUNT, false, level)}${compareCell(b.occupancy, v.occupancy, d.occupancy, PERCENT, level)}${wrapUpCell}<td class="list">${escapeHtml(byLine(v, b))}</td><td class="list">${escapeHtml(answered(v, b))}</td></tr>`;
  });
  return `<table class="headline by-line groups">
<thead><tr><th scope="col">Group</th><th scope="col">Agents on duty<span class="sub">mean over the day</span></th><th scope="col">Occupancy${input.kind === 'compare' ? '<span class="sub">baseline → variant</span>' : ''}</th>${wrapUp ? '<th scope="col">Wrap-up<span class="sub">of the occupancy</span></th>' : ''}<th scope="col">Busy by line<span class="sub">share of time on duty${input.kind === 'compare' ? ', baseline → variant' : ''}</span></th><th scope="col">Calls answered, by line${input.kind === 'compare' ? '<span class="sub">baseline → variant, means</span>' : '<span class="sub">means</span>'}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

