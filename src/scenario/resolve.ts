import { resolveCalendar } from './calendar';
import { validateScenario } from './validate';
import type {
  Arrivals,
  CallbackPolicy,
  Line,
  MultiLineScenario,
  ResolvedCallbackPolicy,
  ResolvedLine,
  ResolvedScenario,
  Scenario,
  Schedule,
  SingleLineScenario,
} from './types';

const SECONDS_PER_HOUR = 3600;
/** Calls a person makes in all when a redial rule gives no cap (DESIGN.md, "Redials"). */
const DEFAULT_REDIAL_ATTEMPTS = 10;

/** The names a single-line scenario's line and group take in reports and events. */
export const SINGLE_LINE_NAME = 'main';
export const SINGLE_GROUP_NAME = 'agents';

// What `resolveScenario` made: handed back as they are, so that a function given one skips
// validation. A user's own object is never remembered: it may change between two calls.
const resolvedForms = new WeakSet<ResolvedScenario>();
// The frozen copy of what was written each resolved form keeps (`written`): it cannot change,
// so resolving it again is looking it up.
const resolvedOfWritten = new WeakMap<Scenario, ResolvedScenario>();

/**
 * Validates a scenario and fills in its defaults (DESIGN.md, "The scenario"): the form the
 * model runs on. A single-line scenario becomes the one-line, one-group case of the multi-line
 * form. Throws `ScenarioError` listing every problem when the input is invalid.
 *
 * Validation runs once per scenario: every function that takes a `Scenario` also takes what
 * this returns (or its `written` form) and then validates nothing, so a scenario used many
 * times (a file run, compared and reported) is best resolved first. Given a resolved scenario,
 * or its `written` form, this returns the resolved one at no cost.
 *
 * @example
 * resolveScenario({ arrivals: { perHour: 570 }, agents: 50, durationSeconds: 28_800,
 *   handleTime: { type: 'exponential', meanSeconds: 300 } }).seed; // 1
 */
export function resolveScenario(input: unknown): ResolvedScenario {
  if (isResolvedScenario(input)) return input;
  const known = resolvedOfWritten.get(input as Scenario);
  if (known) return known;
  // A frozen copy, so that the resolved form (which shares its lists and distributions) stays
  // what was checked whatever becomes of the caller's object.
  const written = deepFreeze(structuredClone(validateScenario(input)));
  const resolved = written.calendar ? { ...resolveOne(written), calendar: resolveCalendar(written, resolveOne) } : resolveOne(written);
  resolvedForms.add(resolved);
  resolvedOfWritten.set(written, resolved);
  return resolved;
}

function resolveOne(scenario: Scenario): ResolvedScenario {
  return 'lines' in scenario ? resolveMultiLine(scenario) : resolveSingleLine(scenario);
}

/**
 * True for what `resolveScenario` returned (validated, defaults filled in); false for anything
 * else, a copy of one included.
 *
 * @example
 * isResolvedScenario(resolveScenario(scenario)); // true
 * isResolvedScenario(scenario); // false
 */
