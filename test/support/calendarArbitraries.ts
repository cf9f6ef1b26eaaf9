import { fc } from '@fast-check/vitest';
import type { CalendarDay, MultiLineScenario } from '../../src';
import { multiLineScenario } from './multiLineArbitraries';

// Random small valid calendars: a multi-line scenario of every feature (multiLineArbitraries.ts)
// as the default day, every line redialing, over 2 to 4 days with gaps between them (weekends,
// holidays), each day changing the volume, its closing (earlier, never before the warm-up
// ends), the first line's arrivals or the first group's agents, on its own or by a day type.

const MONDAY = Date.UTC(2026, 2, 2);
const dateAfter = (days: number) => new Date(MONDAY + days * 86_400_000).toISOString().slice(0, 10);

/** What a day changes: each field maybe. */
const dayChange = fc.record(
  {
    gapDays: fc.integer({ min: 1, max: 3 }),
    busy: fc.boolean(),
    volumePercent: fc.integer({ min: 20, max: 300 }),
    closingPercent: fc.integer({ min: 30, max: 100 }),
    firstLinePerHour: fc.integer({ min: 0, max: 120 }),
    firstGroupAgents: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: ['gapDays'] },
);

/** A season: the scenario, and each day's closing (its `durationSeconds`, as the day runs). */
export const calendarScenario: fc.Arbitrary<{ scenario: MultiLineScenario; closings: number[] }> = fc
  .record({ base: multiLineScenario, changes: fc.array(dayChange, { minLength: 2, maxLength: 4 }), busyVolumePercent: fc.integer({ min: 100, max: 250 }) })
  .map(({ base, changes, busyVolumePercent }) => {
    const duration = base.durationSeconds!;
    const warmup = base.warmupSeconds ?? 0;
    // Every line redials, so that people sent away near closing call again on a later day.
    const lines = base.lines.map((line) => (line.redial ? line : { ...line, redial: { probability: 0.6, delay: { type: 'exponential' as const, meanSeconds: 300 } } }));
    let offset = 0;
    const closings: number[] = [];
    const days = changes.map((change, i) => {
      offset += i === 0 ? 0 : change.gapDays;
      const day: CalendarDay = { date: dateAfter(offset) };
      if (change.busy) day.dayType = 'busy';
      if (change.volumePercent !== undefined) day.volume = change.volumePercent / 100;
      // A day may close early (a shorter day is still covered by the schedules), never before its warm-up ends.
      if (change.closingPercent !== undefined) day.durationSeconds = Math.max(warmup + 1, Math.floor((change.closingPercent / 100) * duration));
      if (change.firstLinePerHour !== undefined) day.lines = { [lines[0]!.name]: { arrivals: { perHour: change.firstLinePerHour } } };
      if (change.firstGroupAgents !== undefined) day.groups = { [base.groups[0]!.name]: { agents: change.firstGroupAgents } };
      closings.push(day.durationSeconds ?? duration);
      return day;
    });
    const scenario: MultiLineScenario = {
      ...base,
      lines,
      calendar: { dayTypes: { busy: { volume: busyVolumePercent / 100, groups: { [base.groups[0]!.name]: { agents: 4 } } } }, days },
    };
    return { scenario, closings };
  });
