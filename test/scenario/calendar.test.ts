import { describe, expect, it } from 'vitest';
import { resolveScenario, scenarioProblems, type MultiLineScenario, type SingleLineScenario } from '../../src';
import { dayScenario } from '../../src/scenario';

const line: SingleLineScenario = { arrivals: { perHour: 60 }, agents: 3, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 60 } };

describe('a calendar scenario', () => {
  it("a day's fields override its day type's, which override the scenario's; volume multiplies the day's arrivals", () => {
    const center: MultiLineScenario = {
      durationSeconds: 3600,
      lines: [
        { name: 'a', arrivals: { perHour: 100 }, handleTime: { type: 'fixed', seconds: 60 }, routing: [{ group: 'g' }] },
        { name: 'b', arrivals: { intervalSeconds: 1800, perInterval: [10, 20] }, handleTime: { type: 'fixed', seconds: 60 }, routing: [{ group: 'g' }] },
      ],
      groups: [{ name: 'g', agents: 5 }],
      calendar: {
        dayTypes: { peak: { volume: 1.5, lines: { a: { arrivals: { perHour: 200 } } }, groups: { g: { agents: 8 } } } },
        days: [{ date: '2026-03-02', dayType: 'peak' }, { date: '2026-03-03', dayType: 'peak', volume: 2, groups: { g: { agents: 9 } } }, { date: '2026-03-04' }],
      },
    };
    const days = center.calendar!.days.map((day) => dayScenario(center, day) as MultiLineScenario);
    expect(days.map((d) => [d.date, d.lines[0]!.arrivals, d.lines[1]!.arrivals, d.groups[0]!.agents])).toEqual([
      ['2026-03-02', { perHour: 300 }, { intervalSeconds: 1800, perInterval: [15, 30] }, 8],
      ['2026-03-03', { perHour: 400 }, { intervalSeconds: 1800, perInterval: [20, 40] }, 9],
      ['2026-03-04', { perHour: 100 }, { intervalSeconds: 1800, perInterval: [10, 20] }, 5],
    ]);
    expect(days.every((d) => d.calendar === undefined)).toBe(true);
    const resolved = resolveScenario(center);
    // Offsets from the first day's opening: a day apart each.
    expect(resolved.calendar!.map((d) => d.offsetSeconds)).toEqual([0, 86_400, 172_800]);
    expect(resolved.calendar![1]!.scenario.groups[0]!.agents.perInterval).toEqual([9]);
  });

  it('every problem of a calendar is listed with its path', () => {
    expect(scenarioProblems({ ...line, date: '2026-03-01', calendar: { days: [
      { date: '2026-03-03', dayType: 'peek' }, { date: '2026-03-02' }, { date: '2026-03-04', lines: { x: {} } },
    ] } }).map((p) => [p.path, p.expected])).toEqual([
      ['calendar.days[0].dayType', 'a day type of calendar.dayTypes (there are none)'],
      ['calendar.days[1].date', "a date after the day before's (2026-03-03): days in date order, each once"],
      ['calendar.days[2].lines', 'lines and groups only in a multi-line calendar'],
      ['date', "the calendar's first date (2026-03-03) or nothing: a calendar's days carry their dates"],
    ]);
    expect(scenarioProblems({ ...line, calendar: { days: [{ date: '2026-02-30', volume: 0 }] } }).map((p) => p.path)).toEqual([
      'calendar.days[0].date', 'calendar.days[0].volume',
    ]);
    expect(scenarioProblems({ ...line, calendar: { days: [{ date: '2026-03-02' }, { date: '2026-03-03', arrivals: { perHour: -3 } }] } })).toEqual([
      { path: 'calendar.days[1].arrivals.perHour', expected: 'a number >= 0', received: -3 },
    ]);
    // What a day's changes make of the scenario is checked as a scenario, under the day's path.
    expect(scenarioProblems({ ...line, warmupSeconds: 1800, calendar: { days: [{ date: '2026-03-02' }, { date: '2026-03-03', durationSeconds: 1000 }] } })).toEqual([
      { path: 'calendar.days[1].warmupSeconds', expected: "less than durationSeconds (1000 s), or no caller would be counted (on 2026-03-03, with the day's changes)", received: 1800 },
    ]);
    expect(scenarioProblems({ ...line, calendar: { days: [] } }).map((p) => p.path)).toEqual(['calendar.days']);
  });
});
