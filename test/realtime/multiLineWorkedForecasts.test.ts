import { describe, expect, it } from 'vitest';
import { createWaitForecaster, forecastWait, type Distribution, type Line, type MultiLineScenario, type MultiLineSnapshot } from '../../src';

// Multi-line forecasts by worked examples: fixed handle times and patience, deterministic
// balking and courtesy disconnects, so every future is the same future and the forecast wait
// is a number computed by hand from the model's rules (DESIGN.md, "Many lines, agent groups,
// redials" and "Real time"). Only the public API is used: these hold for any forecaster that
// simulates the model from the snapshot's state.
const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

function center(lines: Line[], groups: MultiLineScenario['groups']): MultiLineScenario {
  return { durationSeconds: 8 * 3600, lines, groups };
}

/** The forecast for a caller arriving now on `line`, which must be the same in every future. */
function exactWait(scenario: MultiLineScenario, snapshot: MultiLineSnapshot, line: string) {
  const forecast = forecastWait(scenario, snapshot, { line, replications: 200, seed: 9 });
  // Every future gives the same wait: the median is the mean.
  expect(forecast.p50Seconds).toBeCloseTo(forecast.meanSeconds, 9);
  return forecast;
}

describe('delayed overflow in a forecast', () => {
  // B's calls go to `shared` at once (400 s) and to `backup` after 120 s on hold (200 s there).
  // shared's one agent is 100 s into a 400 s call: free at 300. backup's one agent is idle.
  const scenario = center(
    [{ name: 'B', arrivals: { perHour: 0 }, handleTime: fixed(400), routing: [{ group: 'shared' }, { group: 'backup', afterSeconds: 120, handleTime: fixed(200) }] }],
    [{ name: 'shared', agents: 1 }, { name: 'backup', agents: 1 }],
  );

  it('the new caller waits for the backup route to open, 120 s', () => {
    const snapshot: MultiLineSnapshot = { lines: { B: {} }, groups: { shared: { agents: 1, busy: [{ elapsedSeconds: 100, line: 'B' }] }, backup: { agents: 1 } } };
    // Ignoring the delay answers 0; doubling it answers 240.
    expect(exactWait(scenario, snapshot, 'B')).toMatchObject({ meanSeconds: 120, probAbandon: 0 });
  });

  it('a caller ahead who has waited 100 s takes backup first, at 20 s, for 200 s: the new caller is answered at 220', () => {
    const snapshot: MultiLineSnapshot = {
      lines: { B: { hold: [{ waitedSeconds: 100 }] } },
      groups: { shared: { agents: 1, busy: [{ elapsedSeconds: 100, line: 'B' }] }, backup: { agents: 1 } },
    };
    // The caller ahead reaches backup at 120 - 100 = 20 s; their 200 s call ends at 220, before
    // shared frees at 300. Without the delay: 0 + 200 = 200; doubled: 240 - 100 + 200 = 340.
    expect(exactWait(scenario, snapshot, 'B').meanSeconds).toBeCloseTo(220, 9);
  });
});

describe("other lines' callers in a forecast", () => {
  // A has priority over B; both are served by `shared`, one agent, 300 s calls, now 0 s into
  // one (free at 300). A's callers arrive at 36 an hour but only for the next 200 s (its roster
  // of arrivals ends at 01:00 and the snapshot is at 00:56:40): about 2 of them.
  const snapshotAt = 3600 - 200;
  const lineA = (extra: Partial<Line>): Line => ({
    name: 'A',
    priority: 1,
    arrivals: { intervalSeconds: 3600, perInterval: [36, 0, 0, 0, 0, 0, 0, 0] },
    handleTime: fixed(300),
    routing: [{ group: 'shared' }],
    ...extra,
  });
  const lineB: Line = { name: 'B', arrivals: { perHour: 0 }, handleTime: fixed(300), routing: [{ group: 'shared' }] };
  const busy = (holdA: MultiLineSnapshot['lines'][string] = {}): MultiLineSnapshot => ({
    lines: { A: holdA, B: {} },
    groups: { shared: { agents: 1, busy: [{ elapsedSeconds: 0, line: 'B' }] } },
    timeOfDaySeconds: snapshotAt,
  });

  it("A's callers hang up after 60 s: every one of them is gone before the agent frees, B waits 300 s", () => {
    // The latest of A's callers arrives before 200 s and leaves by 260 s; the one on hold now
    // (30 s in) leaves at 30 s. Were they never to abandon, the agent would take each of them
    // first (priority): 300 s more per caller of A, a mean wait of 300 + 300 (1 + 2) = 1,200 s.
    const scenario = center([lineA({ patience: fixed(60) }), lineB], [{ name: 'shared', agents: 1 }]);
    expect(exactWait(scenario, busy({ hold: [{ waitedSeconds: 30 }] }), 'B').meanSeconds).toBeCloseTo(300, 9);
  });

  it("A's callers all balk (probability 1): B waits 300 s", () => {
    const scenario = center([lineA({ balking: { probability: 1 } }), lineB], [{ name: 'shared', agents: 1 }]);
    expect(exactWait(scenario, busy(), 'B').meanSeconds).toBeCloseTo(300, 9);
  });

  it("A holds one caller and disconnects every later one (maxOnHold 1): B waits for 2 calls, 600 s", () => {
    const scenario = center([lineA({ maxOnHold: 1 }), lineB], [{ name: 'shared', agents: 1 }]);
    expect(exactWait(scenario, busy({ hold: [{ waitedSeconds: 30 }] }), 'B').meanSeconds).toBeCloseTo(600, 9);
  });

  it("without those, A's later callers do go first: the wait is longer than 300 s in most futures", () => {
    // The counterpart of the three above: the same arrivals, kept, delay B (P(no arrival of A in
    // 200 s) = e^-2 = 0.14, so the median future has at least one).
    const scenario = center([lineA({}), lineB], [{ name: 'shared', agents: 1 }]);
    const forecast = forecastWait(scenario, busy(), { line: 'B', replications: 2000, seed: 4 });
    expect(forecast.p50Seconds).toBeGreaterThanOrEqual(600);
  });
});

