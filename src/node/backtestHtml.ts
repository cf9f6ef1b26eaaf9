// The backtest as one self-contained HTML file: per measure, the observed mean of each interval
// beside the simulated mean and its 95% band, a small multiple per line.
import { htmlPage } from './htmlPage';
import { BACKTEST_MEASURES, type Backtest, type BacktestMeasure } from '../calibrate';
import type { VegaLiteSpec } from '../charts';
import { renderSvgs } from './htmlReport';
import { escapeHtml } from './reportFormat';

const LABELS: Record<BacktestMeasure, string> = {
  calls: 'Calls',
  answered: 'Answered',
  abandoned: 'Abandoned (balked included)',
  meanWaitSeconds: 'Mean wait (s)',
  serviceLevel: 'Service level',
  abandonment: 'Abandonment',
};

/**
 * The backtest's charts and scores as HTML: needs no network to view or print.
 *
 * @example
 * await writeFile('backtest.html', await renderBacktestHtml(result, 'March'));
 */
export async function renderBacktestHtml(result: Backtest, title: string): Promise<string> {
  const specs = BACKTEST_MEASURES.map((measure) => chartSpec(result, measure));
  const svgs = await renderSvgs(specs);
  const scores = BACKTEST_MEASURES.map((m) => `<tr><td>${escapeHtml(LABELS[m])}</td><td>${(100 * result.score[m]).toFixed(0)}%</td></tr>`).join('\n');
  const figures = BACKTEST_MEASURES.map(
    (measure, i) => `<figure class="chart" data-chart="${measure}"><figcaption><strong>${escapeHtml(LABELS[measure])}.</strong> Observed (points), simulated mean (line) and its 95% band, by interval.</figcaption>\n${svgs[i]}</figure>`,
  ).join('\n');
  return htmlPage(
    title,
    `<header><h1>${escapeHtml(title)}</h1>
<p>Backtest over ${result.days} days of records against ${result.replications} simulated days. Calibration score ${(100 * result.overallScore).toFixed(0)}%: the share of observations inside their band.</p></header>
<section class="figures"><h2>Calibration score by measure</h2>
<table><thead><tr><th>measure</th><th>inside the band</th></tr></thead><tbody>
${scores}
</tbody></table>
<p class="note">Each observation is an interval's mean over the records' days; its band is where the mean of that many days would fall, 95% of the time, were the scenario the center (the simulated mean ± t · sd · √(1/days + 1/replications)).</p>
</section>
<section class="charts"><h2>Observed against simulated, by interval</h2>
<div class="chart-grid">
${figures}
</div>
</section>`,
  );
}

function chartSpec(result: Backtest, measure: BacktestMeasure): VegaLiteSpec {
  const hours = (s: number) => (result.openAtSeconds + s) / 3600;
  const values = result.rows.filter((row) => row.measure === measure).map((row) => ({ ...row, hour: hours(row.intervalStart) }));
  const x = { field: 'hour', type: 'quantitative', title: 'hour of day', scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    facet: { field: 'line', type: 'nominal', title: null },
    columns: 2,
    spec: {
      width: 380,
      height: 180,
      layer: [
        { mark: { type: 'area', opacity: 0.25 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: LABELS[measure] }, y2: { field: 'high' } } },
        { mark: { type: 'line' }, encoding: { x, y: { field: 'simulated', type: 'quantitative' } } },
        { mark: { type: 'point', filled: true }, encoding: { x, y: { field: 'observed', type: 'quantitative' }, color: { field: 'inside', type: 'nominal', title: 'inside the band', scale: { domain: [true, false], range: ['#1b7837', '#c51b7d'] } } } },
      ],
    },
  } as unknown as VegaLiteSpec;
}
