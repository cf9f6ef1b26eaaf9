import { InvalidInputError } from '../errors';

export { describeValue, problemsMessage } from '../errors';

/** One thing wrong with a scenario: where, what was expected there, and what was found. */
export interface ScenarioProblem {
  /** Field path as written in a scenario file, e.g. `callback.optIn.probability` or `agents.perInterval[3]`. */
  path: string;
  expected: string;
  received: unknown;
}

/**
 * A scenario that cannot be run. It lists every problem at once, one per line, so a planner can
 * fix a file in one pass.
 *
 * @example
 * try { await run(scenario); } catch (error) {
 *   if (error instanceof ScenarioError) for (const p of error.problems) console.log(p.path, p.expected);
 * }
 */
export class ScenarioError extends InvalidInputError {
  override readonly name = 'ScenarioError';

  constructor(problems: readonly ScenarioProblem[]) {
    super('scenario', problems);
  }
}

/** Formats a path of keys and indexes as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
