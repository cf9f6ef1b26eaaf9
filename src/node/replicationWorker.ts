// A worker thread that runs replications: it receives jobs resolved and seeded, and answers
// with their outcomes, computed exactly as in the main thread (the same slices, back to back).
import { parentPort } from 'node:worker_threads';
import { replicationSlices } from '../experiment';
import { finishSlices } from '../model';
import type { ReplicationResult, ReplicationTask } from './workerProtocol';

parentPort!.on('message', (task: ReplicationTask) => {
  let result: ReplicationResult;
  try {
    result = { ok: true, ...finishSlices(replicationSlices(task, Infinity)) };
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(result);
});
