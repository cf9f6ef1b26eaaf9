import { describe, expect, it } from 'vitest';
import { validateScenario, type Distribution, type MultiLineScenario, type SimEvent } from '../../src';
import { scriptedRun } from '../support/scripted';

// A line's priority as a waiting credit (docs/design-decisions.md, "Lines, groups and
// routing"): the caller ranks as if they had joined `creditSeconds` earlier, after the strict
// levels. Worked example: one agent, 100 s calls, nobody hangs up.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

function answers(events: readonly SimEvent[]): Array<[number, number, number]> {
  return events.flatMap((e): Array<[number, number, number]> => (e.type === 'answered' ? [[e.time, e.callerId, e.holdSeconds]] : []));
}

const line = (name: string, priority: MultiLineScenario['lines'][number]['priority']) => ({
  name,
  arrivals: { perHour: 1 },
  handleTime: fixed(100),
  ...(priority === undefined ? {} : { priority }),
  routing: [{ group: 'shared' }],
});

describe('priority by waiting credit, worked example', () => {
  const scenario: MultiLineScenario = {
    durationSeconds: 1000,
    lines: [line('regular', undefined), line('valued', { creditSeconds: 90 }), line('urgent', 1)],
    groups: [{ name: 'shared', agents: 1 }],
  };

  it('a freed agent takes the strict level first, then the longest wait counting the credit', () => {
    // #0 regular 0 (answered at once, ends 100), #1 regular 20, #2 valued 60 (ranks as if it
    // joined at -30), #3 regular 70, #4 valued 150 (ranks as 60), #5 urgent 180.
    const { events } = scriptedRun(scenario, { regular: [0, 20, 70], valued: [60, 150], urgent: [180] });
    expect(answers(events)).toEqual([
      [0, 0, 0], //     ends at 100
      [100, 2, 40], //  valued #2 (60 - 90 = -30) before regular #1 (20); ends at 200
      [200, 5, 20], //  urgent #5: strict level 1 beats any credit; ends at 300
      [300, 1, 280], // regular #1 (20) before valued #4 (150 - 90 = 60) and regular #3 (70); ends at 400
      [400, 4, 250], // valued #4 (60) before regular #3 (70); ends at 500
      [500, 3, 430],
    ]);
  });

  it('without the credit the same callers are served first come, first served', () => {
    const plain: MultiLineScenario = { ...scenario, lines: [line('regular', undefined), line('valued', 0), line('urgent', 1)] };
    const { events } = scriptedRun(plain, { regular: [0, 20, 70], valued: [60, 150], urgent: [180] });
    // #0 at 0; #1 (20) at 100; urgent #5 at 200; then #2 (60), #3 (70), #4 (150).
    expect(answers(events).map(([time, caller]) => [time, caller])).toEqual([
      [0, 0],
      [100, 1],
      [200, 5],
      [300, 2],
      [400, 3],
      [500, 4],
    ]);
  });

  it('the credit does not open a delayed route sooner', () => {
    // `valued` reaches `shared` only after 60 s of real waiting, whatever its credit: at 100 the
    // valued caller of 50 has waited 50 s, so the agent takes regular #1 (arrived 80).
    const delayed: MultiLineScenario = {
      durationSeconds: 1000,
      lines: [line('regular', undefined), { ...line('valued', { creditSeconds: 90 }), routing: [{ group: 'own' }, { group: 'shared', afterSeconds: 60 }] }],
      groups: [
        { name: 'shared', agents: 1 },
        { name: 'own', agents: 1 },
      ],
    };
    // #0 regular 0 (shared, ends 100), #1 valued 10 (own, ends 110), #2 valued 50, #3 regular 80.
    const { events } = scriptedRun(delayed, { regular: [0, 80], valued: [10, 50] });
    expect(answers(events)).toEqual([
      [0, 0, 0],
      [10, 1, 0],
      [100, 3, 20], // #2 has waited 50 s < 60: not yet eligible for shared
      [110, 2, 60], // own takes #2
    ]);
  });

  it('a credit that is not a duration is an error naming its path', () => {
    const bad = { ...scenario, lines: [line('regular', undefined), line('valued', { creditSeconds: -5 } as never)] };
    expect(() => validateScenario(bad)).toThrow("lines[1].priority.creditSeconds: expected a number >= 0, received -5");
  });
});
