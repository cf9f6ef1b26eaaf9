// What travels through Redis: a job (one whole replication) and its result, both as exact JSON
// (numbers JSON cannot write, such as Infinity and -0, tagged), each checked when it arrives.
import type { Report } from '../../metrics';
import { ScenarioError, scenarioProblems } from '../../scenario';
import type { ReplicationJob } from '../../experiment';
import type { ReplicationResult } from '../workerProtocol';

/** Bumped when jobs or results change shape: a worker refuses jobs of another version. */
export const PROTOCOL = 1;

/** A job's data in Redis. */
export interface JobData {
  protocol: number;
  /** The `ReplicationJob`, encoded by `encodeExact`. */
  job: string;
}

const TAG = '$number';

/** JSON that gives back exactly the numbers it was given (NaN, ±Infinity and -0 included). */
export function encodeExact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0))) return v;
    return { [TAG]: Object.is(v, -0) ? '-0' : String(v) };
  });
}

export function decodeExact(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && TAG in v && Object.keys(v).length === 1) {
      const tagged = (v as Record<string, string>)[TAG];
      return tagged === '-0' ? -0 : Number(tagged);
    }
    return v;
  });
}

/** A job as a worker receives it, checked: the protocol, the kind, the seed and every scenario. */
export function readJob(data: unknown): ReplicationJob {
  const { protocol, job } = (data ?? {}) as Partial<JobData>;
  if (protocol !== PROTOCOL) {
    throw new TypeError(`a job of protocol ${String(protocol)}, but this worker speaks protocol ${PROTOCOL}: run the same queuecast version on the caller and the workers`);
  }
  const value = decodeExact(String(job)) as Partial<ReplicationJob> & Record<string, unknown>;
  if (!Number.isInteger(value.seed)) throw new TypeError(`a job without an integer seed: ${String(value.seed)}`);
  const scenarios = value.kind === 'replicate' ? { scenario: value.scenario } : value.kind === 'compare' ? { baseline: value.baseline, variant: value.variant } : undefined;
  if (!scenarios) throw new TypeError(`a job of unknown kind ${JSON.stringify(value.kind)}`);
  const problems = Object.entries(scenarios).flatMap(([arm, scenario]) =>
    scenarioProblems(scenario).map((p) => ({ ...p, path: `${arm}${p.path ? `.${p.path}` : ''}` })),
  );
  if (problems.length > 0) throw new ScenarioError(problems);
  return value as ReplicationJob;
}

/** A result as the caller receives it, checked against the job it answers. */
export function readResult(text: string, job: ReplicationJob): ReplicationResult {
  const value = decodeExact(text) as ReplicationResult;
  const fine =
    typeof value === 'object' &&
    value !== null &&
    value.ok === true &&
    value.kind === job.kind &&
    (value.kind === 'replicate' ? isReport(value.report) : isReport(value.pair?.baseline) && isReport(value.pair?.variant) && typeof value.pair.savings?.netHoldHours === 'number');
  if (!fine) throw new TypeError(`a worker answered a ${job.kind} job with something else than its result: ${text.slice(0, 120)}`);
  return value;
}

function isReport(value: unknown): value is Report {
  const report = value as Partial<Report> | undefined;
  return (
    typeof report?.callers?.offered === 'number' &&
    typeof report.hold?.totalHoldHours === 'number' &&
    Array.isArray(report.intervals) &&
    typeof report.lines === 'object' &&
    typeof report.groups === 'object'
  );
}
