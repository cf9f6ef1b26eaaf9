import { AnalyticInputError } from '../analytic';
import { SweepError } from '../experiment';
import { ScenarioFileError } from '../node/scenarioFiles';
import { CalibrationError } from '../calibrate';
import { RecordFileError } from '../node/callRecordFiles';
import { ScenarioError } from '../scenario';
import { StaffingOptionsError } from '../staffing';

/** A mistake in how the command was called: exit code 2, like invalid input. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes: 0 success, 2 invalid input (scenario, file or options), 1 anything else. */
export function exitCodeOf(error: unknown): 1 | 2 {
  const invalidInput =
    error instanceof ScenarioError ||
    error instanceof ScenarioFileError ||
    error instanceof UsageError ||
    error instanceof SweepError ||
    error instanceof AnalyticInputError ||
    error instanceof RecordFileError ||
    error instanceof CalibrationError ||
    error instanceof StaffingOptionsError ||
    (error instanceof RangeError && /^(replicate|compare|sweep): /.test(error.message));
  return invalidInput ? 2 : 1;
}
