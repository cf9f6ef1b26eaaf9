// `queuecast staff --roster-csv FILE`: the roster found, one row per interval and group, as a
// workforce-management tool imports a schedule requirement.
import { writeFile } from 'node:fs/promises';
import { toCsv } from '../node/csv';
import { clockTime, type ScenarioClock } from '../scenario';
import type { Roster } from '../staffing';

/**
 * One interval of one group's roster; times in seconds from the start of the day, or on the
 * scenario's clock with the seconds in columns of their own.
 */
export type RosterCsvRow = {
  intervalStart: number | string;
  intervalEnd: number | string;
  intervalStartSeconds?: number;
  intervalEndSeconds?: number;
  group: string;
  agents: number;
};

/**
 * The rosters as tidy rows, interval by interval and, within an interval, group by group; the
 * last interval ends at `durationSeconds`.
 */
export function rosterCsvRows(rosters: Record<string, Roster>, durationSeconds: number, scenarioClock?: ScenarioClock): RosterCsvRow[] {
  const groups = Object.entries(rosters);
  const intervals = Math.max(...groups.map(([, roster]) => roster.perInterval.length));
  const rows: RosterCsvRow[] = [];
  for (let k = 0; k < intervals; k++) {
    for (const [group, { intervalSeconds, perInterval }] of groups) {
      if (k >= perInterval.length) continue;
      const [start, end] = [k * intervalSeconds, Math.min((k + 1) * intervalSeconds, durationSeconds)];
      rows.push(scenarioClock
        ? { intervalStart: clockTime(scenarioClock, start), intervalEnd: clockTime(scenarioClock, end), intervalStartSeconds: start, intervalEndSeconds: end, group, agents: perInterval[k]! }
        : { intervalStart: start, intervalEnd: end, group, agents: perInterval[k]! });
    }
  }
  return rows;
}

export async function writeRosterCsv(file: string, rosters: Record<string, Roster>, durationSeconds: number, scenarioClock?: ScenarioClock): Promise<void> {
  await writeFile(file, toCsv(rosterCsvRows(rosters, durationSeconds, scenarioClock)));
  process.stderr.write(`wrote ${file}: the roster, one row per interval and group\n`);
}
