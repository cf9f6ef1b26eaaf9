// Hours of hold time a callback saves, against how many callers take it and when it is
// offered: opt-in rates 10% to 60%, offer thresholds 5 to 20 minutes of announced wait.
//   npx tsx examples/callback-opt-in.ts [replications]
import { compare } from '../src';
import { irsBaseline, irsCallback } from './scenarios/irs';
import { printTable, progress, withInterval } from './format';

const replications = Number(process.argv[2] ?? 8);
const thresholdsMinutes = [5, 10, 15, 20];
const optInRates = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

const rows: string[][] = [['opt-in \\ offered from', ...thresholdsMinutes.map((m) => `${m} min`)]];
for (const probability of optInRates) {
  const row = [`${Math.round(probability * 100)}%`];
  for (const minutes of thresholdsMinutes) {
    const variant = {
      ...irsBaseline,
      callback: { ...irsCallback, offer: { whenEstimatedWaitAtLeastSeconds: minutes * 60 }, optIn: { probability } },
    };
    const { savings } = await compare(irsBaseline, variant, {
      replications,
      onProgress: progress(`opt-in ${probability}, offered from ${minutes} min`),
    });
    row.push(withInterval(savings.netHoldHours));
  }
  rows.push(row);
}
console.log(`\nNet hours of hold saved in a day (95% intervals, ${replications} replications each)\n`);
printTable(rows);
