import { calendarProblems } from './calendar';
import { isRecord, multiLineProblems, singleLineProblems } from './crossFieldChecks';
import { ScenarioError, type ScenarioProblem } from './errors';
import { multiLineScenarioSchema, singleLineScenarioSchema } from './schema';
import { explainForm, problemsFromIssues } from './schemaIssues';
import type { Scenario } from './types';

/**
 * Checks a scenario and returns it typed, or throws a `ScenarioError` that lists every problem:
 * the field path, what was expected and what was received. Nothing is simulated before this
 * passes, so bad input never fails deep inside a run.
 *
 * @example
 * const scenario = validateScenario(JSON.parse(text)); // throws ScenarioError on bad input
 */
export function validateScenario(input: unknown): Scenario {
  const problems = scenarioProblems(input);
  if (problems.length > 0) throw new ScenarioError(problems);
  return input as Scenario;
}

/**
 * Every problem with a scenario, or an empty list when it is valid: for forms and editors
 * that show problems rather than throw.
 *
 * @example
 * scenarioProblems({ arrivals: { perHour: -5 }, agents: 3, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 60 } });
 * // [{ path: 'arrivals.perHour', expected: 'a number >= 0', received: -5 }]
 */
export function scenarioProblems(input: unknown): ScenarioProblem[] {
  const multiLine = isRecord(input) && 'lines' in input;
  const schema = multiLine ? multiLineScenarioSchema : singleLineScenarioSchema;
  const parsed = schema.safeParse(input, { reportInput: true });
  const problems = parsed.success ? [] : problemsFromIssues(parsed.error.issues).map((p) => explainForm(p, multiLine));
  if (!isRecord(input)) return problems;
  const all = [...problems, ...(multiLine ? multiLineProblems(input) : singleLineProblems(input))];
  // A calendar's days once its own shape is sound; each day's scenario once the scenario is too.
  if (input.calendar === undefined || all.some((p) => p.path === 'calendar' || p.path.startsWith('calendar.'))) return all;
  return [...all, ...calendarProblems(input, all.length === 0 ? scenarioProblems : undefined)];
}
