import { describe, expect, it } from 'vitest';
import type { Distribution, MultiLineScenario, SimEvent } from '../../src';
import { scriptedRun } from '../support/scripted';

// A redial that keeps the person's patience and handle time (redial.keep), by a worked example.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

describe('a redial that keeps patience and handle time, worked example', () => {
  // One agent. A `blocker` call at 0 s holds them for 600 s (fixed). Person X calls line `calls`
  // at 10 s; their patience is uniform on [100, 120] s and their call uniform on [200, 400] s,
  // so neither is known in advance: call them P and H. They redial after a fixed 300 s.
  const scenario = (keep: Array<'patience' | 'handleTime'>): MultiLineScenario => ({
    durationSeconds: 2000,
    lines: [
      {
        name: 'calls',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: { type: 'uniform', minSeconds: 200, maxSeconds: 400 },
        patience: { type: 'uniform', minSeconds: 100, maxSeconds: 120 },
        redial: { probability: 1, delay: fixed(300), keep },
        routing: [{ group: 'agent' }],
      },
      { name: 'blocker', arrivals: { perHour: 1 }, handleTime: fixed(600), routing: [{ group: 'agent' }] },
    ],
    groups: [{ name: 'agent', agents: 1 }],
  });
  const arrivals = (blocker: boolean) => ({ calls: [10], blocker: blocker ? [0] : [] });
  const rows = (events: readonly SimEvent[]) =>
    events.flatMap((e): Array<Array<number | string>> => {
      if (e.type === 'arrival') return [[e.time, 'arrival', e.line, e.attempt]];
      if (e.type === 'answered' || e.type === 'abandoned') return [[e.time, e.type, e.line, e.holdSeconds]];
      if (e.type === 'call-ended') return [[e.time, e.type, e.line]];
      return [];
    });

  it('the second call abandons after the same patience, the third lasts as long as the first would have', () => {
    // X's first call, answered at once where nothing blocks the agent: it lasts H.
    const alone = rows(scriptedRun(scenario(['patience', 'handleTime']), arrivals(false)).events);
    expect(alone.slice(0, 2)).toEqual([[10, 'arrival', 'calls', 1], [10, 'answered', 'calls', 0]]);
    const H = (alone[2]![0] as number) - 10;
    expect(H).toBeGreaterThanOrEqual(200);
    expect(H).toBeLessThanOrEqual(400);

    const { events } = scriptedRun(scenario(['patience', 'handleTime']), arrivals(true));
    const timeline = rows(events);
    const P = (timeline[3]![0] as number) - 10;
    expect(P).toBeGreaterThanOrEqual(100);
    expect(P).toBeLessThanOrEqual(120);
    expect(timeline).toEqual([
      [0, 'arrival', 'blocker', 1], [0, 'answered', 'blocker', 0],
      [10, 'arrival', 'calls', 1],
      [10 + P, 'abandoned', 'calls', P], // the agent is busy until 600 s
      [310 + P, 'arrival', 'calls', 2], // 300 s later: in [410, 430] s, still blocked
      [310 + 2 * P, 'abandoned', 'calls', P], // the same patience, at [510, 550] s
      [600, 'call-ended', 'blocker'],
      [610 + 2 * P, 'arrival', 'calls', 3], // the agent is free: answered at once
      [610 + 2 * P, 'answered', 'calls', 0],
      [610 + 2 * P + H, 'call-ended', 'calls'], // the same handle time as the first call's
    ]);
  });

  it('without keep, the second call draws a patience of its own', () => {
    const timeline = rows(scriptedRun(scenario([]), arrivals(true)).events);
    const P = (timeline[3]![0] as number) - 10;
    const second = timeline[5]!;
    expect(second[1]).toBe('abandoned');
    expect(second[3]).not.toBeCloseTo(P, 6);
  });
});
