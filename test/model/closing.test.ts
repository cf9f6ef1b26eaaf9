import { describe, expect, it } from 'vitest';
import { run, scenarioProblems, type MultiLineScenario, type SingleLineScenario } from '../../src';
import { loadScenarioFile } from '../../src/node';
import { scriptedRun, timeline } from '../support/scripted';

// Closing (docs/design-decisions.md, "Closing"): worked examples with every event time written
// out, and the agency example, whose last half hour used to gather the redials that came after
// closing.
describe('closing', () => {
  // One agent, fixed 400 s calls, patience 450 s, a keep-place callback that only #4 takes; the
  // line closes at 600 s and disconnects whoever still holds.
  const disconnecting: SingleLineScenario = {
    durationSeconds: 600,
    arrivals: { perHour: 1 }, // replaced by the scripted arrival times
    agents: 1,
    handleTime: { type: 'fixed', seconds: 400 },
    patience: { type: 'fixed', seconds: 450 },
    callback: { offer: 'always', optIn: { probability: 0.5 } },
    atClose: 'disconnect',
  };

  it("atClose 'disconnect': callers on hold at closing hear the announcement (outcome closed); a callback request is still dialed", () => {
    const { events, report } = scriptedRun(disconnecting, [0, 100, 300, 550, 580], { optInUniform: (id) => (id === 4 ? 0 : 0.9) });
    expect(timeline(events).filter(([, type]) => type !== 'agents-changed' && type !== 'arrival' && type !== 'callback-offered')).toEqual([
      [0, 'answered', 0], //             the agent is free: 0 to 400
      [400, 'call-ended', 0],
      [400, 'answered', 1], //           #1 held from 100: 300 s, within a patience of 450 s; 400 to 800
      [580, 'callback-accepted', 4], //  #4 keeps their place behind #2 and #3
      // Closing at 600: #2 (on hold since 300) and #3 (since 550) are disconnected, before their
      // patience (750, 1,000) runs out; #4's request stays.
      [600, 'closed', 2],
      [600, 'closed', 3],
      [800, 'call-ended', 1],
      [800, 'callback-dialed', 4], //    dialed at once (dialSeconds 0) and answered
      [800, 'callback-connected', 4],
      [1200, 'call-ended', 4],
    ]);
    const closed = events.filter((e) => e.type === 'closed').map((e) => (e.type === 'closed' ? e.holdSeconds : NaN));
    expect(closed).toEqual([300, 50]);
    expect(report.callers).toEqual({ offered: 5, answered: 2, abandoned: 0, balked: 0, busy: 0, disconnected: 0, closed: 2 });
    // The callers who held: #0 (0 s), #1 (300 s), #2 (300 s), #3 (50 s); #4 took the callback.
    expect(report.hold.callers).toBe(4);
    expect(report.hold.totalHoldHours).toBeCloseTo(650 / 3600, 12);
    expect(report.hold.meanSeconds).toBeCloseTo(650 / 4, 9);
    expect(report.abandonment.fraction).toBe(0);
    expect(report.people).toEqual({ offered: 5, served: 3, gaveUp: 2 });
    expect(report.callback.connected).toBe(1);
  });

  it("atClose 'serve' (the default): the same callers are served after closing", () => {
    const { events, report } = scriptedRun({ ...disconnecting, atClose: 'serve' }, [0, 100, 300, 550, 580], { optInUniform: (id) => (id === 4 ? 0 : 0.9) });
    expect(events.some((e) => e.type === 'closed')).toBe(false);
    // #2 holds from 300 to 800 (500 s): past their patience of 450 s, so they abandon at 750;
    // #3 is answered at 800 (250 s), before the request behind them.
    expect(timeline(events).filter(([, type]) => type === 'abandoned' || type === 'answered')).toEqual([
      [0, 'answered', 0], [400, 'answered', 1], [750, 'abandoned', 2], [800, 'answered', 3],
    ]);
    expect(report.callers.closed).toBe(0);
  });

  it('a redial that would come after closing is lost (redials.afterClose), is no call, and is in no row', () => {
    // One agent busy 0 to 1,000 with #0; #1 (arrives 10) hangs up after 100 s and redials 200 s
    // later, every time: the first redial at 310 is a call (before closing at 600), it is
    // abandoned at 410, and the next would come at 610, after closing: lost.
    const scenario: SingleLineScenario = {
      durationSeconds: 600,
      arrivals: { perHour: 1 },
      agents: 1,
      handleTime: { type: 'fixed', seconds: 1000 },
      patience: { type: 'fixed', seconds: 100 },
      redial: { probability: 1, delay: { type: 'fixed', seconds: 200 } },
    };
    const { events, report } = scriptedRun(scenario, [0, 10]);
    expect(timeline(events).filter(([, type]) => type !== 'agents-changed')).toEqual([
      [0, 'arrival', 0],
      [0, 'answered', 0],
      [10, 'arrival', 1],
      [110, 'abandoned', 1],
      [310, 'arrival', 1],
      [410, 'abandoned', 1],
      [610, 'redial-after-close', 1],
      [1000, 'call-ended', 0],
    ]);
    expect(report.redials).toEqual({ calls: 1, afterClose: 1 });
    expect(report.callers.offered).toBe(3);
    expect(report.people).toEqual({ offered: 2, served: 1, gaveUp: 1 });
    expect(report.intervals.map((row) => row.arrivals)).toEqual([3]);
  });

  it("a roster may end at 0 once no line it serves is open: after closing, on lines that disconnect at closing and offer no callback", async () => {
    const center = (atClose: 'serve' | 'disconnect'): MultiLineScenario => ({
      durationSeconds: 3600,
      lines: [{
        name: 'a', atClose, arrivals: { perHour: 50 }, handleTime: { type: 'exponential', meanSeconds: 240 },
        routing: [{ group: 'day' }, { group: 'late', afterSeconds: 60 }],
      }],
      groups: [
        { name: 'day', agents: { intervalSeconds: 1800, perInterval: [3, 3, 0] } }, // 0 from 3,600 s, the closing
        { name: 'late', agents: { intervalSeconds: 1800, perInterval: [1, 1, 0] } },
      ],
    });
    expect(scenarioProblems(center('disconnect'))).toEqual([]);
    expect(scenarioProblems(center('serve'))).toEqual([
      expect.objectContaining({ path: 'lines[0].routing', expected: expect.stringMatching(/atClose: 'disconnect'/) }),
    ]);
    // Closing at the last interval's start is not enough when the roster's 0 comes before it.
    const early = center('disconnect');
    early.groups[1]!.agents = { intervalSeconds: 1800, perInterval: [1, 0] };
    early.groups[0]!.agents = { intervalSeconds: 1800, perInterval: [3, 0] };
    expect(scenarioProblems(early).map((p) => p.path)).toEqual(['lines[0].routing']);
    const single: SingleLineScenario = {
      durationSeconds: 3600, atClose: 'disconnect', arrivals: { perHour: 50 }, handleTime: { type: 'fixed', seconds: 240 },
      agents: { intervalSeconds: 1800, perInterval: [3, 3, 0] },
    };
    expect(scenarioProblems(single)).toEqual([]);
    expect(scenarioProblems({ ...single, atClose: 'serve' }).map((p) => p.path)).toEqual(['agents.perInterval[2]']);
    // It runs to its end: every person has an outcome, nobody holds after closing.
    const report = await run(center('disconnect'));
    const { callers } = report;
    expect(callers.answered + callers.closed + callers.abandoned).toBe(callers.offered);
    expect(report.people.served + report.people.gaveUp).toBe(report.people.offered);
  });

  it("the agency example's last half hour has no surge of after-closing redials: its calls are within 15% of the half hour before", async () => {
    // The scenario's expected first calls, all lines together, are 210 in its 23rd half hour
    // and 175 in the last (individuals 135 and 115); redials come on top. Before closing was
    // modelled, the redials after 19:00 were counted in the last half hour: 539 calls against
    // 334 the half hour before (+61%), 431 against 226 on the individuals' line (+91%), with
    // the example's seed. Now 331 against 334, and 251 against 226: the 15% bound fails a
    // surge like the old one by far.
    const scenario = await loadScenarioFile('examples/scenarios/agency-lines.yaml');
    const report = await run(scenario);
    const rows = report.intervals;
    const [before, last] = [rows.at(-2)!.arrivals, rows.at(-1)!.arrivals];
    expect(Math.abs(last / before - 1)).toBeLessThanOrEqual(0.15);
    const individuals = report.lines.individuals!.intervals;
    const [lineBefore, lineLast] = [individuals.at(-2)!.arrivals, individuals.at(-1)!.arrivals];
    expect(Math.abs(lineLast / lineBefore - 1)).toBeLessThanOrEqual(0.15);
    expect(report.redials.afterClose).toBeGreaterThan(0);
  });
});
