import type { ComparedPair } from '../experiment';
import type { Report } from '../metrics';
import type { ResolvedScenario } from '../scenario';

/** A task for a replication worker: plain data, so it crosses the thread boundary as is. */
export type ReplicationTask =
  | { kind: 'replicate'; scenario: ResolvedScenario }
  | { kind: 'compare'; baseline: ResolvedScenario; variant: ResolvedScenario };

export type ReplicationResult =
  | { ok: true; kind: 'replicate'; report: Report }
  | { ok: true; kind: 'compare'; pair: ComparedPair }
  | { ok: false; message: string };
