// Many lines: a tax agency's four lines over three agent groups, on a congested filing-season
// day, with and without a callback offer, and what the people who call again change in the
// answer.
//   npx tsx examples/agency-lines.ts [replications]
//
// The day is examples/scenarios/agency-lines.yaml. The variant offers a callback on every line
// when the announced wait is 5 minutes or more. Both run on worker threads (queuecast/node),
// pair by pair on the same seeds: caller i is the same person in both, redials included.
import type { CallbackPolicy, Comparison, Estimate, MultiLineScenario } from '../src';
import { compare, estimate } from '../src';
import { loadScenarioFile, workerThreads } from '../src/node';
import { percent, printTable, progress, thousands, withInterval } from './format';

const replications = Number(process.argv[2] ?? 24);
const started = performance.now();

const agency = (await loadScenarioFile(new URL('./scenarios/agency-lines.yaml', import.meta.url).pathname)) as MultiLineScenario;

/** The callback under evaluation: 35% of the callers offered take it; the request keeps their place. */
const agencyCallback: CallbackPolicy = {
  offer: { whenEstimatedWaitAtLeastSeconds: 300 },
  optIn: { probability: 0.35 },
  position: 'keep-place',
  dialSeconds: 30,
  answerProbability: 0.85,
  maxAttempts: 2,
  retryDelaySeconds: 600,
};
const withCallback = (s: MultiLineScenario): MultiLineScenario => ({
  ...s,
  name: `${s.name}, callback offered`,
  lines: s.lines.map((line) => ({ ...line, callback: agencyCallback })),
});
// The headline's model: the same day if nobody called again.
const withoutRedials = (s: MultiLineScenario): MultiLineScenario => ({
  ...s,
  lines: s.lines.map(({ redial: _, ...line }) => line),
});

const runner = workerThreads();
const result = await compare(agency, withCallback(agency), { replications, runner, onProgress: progress('with redials') });
const noRedials = await compare(withoutRedials(agency), withCallback(withoutRedials(agency)), {
  replications,
  runner,
  onProgress: progress('without redials'),
});
const { baseline: b, variant: v, difference: d, savings, savingsByLine } = result;
const lines = agency.lines.map((line) => line.name);
const minutes = (e: Estimate) => withInterval(e, 1, 1 / 60);
const negated = (e: Estimate): Estimate => ({ ...e, mean: -e.mean, low: -e.high, high: -e.low });
/** Per accepted callback, replication by replication (a ratio of two random figures; a day without one counts 0). */
const perCallback = (c: Comparison, figure: (pair: Comparison['pairs'][number]) => number, scale = 1) =>
  estimate(c.pairs.map((p) => (scale * figure(p)) / Math.max(1, p.variant.callback.accepted)));

console.log(`\n${agency.name}: one day, ${replications} replications, 95% confidence intervals\n`);
printTable([
  ['the whole center', 'baseline', 'with callback', 'difference'],
  ['calls', withInterval(b.callers.offered), withInterval(v.callers.offered), withInterval(d.callers.offered)],
  ['  people (first calls)', withInterval(b.people.offered), withInterval(v.people.offered), withInterval(d.people.offered)],
  ['  redials', withInterval(b.redials.calls), withInterval(v.redials.calls), withInterval(d.redials.calls)],
  ['people served', withInterval(b.people.served), withInterval(v.people.served), withInterval(d.people.served)],
  ['people who gave up for good', withInterval(b.people.gaveUp), withInterval(v.people.gaveUp), withInterval(d.people.gaveUp)],
  ['calls abandoned', withInterval(b.callers.abandoned), withInterval(v.callers.abandoned), withInterval(d.callers.abandoned)],
  ['calls balked (hung up on the announcement)', withInterval(b.callers.balked), withInterval(v.callers.balked), withInterval(d.callers.balked)],
  ['busy signals', withInterval(b.callers.busy), withInterval(v.callers.busy), withInterval(d.callers.busy)],
  ['courtesy disconnects', withInterval(b.callers.disconnected), withInterval(v.callers.disconnected), withInterval(d.callers.disconnected)],
  ['callbacks offered', '', withInterval(v.callback.offered), ''],
  ['callbacks accepted', '', withInterval(v.callback.accepted), ''],
  ['callbacks connected', '', withInterval(v.callback.connected), ''],
  ['callbacks failed', '', withInterval(v.callback.failed), ''],
  ['callback delay (minutes)', '', minutes(v.callback.meanDelaySeconds), ''],
  ['mean hold (minutes)', minutes(b.hold.meanSeconds), minutes(v.hold.meanSeconds), minutes(d.hold.meanSeconds)],
  ['abandonment (of calls that held)', percent(b.abandonment.fraction), percent(v.abandonment.fraction), percent(d.abandonment.fraction)],
  ['hold hours', withInterval(b.hold.totalHoldHours), withInterval(v.hold.totalHoldHours), withInterval(d.hold.totalHoldHours)],
  ['  saved: direct (callback takers)', '', withInterval(savings.directHoldHours), ''],
  ['  saved: indirect (everyone else)', '', withInterval(savings.indirectHoldHours), ''],
  ['  saved: net', '', withInterval(savings.netHoldHours), ''],
]);

