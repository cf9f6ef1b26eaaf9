import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runSync, scenarioProblems, type MultiLineScenario, type SeasonReport } from '../../src';
import { QuietObserver } from '../../src/model';
import { resolveScenario } from '../../src/scenario';
import { runSeasonSync } from '../../src/season';
import { calendarScenario } from '../support/calendarArbitraries';

// Invariants of a season (docs/design-decisions.md, "The calendar") over random calendars of 2
// to 4 days (test/support/calendarArbitraries.ts). The days' runs are followed through an
// observer of the model, a day at a time, with bookkeeping of its own (who is counted, each
// person's calls and how the last one ended, who is carried to the next day), and the season's
// report is checked against it. The one-day model's own invariants are
// test/model/multiLineProperties.test.ts's; these are the ones that span days.

const RUNS = 60;

/** What happened to a person so far: a call under way, how their last call ended, or a redial waiting for the next day. */
type State = { kind: 'calling' } | { kind: 'ended'; served: boolean } | { kind: 'carried'; day: number; afterCloseSeconds: number };

interface Person {
  firstDay: number;
  counted: boolean;
  state: State;
  /** The day of the answer or callback that served them last, if their last call was served. */
  servedOn?: number;
}

/** Each day's events as the model tells them, with what breaks an invariant on the way (the first few). */
class SeasonLog extends QuietObserver {
  day = 0;
  readonly people = new Map<number, Person>();
  readonly violations: string[] = [];
  /** Per day: the times of its events in order, counted calls, people carried in, counted people carried out. */
  readonly times: number[][] = [];
  readonly calls: number[] = [];
  readonly carriedIn: number[] = [];
  readonly carriedOut: number[] = [];

  constructor(
    private readonly warmup: number,
    private readonly closings: readonly number[],
  ) {
    super();
  }

  /** The season's day `index` begins: called as its center is made, before any of its events. */
  begin(index: number): void {
    this.day = index;
    this.times.push([]);
    this.calls.push(0);
    this.carriedIn.push(0);
    this.carriedOut.push(0);
  }

  private check(ok: boolean, what: () => string): void {
    if (!ok && this.violations.length < 5) this.violations.push(`day ${this.day}: ${what()}`);
  }

  private at(time: number): void {
    this.times[this.day]!.push(time);
  }

  override arrival(time: number, callerId: number, _line: number, attempt: number, counted: boolean): void {
    this.at(time);
    const closing = this.closings[this.day]!;
    let person = this.people.get(callerId);
    if (attempt === 1) {
      this.check(person === undefined, () => `person ${callerId} makes a first call twice`);
      // Counted: a first call in [warmup, closing) of its day; their redials count with them.
      person = { firstDay: this.day, counted: time >= this.warmup && time < closing, state: { kind: 'calling' } };
      this.people.set(callerId, person);
    } else if (person === undefined) {
      this.check(false, () => `${time} s: a redial of person ${callerId}, who never called`);
      return;
    } else if (person.state.kind === 'carried') {
      // Carried from the day before: at the opening plus the part of the redial delay past its closing.
      const { day, afterCloseSeconds } = person.state;
      this.check(day === this.day - 1 && time === afterCloseSeconds && time < closing, () => `${time} s: person ${callerId} carried from day ${day} ${afterCloseSeconds} s past closing`);
      this.carriedIn[this.day]!++;
    } else {
      this.check(person.state.kind === 'ended', () => `${time} s: person ${callerId} calls again before their call ended`);
    }
    this.check(counted === person.counted, () => `${time} s: person ${callerId}'s call counted ${counted}, their first call says ${person.counted}`);
    person.state = { kind: 'calling' };
    if (person.counted) this.calls[this.day]!++;
  }

  override transferred(time: number, callerId: number): void {
    this.at(time);
    const person = this.people.get(callerId);
    this.check(person?.state.kind === 'ended' && person.state.served, () => `${time} s: person ${callerId} transferred without being answered`);
    if (!person) return;
    person.state = { kind: 'calling' };
    if (person.counted) this.calls[this.day]!++;
  }

  private ended(time: number, callerId: number, served: boolean): void {
    this.at(time);
    const person = this.people.get(callerId);
    this.check(person?.state.kind === 'calling', () => `${time} s: an outcome of person ${callerId}, who has no call under way`);
    if (!person) return;
    person.state = { kind: 'ended', served };
    if (served) person.servedOn = this.day;
    else delete person.servedOn;
  }

