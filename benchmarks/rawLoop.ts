// The limit the speed benchmarks measure queuecast against (issue 15): the simplest
// hand-written loop of the reference model, a typed-array heap and per-call arrays, kept beside
// the repository in `../shared/bench/rawloop.mjs` (the same file for every checkout). It is
// loaded by path at run time: it is plain JavaScript from outside the project, without types.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario } from '../src';

export interface RawLoop {
  /** The reference model for `callers` callers, as a loop: no library, no report. */
  rawRun(callers: number): { events: number; abandonFraction: number; meanWaitSeconds: number };
  /** The same model as a queuecast scenario (M/M/50+M, 570 calls/h, handle 300 s, patience 600 s). */
  referenceScenario(callers: number, seed?: number): Scenario;
}

/** Where the raw loop lives: `shared/bench/rawloop.mjs`, beside the repository. */
export const RAW_LOOP_PATH = fileURLToPath(new URL('../../shared/bench/rawloop.mjs', import.meta.url));

export async function loadRawLoop(): Promise<RawLoop> {
  if (!existsSync(RAW_LOOP_PATH)) {
    throw new Error(`benchmarks: the raw loop is missing at ${RAW_LOOP_PATH} (the repository sits beside shared/)`);
  }
  return (await import(pathToFileURL(RAW_LOOP_PATH).href)) as RawLoop;
}
