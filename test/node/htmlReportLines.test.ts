import { beforeAll, describe, expect, it } from 'vitest';
import { compare, replicate, type Comparison, type MultiLineScenario, type Replicated } from '../../src';
import { renderHtmlReport } from '../../src/node/htmlReport';

// A small center with two lines over two groups: "claims" with redials, a cap on hold and
// balking, served by its own group and, after a minute, by the shared "general" group;
// "<status> & co" (a name to escape) served by the general group only. Half-hour intervals, two
// hours: fast enough to replicate here. The variant offers a callback on claims only.
const baseline: MultiLineScenario = {
  name: 'Two lines',
  seed: 7,
  trunks: 60,
  lines: [
    {
      name: 'claims',
      arrivals: { intervalSeconds: 1800, perInterval: [120, 160, 170, 130] },
      handleTime: { type: 'exponential', meanSeconds: 360 },
      patience: { type: 'exponential', meanSeconds: 300 },
      maxOnHold: 25,
      balking: { probability: 0.05 },
      redial: { probability: 0.6, delay: { type: 'exponential', meanSeconds: 600 }, maxAttempts: 3 },
      routing: [{ group: 'claims' }, { group: 'general', afterSeconds: 60 }],
    },
    {
      name: '<status> & co',
      arrivals: { intervalSeconds: 1800, perInterval: [60, 80, 80, 60] },
      handleTime: { type: 'exponential', meanSeconds: 240 },
      patience: { type: 'exponential', meanSeconds: 400 },
      routing: [{ group: 'general' }],
    },
  ],
  groups: [
    { name: 'claims', agents: { intervalSeconds: 1800, perInterval: [20, 26, 28, 22] } },
    { name: 'general', agents: 12 },
  ],
};
const variant: MultiLineScenario = {
  ...baseline,
  name: 'Two lines, callback on claims',
  lines: [{ ...baseline.lines[0]!, callback: { offer: { whenEstimatedWaitAtLeastSeconds: 60 }, optIn: { probability: 0.4 } } }, baseline.lines[1]!],
};
const generated = new Date('2025-03-04T10:00:00Z');

/** The figures of a report, in page order: `data-chart` and whether an inline <svg> follows it. */
function charts(html: string): Array<{ id: string; svg: boolean }> {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => ({ id: m[1]!, svg: /<svg[^>]*>[\s\S]*<\/svg>/.test(m[2]!) }));
}

function expectSelfContained(html: string): void {
  const withoutNamespaces = html.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '');
  expect(withoutNamespaces.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).toEqual([]);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\bsrc=/i);
  expect(html).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

/** The section on lines and groups. */
const section = (html: string) => html.match(/<section class="lines"[\s\S]*?<\/section>/)?.[0] ?? '';
/** A table's body rows as [header cell, ...cell texts]. */
function rowsOf(table: string): string[][] {
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)].map((m) => [m[1]!, ...[...m[2]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())]);
}
const number = (text: string) => Number(text.replace('\u2212', '-').replace(/[+,]/g, ''));

