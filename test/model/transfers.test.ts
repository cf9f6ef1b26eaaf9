import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { run, simulate, summarize, type Distribution, type MultiLineScenario, type SimEvent, type Transfer } from '../../src';
import { eventsOf } from '../support/scenarios';
import { scriptedRun } from '../support/scripted';

// Transfers between lines (docs/design-decisions.md, "Transfers") by a worked example with
// every event time of every caller written out by hand, and a count over Poisson days.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

function rows(events: readonly SimEvent[]): Array<Array<number | string>> {
  return events.flatMap((e): Array<Array<number | string>> => {
    switch (e.type) {
      case 'arrival':
        return [[e.time, 'arrival', e.callerId, e.line]];
      case 'answered':
        return [[e.time, 'answered', e.callerId, e.line, e.group, e.holdSeconds]];
      case 'abandoned':
        return [[e.time, 'abandoned', e.callerId, e.line, e.holdSeconds]];
      case 'call-ended':
        return [[e.time, 'call-ended', e.callerId, e.line, e.group]];
      case 'transferred':
        return [[e.time, 'transferred', e.callerId, `${e.fromLine} -> ${e.line}`, e.group]];
      case 'wrap-up-ended':
        return [[e.time, 'wrap-up-ended', e.callerId, e.line, e.group, e.wrapUpSeconds]];
      default:
        return [];
    }
  });
}

// Billing calls last 100 s with the one agent of `front`, who wraps each up for 20 s; tech
// calls last 200 s with the one agent of `back`, and a tech caller hangs up after 150 s on
// hold. Each line's route may transfer to the other. Billing callers arrive at 0 and 50 s, a
// tech caller at 30 s: callers 0 and 2 are billing's, caller 1 tech's (people are numbered by
// their first call).
function scenario(toTech: Transfer | undefined, toBilling: Transfer | undefined): MultiLineScenario {
  return {
    durationSeconds: 1000,
    lines: [
      {
        name: 'billing',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: fixed(100),
        routing: [{ group: 'front', afterCallWork: fixed(20), ...(toTech ? { transfer: toTech } : {}) }],
      },
      {
        name: 'tech',
        arrivals: { perHour: 1 },
        handleTime: fixed(200),
        patience: fixed(150),
        routing: [{ group: 'back', ...(toBilling ? { transfer: toBilling } : {}) }],
      },
    ],
    groups: [
      { name: 'front', agents: 1 },
      { name: 'back', agents: 1 },
    ],
  };
}
const arrivals = { billing: [0, 50], tech: [30] };

describe('transfers between lines, worked example', () => {
  it('with probability 1 every answered call goes on to the other line, once: queued there, answered or lost, the agent wrapping up as usual', () => {
    const { events, report } = scriptedRun(scenario({ probability: 1, toLine: 'tech' }, { probability: 1, toLine: 'billing' }), arrivals);
    expect(rows(events)).toEqual([
      [0, 'arrival', 0, 'billing'], [0, 'answered', 0, 'billing', 'front', 0],
      [30, 'arrival', 1, 'tech'], [30, 'answered', 1, 'tech', 'back', 0], // until 30 + 200 = 230
      [50, 'arrival', 2, 'billing'], // front is busy: caller 2 holds
      // Caller 0's billing call ends and goes on to tech, where back is busy: they hold there
      // (patience 150 s: until 250); front wraps the billing call up until 120.
      [100, 'call-ended', 0, 'billing', 'front'], [100, 'transferred', 0, 'billing -> tech', 'front'],
      [120, 'wrap-up-ended', 0, 'billing', 'front', 20], [120, 'answered', 2, 'billing', 'front', 70],
      // Caller 2 goes on to tech too, behind caller 0 (patience until 220 + 150 = 370).
      [220, 'call-ended', 2, 'billing', 'front'], [220, 'transferred', 2, 'billing -> tech', 'front'],
      // Tech's own caller 1 goes on to billing, where front is wrapping up until 240; back,
      // free (no wrap-up on tech), takes the head of tech's queue: caller 0, after 130 s.
      [230, 'call-ended', 1, 'tech', 'back'], [230, 'transferred', 1, 'tech -> billing', 'back'],
      [230, 'answered', 0, 'tech', 'back', 130], // until 230 + 200 = 430
      [240, 'wrap-up-ended', 2, 'billing', 'front', 20], [240, 'answered', 1, 'billing', 'front', 10],
      // A transferred call is not transferred again: caller 1's ends with billing for good.
      [340, 'call-ended', 1, 'billing', 'front'],
      [360, 'wrap-up-ended', 1, 'billing', 'front', 20],
      [370, 'abandoned', 2, 'tech', 150], // back is busy with caller 0 until 430
      [430, 'call-ended', 0, 'tech', 'back'],
    ]);
    const billing = report.lines.billing!;
    const tech = report.lines.tech!;
    // A transferred call is a call of the line it goes to: offered there, with its own outcome.
    expect(billing.callers).toMatchObject({ offered: 3, answered: 3, abandoned: 0 });
    expect(tech.callers).toMatchObject({ offered: 3, answered: 2, abandoned: 1 });
    expect(billing.transfers).toEqual({ in: 1, out: 2, lost: 0 });
    expect(tech.transfers).toEqual({ in: 2, out: 1, lost: 1 });
    expect(report.transfers).toEqual({ in: 3, out: 3, lost: 1 });
    // People count on the line of their first call, served or not by their last call: caller 0
    // (billing) was served on tech, caller 2 (billing) gave up on tech, caller 1 (tech) was
    // served on billing.
    expect(billing.people).toEqual({ offered: 2, served: 1, gaveUp: 1 });
    expect(tech.people).toEqual({ offered: 1, served: 1, gaveUp: 0 });
    expect(report.people).toEqual({ offered: 3, served: 2, gaveUp: 1 });
    expect(report.redials.calls).toBe(0);
    // Holds where they happened: billing 0, 70 and 10 s; tech 0 and 130 s answered, 150 s abandoned.
    expect(billing.hold.meanSeconds).toBeCloseTo(80 / 3, 12);
    expect(tech.hold.meanSeconds).toBeCloseTo(280 / 3, 12);
    // Busy time over 1,000 s: front talked 300 s and wrapped up 60 s; back talked 400 s (30 to 430).
    expect(report.groups.front!.occupancy).toBeCloseTo(0.36, 12);
    expect(report.groups.back!.occupancy).toBeCloseTo(0.4, 12);
    expect(report.groups.front!.answered).toEqual({ billing: 3, tech: 0 });
    expect(report.groups.back!.answered).toEqual({ billing: 0, tech: 2 });
  });

  it('with probability 0 nobody is transferred: the events are those of the center without transfers, and reports count none', () => {
    const never = scriptedRun(scenario({ probability: 0, toLine: 'tech' }, { probability: 0, toLine: 'billing' }), arrivals);
    expect(rows(never.events)).toEqual([
      [0, 'arrival', 0, 'billing'], [0, 'answered', 0, 'billing', 'front', 0],
      [30, 'arrival', 1, 'tech'], [30, 'answered', 1, 'tech', 'back', 0],
      [50, 'arrival', 2, 'billing'],
      [100, 'call-ended', 0, 'billing', 'front'],
      [120, 'wrap-up-ended', 0, 'billing', 'front', 20], [120, 'answered', 2, 'billing', 'front', 70],
      [220, 'call-ended', 2, 'billing', 'front'],
      [230, 'call-ended', 1, 'tech', 'back'],
      [240, 'wrap-up-ended', 2, 'billing', 'front', 20],
    ]);
    const without = scriptedRun(scenario(undefined, undefined), arrivals);
    expect(never.events).toEqual(without.events);
    expect(never.report.lines.billing!.transfers).toEqual({ in: 0, out: 0, lost: 0 });
    // Without a transfer in the scenario, reports have no transfer figures at all.
    expect(without.report.transfers).toBeUndefined();
    expect(without.report.lines.billing!.transfers).toBeUndefined();
    const { transfers: _transfers, lines: _lines, ...rest } = never.report;
    const { lines: _withoutLines, ...withoutRest } = without.report;
    expect(rest).toEqual(withoutRest);
  });
});

