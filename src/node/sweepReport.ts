// The HTML report of a sweep: one self-contained page, like the run and compare reports.
import { htmlPage } from './htmlPage';
import { sweepHeatMapChart, sweepLineChart } from '../charts';
import type { Sweep } from '../experiment';
import { describeValue, type Scenario } from '../scenario';
import { renderSvgs } from './htmlReport';
import { figureHtml, type ReportFigure } from './reportFigures';
import { COUNT, HOURS, PERCENT, cell, escapeHtml, upToOneDecimal } from './reportFormat';
import { describeScenario } from './reportScenario';

/** A sweep and what it was run on. */
export interface SweepReportInput {
  title: string;
  scenario: Scenario;
  /** What every cell was compared with, when not the unchanged scenario. */
  baseline?: Scenario;
  sweep: Sweep;
  /** The confidence level of the estimates; default 0.95. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

/**
 * A sweep as one self-contained HTML file (no network to view or print): the grid as a heat
 * map of the net hold hours saved, a line chart per varied field, and a table of every cell's
 * figures with their confidence intervals.
 *
 * @example
 * const result = await sweep(scenario, { vary, replications: 10 });
 * await writeFile('sweep.html', await renderSweepReport({ title: 'Callback and staffing', scenario, sweep: result }));
 */
export async function renderSweepReport(input: SweepReportInput): Promise<string> {
  const { sweep } = input;
  const level = `${upToOneDecimal((input.confidence ?? 0.95) * 100)}%`;
  const cellsAcross = sweep.vary[1]?.values.length ?? 1;
  const figures: ReportFigure[] = [
    {
      id: 'sweep-heat-map',
      title: 'Net hold hours saved, cell by cell',
      caption: 'Hold hours each combination saves against the baseline (blue: saved, red: lost), the mean over the replications.',
      spec: sweepHeatMapChart(sweep, { width: Math.min(720, 110 * cellsAcross), height: 56 * (sweep.vary[0]?.values.length ?? 1) }),
      placement: 'overview',
    },
    ...sweep.vary.map(({ path }) => ({
      id: `sweep-line-${path}`,
      title: `Net hold hours saved by ${path}`,
      caption: 'One line for each combination of the other fields; the band is the confidence interval.',
      spec: sweepLineChart(sweep, path, { width: 440, height: 210 }),
      placement: 'grid' as const,
    })),
  ];
  const svgs = await renderSvgs(figures.map((figure) => figure.spec));
  const html = figures.map((figure, i) => figureHtml(figure, svgs[i]!));
  const generated = (input.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  return htmlPage(
    input.title,
    `<header>
<p class="kicker">Sweep · ${sweep.rows.length} cells × ${sweep.replications} replications · ${escapeHtml(generated)} UTC</p>
<h1>${escapeHtml(input.title)}</h1>
<dl class="scenarios">
<div><dt>Scenario</dt><dd>${escapeHtml(describeScenario(input.scenario))}</dd></div>
<div><dt>Baseline</dt><dd>${escapeHtml(input.baseline ? describeScenario(input.baseline) : 'the scenario unchanged')}</dd></div>
<div><dt>Varied</dt><dd>${sweep.vary.map((v) => `<strong>${escapeHtml(v.path)}</strong> ${escapeHtml(v.values.map((x) => describeValue(x)).join(', '))}`).join('<br>')}</dd></div>
</dl>
</header>
<section class="overview" aria-label="Heat map">
${html[0]}
</section>
<section class="figures">
<h2>Every cell</h2>
${cellsTable(sweep, level)}
<p class="note">Each figure is the mean over ${sweep.replications} replications ± the half-width of its ${escapeHtml(level)} Student t interval. Every cell ran on the same replication seeds as the baseline and as every other cell (common random numbers), so differences between cells are the change, not luck.</p>
</section>
<section class="charts">
<h2>Charts</h2>
<div class="chart-grid">
${html.slice(1).join('\n')}
</div>
</section>`,
  );
}

function cellsTable(sweep: Sweep, level: string): string {
  const head = [...sweep.vary.map((v) => escapeHtml(v.path)), 'Net hold hours saved', 'Abandonment', 'Service level', 'Callbacks accepted'];
  const rows = sweep.rows.map(
    (row) =>
      `<tr data-cell="${row.cell}">${sweep.vary.map((v) => `<th scope="row">${escapeHtml(describeValue(row.settings[v.path]))}</th>`).join('')}` +
      `${cell(row.netHoldHours, HOURS, true, level)}${cell(row.abandonment, PERCENT, false, level)}${cell(row.serviceLevel, PERCENT, false, level)}${cell(row.callbacksAccepted, COUNT, false, level)}</tr>`,
  );
  return `<table class="headline sweep">
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
