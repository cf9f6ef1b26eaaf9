// The top of the report: the header, the key figures and the table of headline figures.
import type { Estimate, ReportSummary } from '../experiment';
import { offersCallback } from '../scenario';
import { isMultiLineReport, type ResolvedReportInput } from './reportInput';
import {
  arrow,
  cardsHtml,
  cell,
  COUNT,
  escapeHtml,
  formatDate,
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
import { describeScenario, nameOf } from './reportScenario';

export function header(input: ResolvedReportInput, replications: number, level: string): string {
  const date = formatDate(input.generated ?? new Date());
  const scenarios =
    input.kind === 'run'
      ? `<dl class="scenarios"><div><dt>Scenario</dt><dd><strong>${escapeHtml(nameOf(input.scenario, 'Unnamed scenario'))}</strong> <span>${escapeHtml(describeScenario(input.scenario))}</span></dd></div></dl>`
      : `<dl class="scenarios">
<div><dt>Baseline</dt><dd><strong>${escapeHtml(nameOf(input.baseline, 'Unnamed baseline'))}</strong> <span>${escapeHtml(describeScenario(input.baseline))}</span></dd></div>
<div><dt>Variant</dt><dd><strong>${escapeHtml(nameOf(input.variant, 'Unnamed variant'))}</strong> <span>${escapeHtml(describeScenario(input.variant))}</span></dd></div>
</dl>`;
  const kind = input.kind === 'run' ? 'Forecast' : 'What-if comparison';
  return `<header>
<p class="kicker">${kind} · ${replications} replications · ${level} confidence · <time datetime="${escapeHtml((input.generated ?? new Date()).toISOString())}">${escapeHtml(date)}</time></p>
<h1>${escapeHtml(input.title)}</h1>
${scenarios}
</header>`;
}

export function keyFigures(input: ResolvedReportInput): string {
  const cards: Card[] = [];
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    cards.push(
      { label: 'Mean hold', value: `${plain(s.hold.meanSeconds, MINUTES)} min`, detail: `± ${halfWidth(s.hold.meanSeconds, MINUTES)} min` },
      { label: '9 in 10 callers held at most', value: `${plain(s.hold.p90Seconds, MINUTES)} min`, detail: `± ${halfWidth(s.hold.p90Seconds, MINUTES)} min` },
      { label: 'Abandoned', value: `${plain(s.abandonment.fraction, PERCENT)}%`, detail: `± ${halfWidth(s.abandonment.fraction, PERCENT)} points` },
      {
        label: `Answered within ${upToOneDecimal(s.serviceLevel.seconds)} s`,
        value: `${plain(s.serviceLevel.fraction, PERCENT)}%`,
        detail: `± ${halfWidth(s.serviceLevel.fraction, PERCENT)} points`,
      },
      { label: 'Total hold', value: `${plain(s.hold.totalHoldHours, HOURS)} h`, detail: `± ${halfWidth(s.hold.totalHoldHours, HOURS)} h` },
    );
  } else {
    const { baseline: b, variant: v, difference: d, savings } = input.comparison;
    cards.push(
      {
        label: 'Hold hours saved, net',
        value: `${signed(savings.netHoldHours, HOURS)} h`,
        detail: `± ${halfWidth(savings.netHoldHours, HOURS)} h; direct ${signed(savings.directHoldHours, HOURS)}, indirect ${signed(savings.indirectHoldHours, HOURS)}`,
      },
      {
        label: 'Mean hold',
        value: `${arrow(b.hold.meanSeconds, v.hold.meanSeconds, MINUTES)} min`,
        detail: `difference ${signed(d.hold.meanSeconds, MINUTES)} ± ${halfWidth(d.hold.meanSeconds, MINUTES)} min`,
      },
      {
        label: 'Abandoned',
        value: arrow(b.abandonment.fraction, v.abandonment.fraction, PERCENT, '%'),
        detail: `difference ${signed(d.abandonment.fraction, PERCENT)} ± ${halfWidth(d.abandonment.fraction, PERCENT)} points`,
      },
      {
        label: `Answered within ${upToOneDecimal(b.serviceLevel.seconds)} s`,
        value: arrow(b.serviceLevel.fraction, v.serviceLevel.fraction, PERCENT, '%'),
        detail: `difference ${signed(d.serviceLevel.fraction, PERCENT)} ± ${halfWidth(d.serviceLevel.fraction, PERCENT)} points`,
      },
      {
        label: '9 in 10 callers held at most',
        value: `${arrow(b.hold.p90Seconds, v.hold.p90Seconds, MINUTES)} min`,
        detail: `difference ${signed(d.hold.p90Seconds, MINUTES)} ± ${halfWidth(d.hold.p90Seconds, MINUTES)} min`,
      },
      !offersCallback(input.variant)
        ? {
            label: 'Total hold',
            value: `${arrow(b.hold.totalHoldHours, v.hold.totalHoldHours, HOURS)} h`,
            detail: `difference ${signed(d.hold.totalHoldHours, HOURS)} ± ${halfWidth(d.hold.totalHoldHours, HOURS)} h`,
          }
        : {
            label: 'Callbacks taken',
            value: `${plain(v.callback.accepted, COUNT)} callers`,
            detail: `± ${halfWidth(v.callback.accepted, COUNT)}, of ${plain(v.callback.offered, COUNT)} offered; ${plain(v.callback.connected, COUNT)} connected`,
          },
    );
  }
  return cardsHtml(cards);
}

