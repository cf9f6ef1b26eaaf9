import { isMultiLineSnapshot, multiLineSnapshotProblems } from '../../realtime/multiLineSnapshot';
import { snapshotProblems, type CenterSnapshot } from '../../realtime/snapshot';
import type { MultiLineSnapshot } from '../../realtime';
import { resolveScenario, scenarioProblems, type ResolvedScenario, type Scenario, type ScenarioProblem } from '../../scenario';

/** One problem with a request, as the 400 answer lists it. */
export interface RequestProblem {
  path: string;
  expected: string;
  received: unknown;
}

/** A request checked: what to forecast for, and (several lines) which lines to answer. */
export interface ForecastRequest {
  scenario: Scenario;
  snapshot: CenterSnapshot | MultiLineSnapshot;
  options: { replications?: number; seed?: number; precisionSeconds?: number; budget?: { milliseconds: number } };
  /** The lines to answer for a multi-line scenario (the asked one, or all); undefined for one line. */
  lines: string[] | undefined;
}

/** Limits of a request, and the scenario the service was started with, if any. */
export interface RequestLimits {
  maxReplications: number;
  /** Longest a request may ask its forecasts to take, in milliseconds (its deadline). */
  maxMilliseconds: number;
  /** A scenario fixed at start, resolved: requests then carry no scenario of their own. */
  fixed?: { scenario: Scenario; resolved: ResolvedScenario } | undefined;
}

const BODY_FIELDS = ['scenario', 'snapshot', 'line', 'replications', 'seed', 'precisionSeconds', 'budgetMilliseconds'];

/**
 * Checks a decoded request body: its own fields, the scenario and the snapshot (against each
 * other: form, line and group names), every problem at once, under the body's paths
 * (`scenario.lines[1].routing`, `snapshot.lines.B.hold[2].waitedSeconds`). Exported for tests
 * and for services that take requests another way.
 *
 * @example
 * const parsed = parseForecastRequest(JSON.parse(body), new URLSearchParams(), { maxReplications: 5000, maxMilliseconds: 1000 });
 * if ('problems' in parsed) reply(400, parsed.problems);
 * else reply(200, forecastWait(parsed.scenario, parsed.snapshot, { ...parsed.options, line: parsed.lines?.[0] }));
 */
export function parseForecastRequest(input: unknown, query: URLSearchParams, limits: RequestLimits): ForecastRequest | { problems: RequestProblem[] } {
  const fields = limits.fixed ? BODY_FIELDS.filter((f) => f !== 'scenario') : BODY_FIELDS;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ path: '', expected: `a JSON object { ${fields.filter((f) => f === 'scenario' || f === 'snapshot').join(', ')} }`, received: input }] };
  }
  const body = input as Record<string, unknown>;
  const problems: RequestProblem[] = [];
  for (const key of Object.keys(body)) {
    if (fields.includes(key)) continue;
    const expected = key === 'scenario'
      ? 'no scenario: this service forecasts for the scenario it was started with (send the snapshot only)'
      : `no such field (one of ${fields.join(', ')})`;
    problems.push({ path: key, expected, received: body[key] });
  }

  const scenario = limits.fixed ? limits.fixed.scenario : (body.scenario as Scenario);
  const scenarioOk = limits.fixed !== undefined || pushAll(problems, prefixed('scenario', scenarioProblems(body.scenario))) === 0;
  const resolved = limits.fixed?.resolved ?? (scenarioOk ? resolveScenario(scenario) : undefined);

  let lines: string[] | undefined;
  if ('line' in body) {
    const names = resolved?.lines.map((l) => l.name) ?? [];
    if (typeof body.line !== 'string' || (resolved && !names.includes(body.line))) {
      problems.push({ path: 'line', expected: resolved ? `a line of the scenario (one of ${names.map((n) => JSON.stringify(n)).join(', ')})` : 'a line name', received: body.line });
    } else if (resolved?.multiLine) {
      lines = [body.line];
    }
  }
  if (resolved?.multiLine) lines ??= resolved.lines.map((l) => l.name);
  if (!resolved) problems.push(...prefixed('snapshot', snapshotProblems(body.snapshot)));
  else if (resolved.multiLine && isMultiLineSnapshot(body.snapshot)) problems.push(...prefixed('snapshot', multiLineSnapshotProblems(body.snapshot, resolved, lines)));
  else problems.push(...prefixed('snapshot', snapshotProblems(body.snapshot, resolved)));

  const options: ForecastRequest['options'] = {};
  const fromQuery = query.get('replications');
  // The body's field wins over the query parameter.
  const inBody = 'replications' in body;
  const replications = inBody ? body.replications : fromQuery === null ? undefined : Number(fromQuery);
  if (replications !== undefined) {
    if (typeof replications === 'number' && Number.isInteger(replications) && replications >= 1 && replications <= limits.maxReplications) {
      options.replications = replications;
    } else {
      problems.push({ path: 'replications', expected: `an integer from 1 to ${limits.maxReplications}`, received: inBody ? body.replications : fromQuery });
    }
  }
  if ('seed' in body) {
    if (typeof body.seed === 'number' && Number.isSafeInteger(body.seed)) options.seed = body.seed;
    else problems.push({ path: 'seed', expected: 'an integer', received: body.seed });
  }
  if ('precisionSeconds' in body) {
    if (typeof body.precisionSeconds === 'number' && body.precisionSeconds >= 0) options.precisionSeconds = body.precisionSeconds;
    else problems.push({ path: 'precisionSeconds', expected: 'a number of seconds >= 0', received: body.precisionSeconds });
  }
  if ('budgetMilliseconds' in body) {
    const ms = body.budgetMilliseconds;
    if (typeof ms === 'number' && ms > 0 && ms <= limits.maxMilliseconds) options.budget = { milliseconds: ms };
    else problems.push({ path: 'budgetMilliseconds', expected: `a number of milliseconds > 0 and at most ${limits.maxMilliseconds} (the request's deadline)`, received: ms });
  }
  if (problems.length > 0) return { problems };
  return { scenario, snapshot: body.snapshot as CenterSnapshot | MultiLineSnapshot, options, lines };
}

function pushAll(into: RequestProblem[], problems: readonly RequestProblem[]): number {
  into.push(...problems);
  return problems.length;
}

/** Problems of a part of the body, under its path: `scenario.lines[1]...`, `snapshot.lines.B...`. */
export function prefixed(prefix: string, problems: readonly ScenarioProblem[]): RequestProblem[] {
  return problems.map((p) => ({
    path: p.path === '' ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}`,
    expected: p.expected,
    received: p.received,
  }));
}

/**
 * A received value as the answer shows it: itself when it is small, else a shortened text, so a
 * huge or deeply nested input never makes a huge answer (or a stack overflow in stringify).
 */
export function preview(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 197)}...` : value;
  if (typeof value !== 'object' || value === null) return value;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? '[array]' : '[object]';
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : value;
}
