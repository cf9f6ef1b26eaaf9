import { OptionsError, type FoundProblem } from '../errors';

/** Options of `replicate()` and `compare()`. */
export interface ReplicationOptions {
  /** Independent replications, at least 2. */
  replications: number;
  /** Seed of replication 0's derivation; default: the (baseline) scenario's seed. */
  seed?: number;
  /** Of the confidence intervals; default 0.95. */
  confidence?: number;
  /** Called after each replication (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/** Checks the options, naming each bad one; returns them with defaults. */
export function checkReplicationOptions(
  caller: string,
  options: ReplicationOptions,
  scenarioSeed: number,
): { replications: number; seed: number; confidence: number } {
  const problems: FoundProblem[] = [];
  const { replications, seed = scenarioSeed, confidence = 0.95 } = options ?? ({} as ReplicationOptions);
  if (!(Number.isInteger(replications) && replications >= 2)) problems.push({ path: 'replications', expected: 'an integer >= 2', received: replications });
  if (!Number.isInteger(seed)) problems.push({ path: 'seed', expected: 'an integer', received: seed });
  if (!(confidence > 0 && confidence < 1)) problems.push({ path: 'confidence', expected: 'a number in (0, 1)', received: confidence });
  if (problems.length > 0) throw new OptionsError(caller, problems);
  return { replications, seed, confidence };
}
