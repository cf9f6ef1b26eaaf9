/**
 * One thing wrong with what was given: where (`callback.optIn.probability`, `agents.perInterval[3]`,
 * `replications`; empty for the input as a whole), what was expected there, what was found, and
 * a sentence a person can read (without the path, as zod's issues).
 */
export interface InputProblem {
  path: string;
  expected: string;
  received: unknown;
  message: string;
}

/** A problem as the checks find it; its `message` defaults to `expected ..., received ...`. */
export type FoundProblem = Omit<InputProblem, 'message'> & { message?: string };

/**
 * Input that cannot be used: a scenario, a snapshot, records, a file, options. Every error
 * queuecast throws for what it was given extends this class and lists every problem at once, so
 * a caller can tell bad input from a failure by class alone (the CLI exits 2 for these, 1 for
 * anything else) and read the problems the same way whatever was wrong.
 *
 * @example
 * try { await run(scenario); } catch (error) {
 *   if (error instanceof InvalidInputError) for (const p of error.problems) console.log(p.path, p.message);
 * }
 */
export class InvalidInputError extends Error {
  override readonly name: string = 'InvalidInputError';
  readonly problems: readonly InputProblem[];

  /**
   * @param what what was given, for the message: `scenario`, `snapshot`, `sweep` ...
   * @param message the whole message; default `invalid <what>: N problems` and a line per problem.
   */
  constructor(what: string, problems: readonly FoundProblem[], message?: string) {
    super(message ?? problemsMessage(what, problems));
    this.problems = problems.map((p) => ({ ...p, message: p.message ?? `expected ${p.expected}, received ${describeValue(p.received)}` }));
  }
}

/**
 * Options of a function that cannot be used, named as the function's argument (`replications`,
 * `realtime.speed`); the message keeps the form `replicate: replications must be an integer >= 2,
 * got 1; ...`.
 *
 * @example
 * try { await replicate(scenario, { replications: 1 }); } catch (error) {
 *   if (error instanceof OptionsError) console.log(error.problems[0].path); // 'replications'
 * }
 */
export class OptionsError extends InvalidInputError {
  override readonly name: string = 'OptionsError';

  /** @param caller the function whose options they are, first in the message. */
  constructor(caller: string, problems: readonly FoundProblem[]) {
    const described = problems.map((p) => ({ ...p, message: p.message ?? `${p.path} must be ${p.expected}, got ${String(p.received)}` }));
    super(`${caller} options`, described, `${caller}: ${described.map((p) => p.message).join('; ')}`);
  }
}

/** `invalid <what>: N problems`, then one line per problem, as errors and the CLI print them. */
export function problemsMessage(what: string, problems: ReadonlyArray<Omit<InputProblem, 'message'>>): string {
  const lines = problems.map((p) => `  - ${p.path || `(${what})`}: expected ${p.expected}, received ${describeValue(p.received)}`);
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
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
