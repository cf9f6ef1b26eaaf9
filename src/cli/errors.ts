import { AnalyticInputError } from '../analytic';
import { SweepError } from '../experiment';
import { ScenarioFileError } from '../node/scenarioFiles';
import { CalibrationError } from '../calibrate';
import { ForecastInputError } from '../forecast';
import { RecordFileError } from '../node/callRecordFiles';
import { ClusterError } from '../node/cluster/connection';
import { ScenarioError } from '../scenario';
import { StaffingOptionsError } from '../staffing';

/** A mistake in how the command was called: exit code 2, like invalid input. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

// The errors that say what is wrong with what the planner gave: files, scenarios, options.
const INVALID_INPUT = [ScenarioError, ScenarioFileError, UsageError, SweepError, AnalyticInputError, RecordFileError, CalibrationError, StaffingOptionsError, ForecastInputError];

/** Exit codes: 0 success, 2 invalid input (scenario, file or options), 1 anything else. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return INVALID_INPUT.some((kind) => error instanceof kind) ? 2 : 1;
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
