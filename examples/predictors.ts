// Which wait should a center announce? Scores the classic predictors (queue length, last to
// enter service, head of line) and the simulation forecast against the waits callers then
// really had, on a line with long, very variable calls and impatient callers.
//   npx tsx examples/predictors.ts
import { scorePredictors, type Scenario } from '../src';
import { printTable } from './format';

const line: Scenario = {
  name: 'benefits line: variable calls, impatient callers',
  seed: 5,
  arrivals: { perHour: 700 },
  agents: 50,
  durationSeconds: 6 * 3600,
  warmupSeconds: 1800,
  handleTime: { type: 'lognormal', meanSeconds: 300, cv: 1.5 },
  patience: { type: 'exponential', meanSeconds: 180 },
};

const scores = scorePredictors(line, { forecastReplications: 200 }).sort((a, b) => a.rmseSeconds - b.rmseSeconds);
console.log(`\n${line.name}: callers who found every agent busy and were answered\n`);
printTable([
  ['predictor', 'callers', 'RMSE (s)', 'mean error (s)', 'mean |error| (s)'],
  ...scores.map((s) => [s.name, String(s.callers), s.rmseSeconds.toFixed(1), s.meanErrorSeconds.toFixed(1), s.meanAbsoluteErrorSeconds.toFixed(1)]),
]);
console.log(`\nBest here: ${scores[0]!.name}. A positive mean error over-announces (callers are told to expect more than they get).`);