  override answered(time: number, callerId: number): void {
    this.ended(time, callerId, true);
  }
  override callbackConnected(time: number, callerId: number): void {
    this.ended(time, callerId, true);
  }
  override abandoned(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override balked(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override busySignal(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override disconnected(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override closed(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override callbackFailed(time: number, callerId: number): void {
    this.ended(time, callerId, false);
  }
  override timedOut(time: number, callerId: number, _arrivalTime: number, _line: number, _counted: boolean, toCallback: boolean): void {
    // A timeout turned into a callback request leaves the call to the request.
    if (toCallback) this.at(time);
    else this.ended(time, callerId, false);
  }

  override redialAfterClose(time: number, callerId: number): void {
    this.at(time);
    const closing = this.closings[this.day]!;
    const person = this.people.get(callerId);
    this.check(time >= closing && person?.state.kind === 'ended' && !person.state.served, () => `${time} s: a redial after closing (${closing} s) of person ${callerId}, not sent away`);
    if (!person) return;
    person.state = { kind: 'carried', day: this.day, afterCloseSeconds: time - closing };
    if (person.counted) this.carriedOut[this.day]!++;
  }

  // The rest only for the clock.
  override callEnded(time: number): void {
    this.at(time);
  }
  override wrapUpEnded(time: number): void {
    this.at(time);
  }
  override transferLost(time: number): void {
    this.at(time);
  }
  override agentsChanged(time: number): void {
    this.at(time);
  }
  override callbackOffered(time: number): void {
    this.at(time);
  }
  override callbackAccepted(time: number): void {
    this.at(time);
  }
  override callbackDialed(time: number): void {
    this.at(time);
  }
  override callbackUnanswered(time: number): void {
    this.at(time);
  }
}

/** The season run with its log. */
function season(scenario: MultiLineScenario, closings: readonly number[]): { report: SeasonReport; log: SeasonLog } {
  expect(scenarioProblems(scenario)).toEqual([]);
  const resolved = resolveScenario(scenario);
  expect(resolved.calendar!.map((day) => day.scenario.durationSeconds)).toEqual(closings);
  const log = new SeasonLog(scenario.warmupSeconds ?? 0, closings);
  const report = runSeasonSync(resolved, log, (index) => {
    log.begin(index);
    return {};
  });
  return { report, log };
}

describe('invariants of a season over random calendars of 2 to 4 days', () => {
  test.prop([calendarScenario], { numRuns: RUNS })(
    "every counted person ends the season in exactly one way (served, gave up, or lost: their redial came after a closing with no day left to take it), as the season's people and redials.afterClose count them",
    ({ scenario, closings }) => {
      const { report, log } = season(scenario, closings);
      expect(log.violations.join('\n')).toBe('');
      const everyone = [...log.people.entries()];
      for (const [callerId, person] of everyone) expect(person.state.kind, `person ${callerId}`).not.toBe('calling');
      const counted = everyone.filter(([, person]) => person.counted).map(([, person]) => person);
      const served = counted.filter((person) => person.state.kind === 'ended' && person.state.served).length;
      const lost = counted.filter((person) => person.state.kind === 'carried').length;
      expect(report.people).toEqual({ offered: counted.length, served, gaveUp: counted.length - served });
      expect(report.redials.afterClose).toBe(lost);
    },
  );

  test.prop([calendarScenario], { numRuns: RUNS })(
    "the days' rows are the days as they ran (dates, calls, people, served, carried in and out) and add up to the season's totals, as its weeks do; run() gives the same season",
    ({ scenario, closings }) => {
      const { report, log } = season(scenario, closings);
      const { days } = report;
      expect(days.map((day) => day.date)).toEqual(scenario.calendar!.days.map((day) => day.date));
      const people = [...log.people.values()].filter((person) => person.counted);
      days.forEach((day, d) => {
        expect(day.calls, `${day.date} calls`).toBe(log.calls[d]);
        expect(day.people, `${day.date} people`).toBe(people.filter((person) => person.firstDay === d).length);
        expect(day.served, `${day.date} served`).toBe(people.filter((person) => person.servedOn === d).length);
        expect(day.carriedIn, `${day.date} carried in`).toBe(log.carriedIn[d]);
        expect(day.carriedOut, `${day.date} carried out`).toBe(log.carriedOut[d]);
      });
      const sum = (figure: (day: (typeof days)[number]) => number) => days.reduce((total, day) => total + figure(day), 0);
      expect({
        calls: sum((d) => d.calls), answered: sum((d) => d.answered), abandoned: sum((d) => d.abandoned), people: sum((d) => d.people), served: sum((d) => d.served),
        redials: sum((d) => d.redials), callbacksOffered: sum((d) => d.callbacksOffered), callbacksAccepted: sum((d) => d.callbacksAccepted),
        callbacksConnected: sum((d) => d.callbacksConnected), held: sum((d) => d.held),
      }).toEqual({
        calls: report.callers.offered, answered: report.callers.answered, abandoned: report.callers.abandoned, people: report.people.offered, served: report.people.served,
        redials: report.redials.calls, callbacksOffered: report.callback.offered, callbacksAccepted: report.callback.accepted,
        callbacksConnected: report.callback.connected, held: report.hold.callers,
      });
      // Hours are sums of floating-point parts: equal to many digits, not to the last bit.
      expect(sum((d) => d.totalHoldHours)).toBeCloseTo(report.hold.totalHoldHours, 9);
      for (const figure of ['calls', 'answered', 'abandoned', 'people', 'served', 'held'] as const) {
        expect(report.weeks.reduce((total, week) => total + week[figure], 0), `weeks' ${figure}`).toBe(sum((d) => d[figure]));
      }
      expect(report.weeks.reduce((total, week) => total + week.days, 0)).toBe(days.length);
      expect(runSync(scenario)).toEqual(report);
    },
  );

  test.prop([calendarScenario], { numRuns: RUNS })(
    "within a day the clock never runs backwards and starts at the opening; a carried person calls at the opening plus what their redial delay ran past the day before's closing",
    ({ scenario, closings }) => {
      const { log } = season(scenario, closings);
      // The carried person's time is checked as they arrive (SeasonLog.arrival).
      expect(log.violations.join('\n')).toBe('');
      expect(log.times).toHaveLength(closings.length);
      log.times.forEach((times, d) => {
        const backwards = times.findIndex((time, i) => time < (i === 0 ? 0 : times[i - 1]!));
        expect(backwards, `day ${d}: event ${backwards} at ${times[backwards]} s after ${times[backwards - 1]} s`).toBe(-1);
      });
    },
  );
});
