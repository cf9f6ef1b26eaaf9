// Who serves whom: agents who answer almost nothing but one line, and most of it, are a team.
import type { RecordSurvey } from './survey';

/** An agent is dedicated to a line when this share of their answered calls is on it ("serves almost nothing else"). */
const DEDICATED = 0.8;
/** Dedicated agents are a team of their own when they answer more than this share of the line's calls ("most of them"). */
const MOST = 0.5;

/**
 * Teams inferred from which agents answer which lines: for each line but the one with the most
 * answered calls (whose agents are the center's main pool), the agents with 80% or more of their
 * answers on it, when together they answered more than half of its calls, are a group named
 * `<line>-team`. Every other agent is in the group `agents`. Returns agent → group for the
 * teams' agents only.
 *
 * @example
 * findTeams(survey); // { ZOHAR: 'IN-team', ZVIKA: 'IN-team', ... }
 */
export function findTeams(survey: RecordSurvey): Record<string, string> {
  const byLine = new Map<string, number>();
  for (const lines of survey.answeredByAgent.values()) for (const [line, n] of lines) byLine.set(line, (byLine.get(line) ?? 0) + n);
  const main = [...byLine].sort((a, b) => b[1] - a[1])[0]?.[0];
  const teams: Record<string, string> = {};
  for (const [line, answered] of byLine) {
    if (line === main) continue;
    const dedicated: string[] = [];
    let covered = 0;
    for (const [agent, lines] of survey.answeredByAgent) {
      let total = 0;
      for (const n of lines.values()) total += n;
      const own = lines.get(line) ?? 0;
      if (own >= DEDICATED * total) {
        dedicated.push(agent);
        covered += own;
      }
    }
    if (covered > MOST * answered) for (const agent of dedicated) teams[agent] = `${line}-team`;
  }
  return teams;
}
