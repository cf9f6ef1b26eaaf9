// Agents per interval and group: from the agents seen working, or from a roster the user gives.
import type { Agents } from '../scenario';
import type { CallTally } from './callTally';
import { CalibrationError } from './errors';


export interface GroupRoster {
  agents: Agents;
  perInterval: number[];
  source: 'agents seen working' | 'roster';
}

/**
 * Each group's roster over the fitted day's intervals `[first, first + slots)`.
 *
 * Seen working: each interval counts the agents on duty in it (`CallTally.foldShifts`),
 * time-averaged, over the days, rounded.
 * The last interval keeps at least one agent, so that the queue drains.
 */
export function fitRoster(
  tally: CallTally,
  day: {
    first: number;
    slots: number;
    days: number;
    roster: Agents | Record<string, Agents> | undefined;
    rosterRows?: ReadonlyArray<{ startSeconds: number; agents: number; group?: string }> | undefined;
  },
  warnings: string[],
): Map<string, GroupRoster> {
  const groups = [...tally.groups].sort();
  const intervalSeconds = tally.intervalSeconds;
  if (day.roster !== undefined) return givenRoster(groups, day.roster);
  if (day.rosterRows !== undefined) return rosterByClock(groups, day.rosterRows, day.first, day.slots, intervalSeconds);
  if (tally.withAgent === 0) {
    throw new CalibrationError(['the records name no agent (no agent column, or all empty): give the roster (options.roster, --roster roster.csv)']);
  }
  tally.foldShifts();
  if (tally.withAgent < tally.records * 0.5) warnings.push(`only ${tally.withAgent} of ${tally.records} records name an agent: the roster may be low`);
  const fitted = new Map<string, GroupRoster>();
  for (const group of groups) {
    const onDuty = tally.agentsOnDuty.get(group) ?? new Float64Array(tally.intervalsPerDay);
    const perInterval = Array.from(onDuty.subarray(day.first, day.first + day.slots), (s) => Math.round(s / day.days));
    perInterval[perInterval.length - 1] = Math.max(1, perInterval.at(-1)!);
    fitted.set(group, { agents: { intervalSeconds, perInterval }, perInterval, source: 'agents seen working' });
  }
  return fitted;
}

function givenRoster(groups: readonly string[], roster: Agents | Record<string, Agents>): Map<string, GroupRoster> {
  const single = typeof roster === 'number' || 'intervalSeconds' in roster;
  const byGroup: Record<string, Agents> = single ? (groups.length === 1 ? { [groups[0]!]: roster as Agents } : {}) : (roster as Record<string, Agents>);
  const problems: string[] = [];
  if (single && groups.length > 1) problems.push(`roster: the records have ${groups.length} groups (${groups.join(', ')}): give a roster for each by name`);
  for (const group of groups) if (!single && !(group in byGroup)) problems.push(`roster: no roster for group "${group}", which answered calls in the records`);
  for (const group of Object.keys(byGroup)) if (!groups.includes(group)) problems.push(`roster: group "${group}" answered no call in the records`);
  if (problems.length > 0) throw new CalibrationError(problems);
  return new Map(
    groups.map((group) => {
      const agents = byGroup[group]!;
      const perInterval = typeof agents === 'number' ? [agents] : [...agents.perInterval];
      return [group, { agents, perInterval, source: 'roster' as const }];
    }),
  );
}

function rosterByClock(
  groups: readonly string[],
  rows: ReadonlyArray<{ startSeconds: number; agents: number; group?: string }>,
  first: number,
  slots: number,
  intervalSeconds: number,
): Map<string, GroupRoster> {
  const problems: string[] = [];
  const groupOf = (row: { group?: string }) => row.group ?? (groups.length === 1 ? groups[0]! : undefined);
  if (rows.some((row) => groupOf(row) === undefined)) problems.push(`roster: the records have ${groups.length} groups (${groups.join(', ')}): every roster row needs a group`);
  for (const group of new Set(rows.map(groupOf))) if (group !== undefined && !groups.includes(group)) problems.push(`roster: group "${group}" answered no call in the records`);
  for (const group of groups) if (!rows.some((row) => groupOf(row) === group)) problems.push(`roster: no rows for group "${group}", which answered calls in the records`);
  if (problems.length > 0) throw new CalibrationError(problems);
  return new Map(
    groups.map((group) => {
      const own = rows.filter((row) => groupOf(row) === group).sort((a, b) => a.startSeconds - b.startSeconds);
      const perInterval = Array.from({ length: slots }, (_, k) => own.filter((row) => row.startSeconds <= (first + k) * intervalSeconds).at(-1)?.agents ?? 0);
      perInterval[slots - 1] = Math.max(1, perInterval[slots - 1]!);
      return [group, { agents: { intervalSeconds, perInterval }, perInterval, source: 'roster' as const }];
    }),
  );
}