console.log('\nCalls and people by line: baseline → with callback\n');
printTable([
  ['line', 'calls', 'people', 'redials', 'redials avoided', 'busy + disconnected', 'callbacks accepted'],
  ...lines.map((name) => {
    const [lb, lv, ld] = [b.lines[name]!, v.lines[name]!, d.lines[name]!];
    return [
      name,
      `${withInterval(lb.callers.offered)} → ${thousands(lv.callers.offered.mean)}`,
      withInterval(lb.people.offered),
      `${withInterval(lb.redials.calls)} → ${thousands(lv.redials.calls.mean)}`,
      withInterval(negated(ld.redials.calls)),
      `${thousands(lb.callers.busy.mean + lb.callers.disconnected.mean)} → ${thousands(lv.callers.busy.mean + lv.callers.disconnected.mean)}`,
      withInterval(lv.callback.accepted),
    ];
  }),
]);

console.log('\nHold and abandonment by line\n');
printTable([
  ['line', 'mean hold (min)', 'with callback', 'abandonment', 'with callback', 'gave up for good', 'with callback'],
  ...lines.map((name) => {
    const [lb, lv] = [b.lines[name]!, v.lines[name]!];
    const gaveUp = (l: typeof lb) => `${thousands((100 * l.people.gaveUp.mean) / l.people.offered.mean, 1)}%`;
    return [
      name,
      minutes(lb.hold.meanSeconds),
      minutes(lv.hold.meanSeconds),
      percent(lb.abandonment.fraction),
      percent(lv.abandonment.fraction),
      gaveUp(lb),
      gaveUp(lv),
    ];
  }),
]);

console.log('\nHold hours saved by line\n');
printTable([
  ['line', 'direct', 'indirect', 'net'],
  ...lines.map((name) => {
    const s = savingsByLine[name]!;
    return [name, withInterval(s.directHoldHours), withInterval(s.indirectHoldHours), withInterval(s.netHoldHours)];
  }),
  ['all lines', withInterval(savings.directHoldHours), withInterval(savings.indirectHoldHours), withInterval(savings.netHoldHours)],
]);

console.log('\nAgent groups\n');
printTable([
  ['group', 'agents on duty (mean)', 'occupancy', 'with callback', 'calls answered (baseline)'],
  ...Object.keys(b.groups).map((name) => {
    const [gb, gv] = [b.groups[name]!, v.groups[name]!];
    const answered = Object.entries(gb.answered)
      .filter(([, e]) => e.mean >= 0.5)
      .map(([line, e]) => `${line} ${thousands(e.mean)}`)
      .join(', ');
    return [name, thousands(gb.agentsOnDuty.mean, 1), percent(gb.occupancy), percent(gv.occupancy), answered];
  }),
]);

// What redials change: the same comparison on the same day if nobody called again (the
// headline's single-line model has no redials).
const rows = (c: Comparison) => [
  withInterval(c.variant.callback.accepted),
  withInterval(perCallback(c, (p) => p.savings.netHoldHours, 60), 1),
  withInterval(perCallback(c, (p) => p.savings.directHoldHours, 60), 1),
  withInterval(perCallback(c, (p) => p.baseline.callers.offered - p.variant.callers.offered), 2),
  withInterval(perCallback(c, (p) => p.baseline.people.gaveUp - p.variant.people.gaveUp), 2),
];
console.log('\nWhat redials change: per accepted callback\n');
printTable([
  ['', 'callbacks accepted', 'hold min saved (net)', 'direct', 'calls avoided', 'people kept from giving up'],
  ['people sent away call again', ...rows(result)],
  ['nobody calls again', ...rows(noRedials)],
]);
console.log(`
Direct: what the callback takers saved, the hold they had in the baseline over all their calls
less the hold they still had in the variant on calls before the one where they took the callback.`);

const callsPerPerson = estimate(result.pairs.map((p) => p.baseline.callers.offered / p.baseline.people.offered));
const share = (part: Estimate, whole: Estimate) => `${thousands((100 * part.mean) / whole.mean, 1)}%`;
const sentAway = (s: typeof b) => s.callers.disconnected.mean + s.callers.busy.mean;
const cap = agency.lines.find((l) => l.name === 'individuals')?.maxOnHold;
console.log(`
Without the offer, ${withInterval(b.redials.calls)} of the day's ${withInterval(b.callers.offered)} calls are redials (${withInterval(callsPerPerson, 2)} calls per person):
${percent(b.abandonment.fraction)} of the calls that hold end without an answer, but ${share(b.people.gaveUp, b.people.offered)} of the people give up for good.
With it, ${withInterval(v.callback.accepted)} callbacks avoid ${withInterval(negated(d.redials.calls))} redials, mostly because ${thousands(sentAway(b) - sentAway(v))} fewer calls are disconnected
or hear a busy signal (a request waiting for its callback holds no trunk and no place among the
${cap} individuals on hold); ${withInterval(d.people.served)} more people are served: the agents are the limit.

(${((performance.now() - started) / 1000).toFixed(1)} s)`);
