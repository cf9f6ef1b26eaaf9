import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtestDayTypes, busySummary, type DayTypeBacktest, type DayTypeScenarios } from '../../src/calibrate';
import { readCallRecords } from '../../src/node/callRecordFiles';

// The holdout on the real "Anonymous Bank" (../shared/realdata; Technion SEE Center,
// Guedj and Mandelbaum; Brown et al., JASA 2005): fitted on January to May, backtested on June
// with the roster from June's records. The test reads June only: the fit of the five months is
// the one `queuecast fit` writes (fixtures/bank-jan-may.json, written by
//   queuecast fit --format bank --day-types auto --break-below 10 \
//     ../shared/realdata/anonymous-bank-1999/{january,february,march,april,may}.txt.gz \
//     --out test/calibrate/fixtures/bank-jan-may.json
// and written again when the fit changes), and only Sunday to Thursday, the type the issue
// judges, is simulated; examples/real-bank.ts runs the whole of it, fit included, every type.
// The figures asserted are the acceptance, not figures this code produced.
const JUNE = new URL('../../../shared/realdata/anonymous-bank-1999/june.txt.gz', import.meta.url).pathname;
const fit = JSON.parse(readFileSync(new URL('fixtures/bank-jan-may.json', import.meta.url), 'utf8')) as DayTypeScenarios;
const sunThu: DayTypeScenarios = { ...fit, dayTypes: fit.dayTypes.filter((t) => t.name === 'sun-thu') };

let june: DayTypeBacktest;
beforeAll(async () => {
  june = await backtestDayTypes(sunThu, readCallRecords(JUNE, { format: 'bank' }).records(), { rosterFromRecords: true, replications: 400 });
}, 300_000);

describe('the bank fitted on January to May, backtested on June with the roster from June\'s records', () => {
  it('was fitted without a June figure', () => {
    expect(fit.dayTypes.flatMap((t) => t.days).every((day) => day < '1999-06-01')).toBe(true);
    expect(june.dayTypes[0]!.days).toBe(22);
  });

  it('holds on PS\'s busy intervals, Sunday to Thursday: 80% inside the 95% bands, mean error at most 25%, bands no wider than the value', () => {
    const ps = busySummary(june.rows, 'PS');
    expect(ps.intervals).toBeGreaterThanOrEqual(10);
    expect(ps.inside).toBeGreaterThanOrEqual(0.8);
    expect(ps.meanRelativeError).toBeLessThanOrEqual(0.25);
    expect(ps.medianBandWidth).toBeLessThanOrEqual(1);
  });

  it('keeps the rows\' shape, with the day type after the line', () => {
    expect(Object.keys(june.rows[0]!)).toEqual(['line', 'dayType', 'intervalStart', 'measure', 'observed', 'simulated', 'low', 'high', 'inside']);
  });
});
