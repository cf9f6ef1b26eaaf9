// A worker thread that runs replications: it receives resolved scenarios with their own seeds
// and answers with reports, computed exactly as in the main thread.
import { parentPort } from 'node:worker_threads';
import { comparePairSync } from '../experiment';
import { runScenarioSync } from '../season';
import type { ReplicationResult, ReplicationTask } from './workerProtocol';

parentPort!.on('message', (task: ReplicationTask) => {
  let result: ReplicationResult;
  try {
    result =
      task.kind === 'replicate'
        ? { ok: true, kind: 'replicate', report: runScenarioSync(task.scenario, undefined) }
        : { ok: true, kind: 'compare', pair: comparePairSync(task.baseline, task.variant) };
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(result);
});
