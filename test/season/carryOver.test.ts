import { describe, expect, it } from 'vitest';
import { QuietObserver } from '../../src/model';
import { resolveScenario, type SingleLineScenario } from '../../src/scenario';
import { runSeasonSync } from '../../src/season';

// People who call again on a later day (docs/design-decisions.md, "The calendar"): a worked
// example with every event time written out.
class Timeline extends QuietObserver {
  readonly events: Array<[day: number, time: number, what: string, callerId: number, attempt?: number]> = [];
  day = 0;
  override arrival(time: number, callerId: number, _line: number, attempt: number): void {
    if (time === 0 && attempt === 1 && this.events.some(([day, t]) => day === this.day && t > 0)) this.day++;
    this.events.push([this.day, time, 'arrival', callerId, attempt]);
  }
  override answered(time: number, callerId: number): void {
    this.events.push([this.day, time, 'answered', callerId]);
  }
  override abandoned(time: number, callerId: number): void {
    this.events.push([this.day, time, 'abandoned', callerId]);
  }
  override redialAfterClose(time: number, callerId: number): void {
    this.events.push([this.day, time, 'redial-after-close', callerId]);
  }
}

describe('a calendar: people who give up on Monday and call again on Tuesday', () => {
  // One agent on Monday and two on Tuesday, calls of 3,600 s, patience 600 s, everyone sent away
  // calls again 1,800 s later (at most 4 calls); each day closes at 3,600 s.
  const season: SingleLineScenario = {
    durationSeconds: 3600,
    arrivals: { perHour: 1 }, // replaced by the scripted arrival times
    agents: 1,
    handleTime: { type: 'fixed', seconds: 3600 },
    patience: { type: 'fixed', seconds: 600 },
    redial: { probability: 1, delay: { type: 'fixed', seconds: 1800 }, maxAttempts: 4 },
    calendar: { days: [{ date: '2026-03-02' }, { date: '2026-03-03', agents: 2 }] },
  };
  // Monday: #0 at 0 and #1 at 100; Tuesday: #2 (a new person) at 0.
  const arrivals = [[0, 100], [0]];

  it('a redial that falls after closing comes the next day, the same person, at the opening plus what ran past closing', () => {
    const timeline = new Timeline();
    const report = runSeasonSync(resolveScenario(season), timeline, (day) => ({ arrivalTimes: arrivals[day]! }));
    // Timeline's day counter turns on the second day's first arrival at 0.
    expect(timeline.events).toEqual([
      [0, 0, 'arrival', 0, 1], [0, 0, 'answered', 0], //  #0: the only agent, busy 0 to 3,600
      [0, 100, 'arrival', 1, 1], [0, 700, 'abandoned', 1], //  #1 holds 600 s, calls again at 700 + 1,800
      [0, 2500, 'arrival', 1, 2], [0, 3100, 'abandoned', 1], // the agent is still busy: 600 s more
      [0, 4900, 'redial-after-close', 1], //  3,100 + 1,800 = 4,900: 1,300 s past closing at 3,600
      [1, 0, 'arrival', 2, 1], [1, 0, 'answered', 2], //  Tuesday: #2, a new person (ids go on from Monday's)
      [1, 1300, 'arrival', 1, 3], [1, 1300, 'answered', 1], //  #1's third call, 1,300 s after opening: the second agent
    ]);
    const [monday, tuesday] = report.days;
    expect(monday).toMatchObject({ date: '2026-03-02', weekday: 'Mon', calls: 3, answered: 1, abandoned: 2, people: 2, served: 1, carriedIn: 0, carriedOut: 1, redials: 1 });
    expect(tuesday).toMatchObject({ date: '2026-03-03', weekday: 'Tue', calls: 2, answered: 2, abandoned: 0, people: 1, served: 2, carriedIn: 1, carriedOut: 0, redials: 1 });
    // Counted once as people: #0, #1 and #2, all served in the end; #1's three calls are calls.
    expect(report.people).toEqual({ offered: 3, served: 3, gaveUp: 0 });
    expect(report.callers).toMatchObject({ offered: 5, answered: 3, abandoned: 2 });
    expect(report.redials).toEqual({ calls: 2, afterClose: 0 });
    // Hold: #1's two abandoned calls of 600 s; everyone else was answered at once.
    expect(report.hold.callers).toBe(5);
    expect(report.hold.totalHoldHours).toBeCloseTo(1200 / 3600, 12);
    expect(report.hold.meanSeconds).toBeCloseTo(240, 9);
    expect(report.hold.maxSeconds).toBe(600);
    expect(report.abandonment.fraction).toBeCloseTo(2 / 5, 12);
    // The days' rows follow each other: Tuesday's first interval starts a day after Monday's.
    expect(report.intervals.map((row) => row.intervalStart)).toEqual([0, 86_400]);
    expect(report.weeks).toMatchObject([{ week: '2026-W10', firstDate: '2026-03-02', lastDate: '2026-03-03', days: 2, calls: 5, people: 3, served: 3 }]);
  });

  it('a redial past the next day\'s closing, or after the last day, is lost (redials.afterClose)', () => {
    const report = runSeasonSync(resolveScenario({ ...season, calendar: { days: [{ date: '2026-03-02' }] } }), undefined, () => ({ arrivalTimes: [0, 100] }));
    expect(report.people).toEqual({ offered: 2, served: 1, gaveUp: 1 });
    expect(report.redials.afterClose).toBe(1);
    // Tuesday closes after 1,000 s: #1's redial at 1,300 s would come after it.
    const short = runSeasonSync(
      resolveScenario({ ...season, calendar: { days: [{ date: '2026-03-02' }, { date: '2026-03-03', durationSeconds: 1000 }] } }),
      undefined,
      (day) => ({ arrivalTimes: arrivals[day]! }),
    );
    expect(short.days[1]).toMatchObject({ carriedIn: 0, calls: 1 });
    expect(short.redials.afterClose).toBe(1);
    expect(short.people).toEqual({ offered: 3, served: 2, gaveUp: 1 });
  });

  it("a carried person keeps their patience where redial.keep says so (and draws anew from their key where it does not)", () => {
    // Monday closes at 600 s; its only agent is busy with #0 until 3,600 s, so #1 (at 100 s)
    // abandons after their patience p and calls again p + 1,800 s later: after closing, so on
    // Tuesday, which opens with #2 taking its only agent for an hour, at p + 1,300 s.
    const holds = (keep: ReadonlyArray<'patience'>) => {
      const timeline = new Timeline();
      runSeasonSync(resolveScenario({
        ...season,
        durationSeconds: 600,
        patience: { type: 'lognormal', meanSeconds: 300, cv: 1 },
        redial: { probability: 1, delay: { type: 'fixed', seconds: 1800 }, maxAttempts: 2, keep },
        calendar: { days: [{ date: '2026-03-02' }, { date: '2026-03-03', durationSeconds: 7200 }] },
      }), timeline, (day) => ({ arrivalTimes: arrivals[day]! }));
      const calls = timeline.events.filter(([, , what, id]) => id === 1 && (what === 'arrival' || what === 'abandoned'));
      expect(calls.map(([day, , what]) => [day, what])).toEqual([[0, 'arrival'], [0, 'abandoned'], [1, 'arrival'], [1, 'abandoned']]);
      return [calls[1]![1] - calls[0]![1], calls[3]![1] - calls[2]![1]];
    };
    const [monday, tuesday] = holds(['patience']);
    expect(tuesday).toBeCloseTo(monday!, 9);
    const [first, again] = holds([]);
    expect(first).toBeCloseTo(monday!, 9);
    expect(again).not.toBeCloseTo(first!, 3);
  });
});
