import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SnapshotError, createWaitForecaster, forecastWait, type WaitForecast } from '../../realtime';
import { ScenarioError, resolveScenario, type Scenario } from '../../scenario';
import { ForecastPool } from './forecastPool';
import { parseForecastRequest, prefixed, preview, type ForecastRequest, type RequestLimits, type RequestProblem } from './forecastRequest';
import { continued, expectsContinue, methodNotAllowed, preparedJson, readBody, sendJson, sendPrepared, sendText } from './httpExchange';
import { jsonLog, type Log } from './jsonLog';
import { PROMETHEUS_TEXT, ServiceMetrics } from './serviceMetrics';

/** Options of `createForecastServer()`. */
export interface ForecastServerOptions {
  /**
   * The center's scenario, fixed for the server's life: requests then carry only a snapshot
   * (and the line), and the scenario is validated and compiled once. Without it, each request
   * carries its scenario.
   */
  scenario?: Scenario;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  bodyLimitBytes?: number;
  /** Most futures one forecast may run; default 5000. */
  maxReplications?: number;
  /** Most events one forecast may simulate (its work bound, counted as simulated); default 2 million. */
  maxEvents?: number;
  /**
   * Time a forecast takes unless its request asks otherwise (`budgetMilliseconds`), in
   * milliseconds; default 10. While requests wait, each takes its share (`budgetShare`: with n in
   * the pool, threads / n of it), so that the queue drains in about this long.
   */
  forecastMilliseconds?: number;
  /**
   * Each request's deadline from its arrival, in milliseconds; default 500. A request that
   * would wait for a thread past it (by the pool's recent pace) is answered 503 at once, one
   * still waiting then is answered 503; its forecasts share what is left of it.
   */
  deadlineMilliseconds?: number;
  /** Threads that run forecasts; default one per core. */
  threads?: number;
  /** Requests that may wait for a thread; past that, 503 with `Retry-After`. Default 32. */
  maxQueue?: number;
  /**
   * A forecaster to run on the request thread instead of the pool (a test passes one that
   * fails). Without it, forecasts run on the pool's threads.
   */
  forecast?: typeof forecastWait;
  /** Where the log goes; default one JSON object per line on stdout. */
  log?: Log;
}

const MiB = 1024 * 1024;
// Most problems listed in one answer: a million bad array entries should not make a 50 MB reply.
const MAX_PROBLEMS = 100;
// The routes metrics are labelled with; anything else is "other", so a scan adds no series.
const ROUTES = new Set(['/forecast', '/health', '/metrics']);
// How long past its deadline a request's task may still answer (its last future) before it is shed.
const DEADLINE_GRACE_MILLISECONDS = 150;
// The 503 of shedding, made once: shedding tens of thousands of requests a second must leave the
// request thread free for /health.
const SHED = preparedJson({ error: 'busy: try again shortly', retryAfterSeconds: 1 }, ['retry-after', '1']);
// Shed requests are counted, not logged one by one: a line a second at most says how many.
const SHED_LOG_MILLISECONDS = 1000;

interface Config extends RequestLimits {
  bodyLimitBytes: number;
  maxEvents: number;
  forecastMilliseconds: number;
  forecast: typeof forecastWait | undefined;
  pool: ForecastPool | undefined;
  log: Log;
  metrics: ServiceMetrics;
  started: number;
  /** Answered 503 by shedding: their requests are counted in the shed log rather than logged. */
  shedResponses: WeakSet<ServerResponse>;
  shedLog: { requests: number; timer: NodeJS.Timeout | undefined };
  /** The /health answer, made again when its uptime changes. */
  health: { uptimeSeconds: number; answer: { headers: readonly string[]; body: Buffer } } | undefined;
}

