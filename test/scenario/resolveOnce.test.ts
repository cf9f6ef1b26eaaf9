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

const { compare, replicate, run, runSync, simulate } = await import('../../src');
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
  console.log("VALIDATIONS", counted.validations);
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
  });
});