describe('the roster and callbacks in a forecast', () => {
  const lineB = (extra: Partial<Line> = {}): Line => ({ name: 'B', arrivals: { perHour: 0 }, handleTime: fixed(300), routing: [{ group: 'shared' }], ...extra });

  it('a group whose roster has dropped below its calls in progress: the first agent to finish goes home', () => {
    // One agent scheduled, two in calls (ending at 100 s and 200 s): the first goes home at 100,
    // the second takes the new caller at 200. Kept on, the first would take them at 100.
    // A snapshot never has more calls in progress than agents on duty, so the drop is the
    // roster's: 2 agents until 600 s, 1 after; the snapshot is taken at 600 s with both in calls.
    const scenario = center([lineB()], [{ name: 'shared', agents: { intervalSeconds: 600, perInterval: [2, 1] } }]);
    const snapshot: MultiLineSnapshot = {
      lines: { B: {} },
      timeOfDaySeconds: 600,
      groups: { shared: { agents: 2, busy: [{ elapsedSeconds: 200, line: 'B' }, { elapsedSeconds: 100, line: 'B' }] } },
    };
    expect(exactWait(scenario, snapshot, 'B').meanSeconds).toBeCloseTo(200, 9);
  });

  it('a callback request ahead takes the agent for the dial and the call: 50 + 30 + 100 = 180 s', () => {
    // The agent frees at 50 s, dials the request (30 s), the person answers (probability 1) and
    // talks 100 s (the callback's handle time): the new caller is answered at 180, 150 without the dial.
    const scenario = center(
      [lineB({ callback: { offer: 'always', optIn: { probability: 0 }, dialSeconds: 30, handleTime: fixed(100) } })],
      [{ name: 'shared', agents: 1 }],
    );
    const snapshot: MultiLineSnapshot = {
      lines: { B: { callbacks: [{ waitedSeconds: 40, attempts: 0 }] } },
      groups: { shared: { agents: 1, busy: [{ elapsedSeconds: 250, line: 'B' }] } },
    };
    expect(exactWait(scenario, snapshot, 'B').meanSeconds).toBeCloseTo(180, 9);
  });
});

describe('offerCallback follows the line rule on the state now', () => {
  // B is answered at once by `shared` (3 agents) and by `backup` (5 agents) after 60 s; its
  // mean handle time is 300 s. All agents busy.
  const scenario = (offer: NonNullable<Line['callback']>['offer']): MultiLineScenario =>
    center(
      [{ name: 'B', arrivals: { perHour: 0 }, handleTime: fixed(300), routing: [{ group: 'shared' }, { group: 'backup', afterSeconds: 60 }], callback: { offer, optIn: { probability: 0.5 } } }],
      [{ name: 'shared', agents: 3 }, { name: 'backup', agents: 5 }],
    );
  const snapshot = (hold: number, callbacks: number): MultiLineSnapshot => ({
    lines: { B: { hold: Array.from({ length: hold }, () => ({ waitedSeconds: 5 })), callbacks: Array.from({ length: callbacks }, () => ({ waitedSeconds: 5, attempts: 0 })) } },
    groups: {
      shared: { agents: 3, busy: Array.from({ length: 3 }, () => ({ elapsedSeconds: 10, line: 'B' })) },
      backup: { agents: 5, busy: Array.from({ length: 5 }, () => ({ elapsedSeconds: 10, line: 'B' })) },
    },
  });
  const offers = (s: MultiLineScenario, hold: number, callbacks: number) => createWaitForecaster(s)(snapshot(hold, callbacks), { line: 'B', replications: 20 }).offerCallback;

  it('whenQueueAtLeast counts callers on hold and callback requests waiting', () => {
    const atLeast2 = scenario({ whenQueueAtLeast: 2 });
    expect([offers(atLeast2, 0, 0), offers(atLeast2, 1, 0), offers(atLeast2, 2, 0), offers(atLeast2, 1, 1), offers(atLeast2, 0, 2)]).toEqual([false, false, true, true, true]);
  });

  it('whenEstimatedWaitAtLeastSeconds: (entries + 1) x 300 s / the 3 agents of the groups that take B at once', () => {
    // 2 entries: (2 + 1) x 300 / 3 = 300 s. Counting backup's 5 agents would give 112.5 s.
    expect(offers(scenario({ whenEstimatedWaitAtLeastSeconds: 300 }), 1, 1)).toBe(true);
    expect(offers(scenario({ whenEstimatedWaitAtLeastSeconds: 301 }), 1, 1)).toBe(false);
    expect(offers(scenario({ whenEstimatedWaitAtLeastSeconds: 200 }), 0, 0)).toBe(false); // 100 s
    expect(offers(scenario({ whenEstimatedWaitAtLeastSeconds: 100 }), 0, 0)).toBe(true);
  });

  it('is never offered to a caller answered at once', () => {
    const idle = snapshot(0, 0);
    idle.groups.shared!.agents = 4;
    expect(createWaitForecaster(scenario('always'))(idle, { line: 'B' })).toMatchObject({ meanSeconds: 0, offerCallback: false });
  });
});