/**
 * The forecast service (DESIGN.md, "Real time") as a `node:http` server, not yet listening:
 * `listen(0, '127.0.0.1')` gives a test its own port. `queuecast serve` runs it.
 *
 * Routes: `GET /health`; `GET /metrics` (Prometheus text); `POST /forecast` with `{ scenario,
 * snapshot, line?, replications?, seed?, precisionSeconds?, budgetMilliseconds? }` (no
 * `scenario` when one is fixed at start; the replications also as `?replications=`): 200 with
 * the `WaitForecast` (its `futures` and `precisionSeconds` say what the budget bought), or for
 * a multi-line scenario `{ lines: { [line]: WaitForecast } }` (the line asked, else every
 * line); 503 with `Retry-After` when the queue in front of the forecast threads is full, or the
 * request would wait past its deadline or does; 400 `{
 * error, problems: [{ path, expected, received }] }` listing every problem at once
 * (`scenario.lines[1]...`, `snapshot.lines.B...`); 413 past the body limit; 415 without a JSON
 * content type; 404, 405; 500 (JSON) on anything unexpected, which no request can turn into a
 * crash. Each answered request is logged as one JSON line. Forecasts run on a pool of threads,
 * so `/health` and `/metrics` answer at once under any load; a client that goes has its
 * forecasts stopped.
 *
 * @example
 * const server = createForecastServer({ scenario: await loadScenarioFile('center.yaml') });
 * server.listen(8787, '127.0.0.1');
 */
export function createForecastServer(options: ForecastServerOptions = {}): Server {
  const resolved = options.scenario === undefined ? undefined : resolveScenario(options.scenario);
  const fixed = resolved && { scenario: resolved.written, resolved };
  const deadline = options.deadlineMilliseconds ?? 500;
  const config: Config = {
    bodyLimitBytes: options.bodyLimitBytes ?? MiB,
    maxReplications: options.maxReplications ?? 5000,
    maxMilliseconds: deadline,
    maxEvents: options.maxEvents ?? 2_000_000,
    forecastMilliseconds: Math.min(options.forecastMilliseconds ?? 10, deadline),
    fixed,
    forecast: options.forecast,
    pool: options.forecast ? undefined : new ForecastPool({ threads: options.threads, maxQueue: options.maxQueue, scenario: fixed?.scenario }),
    log: options.log ?? jsonLog((line) => process.stdout.write(line)),
    metrics: new ServiceMetrics(),
    started: performance.now(),
    shedResponses: new WeakSet(),
    shedLog: { requests: 0, timer: undefined },
    health: undefined,
  };
  if (config.pool) config.metrics.queueDepth = () => config.pool!.queued;
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const start = performance.now();
    const path = pathOf(request);
    response.on('finish', () => {
      config.metrics.request(ROUTES.has(path) ? path : 'other', request.method ?? '?', response.statusCode);
      if (config.shedResponses.has(response)) return logShed(config);
      config.log({ level: 'info', msg: 'request', method: request.method, path, status: response.statusCode, milliseconds: round(performance.now() - start) });
    });
    handle(request, response, path, config).catch((error: unknown) => {
      config.log({ level: 'error', msg: 'request failed', method: request.method, path, error });
      if (!response.headersSent) sendJson(request, response, 500, { error: 'internal error' });
      else response.destroy();
    });
  };
  const server = createServer(onRequest);
  // `Expect: 100-continue` (curl sends it with large bodies): the client sends its body only
  // once asked, so a body that is too large or unwanted is refused before it is sent at all.
  server.on('checkContinue', onRequest);
  // A client that stalls mid-request is cut off instead of holding a socket for minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.on('close', () => {
    // The requests shed in the last second are logged before the server's own last lines.
    clearTimeout(config.shedLog.timer);
    writeShedLog(config);
    clearTimeout(config.shedLog.timer);
    void config.pool?.close();
  });
  return server;
}

