// staffBySimulation against the iterative staffing algorithm (ISA, Feldman, Mandelbaum, Massey
// and Whitt 2008; staffingIsa.ts), issue 13: the same cases, the same target (80% answered
// within the scenario's serviceLevelSeconds in every half hour), the same replications on the
// same seeds, both on worker threads through replicateReports(). One JSON line per method and
// case: rosters simulated, wall and CPU seconds (whole process, workers included), agent-hours,
// and the half hours that meet the target on independent replications (other seeds): as
// measured, and within the noise (short by at most 3 standard errors of the difference of the
// two samples, the tests' rule). The ISA runs plain and damped (staffingIsa.ts).
//   npm run build && npx tsx benchmarks/staffingIsa.bench.ts [--cases irs24,irs48,steady,day]
import { replicateReports, staffBySimulation, type Report, type Roster, type SingleLineScenario } from '../dist/index.js';
import { workerThreads } from '../dist/node.js';
import { irsBaseline } from '../examples/scenarios/irs';
import { dayWithCallbacks } from '../test/staffing/dayWithCallbacks';
import { isaStaffing, pooledServiceLevel } from './staffingIsa';

const target = 0.8;
const checkSeed = 9_001;
const arrivals = irsBaseline.arrivals as { intervalSeconds: number; perInterval: readonly number[] };
const twoDays: SingleLineScenario = {
  ...irsBaseline,
  name: 'IRS-like line, 48 half hours',
  arrivals: { ...arrivals, perInterval: [...arrivals.perInterval, ...arrivals.perInterval] },
};
// test/staffing/steadyLine.test.ts's 650-calls-an-hour line (Erlang A: one 42-hour interval).
const steady: SingleLineScenario = {
  seed: 103,
  arrivals: { intervalSeconds: 42 * 3600, perInterval: [650 * 42] },
  agents: 1,
  handleTime: { type: 'exponential', meanSeconds: 300 },
  patience: { type: 'exponential', meanSeconds: 300 },
};
// The staffing tests' day with callbacks and redials (16 half hours).
const day = dayWithCallbacks;

const allCases = {
  irs24: { name: 'IRS-like, 24 half hours', scenario: irsBaseline, replications: 20, seed: irsBaseline.seed! },
  irs48: { name: 'IRS-like, 48 half hours', scenario: twoDays, replications: 20, seed: irsBaseline.seed! },
  steady: { name: 'steady line, 650 calls an hour (42 h)', scenario: steady, replications: 8, seed: 103 },
  day: { name: 'day with callbacks and redials, 16 half hours', scenario: day, replications: 100, seed: 1 },
};
const chosen = (process.argv.find((a) => a.startsWith('--cases='))?.slice(8) ?? process.argv[process.argv.indexOf('--cases') + 1] ?? '')
  .split(',')
  .filter((name): name is keyof typeof allCases => name in allCases);
const names = chosen.length > 0 ? chosen : (Object.keys(allCases) as Array<keyof typeof allCases>);

const runner = workerThreads();
const run = (scenario: Parameters<typeof replicateReports>[0], o: { replications: number; seed: number }) => replicateReports(scenario, { ...o, runner });

/** Half hours meeting the target on other seeds: as measured, and within the noise of the two samples. */
async function checked(scenario: SingleLineScenario, perInterval: number[], own: readonly Report[], replications: number) {
  const staffed = { ...scenario, agents: { intervalSeconds: (scenario.arrivals as Roster).intervalSeconds, perInterval } };
  const { reports } = await replicateReports(staffed, { replications, seed: checkSeed, runner });
  let met = 0;
  let withinNoise = 0;
  for (let k = 0; k < perInterval.length; k++) {
    const mine = pooledServiceLevel(own, k);
    const other = pooledServiceLevel(reports, k);
    if (other.mean >= target) met++;
    if (target - other.mean <= 3 * Math.hypot(mine.standardError, other.standardError)) withinNoise++;
  }
  return { metOnOtherSeeds: `${met}/${perInterval.length}`, metWithinNoise: `${withinNoise}/${perInterval.length}` };
}

for (const name of names) {
  const { name: title, scenario, replications, seed } = allCases[name];
  {
    const start = performance.now();
    const cpu = process.cpuUsage();
    // On worker threads through replicateReports(), as the ISA's rosters.
    const plan = await staffBySimulation(scenario, { target: { serviceLevel: target }, replications, seed, runner });
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - start) / 1000;
    const perInterval = (plan.agents as Roster).perInterval;
    // The roster's own replications again (outside the timing), for the check's noise.
    const ownReports = (await run(plan.scenario, { replications, seed })).reports;
    const check = await checked(scenario, perInterval, ownReports, replications);
    console.log(
      JSON.stringify({
        bench: `staffBySimulation: ${title}`,
        replications,
        rosters: plan.iterations,
        wallSeconds: Math.round(wall * 10) / 10,
        cpuSecondsAllThreads: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
        agentHours: plan.agentHours,
        allMet: plan.allMet,
        ...check,
      }),
    );
  }
  for (const damping of [0, 0.5]) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const isa = await isaStaffing(scenario, { serviceLevel: target, replications, seed, run, damping });
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - start) / 1000;
    const check = await checked(scenario, isa.perInterval, isa.reports, replications);
    console.log(
      JSON.stringify({
        bench: `ISA${damping > 0 ? `, damped ${damping}` : ''}: ${title}`,
        replications,
        rosters: isa.rosters,
        alphasTried: isa.alphasTried,
        alpha: Math.round(isa.alpha * 10_000) / 10_000,
        wallSeconds: Math.round(wall * 10) / 10,
        cpuSecondsAllThreads: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
        agentHours: isa.agentHours,
        allMet: isa.allMet,
        ...check,
      }),
    );
  }
}
