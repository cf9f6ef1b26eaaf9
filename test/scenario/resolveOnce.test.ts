// Validation runs once per input: a file or an API call validates its scenario at the boundary
// and passes the resolved form down. The count is taken where validation happens: every call of
// `validateScenario` and `scenarioProblems` from outside the validation module (the one counted
// entry each of them is), with the module's own functions left as they are.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const counted = vi.hoisted(() => ({ validations: 0 }));
vi.mock('../../src/scenario/validate', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scenario/validate')>();
  return {
    ...original,
    validateScenario: (input: unknown) => {
      counted.validations++;
      return original.validateScenario(input);
    },
    scenarioProblems: (input: unknown) => {
      counted.validations++;
      return original.scenarioProblems(input);
    },
  };
});

const { ScenarioError, compare, forecastWait, replicate, resolveScenario, run, runSync, scenarioWarnings, simulate } = await import('../../src');
const { main } = await import('../../src/cli/main');

const scenario = () => ({
  arrivals: { intervalSeconds: 1800, perInterval: [20, 30] },
  agents: 2,
  handleTime: { type: 'exponential' as const, meanSeconds: 240 },
  patience: { type: 'exponential' as const, meanSeconds: 300 },
});

async function validationsOf(work: () => unknown): Promise<number> {
  counted.validations = 0;
  await work();
  return counted.validations;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('validation runs once per input', () => {
  it('run, runSync and simulate validate their scenario once', async () => {
    expect(await validationsOf(() => run(scenario()))).toBe(1);
    expect(await validationsOf(() => runSync(scenario()))).toBe(1);
    expect(
      await validationsOf(
        () => new Promise<void>((resolve, reject) => simulate(scenario()).subscribe({ error: reject, complete: () => resolve() })),
      ),
    ).toBe(1);
  });

  it('forecastWait validates its scenario once, for the forecast and for the snapshot against it', async () => {
    const snapshot = { agents: 2, busy: [{ elapsedSeconds: 30 }, { elapsedSeconds: 90 }], hold: [{ waitedSeconds: 20 }], callbacks: [] };
    expect(await validationsOf(() => forecastWait(scenario(), snapshot, { replications: 20 }))).toBe(1);
  });

  it('a resolved scenario, or its written form, is taken as it is: no validation at all', async () => {
    const resolved = resolveScenario(scenario());
    expect(await validationsOf(() => resolveScenario(resolved))).toBe(0);
    expect(resolveScenario(resolved)).toBe(resolved);
    expect(resolveScenario(resolved.written)).toBe(resolved);
    expect(await validationsOf(() => run(resolved))).toBe(0);
    expect(await validationsOf(() => replicate(resolved.written, { replications: 2 }))).toBe(0);
    expect(await validationsOf(() => compare(resolved.written, resolved.written, { replications: 2 }))).toBe(0);
    expect(await validationsOf(() => scenarioWarnings(resolved))).toBe(0);
    // The same report as from the scenario itself: resolving first changes nothing but the cost.
    expect(runSync(resolved)).toEqual(runSync(scenario()));
  });

  it("a caller's own object is validated every time: it may have changed in between", async () => {
    const mine = scenario();
    expect(await validationsOf(() => run(mine))).toBe(1);
    mine.agents = 0;
    await expect(run(mine)).rejects.toBeInstanceOf(ScenarioError);
  });

  it('what was resolved stays what was checked: the written form is a frozen copy, and a copy of a resolved form is no resolved form', () => {
    const mine = scenario();
    const resolved = resolveScenario(mine);
    mine.arrivals.perInterval[0] = -5;
    expect(resolved.lines[0]!.arrivals.perInterval[0]).toBe(20);
    expect(resolved.written).toEqual(scenario());
    expect(Object.isFrozen((resolved.written as { arrivals: object }).arrivals)).toBe(true);
    expect(() => {
      (resolved.written as { seed?: number }).seed = 7;
    }).toThrow(TypeError);
    // A look-alike is validated as what it is, and refused: nothing unchecked reaches the model.
    expect(() => resolveScenario({ ...resolved })).toThrow(ScenarioError);
  });

  it('replicate validates its scenario once, compare each of its two once', async () => {
    expect(await validationsOf(() => replicate(scenario(), { replications: 3 }))).toBe(1);
    expect(await validationsOf(() => compare(scenario(), { ...scenario(), agents: 3 }, { replications: 3 }))).toBe(2);
  });

  it('queuecast run validates its file once, queuecast compare each of its two files once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'resolve-once-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const scenarios = new URL('../../examples/scenarios/', import.meta.url).pathname;
    const runArgs = ['run', join(scenarios, 'agency-line.yaml'), '-r', '2', '-w', '1', '--csv', join(out, 'run.csv'), '-o', join(out, 'run.html')];
    let code = -1;
    await validationsOf(async () => (code = await main(runArgs)));
    expect(code).toBe(0);
    const compareArgs = ['compare', join(scenarios, 'irs-like.yaml'), join(scenarios, 'irs-like-callback.yaml'), '-r', '2', '-w', '1', '-o', join(out, 'compare.html')];
    expect(await validationsOf(async () => (code = await main(compareArgs)))).toBe(2);
    expect(code).toBe(0);
    const staffArgs = ['staff', join(scenarios, 'agency-line.yaml'), '--service-level', '0.8', '--roster-csv', join(out, 'roster.csv')];
    expect(await validationsOf(async () => (code = await main(staffArgs)))).toBe(1);
    expect(code).toBe(0);
  });
});