describe('transfers over Poisson days', () => {
  // Sales is short of agents (8 erlangs on 8 agents, callers patient 2 minutes on average), so
  // that many of its callers hang up; a quarter of the calls sales answers go on to support.
  const p = 0.25;
  const day = (seed: number): MultiLineScenario => ({
    seed,
    durationSeconds: 8 * 3600,
    lines: [
      {
        name: 'sales',
        arrivals: { perHour: 120 },
        handleTime: { type: 'exponential', meanSeconds: 240 },
        patience: { type: 'exponential', meanSeconds: 120 },
        routing: [{ group: 'sales-team', transfer: { probability: p, toLine: 'support' } }],
      },
      {
        name: 'support',
        arrivals: { perHour: 40 },
        handleTime: { type: 'exponential', meanSeconds: 300 },
        patience: { type: 'exponential', meanSeconds: 600 },
        routing: [{ group: 'support-team' }],
      },
    ],
    groups: [
      { name: 'sales-team', agents: 8 },
      { name: 'support-team', agents: 6 },
    ],
  });

  it("support's calls are its own arrivals plus p x sales' answered calls, within 4 binomial standard errors", async () => {
    // Each call sales answers goes on independently with probability p, so given the n calls
    // answered, the calls support gets from sales are Binomial(n, p): over 20 days (n about
    // 16,000) a standard error of about 55 calls, 1.4% of the 4,000 transfers. Transferring
    // with probability p from sales' offered calls instead (abandoned ones too, some 19,000
    // calls) would be off by about 780, 14 standard errors; a transferred call counted twice,
    // or not at all, by thousands.
    let answered = 0;
    let fromSales = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const events = await eventsOf(day(seed));
      const supportOwn = events.filter((e) => e.type === 'arrival' && e.line === 'support').length;
      const report = await run(day(seed));
      answered += report.lines.sales!.callers.answered;
      fromSales += report.lines.support!.callers.offered - supportOwn;
      // The stream says the same: one transfer event per call support gets from sales.
      expect(events.filter((e) => e.type === 'transferred' && e.fromLine === 'sales' && e.line === 'support').length).toBe(
        report.lines.support!.callers.offered - supportOwn,
      );
    }
    const standardError = Math.sqrt(answered * p * (1 - p));
    expect(Math.abs(fromSales - p * answered)).toBeLessThan(4 * standardError);
  });

  it('summarize() over the stream gives the report of run(), transfers, people and wrap-up included', async () => {
    const scenario: MultiLineScenario = {
      ...day(7),
      trunks: 16,
      lines: day(7).lines.map((line) => ({ ...line, afterCallWork: { type: 'exponential', meanSeconds: 30 } })),
    };
    const [fromStream, fromRun] = await Promise.all([lastValueFrom(simulate(scenario).pipe(summarize())), run(scenario)]);
    expect(fromStream).toEqual(fromRun);
    expect(fromRun.transfers!.lost).toBeGreaterThan(0);
  });
});
