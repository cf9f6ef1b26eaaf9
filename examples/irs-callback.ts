// The headline forecast: what offering callers a callback does to an IRS-like line.
//   npm start            (or: npx tsx examples/irs-callback.ts [replications])
//
// The IRS reported that 5.7 million callers took a callback in one filing season and that it
// saved 1.7 million hours of hold time, against an average hold of 22 minutes the year before:
// about 17.9 minutes per callback. This script forecasts the same figures for a calibrated
// line (see examples/scenarios/irs.ts) before any budget is spent on it.
import { compare, estimate, unpairedDifference, type ReportSummary, type SeasonReport, type SeasonWeekRow, type Summary } from '../src';
import { irsBaseline, irsSeason, irsSeasonWithCallback, irsWithCallback } from './scenarios/irs';
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
  ${withInterval(minutesSavedPerCallback, 2, season / 60 / 1e6)} million hours saved.`);

// The season simulated, not multiplied: four weeks of February as a calendar of weekdays with
// their own volume and Monday rosters, people who hang up calling again the next day
// (examples/scenarios/irs-season.yaml says where each number comes from). Few replications:
// each is 19 days of both arms.
const seasonReplications = 3;
const simulated = await compare(irsSeason, irsSeasonWithCallback, { replications: seasonReplications, onProgress: progress('simulating the season') });
// A season's summaries have its week rows beside the figures of a day's.
const weeksOf = (summary: ReportSummary) => (summary as ReportSummary & { weeks: Array<Summary<SeasonWeekRow>> }).weeks;
const [baselineWeeks, variantWeeks, differenceWeeks] = [weeksOf(simulated.baseline), weeksOf(simulated.variant), weeksOf(simulated.difference)];
const seasonMinutesPerCallback = estimate(
  simulated.pairs.map((p) => (60 * p.savings.netHoldHours) / p.variant.callback.accepted),
);
const days = (simulated.pairs[0]!.baseline as SeasonReport).days.length;
console.log(`\n${irsSeasonWithCallback.name}: ${days} weekdays simulated, ${seasonReplications} replications, 95% confidence intervals\n`);
printTable([
  ['week', 'calls', 'hold hours (baseline)', 'hold hours saved', 'callbacks connected'],
  ...baselineWeeks.map((week, i) => [
    `${week.week} (${week.firstDate.slice(5)} to ${week.lastDate.slice(5)})`,
    withInterval(week.calls),
    withInterval(week.totalHoldHours),
    withInterval({ ...differenceWeeks[i]!.totalHoldHours, mean: -differenceWeeks[i]!.totalHoldHours.mean }),
    withInterval(variantWeeks[i]!.callbacksConnected),
  ]),
  ['season', withInterval(simulated.baseline.callers.offered), withInterval(simulated.baseline.hold.totalHoldHours), withInterval(simulated.savings.netHoldHours), withInterval(simulated.variant.callback.connected)],
]);
console.log(`
Over the simulated season the callback saves ${withInterval(simulated.savings.netHoldHours)} hours net (${withInterval(simulated.savings.directHoldHours)} for those who took it)
with ${withInterval(simulated.variant.callback.accepted)} callbacks: ${withInterval(seasonMinutesPerCallback, 1)} minutes each, against the IRS's 17.9 (1.7 million hours
for 5.7 million callbacks over its whole season and all its lines; this is one line's four weeks).

(${((performance.now() - started) / 1000).toFixed(1)} s)`);
