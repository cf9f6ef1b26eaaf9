import type { StaffingTarget } from '../analytic';
import { InvalidInputError } from '../errors';
import { inProcess, runnerProblems, type ReplicationRunner } from '../experiment';
import type { ResolvedScenario, ScenarioProblem } from '../scenario';
import type { StaffingOptions } from './types';

/**
 * Options of `staffBySimulation()` that cannot be used, every problem at once, each with its
 * path (`target.serviceLevel`, `targetsByLine.billing`), what was expected and what was given.
 *
 * @example
 * try { await staffBySimulation(scenario, { target: { serviceLevel: 1.2 }, replications: 10 }); }
 * catch (error) { if (error instanceof StaffingOptionsError) for (const p of error.problems) console.log(p.path, p.expected); }
 */
export class StaffingOptionsError extends InvalidInputError {
  override readonly name = 'StaffingOptionsError';

  constructor(problems: readonly ScenarioProblem[]) {
    super('staffing options', problems);
  }
}

/** The measure a target constrains, and its value. */
export interface LineTarget {
  measure: 'serviceLevel' | 'probAbandon' | 'meanWaitSeconds';
  value: number;
}

export interface CheckedOptions {
  targets: LineTarget[];
  replications: number;
  seed: number;
  confidence: number;
  /** What meets a target: the mean over the replications, or the bound of its interval at `confidence`. */
  metOn: 'mean' | 'bound';
  maxIterations: number;
  minRoundSaving: number;
  runner: ReplicationRunner;
}

const MEASURES = ['serviceLevel', 'probAbandon', 'meanWaitSeconds'] as const;
// Of the achieved figures' intervals when no confidence is asked for (targets then met on the mean).
const DEFAULT_CONFIDENCE = 0.95;

/** Checks the options against the scenario's lines; throws a `StaffingOptionsError` listing every problem. */
export function checkStaffingOptions(options: StaffingOptions, scenario: ResolvedScenario): CheckedOptions {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, expected: string, received: unknown) => {
    // Lines that share the default target would each report its problem: once is enough.
    if (!problems.some((p) => p.path === path && p.expected === expected)) problems.push({ path, expected, received });
  };
  if (typeof options !== 'object' || options === null) {
    throw new StaffingOptionsError([{ path: '', expected: 'an object with target and replications', received: options }]);
  }
  const { replications, seed = scenario.seed, confidence = DEFAULT_CONFIDENCE, maxIterations = 40, minRoundSaving = 0, targetsByLine = {} } = options;
  if (!(typeof minRoundSaving === 'number' && minRoundSaving >= 0 && minRoundSaving < 1)) add('minRoundSaving', 'a fraction in [0, 1)', minRoundSaving);
  if (!(Number.isInteger(replications) && replications >= 2)) add('replications', 'an integer at least 2', replications);
  if (!Number.isInteger(seed)) add('seed', 'an integer', seed);
  if (!(typeof confidence === 'number' && confidence > 0 && confidence < 1)) add('confidence', 'a number in (0, 1)', confidence);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) add('maxIterations', 'an integer at least 1', maxIterations);
  for (const p of runnerProblems(options.runner, options.signal)) add(p.path, p.expected, p.received);
  const lineNames = scenario.lines.map((line) => line.name);
  if (typeof targetsByLine !== 'object' || targetsByLine === null) {
    add('targetsByLine', 'an object of targets by line name', targetsByLine);
  } else {
    for (const name of Object.keys(targetsByLine)) {
      if (!lineNames.includes(name)) add(`targetsByLine.${name}`, `the name of a line (${lineNames.join(', ')})`, name);
    }
  }
  const byLine = (typeof targetsByLine === 'object' && targetsByLine) || {};
  const targets = scenario.lines.map((line) => {
    const own = byLine[line.name];
    const path = own === undefined ? 'target' : `targetsByLine.${line.name}`;
    return checkTarget(own ?? options.target, path, line.patience !== undefined, line.name, add);
  });
  if (problems.length > 0) throw new StaffingOptionsError(problems);
  const metOn = options.confidence === undefined ? 'mean' : 'bound';
  return { targets, replications, seed, confidence, metOn, maxIterations, minRoundSaving, runner: options.runner ?? inProcess() };
}

function checkTarget(
  target: StaffingTarget | undefined,
  path: string,
  withPatience: boolean,
  lineName: string,
  add: (path: string, expected: string, received: unknown) => void,
): LineTarget {
  const given =
    typeof target === 'object' && target !== null
      ? MEASURES.filter((key) => (target as Record<string, unknown>)[key] !== undefined)
      : [];
  if (given.length !== 1) {
    add(path, 'an object with exactly one of serviceLevel, probAbandon, meanWaitSeconds', target);
    return { measure: 'serviceLevel', value: NaN };
  }
  const measure = given[0]!;
  const value = (target as Record<string, unknown>)[measure];
  const at = `${path}.${measure}`;
  if (measure === 'serviceLevel' && !(typeof value === 'number' && value >= 0 && value < 1)) {
    add(at, 'a fraction in [0, 1) (answering every caller within a finite time is never certain)', value);
  }
  if (measure === 'probAbandon' && !(typeof value === 'number' && value > 0 && value <= 1)) add(at, 'a fraction in (0, 1]', value);
  if (measure === 'probAbandon' && !withPatience) {
    add(at, `a serviceLevel or meanWaitSeconds target: line ${lineName} has no patience, so nobody abandons`, value);
  }
  if (measure === 'meanWaitSeconds' && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    add(at, 'a positive finite number of seconds', value);
  }
  return { measure, value: value as number };
}
