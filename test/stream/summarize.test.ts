import { test } from '@fast-check/vitest';
import { from, lastValueFrom } from 'rxjs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, run, summarize, type MultiLineScenario, type Report, type Scenario, type SimEvent } from '../../src';
import { ContactCenter, metricsWindow, type CenterObserver } from '../../src/model';
import { loadScenarioFile } from '../../src/node';
import { resolveScenario } from '../../src/scenario';
import { EventReplayer } from '../../src/stream/eventReplayer';
import { multiLineScenario } from '../support/multiLineArbitraries';
import { eventsOf, simulatedOnce } from '../support/scenarios';
import { scriptedRun } from '../support/scripted';

// summarize() is the event emitter's inverse: the events carry every argument the model gives
// its observer, and the reducer tells the metrics each event as one call, keeping nothing per
// call. The checks: a worked example with every carried field written out by hand; the calls
// the model makes, recorded, against the calls replayed from its events; the report of run()
// against summarize() over the events as they come, read back from JSON, and filtered.

const RUNS = 100;

type Call = [method: string, ...args: unknown[]];

/** An observer that writes down every call the center makes, with its arguments. */
function recorder(calls: Call[]): CenterObserver {
  const methods: Record<string, (...args: unknown[]) => void> = {};
  const record = (method: string) => (...args: unknown[]) => void calls.push([method, ...args]);
  return new Proxy({} as CenterObserver, { get: (_target, method: string) => (methods[method] ??= record(method)) });
}

/** The calls the model makes to its observer in a run of `scenario`, as run() would hear them. */
function modelCalls(scenario: Scenario): Call[] {
  const calls: Call[] = [];
  const center = new ContactCenter(resolveScenario(scenario), recorder(calls));
  center.start();
  center.simulation.run();
  return calls;
}

/** The calls the events tell, replayed into an observer. */
function replayedCalls(events: readonly SimEvent[]): Call[] {
  const calls: Call[] = [];
  const [started, ...rest] = events;
  if (started?.type !== 'run-started') throw new Error('expected run-started first');
  const replayer = new EventReplayer(recorder(calls), started.window);
  for (const event of rest) replayer.replay(event as Exclude<SimEvent, { type: 'run-started' }>);
  return calls;
}

