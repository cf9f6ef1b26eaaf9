import { describe, expect, it } from 'vitest';
import type { MultiLineScenario } from '../../src';
import { scriptedRun } from '../support/scripted';

// The figures other contact-center simulators report (docs/design-decisions.md, "Metrics and
// reports"): speed of answer over the answered calls, the service level over every call
// offered, and a group's busy time by line, on a worked example.
describe('speed of answer, service level of calls offered, busy time by line', () => {
  // One agent serves two lines over a 600 s day: `a` with 100 s calls, `b` with 200 s calls
  // and no room on hold (maxOnHold 0). a#0 arrives at 0 (answered at once, 0 to 100), a#1 at 50
  // (held 50 s, 100 to 200), b#2 at 250 (answered at once, 250 to 450), b#3 at 300 (the agent is
  // busy and nobody may hold: disconnected).
  const scenario: MultiLineScenario = {
    durationSeconds: 600,
    lines: [
      { name: 'a', arrivals: { perHour: 1 }, handleTime: { type: 'fixed', seconds: 100 }, routing: [{ group: 'g' }] },
      { name: 'b', arrivals: { perHour: 1 }, handleTime: { type: 'fixed', seconds: 200 }, maxOnHold: 0, routing: [{ group: 'g' }] },
    ],
    groups: [{ name: 'g', agents: 1 }],
  };
  const { report } = scriptedRun(scenario, { a: [0, 50], b: [250, 300] });

  it('speed of answer is the mean hold of the answered calls: (0 + 50 + 0) / 3 in all, 25 s on a, 0 on b', () => {
    expect(report.speedOfAnswer.meanSeconds).toBeCloseTo(50 / 3, 12);
    expect(report.lines.a!.speedOfAnswer.meanSeconds).toBe(25);
    expect(report.lines.b!.speedOfAnswer.meanSeconds).toBe(0);
  });

  it('the service level over the calls offered counts the disconnected call: 2 within 20 s of 4 offered, against 2 of the 3 that held', () => {
    expect(report.serviceLevel).toEqual({ seconds: 20, fraction: 2 / 3, fractionOfOffered: 2 / 4 });
    expect(report.lines.b!.serviceLevel).toEqual({ seconds: 20, fraction: 1, fractionOfOffered: 1 / 2 });
  });

  it("the group's busy time by line: 200 s with each line's calls over 600 s on duty, adding up to its occupancy", () => {
    const group = report.groups.g!;
    expect(group.occupancyByLine).toEqual({ a: 200 / 600, b: 200 / 600 });
    expect(group.occupancy).toBeCloseTo(400 / 600, 12);
  });
});
