// The charts of the report: which Vega-Lite specs it draws, where, and with what caption.
import {
  callsByIntervalChart,
  holdDistributionChart,
  holdSavingsChart,
  queueByIntervalChart,
  waitsByIntervalChart,
  type VegaLiteSpec,
} from '../charts';
import type { HtmlReportInput } from './htmlReport';
import { escapeHtml } from './reportFormat';

export interface ReportFigure {
  id: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
  /** Beside the key figures at the top, or in the grid of charts. */
  placement: 'overview' | 'grid';
}

export function figureHtml(figure: ReportFigure, svg: string): string {
  return `<figure class="chart" data-chart="${escapeHtml(figure.id)}">
<figcaption><strong>${escapeHtml(figure.title)}.</strong> ${escapeHtml(figure.caption)}</figcaption>
${svg}
</figure>`;
}

export const SIZE = { width: 440, height: 210 };

export function figuresOf(input: HtmlReportInput): ReportFigure[] {
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

