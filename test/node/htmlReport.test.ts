import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, replicate, type Comparison, type Replicated, type Scenario } from '../../src';
import { renderHtmlReport } from '../../src/node/htmlReport';

// A tiny center: an hour of 300 calls on 26 agents, and the same with a callback offered.
const baseline: Scenario = {
  name: 'Tiny <center> & "co"',
  durationSeconds: 3600,
  arrivals: { perHour: 300 },
  agents: 26,
  handleTime: { type: 'exponential', meanSeconds: 300 },
  patience: { type: 'exponential', meanSeconds: 400 },
};
const variant: Scenario = { ...baseline, name: 'Tiny center with callback', callback: { offer: 'always', optIn: { probability: 0.3 } } };
const generated = new Date('2025-03-04T10:00:00Z');
const title = 'Callbacks <script>alert("x")</script> & more';

/** The figures of a report: `data-chart` and whether an inline <svg> follows it. */
function charts(html: string): Array<{ id: string; svg: boolean }> {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => ({
    id: m[1]!,
    svg: /<svg[^>]*>[\s\S]*<\/svg>/.test(m[2]!),
  }));
}

/** What a document holds that could reach a network: URLs other than XML namespaces. */
function urls(html: string): string[] {
  const withoutNamespaces = html.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '');
  return withoutNamespaces.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
}

function expectSelfContained(html: string): void {
  expect(urls(html)).toEqual([]);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\bsrc=/i);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  expect(html).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
  // Several inline SVGs share the document's ids.
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('renderHtmlReport()', () => {
  let replicated: Replicated;
  let comparison: Comparison;
  beforeAll(async () => {
    [replicated, comparison] = await Promise.all([replicate(baseline, { replications: 4 }), compare(baseline, variant, { replications: 4 })]);
  });

  it('a run: one self-contained page with the headline figures and every chart as inline SVG', async () => {
    const html = await renderHtmlReport({ kind: 'run', title, scenario: baseline, replicated, generated });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(charts(html)).toEqual(['waits', 'hold-distribution', 'calls', 'queue'].map((id) => ({ id, svg: true })));
    expectSelfContained(html);
    expect(html).toContain('<title>Callbacks &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</title>');
    expect(html).toContain('<h1>Callbacks &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</h1>');
    expect(html).toContain('Tiny &lt;center&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<center>');
    expect(html).toContain('4 replications');
    expect(html).toContain('4 March 2025');
    // The headline table: the callers offered, as mean ± half-width and the interval.
    const offered = replicated.summary.callers.offered;
    expect(html).toMatch(/<th scope="row">Callers offered<\/th><td><span class="mean">[\d,]+<\/span> <span class="pm">± [\d,.]+<\/span><span class="ci"[^>]*>[\d,.]+ to [\d,.]+<\/span><\/td><\/tr>/);
    expect(html).toContain(`<span class="mean">${Math.round(offered.mean).toLocaleString('en-US')}</span>`);
    for (const row of ['Mean hold (min)', '90th percentile hold (min)', 'Total hold (hours)', 'Abandonment (%)', 'Service level (%), answered within 20 s', 'Agent occupancy (%)']) {
      expect(html).toContain(`<th scope="row">${row}</th>`);
    }
    // No callback configured: no callback rows.
    expect(html).not.toContain('Callbacks offered');
    expect(html).toMatch(/<details class="scenario-json">[\s\S]*&quot;perHour&quot;: 300/);
  });

  it('a comparison: baseline, variant and paired difference, hold hours saved, and the savings chart', async () => {
    const html = await renderHtmlReport({ kind: 'compare', title, baseline, variant, comparison, generated });
    expect(charts(html)).toEqual(['hold-savings', 'waits', 'hold-distribution', 'calls', 'queue'].map((id) => ({ id, svg: true })));
    expectSelfContained(html);
    expect(html).toContain('<th scope="col">Baseline</th><th scope="col">Variant</th><th scope="col">Difference');
    for (const row of [
      'Callers offered',
      'Mean hold (min)',
      '90th percentile hold (min)',
      'Total hold (hours)',
      'Direct (callback takers’ baseline hold)',
      'Indirect (everyone else)',
      'Net',
      'Callbacks offered',
      'Callbacks accepted',
      'Callbacks connected',
      'Callbacks failed',
      'Callback delay (min)',
      'Abandonment (%)',
      'Service level (%), answered within 20 s',
      'Agent occupancy (%)',
    ]) {
      expect(html).toContain(`<th scope="row">${row}</th>`);
    }
    // Each arm's row has three cells; the savings exist only as a paired figure.
    const meanHold = html.match(/<th scope="row">Mean hold \(min\)<\/th>(.*?)<\/tr>/)![1]!;
    expect(meanHold.match(/<td>/g)).toHaveLength(3);
    const net = html.match(/<th scope="row">Net<\/th>(.*?)<\/tr>/)![1]!;
    expect(net.match(/<td class="empty"/g)).toHaveLength(2);
    // Shown rounded to two significant digits of the half-width.
    const [, mean, halfWidth] = net.match(/<span class="mean">([^<]+)<\/span> <span class="pm">± ([^<]+)<\/span>/)!;
    const number = (text: string) => Number(text.replace('\u2212', '-').replace(/[+,]/g, ''));
    const hours = comparison.savings.netHoldHours;
    expect(Math.abs(number(mean!) - hours.mean)).toBeLessThanOrEqual(hours.halfWidth / 10);
    expect(Math.abs(number(halfWidth!) - hours.halfWidth)).toBeLessThanOrEqual(hours.halfWidth / 10);
    expect(html).toContain('Tiny center with callback');
    expect(html).toContain('common random numbers');
    expect(html).toMatch(/&quot;baseline&quot;[\s\S]*&quot;variant&quot;/);
  });

  it('loads vega and vega-lite only when a report is rendered', () => {
    const source = readFileSync(new URL('../../src/node/htmlReport.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from ['"]vega(-lite)?['"]/m);
    expect(source).toMatch(/import\('vega-lite'\)/);
    expect(source).toMatch(/import\('vega'\)/);
  });
});
