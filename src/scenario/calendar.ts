import { secondsOfDay } from './clock';
import type { ScenarioProblem } from './errors';
import type { Arrivals, CalendarDay, DayOverrides, Line, ResolvedDay, ResolvedScenario, Scenario } from './types';

/**
 * The calendar (docs/design-decisions.md, "The calendar"): a season is a list of ordinary
 * one-day runs of the same scenario, each with its day's changes. A day's fields override its
 * day type's, which override the scenario's; `volume` then multiplies every line's arrivals.
 */

const SECONDS_PER_DAY = 86_400;

/**
 * The one-day scenario of a calendar's day: the scenario without its calendar, with the day's
 * type's changes and then the day's own, dated.
 *
 * @example
 * dayScenario(season, season.calendar!.days[0]!).date; // the first day's date
 */
export function dayScenario(scenario: Scenario, day: CalendarDay): Scenario {
  const { calendar, ...base } = scenario;
  const type = (day.dayType !== undefined ? calendar?.dayTypes?.[day.dayType] : undefined) ?? {};
  const changes = mergeOverrides(type, day);
  const out: Record<string, unknown> = { ...base, date: day.date };
  if (changes.opensAt !== undefined) out.opensAt = changes.opensAt;
  if (changes.durationSeconds !== undefined) out.durationSeconds = changes.durationSeconds;
  const volume = changes.volume ?? 1;
  if ('lines' in base) {
    out.lines = base.lines.map((line): Line => {
      const own = changes.lines?.[line.name];
      return {
        ...line,
        arrivals: scaled(own?.arrivals ?? line.arrivals, volume),
        ...(own?.callback ? { callback: own.callback } : {}),
      };
    });
    out.groups = base.groups.map((group) => {
      const own = changes.groups?.[group.name];
      return own ? { ...group, agents: own.agents } : group;
    });
  } else {
    out.arrivals = scaled(changes.arrivals ?? base.arrivals, volume);
    if (changes.agents !== undefined) out.agents = changes.agents;
    if (changes.callback) out.callback = changes.callback;
  }
  return out as unknown as Scenario;
}

// A day's fields over its type's; lines and groups merged by name.
function mergeOverrides(type: DayOverrides, day: DayOverrides): DayOverrides {
  const lines: Record<string, object> = { ...type.lines };
  for (const [name, own] of Object.entries(day.lines ?? {})) lines[name] = { ...lines[name], ...own };
  return { ...type, ...day, lines, groups: { ...type.groups, ...day.groups } } as DayOverrides;
}

function scaled(arrivals: Arrivals, volume: number): Arrivals {
  if (volume === 1) return arrivals;
  return 'perHour' in arrivals
    ? { ...arrivals, perHour: arrivals.perHour * volume }
    : { ...arrivals, perInterval: arrivals.perInterval.map((calls) => calls * volume) };
}

/**
 * What is wrong with a scenario's calendar beyond its shape (which the schema checks): days out
 * of order or twice, unknown day types, lines and groups the scenario does not have, fields of
 * the other form, a scenario date that contradicts the first day, and what each day's own
 * scenario gets wrong (under `calendar.days[i]`), when `problemsOf` (which checks a one-day
 * scenario) is given.
 */
export function calendarProblems(input: Record<string, unknown>, problemsOf: ((scenario: unknown) => ScenarioProblem[]) | undefined): ScenarioProblem[] {
  const calendar = input.calendar as { dayTypes?: Record<string, DayOverrides>; days: CalendarDay[] };
  const problems: ScenarioProblem[] = [];
  const multiLine = 'lines' in input;
  const lineNames = new Set(multiLine && Array.isArray(input.lines) ? input.lines.map((l: { name?: unknown }) => l?.name) : []);
  const groupNames = new Set(multiLine && Array.isArray(input.groups) ? input.groups.map((g: { name?: unknown }) => g?.name) : []);
  const formProblems = (changes: DayOverrides, path: string) => {
    const other = multiLine ? (['arrivals', 'agents', 'callback'] as const) : (['lines', 'groups'] as const);
    for (const field of other) {
      if (changes[field] !== undefined) {
        problems.push({
          path: `${path}.${field}`,
          expected: multiLine ? 'no single-line field in a multi-line calendar (lines.<name>.arrivals, groups.<name>.agents)' : 'lines and groups only in a multi-line calendar',
          received: changes[field],
        });
      }
    }
    for (const name of Object.keys(multiLine ? changes.lines ?? {} : {})) {
      if (!lineNames.has(name)) problems.push({ path: `${path}.lines.${name}`, expected: `a line of the scenario (${[...lineNames].join(', ')})`, received: name });
    }
    for (const name of Object.keys(multiLine ? changes.groups ?? {} : {})) {
      if (!groupNames.has(name)) problems.push({ path: `${path}.groups.${name}`, expected: `a group of the scenario (${[...groupNames].join(', ')})`, received: name });
    }
  };
  for (const [name, changes] of Object.entries(calendar.dayTypes ?? {})) formProblems(changes, `calendar.dayTypes.${name}`);
  const types = Object.keys(calendar.dayTypes ?? {});
  calendar.days.forEach((day, i) => {
    const path = `calendar.days[${i}]`;
    formProblems(day, path);
    if (day.dayType !== undefined && !types.includes(day.dayType)) {
      problems.push({ path: `${path}.dayType`, expected: types.length > 0 ? `a day type of calendar.dayTypes (${types.join(', ')})` : 'a day type of calendar.dayTypes (there are none)', received: day.dayType });
    }
    const before = calendar.days[i - 1];
    if (before && day.date <= before.date) {
      problems.push({ path: `${path}.date`, expected: `a date after the day before's (${before.date}): days in date order, each once`, received: day.date });
    }
  });
  const first = calendar.days[0]!;
  if (typeof input.date === 'string' && input.date !== first.date) {
    problems.push({ path: 'date', expected: `the calendar's first date (${first.date}) or nothing: a calendar's days carry their dates`, received: input.date });
  }
  if (problems.length > 0 || !problemsOf) return problems;
  // Each day's own scenario: a problem the scenario itself has is reported once, by the scenario.
  const scenario = input as unknown as Scenario;
  const own = new Set(problemsOf(dayScenario(scenario, { date: first.date })).map((p) => p.path));
  calendar.days.forEach((day, i) => {
    for (const problem of problemsOf(dayScenario(scenario, day))) {
      if (own.has(problem.path)) continue;
      problems.push({ ...problem, path: `calendar.days[${i}].${problem.path}`, expected: `${problem.expected} (on ${day.date}, with the day's changes)` });
    }
  });
  return problems;
}

/** A validated calendar scenario's days, each resolved by `resolveOne`, with its offset from the season's start. */
export function resolveCalendar(scenario: Scenario, resolveOne: (day: Scenario) => ResolvedScenario): ResolvedDay[] {
  const days = scenario.calendar!.days;
  const opening = (day: Scenario) => (day.opensAt !== undefined ? secondsOfDay(day.opensAt) : 0);
  const first = dayScenario(scenario, days[0]!);
  const start = dayNumber(days[0]!.date) * SECONDS_PER_DAY + opening(first);
  return days.map((day) => {
    const own = dayScenario(scenario, day);
    return {
      date: day.date,
      dayType: day.dayType,
      offsetSeconds: dayNumber(day.date) * SECONDS_PER_DAY + opening(own) - start,
      scenario: resolveOne(own),
    };
  });
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / (SECONDS_PER_DAY * 1000);
}
