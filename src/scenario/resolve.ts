import { validateScenario } from './validate';
import type { ResolvedScenario, Scenario, Schedule } from './types';

const SECONDS_PER_HOUR = 3600;

/**
 * Validates a scenario and fills in its defaults (DESIGN.md, "The scenario"): the form the
 * model runs on. Throws `ScenarioError` listing every problem when the input is invalid.
 *
 * @example
 * resolveScenario({ arrivals: { perHour: 570 }, agents: 50, durationSeconds: 28_800,
 *   handleTime: { type: 'exponential', meanSeconds: 300 } }).seed; // 1
 */
export function resolveScenario(input: unknown): ResolvedScenario {
  const scenario: Scenario = validateScenario(input);
  const { arrivals, agents } = scenario;
  const arrivalSchedule = 'perHour' in arrivals ? undefined : { intervalSeconds: arrivals.intervalSeconds, perInterval: arrivals.perInterval };
  const agentSchedule = typeof agents === 'number' ? undefined : agents;
  // Arrivals stop where their forecast ends; a longer roster covers the drain after it.
  const durationSeconds =
    scenario.durationSeconds ?? (arrivalSchedule ? scheduleSeconds(arrivalSchedule) : scheduleSeconds(agentSchedule));

  const callback = scenario.callback;
  return {
    name: scenario.name ?? 'scenario',
    seed: scenario.seed ?? 1,
    durationSeconds,
    warmupSeconds: scenario.warmupSeconds ?? 0,
    serviceLevelSeconds: scenario.serviceLevelSeconds ?? 20,
    arrivals: arrivalSchedule ?? {
      intervalSeconds: durationSeconds,
      perInterval: [('perHour' in arrivals ? arrivals.perHour : 0) * (durationSeconds / SECONDS_PER_HOUR)],
    },
    rateUncertaintyCv: arrivals.rateUncertainty?.cv ?? 0,
    agents: agentSchedule ?? { intervalSeconds: durationSeconds, perInterval: [agents as number] },
    handleTime: scenario.handleTime,
    patience: scenario.patience,
    callback: callback && {
      offer: callback.offer,
      optIn: callback.optIn,
      position: callback.position ?? 'keep-place',
      dialSeconds: callback.dialSeconds ?? 0,
      answerProbability: callback.answerProbability ?? 1,
      maxAttempts: callback.maxAttempts ?? 1,
      retryDelaySeconds: callback.retryDelaySeconds ?? 0,
      handleTime: callback.handleTime,
    },
    reportIntervalSeconds: reportInterval(arrivalSchedule, agentSchedule, durationSeconds),
  };
}

function scheduleSeconds(schedule: Schedule | undefined): number {
  return schedule ? schedule.intervalSeconds * schedule.perInterval.length : 0;
}

// Rows follow the planner's own intervals: the arrival forecast's, else the roster's, else hours.
function reportInterval(arrivals: Schedule | undefined, agents: Schedule | undefined, durationSeconds: number): number {
  return arrivals?.intervalSeconds ?? agents?.intervalSeconds ?? Math.min(SECONDS_PER_HOUR, durationSeconds);
}