/** Where two lists of calls first differ (Object.is on each argument, so NaN and -0 count), or undefined. */
function firstDifference(a: readonly Call[], b: readonly Call[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.length !== y.length || x.some((value, k) => !Object.is(value, y[k]))) return `call ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
  }
  return undefined;
}

const summarized = (events: readonly SimEvent[]): Promise<Report> => lastValueFrom(from(events).pipe(summarize()));
const throughJson = (events: readonly SimEvent[]): SimEvent[] => JSON.parse(JSON.stringify(events)) as SimEvent[];

describe('what the events carry, worked example', () => {
  // One agent; calls last 100 s; warm-up 5 s. Caller 0 arrives at 0 s in the warm-up and is
  // answered at once. Caller 1 arrives at 10 s, counted, is offered a callback and takes it.
  // The agent is free at 100 s and dials (10 s); caller 1 does not answer the first dial, the
  // retry comes 30 s later, at 140 s, is answered at 150 s and the call lasts 100 s.
  const scenario: MultiLineScenario = {
    warmupSeconds: 5,
    durationSeconds: 300,
    lines: [
      {
        name: 'main',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: { type: 'fixed', seconds: 100 },
        routing: [{ group: 'agents' }],
        callback: { offer: 'always', optIn: { probability: 1 }, dialSeconds: 10, maxAttempts: 2, retryDelaySeconds: 30 },
      },
    ],
    groups: [{ name: 'agents', agents: 1 }],
  };

  it('counted, arrivalTime and agentBusySince are what the timeline says', () => {
    const { events } = scriptedRun(scenario, { main: [0, 10] }, { answers: (_callerId, attempt) => attempt === 2 });
    const call = { line: 'main' };
    expect(events.filter((e) => 'callerId' in e)).toEqual([
      { type: 'arrival', time: 0, callerId: 0, ...call, attempt: 1, counted: false },
      { type: 'answered', time: 0, callerId: 0, ...call, holdSeconds: 0, group: 'agents', arrivalTime: 0, counted: false },
      { type: 'arrival', time: 10, callerId: 1, ...call, attempt: 1, counted: true },
      { type: 'callback-offered', time: 10, callerId: 1, ...call, estimatedWaitSeconds: expect.any(Number), arrivalTime: 10, counted: true },
      { type: 'callback-accepted', time: 10, callerId: 1, ...call, arrivalTime: 10, counted: true },
      { type: 'call-ended', time: 100, callerId: 0, ...call, group: 'agents', agentBusySince: 0 },
      { type: 'callback-dialed', time: 100, callerId: 1, ...call, attempt: 1, group: 'agents', arrivalTime: 10, counted: true },
      { type: 'callback-unanswered', time: 110, callerId: 1, ...call, attempt: 1, group: 'agents', arrivalTime: 10, counted: true, agentBusySince: 100 },
      { type: 'callback-dialed', time: 140, callerId: 1, ...call, attempt: 2, group: 'agents', arrivalTime: 10, counted: true },
      { type: 'callback-connected', time: 150, callerId: 1, ...call, delaySeconds: 140, group: 'agents', arrivalTime: 10, counted: true },
      { type: 'call-ended', time: 250, callerId: 1, ...call, group: 'agents', agentBusySince: 140 },
    ]);
  });

  it('summarize() over these events alone, through JSON, gives the report of the same run', async () => {
    const { events, report } = scriptedRun(scenario, { main: [0, 10] }, { answers: (_callerId, attempt) => attempt === 2 });
    const started: SimEvent = { type: 'run-started', time: 0, window: metricsWindow(resolveScenario(scenario)) };
    const ended: SimEvent = { type: 'run-ended', time: 300 };
    expect(await summarized(throughJson([started, ...events, ended]))).toEqual(report);
    // Caller 0 arrived in the warm-up: only caller 1 counts, called back on the second dial
    // 140 s after their call.
    expect(report.callers.offered).toBe(1);
    expect(report.callback).toEqual({ offered: 1, accepted: 1, connected: 1, failed: 0, attempts: 2, meanDelaySeconds: 140 });
    // The day is one row: the agent was busy in it with the call 0-100, the unanswered dial
    // 100-110 and the callback 140-250, 220 s of 300.
    expect(report.intervals).toHaveLength(1);
    expect(report.intervals[0]!.busyAgents).toBeCloseTo(220 / 300, 12);
  });
});

describe('every example scenario', () => {
  const dir = new URL('../../examples/scenarios/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((file) => /\.(ya?ml|json)$/.test(file)).sort();

  // (Through JSON on the random scenarios below: a whole example day is tens of megabytes.)
  it.each(files)('%s: the events replay the model calls exactly, and summarize() over them deep-equals run()', async (file) => {
    const scenario = { ...(await loadScenarioFile(dir + file)), seed: 7 };
    const events = await eventsOf(scenario);
    expect(firstDifference(replayedCalls(events), modelCalls(scenario))).toBeUndefined();
    expect(await summarized(events)).toEqual(await run(scenario));
  });
});

describe('random multi-line scenarios (warm-up, redials, callbacks, closing, wrap-up)', () => {
  test.prop([multiLineScenario], { numRuns: RUNS })('the events replayed are exactly the calls the model made', async (scenario) => {
    const { events } = await simulatedOnce(scenario);
    expect(firstDifference(replayedCalls(events), modelCalls(scenario))).toBeUndefined();
  });

  test.prop([multiLineScenario], { numRuns: RUNS })('summarize() over the events read back from JSON deep-equals run()', async (scenario) => {
    const { events, report } = await simulatedOnce(scenario);
    expect(await summarized(throughJson(events))).toEqual(report);
  });

  test.prop([multiLineScenario], { numRuns: RUNS })("the events of one line alone give that line's report of run()", async (scenario) => {
    const { events, report } = await simulatedOnce(scenario);
    for (const line of scenario.lines) {
      const kept = events.filter((e) => !('line' in e) || e.line === line.name);
      expect((await summarized(kept)).lines[line.name], line.name).toEqual(report.lines[line.name]);
    }
  });

  // Each event adds its own part, so the counts of a stream cut in two add up to the whole,
  // including the calls answered, abandoned or called back in the second part that arrived in
  // the first.
  test.prop([multiLineScenario], { numRuns: RUNS })('counts are additive over a stream cut in two at any event', async (scenario) => {
    const { events, report } = await simulatedOnce(scenario);
    const [started, ...rest] = events;
    const cut = Math.floor(rest.length / 2);
    const first = await summarized([started!, ...rest.slice(0, cut)]);
    const second = await summarized([started!, ...rest.slice(cut)]);
    const counts = (r: Report) => ({
      callers: r.callers,
      callback: { ...r.callback, meanDelaySeconds: 0 },
      redials: r.redials,
      bins: r.holdDistribution.map((bin) => bin.callers),
      rows: r.intervals.map((row) => [row.arrivals, row.answered, row.abandoned, row.balked, row.busy, row.disconnected, row.callbacksAccepted]),
      answeredByGroup: Object.values(r.groups).map((group) => group.answered),
    });
    const sum = (a: unknown, b: unknown): unknown =>
      typeof a === 'number' ? a + (b as number) : Array.isArray(a) ? a.map((x, i) => sum(x, (b as unknown[])[i])) : Object.fromEntries(Object.entries(a as object).map(([k, v]) => [k, sum(v, (b as Record<string, unknown>)[k])]));
    expect(sum(counts(first), counts(second))).toEqual(counts(report));
  });
});

describe('summarize() errors at the boundary', () => {
  const window = { warmupSeconds: 0, durationSeconds: 60, serviceLevelSeconds: 20, intervalSeconds: 60, lines: [{ name: 'main', serviceLevelSeconds: 20, maxCalls: 1 }], groups: ['agents'] };
  const errorOf = (events: unknown[]) => lastValueFrom(from(events as SimEvent[]).pipe(summarize())).catch((error: unknown) => error);

  it('names every bad field of an event by its path in the stream, with what was expected', async () => {
    const error = await errorOf([
      { type: 'run-started', time: 0, window },
      { type: 'arrival', time: 1, callerId: 0, line: 'main', attempt: 1, counted: true },
      // As a stream without the fields the report needs, and with names the run does not have.
      { type: 'answered', time: 5, callerId: 0, line: 'side', holdSeconds: 4, group: 'nobody' },
    ]);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => [p.path, p.expected, p.received])).toEqual([
      ['events[2].arrivalTime', 'a time in seconds', undefined],
      ['events[2].line', 'a line of the run (main)', 'side'],
      ['events[2].group', 'a group of the run (agents)', 'nobody'],
      ['events[2].counted', 'true or false', undefined],
    ]);
  });

  it('an unknown type, and a stream that does not start with run-started', async () => {
    const unknown = await errorOf([{ type: 'run-started', time: 0, window }, { type: 'teleported', time: 1 }]);
    expect((unknown as InvalidInputError).problems[0]).toMatchObject({ path: 'events[1].type', received: 'teleported' });
    const unstarted = await errorOf([{ type: 'run-ended', time: 1 }]);
    expect((unstarted as InvalidInputError).problems[0]).toMatchObject({ path: 'events[0].type', received: 'run-ended' });
    const empty = await errorOf([]);
    expect(empty).toBeInstanceOf(InvalidInputError);
  });
});
