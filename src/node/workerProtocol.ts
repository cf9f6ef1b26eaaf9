import type { ReplicationOutcome, ResolvedReplication } from '../experiment';

/** A task for a replication worker: plain data, so it crosses the thread boundary as is. */
export type ReplicationTask = ResolvedReplication;

/** A worker's answer: the outcome, or what went wrong. */
export type ReplicationResult = (ReplicationOutcome & { ok: true }) | { ok: false; message: string };
