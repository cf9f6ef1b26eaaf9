// Small multiples: one panel per line (or group), the same chart in each, for the charts of a
// multi-line center. Shared by the `...ByLineChart` specs.
import { chartFrame, type ChartOptions, type VegaLiteSpec } from './spec';
import type { LineSeries } from './tidyLineIntervals';

/** How the panels are laid out: how many side by side (default 2), and whether they share the y scale. */
export interface SmallMultiplesOptions extends ChartOptions {
  /** Panels per row; default 2. */
  columns?: number;
}

/**
 * A faceted spec: `layer` drawn once per value of `field` (in the order of `panels`), each
 * panel `width` × `height` (default 300 × 150), the panel's name above it.
 */
export function smallMultiples(
  description: string,
  options: SmallMultiplesOptions,
  facet: { field: string; panels: readonly string[]; sharedY: boolean },
  values: readonly object[],
  transform: ReadonlyArray<Record<string, unknown>>,
  layer: ReadonlyArray<Record<string, unknown>>,
): VegaLiteSpec {
  const { width: _width, height: _height, ...frame } = chartFrame(description, options);
  return {
    ...frame,
    data: { values },
    transform,
    facet: {
      field: facet.field,
      type: 'nominal',
      title: null,
      sort: facet.panels,
      header: { labelFontSize: 13, labelFontWeight: 600, labelColor: '#0f172a', labelAnchor: 'start', labelPadding: 4 },
    },
    columns: options.columns ?? 2,
    spec: { width: options.width ?? 300, height: options.height ?? 150, layer },
    resolve: { scale: { y: facet.sharedY ? 'shared' : 'independent' }, axis: { x: 'independent', y: 'independent' } },
  };
}

/** The names of the lines of the series, in the order they first appear. */
export function linesOf(series: readonly LineSeries[]): string[] {
  return [...new Set(series.flatMap((s) => Object.keys(s.lines)))];
}
