import {
  callsByIntervalChart,
  holdDistributionChart,
  holdSavingsChart,
  queueByIntervalChart,
  waitsByIntervalChart,
  type VegaLiteSpec,
} from '../charts';
import type { Comparison, Estimate, Replicated, ReportSummary } from '../experiment';
import type { Distribution } from '../random';
import { isMultiLine, offersCallback, type Scenario } from '../scenario';

/** A report of one scenario's replications. */
export interface RunReportInput {
  kind: 'run';
  title: string;
  scenario: Scenario;
  replicated: Replicated;
  /** The confidence level the estimates were made with; default 0.95, as `replicate()`'s. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

/** A report of a what-if: a baseline against a variant on common random numbers. */
export interface CompareReportInput {
  kind: 'compare';
  title: string;
  baseline: Scenario;
  variant: Scenario;
  comparison: Comparison;
  /** The confidence level the estimates were made with; default 0.95, as `compare()`'s. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

export type HtmlReportInput = RunReportInput | CompareReportInput;

/**
 * The HTML report a planner hands on: one self-contained file that needs no network to view
 * or print. A header (title, scenarios, replications, date), the key figures, a table of
 * every headline figure with its confidence interval (baseline, variant and their paired
 * difference when comparing), the charts as inline SVG (calls, queue and waits by interval,
 * the hold-time distribution, and when comparing the hold hours saved), and the scenarios as
 * JSON. The charts are the Vega-Lite specs of `queuecast`'s charts, compiled with `vega-lite`
 * and drawn with `vega`, both loaded only when a report is rendered.
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 20 });
 * const html = await renderHtmlReport({ kind: 'compare', title: 'Callback pilot', baseline, variant, comparison });
 * await writeFile('report.html', html);
 */
export async function renderHtmlReport(input: RunReportInput | CompareReportInput): Promise<string> {
  const figures = figuresOf(input);
  const svgs = await renderSvgs(figures.map((figure) => figure.spec));
  const confidence = input.confidence ?? 0.95;
  const replications = input.kind === 'run' ? input.replicated.replications : input.comparison.replications;
  const level = `${upToOneDecimal(confidence * 100)}%`;
  const html = figures.map((figure, i) => figureHtml(figure, svgs[i]!));
  const overview = figures.flatMap((figure, i) => (figure.placement === 'overview' ? [html[i]!] : []));
  const charts = figures.flatMap((figure, i) => (figure.placement === 'grid' ? [html[i]!] : []));
  const method =
    input.kind === 'run'
      ? `Each figure is the mean over ${replications} independent replications, ± the half-width of its ${level} Student t confidence interval.`
      : `Each figure is the mean over ${replications} replications, ± the half-width of its ${level} Student t confidence interval. ` +
        'Baseline and variant ran on common random numbers (caller i is the same person, with the same handle time, patience and choices, in both), ' +
        'so the difference is estimated pair by pair, replication by replication.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="queuecast">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${header(input, replications, level)}
<section class="overview${overview.length > 0 ? ' with-chart' : ''}" aria-label="Key figures">
${keyFigures(input)}
${overview.join('\n')}
</section>
<section class="figures">
<h2>Headline figures</h2>
${headlineTable(input, level)}
<p class="note">${escapeHtml(method)}</p>
</section>
<section class="charts">
<h2>Charts</h2>
<div class="chart-grid">
${charts.join('\n')}
</div>
</section>
${scenarioDetails(input)}
<footer>Made with queuecast, a discrete-event simulation of contact-center hold queues.</footer>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Charts

interface ReportFigure {
  id: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
  /** Beside the key figures at the top, or in the grid of charts. */
  placement: 'overview' | 'grid';
}

function figureHtml(figure: ReportFigure, svg: string): string {
  return `<figure class="chart" data-chart="${escapeHtml(figure.id)}">
<figcaption><strong>${escapeHtml(figure.title)}.</strong> ${escapeHtml(figure.caption)}</figcaption>
${svg}
</figure>`;
}

const SIZE = { width: 440, height: 210 };

function figuresOf(input: HtmlReportInput): ReportFigure[] {
  const comparing = input.kind === 'compare';
  const summaries =
    input.kind === 'run'
      ? [{ label: input.scenario.name ?? 'Scenario', summary: input.replicated.summary }]
      : [
          { label: 'Baseline', summary: input.comparison.baseline },
          { label: 'Variant', summary: input.comparison.variant },
        ];
  const intervals = summaries.map(({ label, summary }) => ({ label, rows: summary.intervals }));
  const bins = summaries.map(({ label, summary }) => ({ label, bins: summary.holdDistribution }));
  const arms = comparing ? ' Baseline solid, variant dashed.' : '';
  const figures: ReportFigure[] = [];
  if (input.kind === 'compare') {
    figures.push({
      id: 'hold-savings',
      title: 'Hold hours saved',
      caption:
        "Direct: the hold the callers who took a callback would have had in the baseline. Indirect: what the change did to everyone else's hold (below zero: they held longer). Net = direct + indirect. Whiskers: confidence intervals.",
      spec: holdSavingsChart(input.comparison.savings, { width: 300, height: 190 }),
      placement: 'overview',
    });
  }
  figures.push(
    {
      id: 'waits',
      title: 'Mean hold by interval',
      caption: `Mean hold of the callers who held, by the interval they arrived in; the ${comparing ? 'bands are' : 'band is'} the confidence interval.`,
      spec: waitsByIntervalChart(intervals, SIZE),
      placement: 'grid',
    },
    {
      id: 'hold-distribution',
      title: 'How long callers held',
      caption: `Share of the callers who held, by length of hold; "0\u00a0s" were answered at once.${comparing ? ' Callers who took a callback did not hold.' : ''}`,
      spec: holdDistributionChart(bins, SIZE),
      placement: 'grid',
    },
    {
      id: 'calls',
      title: 'Calls by interval',
      caption: `Callers who arrived, were answered${comparing ? ', abandoned or took a callback' : ' and abandoned'}, counted in the interval they arrived in.${arms}`,
      spec: callsByIntervalChart(intervals, SIZE),
      placement: 'grid',
    },
    {
      id: 'queue',
      title: 'Queue and agents by interval',
      caption: `Callers on hold, agents busy and agents on duty, time averages over each interval.${arms}`,
      spec: queueByIntervalChart(intervals, SIZE),
      placement: 'grid',
    },
  );
  return figures;
}

/** Each spec compiled by vega-lite and drawn by vega as an SVG string, with ids unique in the page. */
async function renderSvgs(specs: readonly VegaLiteSpec[]): Promise<string[]> {
  // Loaded here, not at the top: both are large ESM-only packages that only a report needs.
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  // The data are inline: the renderer has nothing to fetch, and is not allowed to.
  const offline = vega.loader();
  offline.load = (uri: string) => Promise.reject(new Error(`renderHtmlReport: a chart tried to load ${uri}`));
  offline.sanitize = (uri: string) => Promise.reject(new Error(`renderHtmlReport: a chart tried to load ${uri}`));
  const svgs: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const { spec: vegaSpec } = compile(spec as unknown as Parameters<typeof compile>[0]);
    const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: offline });
    try {
      svgs.push(uniqueIds(await view.toSVG(), `chart${i + 1}-`));
    } finally {
      view.finalize();
    }
  }
  return svgs;
}

