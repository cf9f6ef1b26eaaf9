// A day on a mid-sized line: 570 calls an hour, 50 agents, 5-minute calls, callers who give up
// after 10 minutes on average. Prints what a planner reads first.
import { run } from '../src';

const report = await run({
  name: 'mid-sized line',
  arrivals: { perHour: 570 },
  agents: 50,
  durationSeconds: 10 * 3600,
  warmupSeconds: 3600,
  handleTime: { type: 'exponential', meanSeconds: 300 },
  patience: { type: 'exponential', meanSeconds: 600 },
});

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
console.table({
  'callers offered': report.callers.offered,
  'mean hold (s)': report.hold.meanSeconds.toFixed(1),
  'p90 hold (s)': report.hold.p90Seconds.toFixed(1),
  'hold hours': report.hold.totalHoldHours.toFixed(1),
  [`answered within ${report.serviceLevel.seconds} s`]: percent(report.serviceLevel.fraction),
  abandoned: percent(report.abandonment.fraction),
  occupancy: percent(report.agents.occupancy),
});
