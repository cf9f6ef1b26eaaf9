export type {
  Agents,
  Arrivals,
  CallbackOffer,
  CallbackOptIn,
  CallbackPolicy,
  ResolvedCallbackPolicy,
  ResolvedScenario,
  Scenario,
  Schedule,
} from './types';
export type { Distribution } from '../random';
export { ScenarioError, describeValue, problemsMessage, type ScenarioProblem } from './errors';
export { validateScenario, scenarioProblems, problemsFromIssues } from './validate';
export { resolveScenario } from './resolve';
export { scenarioSchema, distributionSchema, callbackPolicySchema } from './schema';
export { scenarioJsonSchema } from './jsonSchema';
