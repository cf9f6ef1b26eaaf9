import { InvalidInputError } from '../errors';
import type { ResolvedLine, ResolvedScenario, Scenario, SingleLineScenario } from './types';

/**
 * True for the multi-line form.
 *
 * @example
 * isMultiLine({ lines: [...], groups: [...] }); // true
 */
export function isMultiLine(scenario: Scenario): scenario is Exclude<Scenario, SingleLineScenario> {
  return 'lines' in scenario;
}

/**
 * True when any line of the scenario offers a callback.
 *
 * @example
 * offersCallback({ ...line, callback: { offer: 'always', optIn: { probability: 0.3 } } }); // true
 */
export function offersCallback(scenario: Scenario | ResolvedScenario): boolean {
  if ('multiLine' in scenario) return scenario.lines.some((line) => line.callback !== undefined);
  return isMultiLine(scenario) ? scenario.lines.some((line) => line.callback !== undefined) : scenario.callback !== undefined;
}

/**
 * The scenario itself when it has the single-line form; for a multi-line one, an `InvalidInputError`
 * saying that `feature` works on one line at a time (and what to use instead).
 *
 * @example
 * const line = requireSingleLine(scenario, 'Erlang staffing'); // line.handleTime, line.agents...
 */
export function requireSingleLine(scenario: Scenario, feature: string): SingleLineScenario {
  if (!isMultiLine(scenario)) return scenario;
  throw multiLineRefused(feature, scenario.lines.length, scenario.groups.length);
}

/** The one line of a resolved single-line scenario, or the `requireSingleLine` error. */
export function soleLine(resolved: ResolvedScenario, feature: string): ResolvedLine {
  if (resolved.multiLine) throw multiLineRefused(feature, resolved.lines.length, resolved.groups.length);
  return resolved.lines[0]!;
}

function multiLineRefused(feature: string, lines: number, groups: number): InvalidInputError {
  const message = `${feature} works on a single-line scenario; this one has ${lines} lines and ${groups} groups (run(), replicate() and compare() simulate it whole)`;
  return new InvalidInputError('scenario', [{ path: 'lines', expected: 'a single-line scenario', received: `${lines} lines`, message }], message);
}
