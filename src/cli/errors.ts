import { InvalidInputError } from '../errors';
import { ClusterError } from '../node/cluster/connection';

/** A mistake in how the command was called: exit code 2, like every invalid input. */
export class UsageError extends InvalidInputError {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super('command', [{ path: '', expected: 'a command line the command can run', received: undefined, message }], message);
  }
}

/** Exit codes: 0 success, 2 invalid input (scenario, file, records or options), 1 anything else. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof InvalidInputError ? 2 : 1;
}

/**
 * Whether the message alone says all there is: invalid input, a cluster whose Redis cannot be
 * used, or the system refusing a file or a connection (a disk full, a permission). Anything
 * else is a failure nobody foresaw, a bug whose stack trace is worth reporting.
 */
export function isForeseen(error: unknown): boolean {
  if (exitCodeOf(error) === 2 || error instanceof ClusterError) return true;
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}
