import { beforeAll, describe, expect, it } from 'vitest';
import { backtest, backtestDayTypes, CalibrationError, fitStaffing, type CallRecord, type DayTypeScenarios, type FitDiagnostics } from '../../src/calibrate';
import { inProcess, OptionsError, type ReplicationRunner, type SingleLineScenario } from '../../src';
import { workerThreads } from '../../src/node';
import { recordsOf } from '../support/calibration';

// Calibration's simulations run where its `runner` says, as `replicate()`'s do: the jobs reach
// the runner given, and the results are the default's, bit for bit.

/** Two hours of a small line, a roster that keeps some callers waiting. */
const line: SingleLineScenario = {
  name: 'small line',
  seed: 5,
  arrivals: { intervalSeconds: 1800, perInterval: [40, 60, 60, 40] },
  agents: { intervalSeconds: 1800, perInterval: [4, 6, 6, 4] },
  handleTime: { type: 'exponential', meanSeconds: 180 },
  patience: { type: 'exponential', meanSeconds: 300 },
};

/** `inProcess()`, counting the jobs it is handed. */
function countingRunner(): ReplicationRunner & { jobs: number; kinds: Set<string> } {
  const inner = inProcess();
  const runner = {
    jobs: 0,
    kinds: new Set<string>(),
    run: (jobs: Parameters<ReplicationRunner['run']>[0], options?: Parameters<ReplicationRunner['run']>[1]) => {
      runner.jobs += jobs.length;
      for (const job of jobs) runner.kinds.add(job.kind);
      return inner.run(jobs, options);
    },
  };
  return runner;
}

let records: CallRecord[];
beforeAll(async () => {
  records = await recordsOf(line, 3);
});

describe('backtest takes a runner', () => {
  it('hands the runner one replicate job per simulated day and gives the default in-process result', async () => {
    const runner = countingRunner();
    const counted = await backtest(line, records, { replications: 5, seed: 3, runner });
    expect(runner.jobs).toBe(5);
    expect([...runner.kinds]).toEqual(['replicate']);
    expect(counted).toEqual(await backtest(line, records, { replications: 5, seed: 3 }));
  });

  it('gives the in-process result on worker threads', async () => {
    const onThreads = await backtest(line, records, { replications: 4, seed: 3, runner: workerThreads({ workers: 1 }) });
    expect(onThreads).toEqual(await backtest(line, records, { replications: 4, seed: 3 }));
  });

  it('passes the runner on from backtestDayTypes, one backtest per day type', async () => {
    const fit: DayTypeScenarios = { dayTypes: [{ name: 'every-day', weekdays: [0, 1, 2, 3, 4, 5, 6], days: [], openAtSeconds: 0, scenario: line }], teams: {} };
    const runner = countingRunner();
    await backtestDayTypes(fit, records, { replications: 3, runner });
    expect(runner.jobs).toBe(3);
  });

  it('names a runner that is not one, with the other problems, before simulating', async () => {
    const error = await backtest(line, records, { replications: 1, runner: { go: true } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalibrationError);
    expect((error as CalibrationError).problems.map((p) => p.message)).toEqual([
      'replications must be an integer >= 2, got 1',
      'runner must be a ReplicationRunner: inProcess(), or workerThreads() or redisCluster() of queuecast/node, got [object Object]',
    ]);
  });
});

describe('fitStaffing takes a runner', () => {
  // Observed: a mean wait of 20 s over 3 days. The search is three bisections of 9 trials (the
  // availability for the mean, and for the mean ± 2 standard errors) and the fitted trial: 28
  // trials of `replications` days each.
  const type = {
    scenario: line,
    observed: { meanWaitSeconds: 20, sdSeconds: 6, days: 3, abandonment: 0.05 },
    diagnostics: { intervalSeconds: 1800 } as FitDiagnostics,
  };

  it('hands the runner every trial day and gives the default in-process fit', async () => {
    const runner = countingRunner();
    const counted = await fitStaffing(type, { replications: 2, seed: 1, runner });
    expect(runner.jobs).toBe(28 * 2);
    expect(counted).toEqual(await fitStaffing(type, { replications: 2, seed: 1 }));
  });

  it('names bad options at once, every one, as fitStaffing', async () => {
    const error = await fitStaffing(type, { replications: 1, runner: 'threads' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as OptionsError).problems.map((p) => p.path)).toEqual(['replications', 'runner']);
    expect((error as OptionsError).message).toBe(
      'fitStaffing: replications must be an integer >= 2, got 1; runner must be a ReplicationRunner: inProcess(), or workerThreads() or redisCluster() of queuecast/node, got threads',
    );
  });
});
