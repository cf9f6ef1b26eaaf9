// The page for a manager: a run or a comparison on one printed page (A4 or Letter), the
// headline in a sentence, the three figures that matter and one chart.
import { holdSavingsChart, waitsByIntervalChart, type ChartOptions } from '../charts';
import { offersCallback, scenarioClock, type ResolvedScenario } from '../scenario';
import { resolveReportInput, type HtmlReportInput, type ResolvedReportInput } from './reportInput';
import { renderSvgs } from './htmlReport';
import { htmlPage } from './htmlPage';
import { arrow, cardsHtml, COUNT, escapeHtml, formatDate, halfWidth, HOURS, MINUTES, PERCENT, plain, signed, upToOneDecimal, type Card } from './reportFormat';
import { nameOf } from './reportScenario';
import { whyItReadsThatWay } from './reportWhy';

// Sized for the smaller of A4 and Letter: A4's width (210 mm) and Letter's height (279 mm),
// less 12 mm margins, is 186 × 255 mm, about 700 × 960 CSS pixels.
const PRINT = `
.summary main { max-width: 760px; }
.summary header { margin-bottom: 16px; padding-bottom: 12px; }
.summary h1 { font-size: 26px; }
.summary .headline-sentence { font-size: 17px; line-height: 1.45; margin: 0 0 16px; }
.summary .key-figures { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.summary .card-value { font-size: 21px; }
.summary figure.chart { margin-top: 16px; }
.summary figure.chart svg { max-height: 340px; width: auto; }
.summary .why { margin-top: 12px; font-size: 13.5px; color: var(--muted); }
@page { margin: 12mm; }
@media print {
  body.summary { font-size: 10.5pt; }
  .summary main { max-width: none; }
  .summary footer { margin-top: 12px; }
}
`;

/**
 * One printable page for a manager: the title, what was compared (or run), the headline in
 * one sentence, the three figures that matter as cards (hold hours saved, mean hold and
 * abandonment when comparing; mean hold, abandonment and service level for a run), the chart
 * of hold hours saved (of mean hold by interval for a run), why the figures read as they do
 * when that needs saying, and how they were estimated. Self-contained like the full report,
 * and laid out to print on one sheet of A4 or Letter.
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 20 });
 * await writeFile('summary.html', await renderSummaryHtml({ kind: 'compare', title: 'Callback pilot', baseline, variant, comparison }));
 */
export async function renderSummaryHtml(given: HtmlReportInput): Promise<string> {
  const input = resolveReportInput(given);
  const level = `${upToOneDecimal((input.confidence ?? 0.95) * 100)}%`;
  const replications = input.kind === 'run' ? input.replicated.replications : input.comparison.replications;
  const chart =
    input.kind === 'compare'
      ? { id: 'hold-savings', title: 'Hold hours saved', caption: "Direct: the hold the callback takers would have had. Indirect: what the change did to everyone else's hold. Net = direct + indirect. Whiskers: confidence intervals.", spec: holdSavingsChart(input.comparison.savings, { width: 560, height: 230 }) }
      : { id: 'waits', title: 'Mean hold by interval', caption: 'Mean hold of the callers who held, by the interval they arrived in; the band is the confidence interval.', spec: waitsByIntervalChart([{ label: nameOf(input.scenario, 'Scenario'), rows: input.replicated.summary.intervals }], withClock(input.scenario, { width: 560, height: 230 })) };
  const [svg] = await renderSvgs([chart.spec]);
  const what =
    input.kind === 'run'
      ? `Forecast of <strong>${escapeHtml(nameOf(input.scenario, 'the scenario'))}</strong>`
      : `<strong>${escapeHtml(nameOf(input.variant, 'The variant'))}</strong> against <strong>${escapeHtml(nameOf(input.baseline, 'the baseline'))}</strong>`;
  const why = input.kind === 'compare' ? whyItReadsThatWay(input.comparison) : undefined;
  const date = formatDate(input.generated ?? new Date());
  return htmlPage(
    input.title,
    `<header>
<p class="kicker">${input.kind === 'run' ? 'Forecast' : 'What-if comparison'} · summary · ${escapeHtml(date)}</p>
<h1>${escapeHtml(input.title)}</h1>
<p>${what}</p>
</header>
<p class="headline-sentence">${escapeHtml(headline(input))}</p>
${cardsHtml(threeFigures(input))}
${why === undefined ? '' : `<p class="note why">${escapeHtml(why)}</p>`}
<figure class="chart" data-chart="${chart.id}">
<figcaption><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>
${svg!}
</figure>
<p class="note">Each figure is the mean over ${replications} replications ± the half-width of its ${escapeHtml(level)} confidence interval${input.kind === 'compare' ? '; baseline and variant ran on common random numbers, so differences are paired replication by replication' : ''}. The full report has every figure, interval by interval.</p>`,
    { className: 'summary', style: PRINT },
  );
}

