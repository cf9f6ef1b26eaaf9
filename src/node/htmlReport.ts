import { htmlPage } from './htmlPage';
import type { VegaLiteSpec } from '../charts';
import { figureHtml, figuresOf } from './reportFigures';
import { headlineTable, header, keyFigures } from './reportHeadline';
import { linesSection } from './reportLines';
import { escapeHtml, upToOneDecimal } from './reportFormat';
import { whyItReadsThatWay } from './reportWhy';
import { scenarioDetails } from './reportScenario';
import { isMultiLineReport, resolveReportInput, type HtmlReportInput } from './reportInput';

/**
 * The HTML report a planner hands on: one self-contained file that needs no network to view
 * or print. A header (title, scenarios, replications, date), the key figures, a table of
 * every headline figure with its confidence interval (baseline, variant and their paired
 * difference when comparing), the charts as inline SVG (calls, queue and waits by interval,
 * the hold-time distribution, and when comparing the hold hours saved), and the scenarios as
 * JSON. A multi-line center adds a section on its lines and agent groups: a card and a column
 * per line, calls against people (and the redials a variant avoids), the hold saved on each
 * line, the groups' occupancy and calls answered by line, and the line charts as small
 * multiples. The charts are the Vega-Lite specs of `queuecast`'s charts, compiled with `vega-lite`
 * and drawn with `vega`, both loaded only when a report is rendered.
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 20 });
 * const html = await renderHtmlReport({ kind: 'compare', title: 'Callback pilot', baseline, variant, comparison });
 * await writeFile('report.html', html);
 */
export async function renderHtmlReport(given: HtmlReportInput): Promise<string> {
  const input = resolveReportInput(given);
  const figures = figuresOf(input);
  const svgs = await renderSvgs(figures.map((figure) => figure.spec));
  const confidence = input.confidence ?? 0.95;
  const replications = input.kind === 'run' ? input.replicated.replications : input.comparison.replications;
  const level = `${upToOneDecimal(confidence * 100)}%`;
  const html = figures.map((figure, i) => figureHtml(figure, svgs[i]!));
  const overview = figures.flatMap((figure, i) => (figure.placement === 'overview' ? [html[i]!] : []));
  const charts = figures.flatMap((figure, i) => (figure.placement === 'grid' ? [html[i]!] : []));
  const why = input.kind === 'compare' ? whyItReadsThatWay(input.comparison) : undefined;
  const lineCharts = figures.flatMap((figure, i) => (figure.placement === 'lines' ? [html[i]!] : []));
  const method =
    input.kind === 'run'
      ? `Each figure is the mean over ${replications} independent replications, ± the half-width of its ${level} Student t confidence interval.`
      : `Each figure is the mean over ${replications} replications, ± the half-width of its ${level} Student t confidence interval. ` +
        'Baseline and variant ran on common random numbers (caller i is the same person, with the same handle time, patience and choices, in both), ' +
        'so the difference is estimated pair by pair, replication by replication.';
  return htmlPage(
    input.title,
    `${header(input, replications, level)}
<section class="overview${overview.length > 0 ? ' with-chart' : ''}" aria-label="Key figures">
${why === undefined ? keyFigures(input) : `<div>\n${keyFigures(input)}\n<p class="note why">${escapeHtml(why)}</p>\n</div>`}
${overview.join('\n')}
</section>
<section class="figures">
<h2>Headline figures</h2>
${headlineTable(input, level)}
<p class="note">${escapeHtml(method)}</p>
</section>
${linesSection(input, level, lineCharts)}
<section class="charts">
<h2>Charts${isMultiLineReport(input) ? ': the whole center' : ''}</h2>
<div class="chart-grid">
${charts.join('\n')}
</div>
</section>
${scenarioDetails(input)}`,
  );
}


/** Each spec compiled by vega-lite and drawn by vega as an SVG string, with ids unique in the page. */
export async function renderSvgs(specs: readonly VegaLiteSpec[]): Promise<string[]> {
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