async function handle(request: IncomingMessage, response: ServerResponse, path: string, config: Config): Promise<void> {
  // A client that goes away mid-request is not an error of ours.
  request.on('error', () => {});
  response.on('error', () => {});
  // The routes' own paths are taken as they come (a URL is parsed only for the query of a
  // forecast, or to name a path not found): /health and shedding stay cheap under load.
  let route = ROUTES.has(path) ? path : undefined;
  if (route === undefined) {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      return sendJson(request, response, 400, { error: 'bad request target' });
    }
    if (!ROUTES.has(url.pathname)) return sendJson(request, response, 404, { error: 'not found', path: url.pathname });
    route = url.pathname;
  }

  if (route === '/health') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request, response, 'GET, HEAD');
    const { headers, body } = healthAnswer(config);
    return sendPrepared(request, response, 200, headers, body);
  }
  if (route === '/metrics') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request, response, 'GET, HEAD');
    return sendText(request, response, 200, config.metrics.text(), PROMETHEUS_TEXT);
  }
  if (request.method !== 'POST') return methodNotAllowed(request, response, 'POST');

  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return sendJson(request, response, 415, { error: 'unsupported media type', expected: 'application/json', received: contentType || null });
  }
  // Under load, a request that would find the queue full is shed before its body is read or
  // checked: shedding must cost the request thread next to nothing.
  if (config.pool?.full) return shed(request, response, config, 'queue full');
  // Nor is one admitted that would wait for a thread past its deadline, by the pool's recent
  // pace: it is told at once rather than when the deadline has passed.
  if (config.pool && config.pool.expectedWaitMilliseconds >= config.maxMilliseconds) return shed(request, response, config, 'deadline');
  // A body declared too large is refused before any of it is read (or, with
  // `Expect: 100-continue`, sent).
  const declared = Number(request.headers['content-length']);
  if (declared > config.bodyLimitBytes) {
    return sendJson(request, response, 413, { error: 'payload too large', limitBytes: config.bodyLimitBytes });
  }
  if (expectsContinue(request)) {
    response.writeContinue();
    continued.add(request);
  }
  const body = await readBody(request, config.bodyLimitBytes);
  // A client gone before its body arrived is a cancellation too: nothing more is done for it.
  if (body === 'aborted') return void config.metrics.cancelled();
  if (body === 'too large') {
    return sendJson(request, response, 413, { error: 'payload too large', limitBytes: config.bodyLimitBytes });
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return sendJson(request, response, 400, { error: 'malformed JSON', message: (error as Error).message });
  }

  const parsed = parseForecastRequest(input, new URL(request.url ?? '/', 'http://127.0.0.1').searchParams, config);
  if ('problems' in parsed) return invalid(request, response, parsed.problems);

  const start = performance.now();
  let answer: WaitForecast | { lines: Record<string, WaitForecast> } | undefined;
  try {
    answer = config.pool ? await onPool(request, response, parsed, config) : onRequestThread(parsed, config);
  } catch (error) {
    // The request was checked as forecastWait checks it, so these are not expected; if they
    // come, they are still the client's mistake, and say so.
    if (error instanceof ScenarioError) return invalid(request, response, prefixed('scenario', error.problems));
    if (error instanceof SnapshotError) return invalid(request, response, prefixed('snapshot', error.problems));
    throw error;
  }
  if (answer === undefined) return;
  const milliseconds = performance.now() - start;
  return sendJson(request, response, 200, answer, { 'server-timing': `forecast;dur=${milliseconds.toFixed(2)}` });
}

type Answer = WaitForecast | { lines: Record<string, WaitForecast> };

// The request's forecasts on a thread of the pool, within its deadline; undefined when it has
// been answered already (shed with 503) or its client has gone.
async function onPool(request: IncomingMessage, response: ServerResponse, parsed: ForecastRequest, config: Config): Promise<Answer | undefined> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  // A client that goes before its answer: its thread stops at its next look at the flag.
  const gone = () => {
    if (!response.writableFinished) Atomics.store(flag, 0, 1);
  };
  response.once('close', gone);
  // A server just started: requests wait for its threads to load, then their deadline runs.
  const pool = config.pool!;
  if (!pool.isReady) await pool.ready;
  const asked = parsed.options.budget?.milliseconds;
  const options = { ...parsed.options, budget: { events: config.maxEvents, ...(asked === undefined ? {} : { milliseconds: asked }) } };
  const task = pool.run({
    ...(config.fixed ? {} : { scenario: parsed.scenario }),
    snapshot: parsed.snapshot,
    lines: parsed.lines,
    options,
    ...(asked === undefined ? { defaultMilliseconds: config.forecastMilliseconds } : {}),
    deadline: Date.now() + config.maxMilliseconds,
    cancel,
  });
  // The deadline holds even when no thread is free to look at it (threads starting, a stall):
  // past it and a grace for the last future, the request is shed and its task skipped.
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<'overdue'>((resolve) => {
    timer = setTimeout(() => resolve('overdue'), config.maxMilliseconds + DEADLINE_GRACE_MILLISECONDS);
  });
  const result = await Promise.race([task, overdue]);
  clearTimeout(timer);
  response.off('close', gone);
  if (result === 'overdue') {
    Atomics.store(flag, 0, 1);
    task.catch(() => {});
    return shed(request, response, config, 'deadline');
  }
  if (result === 'full' || result.outcome === 'expired') return shed(request, response, config, result === 'full' ? 'queue full' : 'deadline');
  if (result.outcome === 'cancelled') {
    config.metrics.cancelled();
    return undefined;
  }
  for (const forecast of result.forecasts) config.metrics.forecast(forecast.computeMilliseconds / 1000, forecast.futures);
  const forecasts = result.forecasts.map(({ computeMilliseconds: _, ...forecast }) => forecast);
  return parsed.lines === undefined ? forecasts[0]! : { lines: Object.fromEntries(parsed.lines.map((line, i) => [line, forecasts[i]!])) };
}

