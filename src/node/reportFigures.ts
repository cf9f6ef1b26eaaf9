// The charts of the report: which Vega-Lite specs it draws, where, and with what caption.
import {
  callsAndPeopleByLineChart,
  callsByIntervalChart,
  callsByLineChart,
  holdByLineChart,
  holdSavingsByLineChart,
  occupancyByGroupChart,
  holdDistributionChart,
  holdSavingsChart,
  queueByIntervalChart,
  waitsByIntervalChart,
  type VegaLiteSpec,
} from '../charts';
import type { ReportSummary } from '../experiment';
import { scenarioClock } from '../scenario';
import { isMultiLineReport, type ResolvedReportInput } from './reportInput';
import { escapeHtml } from './reportFormat';
import { namesOf } from './reportLines';

export interface ReportFigure {
  id: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
  /** Beside the key figures at the top, in the grid of charts, or in the section on lines and groups. */
  placement: 'overview' | 'grid' | 'lines';
}

export function figureHtml(figure: ReportFigure, svg: string): string {
  return `<figure class="chart" data-chart="${escapeHtml(figure.id)}">
<figcaption><strong>${escapeHtml(figure.title)}.</strong> ${escapeHtml(figure.caption)}</figcaption>
${svg}
</figure>`;
}

export const SIZE = { width: 440, height: 210 };

/** Chart options with the time axis on the scenario's clock, when it says when it opens (the baseline's when comparing). */
function timed<T extends object>(input: ResolvedReportInput, options: T): T {
  const opensAtSeconds = scenarioClock((input.kind === 'run' ? input.scenario : input.baseline).written)?.opensAtSeconds;
  return opensAtSeconds === undefined ? options : { ...options, opensAtSeconds };
}

export function figuresOf(input: ResolvedReportInput): ReportFigure[] {
  const comparing = input.kind === 'compare';
  const summaries =
    input.kind === 'run'
      ? [{ label: input.scenario.written.name ?? 'Scenario', summary: input.replicated.summary }]
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
      spec: waitsByIntervalChart(intervals, timed(input, SIZE)),
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
      spec: callsByIntervalChart(intervals, timed(input, SIZE)),
      placement: 'grid',
    },
    {
      id: 'queue',
      title: 'Queue and agents by interval',
      caption: `Callers on hold, agents busy and agents on duty, time averages over each interval.${arms}`,
      spec: queueByIntervalChart(intervals, timed(input, SIZE)),
      placement: 'grid',
    },
  );
  if (isMultiLineReport(input)) figures.push(...lineFigures(input, summaries));
  return figures;
}

/** The charts of a multi-line center: small multiples by line, calls against people, the groups' occupancy. */
function lineFigures(input: ResolvedReportInput, summaries: ReadonlyArray<{ label: string; summary: ReportSummary }>): ReportFigure[] {
  const comparing = input.kind === 'compare';
  const { lines, groups } = namesOf(input);
  const pick = <T>(record: Readonly<Record<string, T>>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, record[name]!]));
  const lineSeries = summaries.map(({ label, summary }) => ({ label, lines: pick(summary.lines, lines) }));
  const groupSeries = summaries.map(({ label, summary }) => ({ label, groups: pick(summary.groups, groups) }));
  const arms = comparing ? ' Baseline solid, variant dashed.' : '';
  const figures: ReportFigure[] = [];
  if (input.kind === 'compare') {
    figures.push({
      id: 'hold-savings-by-line',
      title: 'Hold hours saved by line',
      caption:
        "On each line: direct (the hold that line's callback takers would have had), indirect (what the change did to the line's other callers) and net. Whiskers: confidence intervals.",
      spec: holdSavingsByLineChart(pick(input.comparison.savingsByLine, lines.filter((name) => name in input.comparison.savingsByLine)), { height: 220 }),
      placement: 'lines',
    });
  }
  figures.push(
    {
      id: 'calls-people-by-line',
      title: 'Calls and people by line',
      caption: `Each bar is a line's calls: first calls (one per person) below, redials on top.${comparing ? ' Baseline and variant side by side, the variant lighter: a shorter top is the redials the variant avoids.' : ''}`,
      spec: callsAndPeopleByLineChart(lineSeries, { height: 220 }),
      placement: 'lines',
    },
    {
      id: 'hold-by-line',
      title: 'Mean hold by interval, line by line',
      caption: `Mean hold of each line's calls that held, by the interval they arrived in, on one scale for every line; the ${comparing ? 'bands are' : 'band is'} the confidence interval.`,
      spec: holdByLineChart(lineSeries, timed(input, { width: 380, height: 150 })),
      placement: 'lines',
    },
    {
      id: 'calls-by-line',
      title: 'Calls by interval, line by line',
      caption: `Calls that arrived (redials included) and how they ended, counted in the interval they arrived in; each line on its own scale.${arms}`,
      spec: callsByLineChart(lineSeries, timed(input, { width: 380, height: 150 })),
      placement: 'lines',
    },
    {
      id: 'occupancy-by-group',
      title: 'Occupancy by interval, group by group',
      caption: `Busy agents over agents on duty, time averages over each interval, a panel per group.${arms}`,
      spec: occupancyByGroupChart(groupSeries, timed(input, { width: 380, height: 150 })),
      placement: 'lines',
    },
  );
  return figures;
}

