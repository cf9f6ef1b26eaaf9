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
  const problems: string[] = [];
  const { replications, seed = scenarioSeed, confidence = 0.95 } = options ?? ({} as ReplicationOptions);
  if (!(Number.isInteger(replications) && replications >= 2)) {
    problems.push(`replications must be an integer >= 2, got ${String(replications)}`);
  }
  if (!Number.isInteger(seed)) problems.push(`seed must be an integer, got ${String(seed)}`);
  if (!(confidence > 0 && confidence < 1)) problems.push(`confidence must be a number in (0, 1), got ${String(confidence)}`);
  if (problems.length > 0) throw new RangeError(`${caller}: ${problems.join('; ')}`);
  return { replications, seed, confidence };
}
