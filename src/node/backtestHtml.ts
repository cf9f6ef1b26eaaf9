// The backtest as one self-contained HTML file: per measure, the observed mean of each interval
// beside the simulated mean and its 95% band, a small multiple per line.
import { htmlPage } from './htmlPage';
import { BACKTEST_MEASURES, type Backtest, type BacktestMeasure } from '../calibrate';
import type { VegaLiteSpec } from '../charts';
import { smallMultiples } from '../charts/smallMultiples';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { renderSvgs } from './htmlReport';
import { escapeHtml, upToOneDecimal } from './reportFormat';

const LABELS: Record<BacktestMeasure, string> = {
  calls: 'Calls',
  answered: 'Answered',
  abandoned: 'Abandoned (balked included)',
  meanWaitSeconds: 'Mean wait (s)',
  serviceLevel: 'Service level',
  abandonment: 'Abandonment',
};

// Shares are written as percentages, as in every other report.
const FRACTIONS: ReadonlySet<BacktestMeasure> = new Set(['serviceLevel', 'abandonment']);
const INSIDE = 'inside the band';
const OUTSIDE = 'outside the band';

/**
 * The backtest's charts and scores as HTML: needs no network to view or print. `scenario` is
 * the one backtested: the page states its service-level threshold.
 *
 * @example
 * await writeFile('backtest.html', await renderBacktestHtml(result, 'March', scenario));
 */
export async function renderBacktestHtml(result: Backtest, title: string, scenario: Scenario | ResolvedScenario): Promise<string> {
  const serviceLevel = serviceLevelText(scenario);
  const label = (measure: BacktestMeasure) => (measure === 'serviceLevel' ? `${LABELS[measure]}, answered within ${serviceLevel}` : LABELS[measure]);
  const specs = BACKTEST_MEASURES.map((measure) => chartSpec(result, measure));
  const svgs = await renderSvgs(specs);
  const scores = BACKTEST_MEASURES.map((m) => `<tr><td>${escapeHtml(label(m))}</td><td>${(100 * result.score[m]).toFixed(0)}%</td></tr>`).join('\n');
  const figures = BACKTEST_MEASURES.map(
    (measure, i) =>
      `<figure class="chart" data-chart="${measure}"><figcaption><strong>${escapeHtml(label(measure))}${FRACTIONS.has(measure) ? ' (%)' : ''}.</strong> Observed (points), simulated mean (line) and its 95% band, by interval.</figcaption>\n${svgs[i]}</figure>`,
  ).join('\n');
  return htmlPage(
    title,
    `<header><h1>${escapeHtml(title)}</h1>
<p>Backtest over ${result.days} days of records against ${result.replications} simulated days. Calibration score ${(100 * result.overallScore).toFixed(0)}%: the share of observations inside their band. Service level: the share of the callers who held answered within ${escapeHtml(serviceLevel)}.</p></header>
<section class="figures"><h2>Calibration score by measure</h2>
<table><thead><tr><th>measure</th><th>inside the band</th></tr></thead><tbody>
${scores}
</tbody></table>
<p class="note">Each observation is an interval's mean over the records' days; its band is where the mean of that many days would fall, 95% of the time, were the scenario the center (the simulated mean ± t · sd · √(1/days + 1/replications)).</p>
</section>
<section class="charts"><h2>Observed against simulated, by interval</h2>
<div class="chart-grid wide">
${figures}
</div>
</section>`,
  );
}

/** The scenario's service-level threshold(s): `300 s`, or line by line when they differ. */
function serviceLevelText(scenario: Scenario | ResolvedScenario): string {
  const lines = resolveScenario(scenario).lines;
  const seconds = new Set(lines.map((line) => line.serviceLevelSeconds));
  if (seconds.size === 1) return `${upToOneDecimal([...seconds][0]!)} s`;
  return lines.map((line) => `${upToOneDecimal(line.serviceLevelSeconds)} s (${line.name})`).join(', ');
}

function chartSpec(result: Backtest, measure: BacktestMeasure): VegaLiteSpec {
  const values = result.rows
    .filter((row) => row.measure === measure)
    .map((row) => ({ ...row, hour: (result.openAtSeconds + row.intervalStart) / 3600, fit: row.inside ? INSIDE : OUTSIDE }));
  const x = { field: 'hour', type: 'quantitative', title: 'Hour of day', scale: { zero: false } };
  const y = { type: 'quantitative', ...(FRACTIONS.has(measure) ? { axis: { format: '.0%' } } : {}) };
  const lines = [...new Set(values.map((row) => row.line))];
  return smallMultiples(
    `${LABELS[measure]}: observed by interval against the simulated mean and its 95% band, one panel per line`,
    { width: 380, height: 180 },
    { field: 'line', panels: lines, sharedY: false },
    values,
    [],
    [
      { mark: { type: 'area', opacity: 0.25, color: '#94a3b8' }, encoding: { x, y: { field: 'low', ...y, title: LABELS[measure] }, y2: { field: 'high' } } },
      { mark: { type: 'line', color: '#334155' }, encoding: { x, y: { field: 'simulated', ...y } } },
      {
        mark: { type: 'point', filled: true, size: 36 },
        encoding: { x, y: { field: 'observed', ...y }, color: { field: 'fit', type: 'nominal', title: null, scale: { domain: [INSIDE, OUTSIDE], range: ['#1b7837', '#c51b7d'] }, legend: { symbolType: 'circle' } } },
      },
    ],
  );
}
