import { describe, expect, it } from 'vitest';
import { forecastWait, type SingleLineScenario } from '../../src';

// A live forecast on a line with a maximum wait (docs/design-decisions.md, "Maximum wait"): a
// caller on hold in the snapshot keeps what is left of the maximum (maxWaitSeconds less their
// wait so far), and the forecast says how likely the caller arriving now is to reach it.
describe('forecastWait with a maximum wait', () => {
  // One agent, in a call of exactly 600 s that has just begun; one caller on hold for 100 s;
  // nobody hangs up. The caller arriving now is answered when the agent frees, after whoever is
  // still on hold then.
  const scenario = (maxWaitSeconds: number): SingleLineScenario => ({
    durationSeconds: 8 * 3600,
    arrivals: { perHour: 1 },
    agents: 1,
    handleTime: { type: 'fixed', seconds: 600 },
    maxWaitSeconds,
  });
  const snapshot = { agents: 1, busy: [{ elapsedSeconds: 0 }], hold: [{ waitedSeconds: 100 }], callbacks: [] };

  it("the caller on hold times out at what is left of the maximum (400 s from now, before the agent frees at 600 s): the new caller is next, and their 600 s reach a maximum of 500 s", () => {
    const forecast = forecastWait(scenario(500), snapshot, { seed: 3 });
    expect(forecast.meanSeconds).toBe(600);
    expect(forecast.probTimeout).toBe(1);
    expect(forecast.probAbandon).toBe(0);
  });

  it('a maximum the caller on hold does not reach (they are answered at 600 s): the new caller waits for both calls, 1,200 s, within a maximum of 2,000 s', () => {
    const forecast = forecastWait(scenario(2000), snapshot, { seed: 3 });
    expect(forecast.meanSeconds).toBe(1200);
    expect(forecast.probTimeout).toBe(0);
  });

  it('a line without a maximum wait forecasts no probTimeout', () => {
    const { maxWaitSeconds: _, ...without } = scenario(500);
    expect('probTimeout' in forecastWait(without, snapshot, { seed: 3 })).toBe(false);
  });
});