describe('renderHtmlReport() of a multi-line center', () => {
  let replicated: Replicated;
  let comparison: Comparison;
  beforeAll(async () => {
    [replicated, comparison] = await Promise.all([replicate(baseline, { replications: 4 }), compare(baseline, variant, { replications: 4 })]);
  });

  it('a run: a card and a column per line, calls against people, the groups, and the line charts as small multiples', async () => {
    const html = await renderHtmlReport({ kind: 'run', title: 'Two lines', scenario: baseline, replicated, generated });
    expectSelfContained(html);
    expect(charts(html)).toEqual(
      ['calls-people-by-line', 'hold-by-line', 'calls-by-line', 'occupancy-by-group', 'waits', 'hold-distribution', 'calls', 'queue'].map((id) => ({ id, svg: true })),
    );
    const lines = section(html);
    expect(lines).toContain('<h2>Lines and agent groups</h2>');
    expect(lines.match(/<div class="card-label">([^<]+)<\/div>/g)).toEqual(['claims', '&lt;status&gt; &amp; co'].map((l) => `<div class="card-label">${l}</div>`));
    expect(lines).not.toContain('<status>');
    expect(lines).toContain('<thead><tr><th scope="col">Figure</th><th scope="col">claims</th><th scope="col">&lt;status&gt; &amp; co</th></tr></thead>');
    // Outcomes the center can have get a row; callbacks, which no line offers, do not.
    for (const row of ['Calls (redials included)', 'Balked (hung up on the announcement)', 'Busy signals', 'Mean hold (min)', 'Service level (%) within 20 s']) expect(lines).toContain(`<th scope="row">${row}</th>`);
    expect(lines).not.toContain('Callbacks offered');
    // Calls against people: the claims line's redials, as mean ± half-width.
    const people = rowsOf(lines.match(/<table class="headline by-line people">[\s\S]*?<\/table>/)![0]);
    expect(people.map((r) => r[0])).toEqual(['claims', '&lt;status&gt; &amp; co', 'All lines']);
    const claims = replicated.summary.lines.claims!;
    expect(number(people[0]![3]!.split(' ± ')[0]!)).toBeCloseTo(claims.redials.calls.mean, -1);
    expect(people[1]![3]).toMatch(/^0 ± 0/); // no redials on that line
    // The groups: agents on duty, occupancy, its busy time by line, and the calls each answered by line.
    const groups = rowsOf(lines.match(/<table class="headline by-line groups">[\s\S]*?<\/table>/)![0]);
    expect(groups.map((r) => r[0])).toEqual(['claims', 'general']);
    expect(groups[1]![3]).toMatch(/^claims [\d.]+% · &lt;status&gt; &amp; co [\d.]+%$/);
    expect(groups[0]![3]).toMatch(/^claims [\d.]+%$/);
    expect(groups[1]![4]).toMatch(/^claims [\d,]+ · &lt;status&gt; &amp; co [\d,]+$/);
    expect(groups[0]![4]).not.toContain('status'); // the claims group serves only claims
    // Before the charts of the whole center.
    expect(html.indexOf('<section class="lines"')).toBeLessThan(html.indexOf('<section class="charts">'));
    expect(html).toContain('<h2>Charts: the whole center</h2>');
  });

  it('a comparison: baseline → variant by line, the hold saved on each line, redials avoided', async () => {
    const html = await renderHtmlReport({ kind: 'compare', title: 'Callback on claims', baseline, variant, comparison, generated });
    expectSelfContained(html);
    expect(charts(html).map((c) => c.id)).toEqual([
      'hold-savings',
      'hold-savings-by-line',
      'calls-people-by-line',
      'hold-by-line',
      'calls-by-line',
      'occupancy-by-group',
      'waits',
      'hold-distribution',
      'calls',
      'queue',
    ]);
    expect(charts(html).every((c) => c.svg)).toBe(true);
    const lines = section(html);
    expect(lines).toContain('<h3>Hold hours saved by line</h3>');
    const savings = rowsOf(lines.match(/<table class="headline by-line savings">[\s\S]*?<\/table>/)![0]);
    expect(savings.map((r) => r[0])).toEqual(['claims', '&lt;status&gt; &amp; co', 'All lines']);
    // Each cell: mean ± half-width, shown to two significant digits of the half-width.
    const parts = ['directHoldHours', 'indirectHoldHours', 'netHoldHours'] as const;
    for (const [r, saved] of [comparison.savingsByLine.claims!, comparison.savingsByLine['<status> & co']!, comparison.savings].entries()) {
      parts.forEach((part, k) => {
        const [mean, rest] = savings[r]![k + 1]!.split(' ± ');
        const e = saved[part];
        expect(Math.abs(number(mean!) - e.mean), `${savings[r]![0]} ${part}`).toBeLessThanOrEqual(Math.max(e.halfWidth / 10, 0.006));
        expect(rest).toMatch(/^[\d,.]+ /);
      });
    }
    // Nobody on the other line took a callback: its direct saving is exactly 0.
    expect(savings[1]![1]).toMatch(/^0 ± 0/);
    // Figures by line: baseline → variant, with the paired difference below; callback rows appear.
    const accepted = rowsOf(lines).find((r) => r[0] === 'Callbacks accepted')!;
    expect(accepted[1]).toMatch(/^0 → [\d,]+ \+[\d,]+ ± [\d,]+$/);
    expect(accepted[2]).toMatch(/^0 → 0 0 ± 0$/);
    // Calls against people: the same people in both arms, and the redials the variant avoids.
    const people = rowsOf(lines.match(/<table class="headline by-line people">[\s\S]*?<\/table>/)![0]);
    const avoided = comparison.baseline.lines.claims!.redials.calls.mean - comparison.variant.lines.claims!.redials.calls.mean;
    const [shown] = people[0]![4]!.split(' ± ');
    expect(Math.abs(number(shown!) - avoided)).toBeLessThanOrEqual(1);
    expect(lines).toContain('first calls, the same in both');
    // The header tells the arms apart; the headline table counts calls.
    expect(html).toContain('2 lines (claims, &lt;status&gt; &amp; co) over 2 agent groups (claims, general) · 60 trunks · redials on claims · no callback');
    expect(html).toContain('· callback on claims: offered when the estimated wait is at least 60 s, 40% accept');
    expect(html).toContain('<th scope="row">Calls offered (redials included)</th>');
  });

  it('a single line: no section on lines and groups, the charts under their usual heading', async () => {
    const line = { durationSeconds: 1800, arrivals: { perHour: 200 }, agents: 20, handleTime: { type: 'exponential', meanSeconds: 300 } } as const;
    const html = await renderHtmlReport({ kind: 'run', title: 'One line', scenario: line, replicated: await replicate(line, { replications: 2 }), generated });
    expect(html).not.toContain('<section class="lines"');
    expect(html).toContain('<h2>Charts</h2>');
    expect(charts(html).map((c) => c.id)).toEqual(['waits', 'hold-distribution', 'calls', 'queue']);
  });
});
