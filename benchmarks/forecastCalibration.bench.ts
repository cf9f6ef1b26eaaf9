// Is the announcement right? Days of examples/scenarios/agency-lines.yaml, each seeded anew, at
// random moments and lines: the forecast from the snapshot a live center would have, and the
// wait of a caller put on hold then in the running day (test/support/forecastCalibration.ts).
// Per line: how often that wait was at or below the announced median (should be 50%) and p90
// (90%), and the RMSE of the forecast's mean against the classic predictors'. One JSON line per
// line of the center; 99 futures a forecast, so that the median and p90 are the 50th and 90th
// of 99 (ranks whose expected coverage is exactly 0.5 and 0.9).
//   npx tsx benchmarks/forecastCalibration.bench.ts [--days 1000] [--per-day 8] [--futures 99]
import { loadScenarioFile } from '../src/node';
import { calibrationSamples, calibrationTable } from '../test/support/forecastCalibration';
import { option } from './measure';

const days = option('days', 1000);
const perDay = option('per-day', 8);
const futures = option('futures', 99);
const scenario = await loadScenarioFile(new URL('../examples/scenarios/agency-lines.yaml', import.meta.url).pathname);

const start = performance.now();
const samples = calibrationSamples(scenario, { days, perDay, futures, seed: 1 });
const seconds = (performance.now() - start) / 1000;
const rows = calibrationTable(samples);
for (const row of rows) console.log(JSON.stringify({ bench: 'forecast calibration, agency-lines.yaml', days, perDay, futures, seconds: Math.round(seconds), ...row }));
console.error('');
console.table(Object.fromEntries(rows.map(({ line, ...rest }) => [line, rest])));