interface TableRow {
  label: string;
  scale: Scale;
  pick: (summary: ReportSummary) => Estimate;
}

interface TableGroup {
  title: string;
  rows: TableRow[];
}

// A multi-line center counts calls, redials included (people are in its section on lines).
const callsLabelOf = (input: ResolvedReportInput) => (isMultiLineReport(input) ? 'Calls offered (redials included)' : 'Callers offered');

function tableGroups(serviceLevelSeconds: number, callsLabel: string): { top: TableGroup; callbacks: TableGroup; service: TableGroup } {
  return {
    top: {
      title: 'Callers and hold',
      rows: [
        { label: callsLabel, scale: COUNT, pick: (s) => s.callers.offered },
        { label: 'Mean hold (min)', scale: MINUTES, pick: (s) => s.hold.meanSeconds },
        { label: '90th percentile hold (min)', scale: MINUTES, pick: (s) => s.hold.p90Seconds },
        { label: 'Total hold (hours)', scale: HOURS, pick: (s) => s.hold.totalHoldHours },
      ],
    },
    callbacks: {
      title: 'Callbacks',
      rows: [
        { label: 'Callbacks offered', scale: COUNT, pick: (s) => s.callback.offered },
        { label: 'Callbacks accepted', scale: COUNT, pick: (s) => s.callback.accepted },
        { label: 'Callbacks connected', scale: COUNT, pick: (s) => s.callback.connected },
        { label: 'Callbacks failed', scale: COUNT, pick: (s) => s.callback.failed },
        { label: 'Callback delay (min)', scale: MINUTES, pick: (s) => s.callback.meanDelaySeconds },
      ],
    },
    service: {
      title: 'Service',
      rows: [
        { label: 'Abandonment (%)', scale: PERCENT, pick: (s) => s.abandonment.fraction },
        { label: `Service level (%), answered within ${upToOneDecimal(serviceLevelSeconds)} s`, scale: PERCENT, pick: (s) => s.serviceLevel.fraction },
        { label: 'Agent occupancy (%)', scale: PERCENT, pick: (s) => s.agents.occupancy },
      ],
    },
  };
}

export function headlineTable(input: ResolvedReportInput, level: string): string {
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    const groups = tableGroups(s.serviceLevel.seconds, callsLabelOf(input));
    const shown = !offersCallback(input.scenario) ? [groups.top, groups.service] : [groups.top, groups.callbacks, groups.service];
    const body = shown
      .map((group) => groupHeader(group.title, 2) + group.rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${cell(row.pick(s), row.scale, false, level)}</tr>`).join('\n'))
      .join('\n');
    return `<table class="headline single">
<thead><tr><th scope="col">Figure</th><th scope="col">Estimate<span class="sub">mean ± half-width, ${escapeHtml(level)} interval</span></th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
  }
  const { baseline, variant, difference, savings } = input.comparison;
  const groups = tableGroups(baseline.serviceLevel.seconds, callsLabelOf(input));
  const armRow = (row: TableRow) =>
    `<tr><th scope="row">${escapeHtml(row.label)}</th>${cell(row.pick(baseline), row.scale, false, level)}${cell(row.pick(variant), row.scale, false, level)}${cell(row.pick(difference), row.scale, true, level)}</tr>`;
  const savingsRows: Array<[string, Estimate]> = [
    ['Direct (callback takers\u2019 baseline hold)', savings.directHoldHours],
    ['Indirect (everyone else)', savings.indirectHoldHours],
    ['Net', savings.netHoldHours],
  ];
  const body = [
    groupHeader(groups.top.title, 4) + groups.top.rows.map(armRow).join('\n'),
    groupHeader('Hold hours saved by the variant (positive: less hold)', 4) +
      savingsRows
        .map(
          ([label, e]) =>
            `<tr><th scope="row">${escapeHtml(label)}</th><td class="empty" aria-label="not applicable"></td><td class="empty" aria-label="not applicable"></td>${cell(e, HOURS, true, level)}</tr>`,
        )
        .join('\n'),
    groupHeader(groups.callbacks.title, 4) + groups.callbacks.rows.map(armRow).join('\n'),
    groupHeader(groups.service.title, 4) + groups.service.rows.map(armRow).join('\n'),
  ].join('\n');
  return `<table class="headline">
<thead><tr><th scope="col">Figure</th><th scope="col">Baseline</th><th scope="col">Variant</th><th scope="col">Difference<span class="sub">paired, variant − baseline</span></th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="note">Cells show mean ± half-width, with the ${escapeHtml(level)} confidence interval below.</p>`;
}

