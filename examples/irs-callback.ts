// The headline forecast: what offering callers a callback does to an IRS-like line.
//   npm start            (or: npx tsx examples/irs-callback.ts [replications])
//
// The IRS reported that 5.7 million callers took a callback in one filing season and that it
// saved 1.7 million hours of hold time, against an average hold of 22 minutes the year before:
// about 17.9 minutes per callback. This script forecasts the same figures for a calibrated
// line (see examples/scenarios/irs.ts) before any budget is spent on it.
import { compare, estimate, unpairedDifference } from '../src';
import { irsBaseline, irsWithCallback } from './scenarios/irs';
import { percent, printTable, progress, thousands, withInterval } from './format';

const replications = Number(process.argv[2] ?? 30);
const started = performance.now();
const result = await compare(irsBaseline, irsWithCallback, { replications, onProgress: progress('simulating') });
const { baseline, variant, difference, savings } = result;

// Per accepted callback, replication by replication (a ratio of two random figures).
const minutesSavedPerCallback = estimate(
  result.pairs.map((p) => (60 * p.savings.netHoldHours) / p.variant.callback.accepted),
);
const directMinutesPerCallback = estimate(
  result.pairs.map((p) => (60 * p.savings.directHoldHours) / p.variant.callback.accepted),
);

console.log(`\n${irsBaseline.name}: one day, ${replications} replications, 95% confidence intervals\n`);
printTable([
  ['', 'baseline', 'with callback', 'difference'],
  ['callers', withInterval(baseline.callers.offered), withInterval(variant.callers.offered), withInterval(difference.callers.offered)],
  ['callbacks offered', '', withInterval(variant.callback.offered), ''],
  ['callbacks accepted', '', withInterval(variant.callback.accepted), ''],
  ['callbacks connected', '', withInterval(variant.callback.connected), ''],
  ['callbacks failed', '', withInterval(variant.callback.failed), ''],
  ['mean hold (minutes)', withInterval(baseline.hold.meanSeconds, 1, 1 / 60), withInterval(variant.hold.meanSeconds, 1, 1 / 60), withInterval(difference.hold.meanSeconds, 1, 1 / 60)],
  ['hold hours', withInterval(baseline.hold.totalHoldHours), withInterval(variant.hold.totalHoldHours), withInterval(difference.hold.totalHoldHours)],
  ['  saved: direct', '', withInterval(savings.directHoldHours), ''],
  ['  saved: indirect', '', withInterval(savings.indirectHoldHours), ''],
  ['  saved: net', '', withInterval(savings.netHoldHours), ''],
  ['minutes saved per callback', '', withInterval(minutesSavedPerCallback, 1), ''],
  ['abandonment', percent(baseline.abandonment.fraction), percent(variant.abandonment.fraction), percent(difference.abandonment.fraction)],
  [`answered within ${baseline.serviceLevel.seconds / 60} minutes`, percent(baseline.serviceLevel.fraction), percent(variant.serviceLevel.fraction), percent(difference.serviceLevel.fraction)],
  ['callback delay (minutes)', '', withInterval(variant.callback.meanDelaySeconds, 1, 1 / 60), ''],
  ['agent occupancy', percent(baseline.agents.occupancy), percent(variant.agents.occupancy), percent(difference.agents.occupancy)],
]);

const paired = difference.hold.totalHoldHours;
const unpaired = unpairedDifference(baseline.hold.totalHoldHours, variant.hold.totalHoldHours, replications);
console.log(`
Change in hold hours, 95% interval: paired (same callers in both) ± ${thousands(paired.halfWidth)} h;
unpaired (independent runs) ± ${thousands(unpaired.halfWidth)} h: common random numbers make it ${(unpaired.halfWidth / paired.halfWidth).toFixed(1)} times narrower.`);

const season = 5.7e6;
console.log(`
Against what the IRS reported (5.7 million callbacks, 1.7 million hours saved, 17.9 minutes each):
  this line saves ${withInterval(minutesSavedPerCallback, 1)} minutes net per callback (${withInterval(directMinutesPerCallback, 1)} for the caller who took it,
  the rest lost or won by everyone still holding); over a season of 5.7 million callbacks that is
  ${withInterval(minutesSavedPerCallback, 2, season / 60 / 1e6)} million hours saved.

(${((performance.now() - started) / 1000).toFixed(1)} s)`);