// Several SVGs in one document share one id space: prefix each one's ids (clip paths, gradients).
function uniqueIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

// ---------------------------------------------------------------------------------------------
// Header, key figures and the headline table

function header(input: HtmlReportInput, replications: number, level: string): string {
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

interface Card {
  label: string;
  value: string;
  detail: string;
}

function keyFigures(input: HtmlReportInput): string {
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
  return `<div class="key-figures">
${cards
  .map(
    (card) => `<div class="card"><div class="card-label">${escapeHtml(card.label)}</div><div class="card-value">${escapeHtml(card.value)}</div><div class="card-detail">${escapeHtml(card.detail)}</div></div>`,
  )
  .join('\n')}
</div>`;
}

/** How a figure is shown: scaled from the report's unit, with at most so many decimals. */
interface Scale {
  factor: number;
  maxDecimals: number;
}

const COUNT: Scale = { factor: 1, maxDecimals: 1 };
const MINUTES: Scale = { factor: 1 / 60, maxDecimals: 2 };
const HOURS: Scale = { factor: 1, maxDecimals: 2 };
const PERCENT: Scale = { factor: 100, maxDecimals: 2 };

interface TableRow {
  label: string;
  scale: Scale;
  pick: (summary: ReportSummary) => Estimate;
}

interface TableGroup {
  title: string;
  rows: TableRow[];
}

function tableGroups(serviceLevelSeconds: number): { top: TableGroup; callbacks: TableGroup; service: TableGroup } {
  return {
    top: {
      title: 'Callers and hold',
      rows: [
        { label: 'Callers offered', scale: COUNT, pick: (s) => s.callers.offered },
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

function headlineTable(input: HtmlReportInput, level: string): string {
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    const groups = tableGroups(s.serviceLevel.seconds);
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
  const groups = tableGroups(baseline.serviceLevel.seconds);
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

function groupHeader(title: string, columns: number): string {
  return `<tr class="group"><th scope="rowgroup" colspan="${columns}">${escapeHtml(title)}</th></tr>\n`;
}

function cell(e: Estimate, scale: Scale, withSign: boolean, level: string): string {
  const decimals = decimalsFor(e, scale);
  const mean = (withSign ? signedNumber : formatNumber)(e.mean * scale.factor, decimals);
  const hw = formatNumber(e.halfWidth * scale.factor, decimals);
  const low = formatNumber(e.low * scale.factor, decimals);
  const high = formatNumber(e.high * scale.factor, decimals);
  return `<td><span class="mean">${escapeHtml(mean)}</span> <span class="pm">± ${escapeHtml(hw)}</span><span class="ci" title="${escapeHtml(level)} confidence interval">${escapeHtml(low)} to ${escapeHtml(high)}</span></td>`;
}

// Two significant digits of the half-width decide the decimals: "6.12 ± 0.31", "1,234 ± 45".
function decimalsFor(e: Estimate, scale: Scale): number {
  const hw = Math.abs(e.halfWidth * scale.factor);
  if (!(hw > 0) || !Number.isFinite(hw)) return Number.isInteger(e.mean * scale.factor) ? 0 : Math.min(1, scale.maxDecimals);
  return Math.max(0, Math.min(scale.maxDecimals, 1 - Math.floor(Math.log10(hw))));
}

const plain = (e: Estimate, scale: Scale) => formatNumber(e.mean * scale.factor, decimalsFor(e, scale));
const signed = (e: Estimate, scale: Scale) => signedNumber(e.mean * scale.factor, decimalsFor(e, scale));
/** `baseline → variant`, both with the same decimals. */
function arrow(baseline: Estimate, variant: Estimate, scale: Scale, unit = ''): string {
  const decimals = Math.max(decimalsFor(baseline, scale), decimalsFor(variant, scale));
  return `${formatNumber(baseline.mean * scale.factor, decimals)}${unit} → ${formatNumber(variant.mean * scale.factor, decimals)}${unit}`;
}
const halfWidth = (e: Estimate, scale: Scale) => formatNumber(e.halfWidth * scale.factor, decimalsFor(e, scale));

function formatNumber(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  // A true minus sign, and no "-0.0" for a figure that rounds to zero.
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text.replace('-', '\u2212');
}

function upToOneDecimal(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function signedNumber(x: number, decimals: number): string {
  const text = formatNumber(x, decimals);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

function nameOf(scenario: Scenario, fallback: string): string {
  return scenario.name?.trim() || fallback;
}

/** One line a director can read: volume, staffing, handle time, patience and the callback offer. */
function describeScenario(input: Scenario): string {
  if (isMultiLine(input)) {
    const lines = input.lines.map((line) => line.name).join(', ');
    const groups = input.groups.map((group) => group.name).join(', ');
    return `${input.lines.length} lines (${lines}) over ${input.groups.length} agent groups (${groups})`;
  }
  const scenario = input;
  const parts: string[] = [];
  const { arrivals, agents } = scenario;
  if ('perHour' in arrivals) {
    parts.push(`${formatNumber(arrivals.perHour, 0)} calls an hour`);
  } else {
    const total = arrivals.perInterval.reduce((sum, n) => sum + n, 0);
    parts.push(`${formatNumber(total, 0)} calls expected over ${arrivals.perInterval.length} intervals of ${duration(arrivals.intervalSeconds)}`);
  }
  if (arrivals.rateUncertainty) parts.push(`the day's volume uncertain (cv ${formatNumber(arrivals.rateUncertainty.cv, 2)})`);
  if (scenario.durationSeconds !== undefined) parts.push(`open ${duration(scenario.durationSeconds)}`);
  if (scenario.warmupSeconds) parts.push(`first ${duration(scenario.warmupSeconds)} not counted (warm-up)`);
  if (typeof agents === 'number') {
    parts.push(`${formatNumber(agents, 0)} agents`);
  } else {
    const low = Math.min(...agents.perInterval);
    const high = Math.max(...agents.perInterval);
    parts.push(low === high ? `${low} agents` : `${low}–${high} agents by interval`);
  }
  parts.push(`handle time ${describeDistribution(scenario.handleTime)}`);
  parts.push(scenario.patience ? `patience ${describeDistribution(scenario.patience)}` : 'nobody abandons');
  const callback = scenario.callback;
  if (callback === undefined) {
    parts.push('no callback');
  } else {
    const offer =
      callback.offer === 'always'
        ? 'offered to every caller who would hold'
        : 'whenEstimatedWaitAtLeastSeconds' in callback.offer
          ? `offered when the estimated wait is at least ${duration(callback.offer.whenEstimatedWaitAtLeastSeconds)}`
          : `offered when at least ${callback.offer.whenQueueAtLeast} are waiting`;
    const optIn =
      'probability' in callback.optIn
        ? `${upToOneDecimal(callback.optIn.probability * 100)}% accept`
        : 'acceptance rises with the estimated wait';
    parts.push(`callback ${offer}, ${optIn}`);
  }
  return parts.join(' · ');
}

function describeDistribution(d: Distribution): string {
  switch (d.type) {
    case 'exponential':
      return `${duration(d.meanSeconds)} on average (exponential)`;
    case 'lognormal':
    case 'gamma':
      return `${duration(d.meanSeconds)} on average (${d.type}, cv ${formatNumber(d.cv, 2)})`;
    case 'fixed':
      return `${duration(d.seconds)} (fixed)`;
    case 'uniform':
      return `${duration(d.minSeconds)}–${duration(d.maxSeconds)} (uniform)`;
    case 'empirical':
      return `${duration(d.seconds.reduce((sum, x) => sum + x, 0) / Math.max(1, d.seconds.length))} on average (empirical)`;
  }
}

function duration(seconds: number): string {
  if (seconds < 120) return `${formatNumber(seconds, Number.isInteger(seconds) ? 0 : 1)} s`;
  if (seconds < 7200) return `${formatNumber(seconds / 60, Number.isInteger(seconds / 60) ? 0 : 1)} min`;
  return `${formatNumber(seconds / 3600, Number.isInteger(seconds / 3600) ? 0 : 1)} h`;
}

function scenarioDetails(input: HtmlReportInput): string {
  const json =
    input.kind === 'run'
      ? JSON.stringify(input.scenario, null, 2)
      : JSON.stringify({ baseline: input.baseline, variant: input.variant }, null, 2);
  return `<details class="scenario-json">
<summary>${input.kind === 'run' ? 'Scenario' : 'Scenarios'} as JSON</summary>
<pre><code>${escapeHtml(json)}</code></pre>
</details>`;
}

function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Text made safe to put in HTML, in element content and in quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// ---------------------------------------------------------------------------------------------
// Style: readable on screen, printable on A4 or Letter, no fonts or files from anywhere.

const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --faint: #64748b; --line: #e2e8f0; --panel: #f8fafc; --accent: #2563eb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1160px; margin: 0 auto; padding: 32px 28px 48px; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 16px; margin-bottom: 24px; }
.kicker { margin: 0 0 4px; color: var(--faint); font-size: 13px; letter-spacing: .02em; text-transform: uppercase; }
h1 { margin: 0 0 12px; font-size: 30px; line-height: 1.2; letter-spacing: -.01em; }
h2 { margin: 32px 0 12px; font-size: 19px; }
.scenarios { margin: 0; display: grid; gap: 6px; }
.scenarios div { display: grid; grid-template-columns: 84px 1fr; gap: 12px; }
.scenarios dt { color: var(--faint); font-size: 13px; text-transform: uppercase; letter-spacing: .02em; padding-top: 2px; }
.scenarios dd { margin: 0; }
.scenarios dd span { color: var(--muted); font-size: 14px; }
.scenarios dd strong { margin-right: 6px; }
.overview { display: grid; gap: 16px; }
.overview.with-chart { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: stretch; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; align-content: start; }
.with-chart .key-figures { grid-template-columns: 1fr 1fr; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card-label { color: var(--muted); font-size: 13px; }
.card-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.3; }
.card-detail { color: var(--faint); font-size: 12.5px; font-variant-numeric: tabular-nums; }
table.headline { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 14px; }
.headline.single { max-width: 760px; }
.headline th, .headline td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.headline thead th { text-align: right; border-bottom: 2px solid var(--ink); font-size: 13px; vertical-align: bottom; }
.headline thead th:first-child { text-align: left; }
.headline tbody th { text-align: left; font-weight: 500; }
.headline td { text-align: right; white-space: nowrap; }
.headline .group th { background: var(--panel); color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; padding-top: 10px; }
.headline .mean { font-weight: 600; }
.headline .pm { color: var(--muted); }
.headline .ci { display: block; color: var(--faint); font-size: 12px; }
.headline .sub { display: block; font-weight: 400; color: var(--faint); font-size: 12px; }
.headline td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, #f1f5f9 6px 8px); }
.note { color: var(--faint); font-size: 13px; margin: 8px 0 0; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 20px 24px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px 12px 6px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 13px; color: var(--muted); margin-bottom: 6px; }
figure.chart figcaption strong { color: var(--ink); font-size: 14px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.scenario-json { margin-top: 32px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.scenario-json summary { cursor: pointer; color: var(--muted); font-weight: 600; }
.scenario-json pre { margin: 10px 0 0; font: 12.5px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 28px; color: var(--faint); font-size: 12px; }
@media (max-width: 900px) { .overview.with-chart { grid-template-columns: 1fr; } }
@media (max-width: 640px) { .with-chart .key-figures { grid-template-columns: 1fr; } main { padding: 20px 14px; } .chart-grid { grid-template-columns: 1fr; } .headline td { white-space: normal; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, figure.chart, .scenario-json { border-color: #cbd5e1; }
  .chart-grid { grid-template-columns: 1fr; }
  h2 { break-after: avoid; }
  table.headline { break-inside: auto; }
  .headline tr { break-inside: avoid; }
}
`;
