import { compileDistribution, type Uniform } from '../random';
import type { ResolvedScenario } from '../scenario';
import type { MultiLineSnapshot } from './multiLineSnapshot';

/** A snapshot read against its scenario, with the draws that depend on elapsed times prepared. */
export interface PreparedSnapshot {
  timeOfDaySeconds: number;
  agents: number[];
  busy: Array<Array<{ elapsedSeconds: number; end: (uniform: Uniform) => number }>>;
  waiting: Array<Array<{ waitedSeconds: number; request: boolean; afterHold: boolean; patienceEnd: ((uniform: Uniform) => number) | undefined }>>;
}

/** Reads a validated multi-line snapshot by the scenario's line and group indexes. */
export function prepareSnapshot(scenario: ResolvedScenario, snapshot: MultiLineSnapshot): PreparedSnapshot {
  const lineIndex = new Map(scenario.lines.map((line, i) => [line.name, i]));
  const handles = scenario.lines.map((line) => {
    const own = compileDistribution(line.handleTime);
    return (group: number) => {
      const route = line.routing.find((r) => r.group === group);
      return route?.handleTime ? compileDistribution(route.handleTime) : own;
    };
  });
  return {
    timeOfDaySeconds: snapshot.timeOfDaySeconds ?? 0,
    agents: scenario.groups.map((g) => snapshot.groups[g.name]!.agents),
    busy: scenario.groups.map((g, index) =>
      (snapshot.groups[g.name]!.busy ?? []).map((call) => ({
        elapsedSeconds: call.elapsedSeconds,
        end: handles[lineIndex.get(call.line)!]!(index).above(call.elapsedSeconds),
      })),
    ),
    waiting: scenario.lines.map((line) => {
      const state = snapshot.lines[line.name];
      const patience = line.patience && compileDistribution(line.patience);
      const holders = (state?.hold ?? []).map((h) => ({
        waitedSeconds: h.waitedSeconds, request: false, afterHold: false, patienceEnd: patience?.above(h.waitedSeconds),
      }));
      if (!line.callback) return holders;
      const afterHold = line.callback.position === 'after-hold';
      const requests = (state?.callbacks ?? []).map((c) => ({ waitedSeconds: c.waitedSeconds, request: true, afterHold, patienceEnd: undefined }));
      // Keep-place requests stand in the line by how long they have waited; after-hold ones in their own.
      return [...holders, ...requests].sort((a, b) => b.waitedSeconds - a.waitedSeconds);
    }),
  };
}
