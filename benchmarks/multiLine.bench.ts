// A multi-line center beside the single-line reference model of the same size, in the same
// process, alternating: 4 lines, 3 groups, priorities, delayed overflow and redials over the
// reference model's 570 calls an hour and 50 agents (exponential handle 300 s, patience 600 s).
// The ratio is the multi-line run's events per second to the single-line run's (target >= 0.5).
// A third case is the bilingual center of the routing features (after-call work on every call,
// longest-idle selection, a group's own order of lines, redials after abandonment only where
// the model has them): the same 570 calls an hour over 50 agents, target >= 0.8. A fourth is
// that center with a tenth of the English team's calls transferred to the Spanish line.
//   npx tsx benchmarks/multiLine.bench.ts [--callers 1000000] [--rounds 5]
import { runSync, type MultiLineScenario, type Scenario } from '../src';
import { CenterMetrics } from '../src/metrics';
import { ContactCenter, metricsWindow } from '../src/model';
import { resolveScenario } from '../src/scenario';
import { alternate, median, option, report, type BenchResult } from './measure';
import { referenceModel } from './referenceModel';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 5);
const single = referenceModel(callers);

const handleTime = { type: 'exponential', meanSeconds: 300 } as const;
const patience = { type: 'exponential', meanSeconds: 600 } as const;
const redial = { probability: 0.5, delay: { type: 'exponential', meanSeconds: 900 }, maxAttempts: 3 } as const;
export const multiLineCenter: MultiLineScenario = {
  seed: 1,
  durationSeconds: single.durationSeconds!,
  lines: [
    { name: 'individuals', arrivals: { perHour: 250 }, handleTime, patience, redial, routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 120 }] },
    { name: 'businesses', arrivals: { perHour: 150 }, handleTime, patience, redial, routing: [{ group: 'business' }, { group: 'general' }] },
    { name: 'practitioners', priority: 1, arrivals: { perHour: 100 }, handleTime, patience, routing: [{ group: 'general' }, { group: 'business' }] },
    { name: 'spanish', arrivals: { perHour: 70 }, handleTime, patience, redial, routing: [{ group: 'overflow' }, { group: 'business', afterSeconds: 60 }] },
  ],
  groups: [
    { name: 'general', agents: 25 },
    { name: 'business', agents: 15 },
    { name: 'overflow', agents: 10 },
  ],
};

const wrapUp = { type: 'exponential', meanSeconds: 45 } as const;
export const routingFeaturesCenter: MultiLineScenario = {
  seed: 1,
  durationSeconds: single.durationSeconds!,
  agentSelection: 'longest-idle',
  lines: [
    { name: 'english', arrivals: { perHour: 400 }, handleTime: { type: 'exponential', meanSeconds: 255 }, patience, redial, afterCallWork: wrapUp, routing: [{ group: 'english' }, { group: 'bilingual' }] },
    { name: 'spanish', arrivals: { perHour: 170 }, handleTime: { type: 'exponential', meanSeconds: 255 }, patience, redial, afterCallWork: wrapUp, routing: [{ group: 'spanish' }, { group: 'bilingual' }] },
  ],
  groups: [
    { name: 'english', agents: 30 },
    { name: 'spanish', agents: 12 },
    { name: 'bilingual', agents: 8, lineOrder: ['spanish'] },
  ],
};

// A tenth of the calls the English team answers go on to the Spanish line (transfers).
export const transfersCenter: MultiLineScenario = {
  ...routingFeaturesCenter,
  lines: routingFeaturesCenter.lines.map((line) =>
    line.name === 'english' ? { ...line, routing: [{ group: 'english', transfer: { probability: 0.1, toLine: 'spanish' } }, { group: 'bilingual' }] } : line),
};

// The events a run handles, counted once outside the timings (same seed, same events).
function eventsHandled(scenario: Scenario): number {
  const resolved = resolveScenario(scenario);
  const center = new ContactCenter(resolved, new CenterMetrics(metricsWindow(resolved)));
  center.start();
  center.simulation.run();
  return center.simulation.eventsHandled;
}

const events = {
  single: eventsHandled(single),
  multi: eventsHandled(multiLineCenter),
  routing: eventsHandled(routingFeaturesCenter),
  transfers: eventsHandled(transfersCenter),
};
const seconds = await alternate(
  { single: () => runSync(single), multi: () => runSync(multiLineCenter), routing: () => runSync(routingFeaturesCenter), transfers: () => runSync(transfersCenter) },
  rounds,
);
const rate = (name: keyof typeof events) => events[name] / median(seconds[name]!);
const names = {
  single: 'run() single line (reference model)',
  multi: 'run() 4 lines, 3 groups, redials',
  routing: 'run() 2 lines, 3 groups, wrap-up, longest-idle, line order',
  transfers: 'run() the same with 10% of English calls transferred to Spanish',
};
const results: BenchResult[] = (['single', 'multi', 'routing', 'transfers'] as const).map((name) => ({
  bench: names[name],
  callers,
  events: events[name],
  rounds,
  medianSeconds: Math.round(median(seconds[name]!) * 1000) / 1000,
  eventsPerSecond: Math.round(rate(name)),
  ratioToSingleLine: Math.round((rate(name) / rate('single')) * 1000) / 1000,
}));
report(results);
