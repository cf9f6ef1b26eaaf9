import { InvalidInputError } from '../errors';

/** One rejected argument: which function, which argument, what it needed, what it got. */
export interface AnalyticIssue {
  readonly function: string;
  /** Dotted path of the argument, e.g. `agents` or `target.serviceLevel`. */
  readonly argument: string;
  readonly expected: string;
  readonly received: unknown;
}

/**
 * Thrown by the analytic functions for arguments they cannot use, listing every problem at
 * once (not only the first), one line each, and for an unstable Erlang C load. `problems` has
 * the shape of every input error's; `issues` also names the function.
 *
 * @example
 * ```ts
 * try {
 *   erlangC({ arrivalsPerHour: -1, meanHandleSeconds: 300, agents: 2.5 });
 * } catch (error) {
 *   if (error instanceof AnalyticInputError) console.log(error.issues.map((i) => i.argument));
 *   // ['arrivalsPerHour', 'agents']
 * }
 * ```
 */
export class AnalyticInputError extends InvalidInputError {
  override readonly name = 'AnalyticInputError';
  readonly issues: readonly AnalyticIssue[];

  constructor(issues: readonly AnalyticIssue[], message?: string) {
    const problems = issues.map(({ argument, expected, received }) => ({ path: argument, expected, received }));
    super('arguments', problems, message ?? issues.map(describeIssue).join('\n'));
    this.issues = issues;
  }
}

function describeIssue(issue: AnalyticIssue): string {
  return `${issue.function}: ${issue.argument} must be ${issue.expected}, got ${formatReceived(issue.received)}`;
}

/** Shows a received value as a person would type it: `2.5`, `NaN`, `"5"`, `undefined`. */
export function formatReceived(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
