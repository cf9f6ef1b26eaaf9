import type { CenterState } from '../model';
import type { ResolvedScenario } from '../scenario';
import { isMultiLineSnapshot, type MultiLineSnapshot } from './multiLineSnapshot';
import type { CenterSnapshot } from './snapshot';

/**
 * Either form of snapshot in the multi-line form: a single-line `CenterSnapshot` is the case of
 * one line and one group, at the start of the day (the boundary where the two forms meet; past
 * it there is one snapshot type).
 */
export function asMultiLine(scenario: ResolvedScenario, snapshot: CenterSnapshot | MultiLineSnapshot): MultiLineSnapshot {
  if (isMultiLineSnapshot(snapshot)) return snapshot as MultiLineSnapshot;
  const single = snapshot as CenterSnapshot;
  const line = scenario.lines[0]!.name;
  const state: MultiLineSnapshot['lines'][string] = { hold: single.hold, callbacks: single.callbacks };
  if (single.lastServedWaitSeconds !== undefined) state.lastServedWaitSeconds = single.lastServedWaitSeconds;
  const group: MultiLineSnapshot['groups'][string] = { agents: single.agents, busy: single.busy.map((call) => ({ elapsedSeconds: call.elapsedSeconds, line })) };
  if (single.wrapUp) group.wrapUp = single.wrapUp.map((wrapUp) => ({ elapsedSeconds: wrapUp.elapsedSeconds, line }));
  return { lines: { [line]: state }, groups: { [scenario.groups[0]!.name]: group } };
}

/** A valid multi-line snapshot by the scenario's line and group indexes: where the model starts. */
export function centerState(scenario: ResolvedScenario, snapshot: MultiLineSnapshot): CenterState {
  const lineIndex = new Map(scenario.lines.map((line, i) => [line.name, i]));
  return {
    timeSeconds: snapshot.timeOfDaySeconds ?? 0,
    groups: scenario.groups.map((group) => {
      const state = snapshot.groups[group.name]!;
      return {
        onDuty: state.agents,
        calls: (state.busy ?? []).map((call) => ({ line: lineIndex.get(call.line)!, elapsedSeconds: call.elapsedSeconds })),
        wrapUps: (state.wrapUp ?? []).map((wrapUp) => ({ line: lineIndex.get(wrapUp.line)!, elapsedSeconds: wrapUp.elapsedSeconds })),
      };
    }),
    lines: scenario.lines.map((line) => {
      const state = snapshot.lines[line.name];
      return { hold: state?.hold ?? [], callbacks: line.callback ? (state?.callbacks ?? []) : [], redials: state?.redials ?? [] };
    }),
  };
}
