// Hours of hold time a callback saves, against staffing: the same IRS-like day staffed from
// 75% to 100% of its offered load, each level with and without the callback.
//   npx tsx examples/callback-vs-staffing.ts [replications]
import { compare, estimate } from '../src';
import { irsBaseline, irsCallback, irsRoster } from './scenarios/irs';
import { percent, printTable, progress, withInterval } from './format';

const replications = Number(process.argv[2] ?? 10);
const rows: string[][] = [
  ['staffing (share of load)', 'agents at peak', 'baseline hold (min)', 'abandonment', 'net hours saved', 'direct', 'indirect', 'min saved / callback'],
];
for (const share of [0.75, 0.8, 0.85, 0.9, 0.95, 1]) {
  const roster = irsRoster(share);
  const baseline = { ...irsBaseline, agents: { intervalSeconds: 1800, perInterval: roster } };
  const { baseline: b, savings, pairs } = await compare(baseline, { ...baseline, callback: irsCallback }, {
    replications,
    onProgress: progress(`staffing ${share}`),
  });
  const perCallback = estimate(pairs.map((p) => (60 * p.savings.netHoldHours) / Math.max(1, p.variant.callback.accepted)));
  rows.push([
    `${Math.round(share * 100)}%`,
    String(Math.max(...roster)),
    withInterval(b.hold.meanSeconds, 1, 1 / 60),
    percent(b.abandonment.fraction),
    withInterval(savings.netHoldHours),
    withInterval(savings.directHoldHours),
    withInterval(savings.indirectHoldHours),
    withInterval(perCallback, 1),
  ]);
}
console.log(`\nCallback (offered at 15 min, 33% take it) against staffing, one day, ${replications} replications each, 95% intervals\n`);
printTable(rows);
console.log('\nThe shorter the line is staffed, the more hold a callback saves in all, and the more of it the\ncallers still holding give back (indirect): every request is served, where some of them would\nhave hung up.');
