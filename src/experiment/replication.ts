// One replication of an experiment, the one place where a scenario runs with a replication's
// seed: every runner (in-process, worker threads, a cluster's workers) runs jobs through here.
import type { Report } from '../metrics';
import type { Slices } from '../model';
import { scenarioSlices } from '../season';
import type { ResolvedScenario, Scenario } from '../scenario';
import { comparePairSlices, type ComparedPair } from './pair';

/**
 * One whole replication, as plain JSON (the scenarios as written, and the replication's own
 * derived seed), so that it can go to a worker thread or through a queue: a run, or both arms
 * of a comparison on the same seed.
 */
export type ReplicationJob =
  | { kind: 'replicate'; scenario: Scenario; seed: number }
  | { kind: 'compare'; baseline: Scenario; variant: Scenario; seed: number };

/** What a job gives: the run's report, or the comparison's pair of reports and its savings. */
export type ReplicationOutcome = { kind: 'replicate'; report: Report } | { kind: 'compare'; pair: ComparedPair };

/** A job ready to run: its scenarios resolved, each with the job's seed. */
export type ResolvedReplication =
  | { kind: 'replicate'; scenario: ResolvedScenario }
  | { kind: 'compare'; baseline: ResolvedScenario; variant: ResolvedScenario };

/** A job's scenarios resolved by `resolve` (a cache, so that jobs of one scenario resolve it once), with the job's seed. */
export function resolveJob(job: ReplicationJob, resolve: (scenario: Scenario) => ResolvedScenario): ResolvedReplication {
  const seeded = (scenario: Scenario): ResolvedScenario => ({ ...resolve(scenario), seed: job.seed });
  return job.kind === 'replicate'
    ? { kind: 'replicate', scenario: seeded(job.scenario) }
    : { kind: 'compare', baseline: seeded(job.baseline), variant: seeded(job.variant) };
}

/** A replication as slices of about `sliceMilliseconds` (Infinity: one), ending in its outcome. */
export function* replicationSlices(replication: ResolvedReplication, sliceMilliseconds?: number): Slices<ReplicationOutcome> {
  if (replication.kind === 'replicate') return { kind: 'replicate', report: yield* scenarioSlices(replication.scenario, undefined, sliceMilliseconds) };
  return { kind: 'compare', pair: yield* comparePairSlices(replication.baseline, replication.variant, sliceMilliseconds) };
}

/** Resolves scenarios through a cache of this call's: each scenario object once. */
export function resolverOnce(resolve: (scenario: Scenario) => ResolvedScenario): (scenario: Scenario) => ResolvedScenario {
  const cache = new Map<Scenario, ResolvedScenario>();
  return (scenario) => {
    let resolved = cache.get(scenario);
    if (!resolved) cache.set(scenario, (resolved = resolve(scenario)));
    return resolved;
  };
}
