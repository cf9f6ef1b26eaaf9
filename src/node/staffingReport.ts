// The HTML report of staffing by simulation: both rosters and what each achieves, by interval.
import { htmlPage } from './htmlPage';
import { achievedByIntervalChart, rostersByIntervalChart } from '../charts';
import type { ResolvedScenario, Scenario } from '../scenario';
import type { StaffingResult, StaffingRow } from '../staffing';
import { renderSvgs } from './htmlReport';
import { cardsHtml, escapeHtml, formatDate, formatNumber, upToOneDecimal } from './reportFormat';
import { describeScenario } from './reportScenario';

export interface StaffingReportInput {
  title: string;
  /** The scenario staffed (before its roster was replaced), as written or resolved. */
  scenario: Scenario | ResolvedScenario;
  result: StaffingResult;
  replications: number;
  /** When the report was made; default now. */
  generated?: Date;
}

/**
 * A self-contained HTML page of a staffing search: the agent-hours of both rosters, a chart
 * of the roster found beside Erlang A's, a chart of the figure each achieves by arrival
 * interval against the target, and the table of every interval.
 *
 * @example
 * const result = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 20 });
 * await writeFile('staffing.html', await renderStaffingReport({ title: 'Staffing', scenario, result, replications: 20 }));
 */
export async function renderStaffingReport(input: StaffingReportInput): Promise<string> {
  const { result } = input;
  const size = { width: 900, height: 240 };
  const lines = new Set(result.rows.map((row) => row.line)).size;
  const level = `${Number((100 * result.confidence).toFixed(1))}%`;
  const charts = [
    { id: 'rosters', title: 'Agents per interval', caption: 'The roster found by simulation beside Erlang A\'s (each interval in steady state, no callbacks or redials).', spec: rostersByIntervalChart(result.rows, size) },
    { id: 'achieved', title: 'What each roster achieves', caption: `By arrival interval over the replications${lines > 1 ? ', a panel per line' : ''}; the band is the simulated roster's ${level} confidence interval, the dashed rule the target.`, spec: achievedByIntervalChart(result.rows, lines > 1 ? { width: 420, height: 170 } : size) },
  ];
  const svgs = await renderSvgs(charts.map((chart) => chart.spec));
  const saved = result.erlangAgentHours - result.agentHours;
  const erlangShort = result.rows.filter((row) => !row.erlangMet).length;
  const cards = cardsHtml([
    { label: 'Agent-hours by simulation', value: formatNumber(result.agentHours, 1), detail: result.allMet ? `every interval meets its target${result.metOn === 'bound' ? ` with ${level} confidence` : ''}` : 'the search ran out of iterations' },
    { label: 'Agent-hours by Erlang A', value: formatNumber(result.erlangAgentHours, 1), detail: `${saved >= 0 ? 'simulation saves' : 'simulation needs'} ${formatNumber(Math.abs(saved), 1)}` },
    { label: 'Intervals Erlang A misses', value: String(erlangShort), detail: `of ${result.rows.length} simulated` },
    { label: 'Rosters simulated', value: String(result.iterations), detail: `${input.replications} replications each, same seeds` },
  ]);
  return htmlPage(
    input.title,
    `<header>
<p class="kicker">queuecast · staffing by simulation · ${escapeHtml(formatDate(input.generated ?? new Date()))}</p>
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(describeScenario(input.scenario))}</p>
</header>
<section class="overview" aria-label="Key figures">
${cards}
</section>
<section class="charts">
<div class="chart-grid wide">
${charts.map((chart, i) => `<figure class="chart" data-chart="${chart.id}">\n<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>\n${svgs[i]!}\n</figure>`).join('\n')}
</div>
</section>
<section class="figures">
<h2>By interval</h2>
${rowsTable(result.rows)}
<p class="note">${escapeHtml(`Figures are over the callers who arrived in the interval, pooled over the replications, ± the half-width of a ${level} confidence interval. Every roster ran on the same replication seeds (common random numbers).`)}</p>
</section>`,
  );
}

function rowsTable(rows: readonly StaffingRow[]): string {
  const several = new Set(rows.map((row) => row.line)).size > 1;
  const figure = (row: StaffingRow, value: number) =>
    row.measure === 'meanWaitSeconds' ? `${formatNumber(value, 1)} s` : `${upToOneDecimal(100 * value)}%`;
  const head = ['Interval', ...(several ? ['Line', 'Group'] : []), 'Calls', 'Target', 'Erlang A', 'Achieved', 'Simulated', 'Achieved'];
  const body = rows.map((row) => {
    const cells = [
      `${formatNumber(row.intervalStart / 3600, 1)}–${formatNumber(row.intervalEnd / 3600, 1)} h`,
      ...(several ? [row.line, row.group] : []),
      formatNumber(row.calls, 0),
      `${row.measure === 'serviceLevel' ? '≥' : '≤'} ${figure(row, row.target)}`,
      String(row.erlangAgents),
      figure(row, row.erlangAchieved.mean) + (row.erlangMet ? '' : ' (short)'),
      String(row.agents),
      `${figure(row, row.achieved.mean)} ± ${figure(row, row.achieved.halfWidth)}`,
    ];
    return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  return `<table class="headline">\n<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}