// 503 with Retry-After: the client should try again in a second.
function shed(request: IncomingMessage, response: ServerResponse, config: Config, reason: 'queue full' | 'deadline'): undefined {
  config.metrics.shed(reason);
  config.shedResponses.add(response);
  sendPrepared(request, response, 503, SHED.headers, SHED.body);
  return undefined;
}

// The first request shed is logged at once; those shed within the next second, in one line then
// (and so on while shedding lasts). The metrics count each.
function logShed(config: Config): void {
  config.shedLog.requests++;
  if (config.shedLog.timer === undefined) writeShedLog(config);
}

function writeShedLog(config: Config): void {
  const log = config.shedLog;
  log.timer = undefined;
  if (log.requests === 0) return;
  config.log({ level: 'warn', msg: 'shed', requests: log.requests });
  log.requests = 0;
  log.timer = setTimeout(() => writeShedLog(config), SHED_LOG_MILLISECONDS);
  log.timer.unref();
}

// What /health answers: the same bytes until the uptime's next second.
function healthAnswer(config: Config): { headers: readonly string[]; body: Buffer } {
  const uptimeSeconds = Math.round((performance.now() - config.started) / 1000);
  if (config.health?.uptimeSeconds !== uptimeSeconds) {
    const scenario = config.fixed ? { scenario: config.fixed.resolved.name, lines: config.fixed.resolved.lines.map((l) => l.name) } : {};
    config.health = { uptimeSeconds, answer: preparedJson({ status: 'ok', uptimeSeconds, ...scenario }) };
  }
  return config.health.answer;
}

function onRequestThread(parsed: ForecastRequest, config: Config): Answer {
  const forecast = config.forecast!;
  const options = { ...parsed.options, budget: { events: config.maxEvents, ...parsed.options.budget } };
  if (parsed.lines === undefined) return timed(config, () => forecast(parsed.scenario, parsed.snapshot, options));
  const lines: Record<string, WaitForecast> = {};
  for (const line of parsed.lines) lines[line] = timed(config, () => forecast(parsed.scenario, parsed.snapshot, { ...options, line }));
  return { lines };
}

function timed(config: Config, forecast: () => WaitForecast): WaitForecast {
  const start = performance.now();
  const result = forecast();
  config.metrics.forecast((performance.now() - start) / 1000, result.futures);
  return result;
}

function invalid(request: IncomingMessage, response: ServerResponse, problems: readonly RequestProblem[]): void {
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: p.path, expected: p.expected, received: preview(p.received) }));
  const answer: Record<string, unknown> = { error: 'invalid request', problems: listed };
  if (problems.length > listed.length) answer.problemsNotListed = problems.length - listed.length;
  sendJson(request, response, 400, answer);
}

// The request's path for logs and metrics, whatever its query (which may carry anything).
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const end = url.indexOf('?');
  const path = end < 0 ? url : url.slice(0, end);
  return path.length > 200 ? `${path.slice(0, 197)}...` : path;
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 100) / 100;
}
