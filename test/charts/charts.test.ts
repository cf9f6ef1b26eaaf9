import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  VEGA_LITE_SCHEMA,
  callsByIntervalChart,
  holdDistributionChart,
  holdSavingsChart,
  queueByIntervalChart,
  waitsByIntervalChart,
  type VegaLiteSpec,
} from '../../src/charts';
import { compileStrict, est, holdBins, intervalRows, jsonRoundTrip, summaryRows } from './specs';

const savings = { directHoldHours: est(10, 12), indirectHoldHours: est(-3, -2), netHoldHours: est(7, 10) };
const twoArms = [
  { label: 'Baseline', rows: summaryRows() },
  { label: 'Variant', rows: summaryRows() },
];
const oneRun = [{ label: 'Today', rows: intervalRows() }];
// Three intervals of each arm: enough for lines through the middles of the intervals.
const threeIntervals = twoArms.map((arm) => ({ ...arm, rows: [...arm.rows, { ...arm.rows[1]!, intervalStart: 1800, intervalEnd: 2700 }] }));

// Every chart, from a single report and from a comparison's summaries.
const specs: Record<string, VegaLiteSpec> = {
  'calls, one run': callsByIntervalChart(oneRun),
  'calls, two arms': callsByIntervalChart(twoArms),
  'calls, one interval': callsByIntervalChart([{ label: 'Today', rows: intervalRows().slice(0, 1) }]),
  'queue, one run': queueByIntervalChart(oneRun),
  'queue, two arms': queueByIntervalChart(twoArms),
  'waits, one run': waitsByIntervalChart(oneRun),
  'waits, two arms': waitsByIntervalChart(twoArms),
  'waits, three intervals': waitsByIntervalChart(threeIntervals),
  'calls, three intervals': callsByIntervalChart(threeIntervals),
  'waits, one interval': waitsByIntervalChart(twoArms.map((s) => ({ ...s, rows: s.rows.slice(0, 1) }))),
  'hold distribution, one run': holdDistributionChart([{ label: 'Today', bins: holdBins() }]),
  'hold distribution, two arms': holdDistributionChart([
    { label: 'Baseline', bins: holdBins() },
    { label: 'Variant', bins: holdBins().map((bin) => ({ ...bin, callers: est(bin.callers, bin.callers + 1) })) },
  ]),
  'hold savings': holdSavingsChart(savings, { title: 'Hold hours saved', width: 300 }),
};

const values = (spec: VegaLiteSpec) => (spec.data as { values: Array<Record<string, unknown>> }).values;

describe('chart specs', () => {
  let validate: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    const schema = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as object;
    validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false }).compile(schema);
  });

  it.each(Object.entries(specs))('%s: plain JSON, valid against the Vega-Lite schema, compiles without warnings', (_, spec) => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(jsonRoundTrip(spec)).toEqual(spec);
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(compileStrict(spec).messages).toEqual([]);
  });

  it('the schema check would catch a misspelt property', () => {
    expect(validate({ ...specs['hold savings']!, mark: { type: 'bar', widht: 3 } })).toBe(false);
  });

  it('calls: arrived, answered and abandoned per series and interval, and callbacks when any were taken', () => {
    expect(values(specs['calls, one run']!).map((row) => [row.series, row.intervalStart, row.measure, row.value])).toEqual([
      ['Today', 0, 'Arrived', 70],
      ['Today', 0, 'Answered', 66],
      ['Today', 0, 'Abandoned', 4],
      ['Today', 900, 'Arrived', 90],
      ['Today', 900, 'Answered', 80],
      ['Today', 900, 'Abandoned', 10],
    ]);
    const arms = values(specs['calls, two arms']!);
    // 2 series × 2 intervals × 4 figures: the summaries have callbacks.
    expect(arms).toHaveLength(16);
    expect(new Set(arms.map((row) => row.measure))).toEqual(new Set(['Arrived', 'Answered', 'Abandoned', 'Took a callback']));
    const encoding = specs['calls, two arms']!.encoding as Record<string, unknown>;
    expect(encoding.strokeDash).toMatchObject({ field: 'series', scale: { domain: ['Baseline', 'Variant'] } });
    expect((specs['calls, one run']!.encoding as Record<string, unknown>).strokeDash).toBeUndefined();
  });

  it('queue: callers on hold, agents busy and on duty', () => {
    expect(values(specs['queue, one run']!).filter((row) => row.intervalStart === 900).map((row) => [row.measure, row.value])).toEqual([
      ['Callers on hold', 12],
      ['Agents busy', 19.5],
      ['Agents on duty', 20],
    ]);
  });

  it('waits: mean hold in seconds with its interval; minutes and a band in the spec', () => {
    const rows = values(specs['waits, two arms']!);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ series: 'Baseline', intervalStart: 900, variable: 'meanHoldSeconds', value: 120 });
    expect(rows[1]!.low).toBeLessThan(120);
    const marks = (name: string) => (specs[name]!.layer as Array<{ mark: { type: string } }>).map((l) => l.mark.type);
    // A band and a line through the middles of the intervals; with fewer than three
    // intervals, a box and a level segment across each interval.
    expect(marks('waits, three intervals')).toEqual(['area', 'line']);
    expect(marks('waits, two arms')).toEqual(['rect', 'rule']);
    expect((specs['waits, one run']!.layer as unknown[]).length).toBe(1);
    expect(JSON.stringify(specs['waits, one run'])).toContain('Mean hold (minutes)');
  });

  it('hold distribution: shares of the callers who held, bars labelled in order, side by side when comparing', () => {
    const spec = specs['hold distribution, one run']!;
    expect(values(spec).map((row) => [row.bin, row.share])).toEqual([
      ['0 s', 0.6],
      ['≤10 s', 0.3],
      ['10–20 s', 0.1],
    ]);
    expect((spec.encoding as { x: { sort: string[] } }).x.sort).toEqual(['0 s', '≤10 s', '10–20 s']);
    expect((specs['hold distribution, two arms']!.encoding as Record<string, unknown>).xOffset).toMatchObject({ field: 'series' });
  });

  it('hold savings: direct, indirect and net hours with their intervals, labelled as the table rounds them', () => {
    // Two replications: half-width = t(0.975, 1) · sd / √2 = 12.706 · sd / √2, so 12.7 for
    // direct (0 decimals: two significant digits), 6.35 for indirect (1 decimal) and 19.1 for
    // net (0 decimals, 8.5 rounds to 9).
    expect(values(specs['hold savings']!)).toEqual([
      { part: 'Direct', hours: 11, low: savings.directHoldHours.low, high: savings.directHoldHours.high, label: '11 h' },
      { part: 'Indirect', hours: -2.5, low: savings.indirectHoldHours.low, high: savings.indirectHoldHours.high, label: '\u22122.5 h' },
      { part: 'Net', hours: 8.5, low: savings.netHoldHours.low, high: savings.netHoldHours.high, label: '9 h' },
    ]);
    expect(specs['hold savings']!.title).toEqual({ text: 'Hold hours saved', anchor: 'start' });
    expect(specs['hold savings']!.width).toBe(300);
  });

  it('the chart sources stay in the core: no vega and no Node built-ins', () => {
    const folder = new URL('../../src/charts/', import.meta.url);
    for (const file of readdirSync(folder)) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      expect(source, file).not.toMatch(/from ['"](vega|vega-lite|node:|fs|path)['"/]/);
      expect(source, file).not.toMatch(/import\(['"]/);
    }
  });
});
