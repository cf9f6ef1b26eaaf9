// What every chart of this folder shares: the spec type, the options, the look. Plain JSON
// only: nothing here imports vega, so the core can hand specs to a notebook or a browser.

/** The Vega-Lite version the specs are written for. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A Vega-Lite specification as plain JSON, its data inline (`data: { values }`), so that it
 * renders anywhere without fetching anything: `vega-embed` in a browser, a notebook's
 * Vega-Lite display, or `vega-lite`'s `compile()` and `vega` in Node.
 */
export type VegaLiteSpec = { $schema: string } & Record<string, unknown>;

/** Size and title of a chart; by default 560 × 240 pixels (the plotting area), no title. */
export interface ChartOptions {
  width?: number;
  height?: number;
  title?: string;
  /** When the scenario opens, in seconds after midnight: time axes then show clock times (`scenarioClock(scenario).opensAtSeconds`). */
  opensAtSeconds?: number;
}

/** Colours of the arms of a comparison, in the order the series are given (baseline first). */
export const SERIES_COLORS: readonly string[] = ['#475569', '#ea580c', '#2563eb', '#16a34a', '#9333ea'];

/** The colour encoding of series drawn as lines: a colour each, in order; a legend only for several. */
export function seriesLineColor(labels: readonly string[]): Record<string, unknown> {
  return {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: labels,
    scale: { domain: labels, range: labels.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]) },
    legend: labels.length > 1 ? { symbolType: 'stroke', symbolOpacity: 1 } : null,
  };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The top level of a spec: schema, size, title, description and the shared look. */
export function chartFrame(description: string, options: ChartOptions): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description,
    ...(options.title === undefined ? {} : { title: { text: options.title, anchor: 'start' } }),
    width: options.width ?? 560,
    height: options.height ?? 240,
    config: {
      font: FONT,
      background: 'white',
      padding: 8,
      view: { stroke: null },
      axis: {
        labelColor: '#334155',
        titleColor: '#1e293b',
        titleFontWeight: 600,
        titleFontSize: 13,
        labelFontSize: 12,
        gridColor: '#e2e8f0',
        domainColor: '#94a3b8',
        tickColor: '#94a3b8',
      },
      legend: {
        orient: 'top',
        direction: 'horizontal',
        labelColor: '#334155',
        labelFontSize: 12,
        titleFontSize: 12,
        titleColor: '#475569',
        symbolStrokeWidth: 2.5,
      },
      title: { fontSize: 14, fontWeight: 600, color: '#0f172a' },
      line: { strokeWidth: 2 },
    },
  };
}

/** A number of a summary (its mean, with the confidence interval) or of a single report. */
export type Figure = number | { mean: number; low: number; high: number };

/** `{ value, low?, high? }` of a figure: a plain number has no interval. */
export function figureValue(figure: Figure): { value: number; low?: number; high?: number } {
  return typeof figure === 'number' ? { value: figure } : { value: figure.mean, low: figure.low, high: figure.high };
}