export function isResolvedScenario(input: unknown): input is ResolvedScenario {
  return typeof input === 'object' && input !== null && resolvedForms.has(input as ResolvedScenario);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function resolveSingleLine(scenario: SingleLineScenario): ResolvedScenario {
  const arrivalSchedule = scheduleOf(scenario.arrivals);
  const agentSchedule = typeof scenario.agents === 'number' ? undefined : scenario.agents;
  // Arrivals stop where their forecast ends; a longer roster covers the drain after it.
  const durationSeconds = scenario.durationSeconds ?? scheduleSeconds(arrivalSchedule ?? agentSchedule);
  const serviceLevelSeconds = scenario.serviceLevelSeconds ?? 20;
  const line: Line = { ...scenario, name: SINGLE_LINE_NAME, routing: [{ group: SINGLE_GROUP_NAME }] };
  return {
    ...common(scenario, durationSeconds, serviceLevelSeconds),
    written: scenario,
    multiLine: false,
    rateUncertaintyCv: 0,
    lines: [resolveLine(line, durationSeconds, serviceLevelSeconds, [SINGLE_GROUP_NAME], [SINGLE_LINE_NAME])],
    groups: [{ name: SINGLE_GROUP_NAME, agents: rosterOf(scenario.agents, durationSeconds), lineOrder: [] }],
    reportIntervalSeconds: reportInterval(arrivalSchedule?.intervalSeconds ?? agentSchedule?.intervalSeconds, durationSeconds),
  };
}

function resolveMultiLine(scenario: MultiLineScenario): ResolvedScenario {
  const arrivalSchedules = scenario.lines.map((line) => scheduleOf(line.arrivals)).filter((s) => s !== undefined);
  const rosters = scenario.groups.map((group) => group.agents).filter((a) => typeof a !== 'number');
  const durationSeconds =
    scenario.durationSeconds ??
    Math.max(0, ...(arrivalSchedules.length > 0 ? arrivalSchedules : rosters).map(scheduleSeconds));
  const serviceLevelSeconds = scenario.serviceLevelSeconds ?? 20;
  const groupNames = scenario.groups.map((group) => group.name);
  return {
    ...common(scenario, durationSeconds, serviceLevelSeconds),
    written: scenario,
    multiLine: true,
    rateUncertaintyCv: scenario.rateUncertainty?.cv ?? 0,
    lines: scenario.lines.map((line) => resolveLine(line, durationSeconds, serviceLevelSeconds, groupNames, scenario.lines.map((l) => l.name))),
    groups: scenario.groups.map((group) => ({
      name: group.name,
      agents: rosterOf(group.agents, durationSeconds),
      lineOrder: (group.lineOrder ?? []).map((name) => scenario.lines.findIndex((line) => line.name === name)),
    })),
    // Rows follow the shortest of the planner's own intervals.
    reportIntervalSeconds: reportInterval(
      arrivalSchedules.length > 0
        ? Math.min(...arrivalSchedules.map((s) => s.intervalSeconds))
        : rosters.length > 0 ? Math.min(...rosters.map((s) => s.intervalSeconds)) : undefined,
      durationSeconds,
    ),
  };
}

function common(scenario: Scenario, durationSeconds: number, serviceLevelSeconds: number) {
  return {
    name: scenario.name ?? 'scenario',
    seed: scenario.seed ?? 1,
    durationSeconds,
    warmupSeconds: scenario.warmupSeconds ?? 0,
    serviceLevelSeconds,
    trunks: scenario.trunks ?? Infinity,
    queueCapacity: scenario.queueCapacity ?? Infinity,
    agentSelection: scenario.agentSelection ?? 'route-order',
  };
}

function resolveLine(
  line: Line, durationSeconds: number, serviceLevelSeconds: number, groupNames: readonly string[], lineNames: readonly string[],
): ResolvedLine {
  const redial = line.redial;
  return {
    name: line.name,
    arrivals: scheduleOf(line.arrivals) ?? {
      intervalSeconds: durationSeconds,
      perInterval: ['perHour' in line.arrivals ? line.arrivals.perHour * (durationSeconds / SECONDS_PER_HOUR) : 0],
    },
    rateUncertaintyCv: line.arrivals.rateUncertainty?.cv ?? 0,
    handleTime: line.handleTime,
    patience: line.patience,
    afterCallWork: line.afterCallWork,
    priority: typeof line.priority === 'number' ? line.priority : 0,
    creditSeconds: typeof line.priority === 'object' ? line.priority.creditSeconds : 0,
    serviceLevelSeconds: line.serviceLevelSeconds ?? serviceLevelSeconds,
    routing: line.routing.map((route) => ({
      group: groupNames.indexOf(route.group),
      afterSeconds: route.afterSeconds ?? 0,
      handleTime: route.handleTime,
      afterCallWork: route.afterCallWork,
      transfer: route.transfer && { probability: route.transfer.probability, toLine: lineNames.indexOf(route.transfer.toLine) },
    })),
    balking: line.balking,
    redial: redial && {
      probability: redial.probability,
      delay: redial.delay,
      maxAttempts: redial.maxAttempts ?? DEFAULT_REDIAL_ATTEMPTS,
      after: redial.after ?? ['abandoned', 'busy', 'disconnected', 'balked'],
      keep: redial.keep ?? [],
    },
    maxOnHold: line.maxOnHold ?? Infinity,
    atClose: line.atClose ?? 'serve',
    maxWaitSeconds: line.maxWaitSeconds ?? Infinity,
    onTimeout: line.onTimeout ?? 'message',
    callback: line.callback && resolveCallback(line.callback),
  };
}

function resolveCallback(callback: CallbackPolicy): ResolvedCallbackPolicy {
  return {
    offer: callback.offer,
    optIn: callback.optIn,
    position: callback.position ?? 'keep-place',
    dialSeconds: callback.dialSeconds ?? 0,
    answerProbability: callback.answerProbability ?? 1,
    maxAttempts: callback.maxAttempts ?? 1,
    retryDelaySeconds: callback.retryDelaySeconds ?? 0,
    handleTime: callback.handleTime,
  };
}

function scheduleOf(arrivals: Arrivals): Schedule | undefined {
  return 'perHour' in arrivals ? undefined : { intervalSeconds: arrivals.intervalSeconds, perInterval: arrivals.perInterval };
}

function rosterOf(agents: SingleLineScenario['agents'], durationSeconds: number): Schedule {
  return typeof agents === 'number' ? { intervalSeconds: durationSeconds, perInterval: [agents] } : agents;
}

function scheduleSeconds(schedule: Schedule | undefined): number {
  return schedule ? schedule.intervalSeconds * schedule.perInterval.length : 0;
}

// Rows follow the planner's own intervals (the arrival forecast's, else the roster's), else hours.
function reportInterval(plannerInterval: number | undefined, durationSeconds: number): number {
  return plannerInterval ?? Math.min(SECONDS_PER_HOUR, durationSeconds);
}
