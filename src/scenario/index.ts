export type {
  AgentGroup,
  AgentSelection,
  Agents,
  Arrivals,
  AtClose,
  Balking,
  ByInterval,
  Calendar,
  CalendarDay,
  DayOverrides,
  ResolvedDay,
  CallbackOffer,
  CallbackOptIn,
  CallbackPolicy,
  Line,
  MultiLineScenario,
  OnTimeout,
  Redial,
  RedialAfter,
  ResolvedCallbackPolicy,
  ResolvedGroup,
  ResolvedLine,
  ResolvedRoute,
  ResolvedScenario,
  Route,
  Transfer,
  Scenario,
  Schedule,
  SingleLineScenario,
  TimedDistribution,
} from './types';
export { distributionsOf, intervalOf, isByInterval, meanOverIntervals } from './byInterval';
export { isMultiLine, offersCallback, requireSingleLine, soleLine } from './forms';
export type { Distribution } from '../random';
export { ScenarioError, describeValue, problemsMessage, type ScenarioProblem } from './errors';
export { validateScenario, scenarioProblems } from './validate';
export { problemsFromIssues } from './schemaIssues';
export { scenarioWarnings, compareWarnings, type ScenarioWarning } from './warnings';
export { resolveScenario, isResolvedScenario, SINGLE_LINE_NAME, SINGLE_GROUP_NAME } from './resolve';
export { scenarioSchema, singleLineScenarioSchema, multiLineScenarioSchema, distributionSchema, callbackPolicySchema } from './schema';
export { scenarioJsonSchema } from './jsonSchema';
export { scenarioClock, clockTime, secondsOfDay, type ScenarioClock } from './clock';
export { dayScenario, dayNumber } from './calendar';