/** The answer in one sentence. */
function headline(input: ResolvedReportInput): string {
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    return (
      `Callers who hold wait ${plain(s.hold.meanSeconds, MINUTES)} minutes on average (9 in 10 at most ${plain(s.hold.p90Seconds, MINUTES)}); ` +
      `${plain(s.abandonment.fraction, PERCENT)}% hang up, and ${plain(s.serviceLevel.fraction, PERCENT)}% are answered within ${upToOneDecimal(s.serviceLevel.seconds)} s: ` +
      `${plain(s.hold.totalHoldHours, HOURS)} hours on hold in all.`
    );
  }
  const { savings, variant } = input.comparison;
  const net = savings.netHoldHours;
  const verb = net.mean >= 0 ? 'saves' : 'adds';
  const callbacks = offersCallback(input.variant) ? ` for ${plain(variant.callback.accepted, COUNT)} callbacks taken` : '';
  return `The variant ${verb} ${plain({ ...net, mean: Math.abs(net.mean) }, HOURS)} hours on hold (± ${halfWidth(net, HOURS)})${callbacks}: the hold it spares directly (${signed(savings.directHoldHours, HOURS)} h) less what it costs everyone else (${signed(savings.indirectHoldHours, HOURS)} h).`;
}

/** The three figures a manager asks for first. */
function threeFigures(input: ResolvedReportInput): Card[] {
  if (input.kind === 'run') {
    const s = input.replicated.summary;
    return [
      { label: 'Mean hold', value: `${plain(s.hold.meanSeconds, MINUTES)} min`, detail: `± ${halfWidth(s.hold.meanSeconds, MINUTES)} min` },
      { label: 'Abandoned', value: `${plain(s.abandonment.fraction, PERCENT)}%`, detail: `± ${halfWidth(s.abandonment.fraction, PERCENT)} points` },
      { label: `Answered within ${upToOneDecimal(s.serviceLevel.seconds)} s`, value: `${plain(s.serviceLevel.fraction, PERCENT)}%`, detail: `± ${halfWidth(s.serviceLevel.fraction, PERCENT)} points` },
    ];
  }
  const { baseline: b, variant: v, difference: d, savings } = input.comparison;
  return [
    { label: 'Hold hours saved, net', value: `${signed(savings.netHoldHours, HOURS)} h`, detail: `± ${halfWidth(savings.netHoldHours, HOURS)} h` },
    { label: 'Mean hold', value: `${arrow(b.hold.meanSeconds, v.hold.meanSeconds, MINUTES)} min`, detail: `difference ${signed(d.hold.meanSeconds, MINUTES)} ± ${halfWidth(d.hold.meanSeconds, MINUTES)} min` },
    { label: 'Abandoned', value: arrow(b.abandonment.fraction, v.abandonment.fraction, PERCENT, '%'), detail: `difference ${signed(d.abandonment.fraction, PERCENT)} ± ${halfWidth(d.abandonment.fraction, PERCENT)} points` },
  ];
}

/** Chart options with the time axis on the scenario's clock, when it says when it opens. */
function withClock(scenario: ResolvedScenario, options: { width: number; height: number }): ChartOptions {
  const opensAtSeconds = scenarioClock(scenario.written)?.opensAtSeconds;
  return opensAtSeconds === undefined ? options : { ...options, opensAtSeconds };
}
