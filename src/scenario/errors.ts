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
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problemsMessage('scenario', problems));
  }
}

/** `invalid <what>: N problems`, then one line per problem, as errors and the CLI print them. */
export function problemsMessage(what: string, problems: readonly ScenarioProblem[]): string {
  const lines = problems.map(
    (p) => `  - ${p.path || `(${what})`}: expected ${p.expected}, received ${describeValue(p.received)}`,
  );
  return `invalid ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${lines.join('\n')}`;
}

/** A value as a person reads it in a message: JSON where it can be, and what JSON cannot say. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    );
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
