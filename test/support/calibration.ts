// A center whose truth is known, and its records: the calibration tests fit them and compare.
import type { CallRecord } from '../../src/calibrate';
import { simulatedRecords } from '../../src/node/simulatedRecords';
import type { SingleLineScenario } from '../../src';

/** Expected calls per half hour of an 8-hour day: a morning peak, a dip at lunch, a second peak. */
const calls = [200, 260, 320, 380, 420, 440, 430, 400, 360, 380, 420, 400, 340, 280, 220, 180];

/**
 * The known center: time-varying arrivals with a day factor (cv 0.08), lognormal handle time and
 * patience, and a roster at 87% of the offered load in each interval, which makes about 10% of
 * the callers hang up.
 */
export const knownCenter = {
  name: 'known center',
  seed: 7,
  arrivals: { intervalSeconds: 1800, perInterval: calls, rateUncertainty: { cv: 0.08 } },
  agents: { intervalSeconds: 1800, perInterval: calls.map((c) => Math.round((c / 1800) * 300 * 0.87)) },
  handleTime: { type: 'lognormal', meanSeconds: 300, cv: 0.9 },
  patience: { type: 'lognormal', meanSeconds: 420, cv: 1.3 },
} as const satisfies SingleLineScenario;

/** Every record of `days` simulated days of a scenario, in arrival order. */
export async function recordsOf(scenario: Parameters<typeof simulatedRecords>[0], days: number): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  for await (const day of simulatedRecords(scenario, { days })) records.push(...day);
  return records;
}
