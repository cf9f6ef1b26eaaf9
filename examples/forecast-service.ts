// A wait-forecast service for an IVR: "what wait should I announce to the caller who just
// arrived, and should I offer a callback?", answered over HTTP in milliseconds.
//
//   PORT=8787 npx tsx examples/forecast-service.ts
//   curl -s http://127.0.0.1:8787/health
//   curl -s http://127.0.0.1:8787/forecast -H 'content-type: application/json' -d '{
//     "scenario": { "arrivals": { "perHour": 400 }, "agents": 40, "durationSeconds": 28800,
//                   "handleTime": { "type": "lognormal", "meanSeconds": 330, "cv": 0.8 },
//                   "patience": { "type": "exponential", "meanSeconds": 300 },
//                   "callback": { "offer": { "whenEstimatedWaitAtLeastSeconds": 120 },
//                                 "optIn": { "probability": 0.3 } } },
//     "snapshot": { "agents": 2, "busy": [{ "elapsedSeconds": 60 }, { "elapsedSeconds": 200 }],
//                   "hold": [{ "waitedSeconds": 45 }], "callbacks": [] } }'
//
// Routes:
//   GET  /health    200 { status: 'ok', uptimeSeconds }
//   POST /forecast  body { scenario, snapshot, replications?, seed? } (replications also as a
//                   query parameter, ?replications=500): 200 with the WaitForecast as JSON;
//                   400 { error, problems: [{ path, expected, received }] } listing every problem
//                   of the body, the scenario (paths `scenario.…`) and the snapshot
//                   (`snapshot.…`) at once; 413 past the body limit; 415 without a JSON
//                   content type; 404 and 405 otherwise; 500 (JSON) on anything unexpected.
//
// The server listens on 127.0.0.1 only. Each request is handled inside one try/catch, so no
// request can take the process down; SIGINT and SIGTERM close it gracefully.
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  ScenarioError,
  SnapshotError,
  forecastWait,
  scenarioProblems,
  snapshotProblems,
  type CenterSnapshot,
  type Scenario,
  type ScenarioProblem,
} from '../src';

/** Options of `createForecastServer()`. */
export interface ForecastServerOptions {
  /** Largest request body accepted, in bytes; default 1 MiB. */
  bodyLimitBytes?: number;
  /** Most futures one request may ask for; default 5000. */
  maxReplications?: number;
  /**
   * Most work one forecast may take, in futures × (agents + entries in line); default 2
   * million, about a fifth of a second. `forecastWait` runs on the event loop, so this bounds
   * how long any one request holds up the others (a center of 50 agents with 20 in line asks
   * 70,000 at 1000 futures).
   */
  maxWork?: number;
  /** The forecaster; default `forecastWait` (a test passes one that fails). */
  forecast?: typeof forecastWait;
  /** Where unexpected errors are reported; default `console.error`. */
  logError?: (message: string, error: unknown) => void;
}

/** One problem with a request, as the 400 answer lists it. */
export interface RequestProblem {
  path: string;
  expected: string;
  received: unknown;
}

const MiB = 1024 * 1024;
const BODY_FIELDS = new Set(['scenario', 'snapshot', 'replications', 'seed']);
// Most problems listed in one answer: a million bad array entries should not make a 50 MB reply.
const MAX_PROBLEMS = 100;
// After refusing a body, how much more of it is read and dropped, and for how long, before the
// connection is cut: enough for a client to finish sending and read the answer.
const DRAIN_BYTES = 16 * MiB;
const DRAIN_MILLISECONDS = 2000;

/**
 * The forecast service as a `node:http` server, not yet listening: `listen(0, '127.0.0.1')`
 * gives a test its own port.
 *
 * @example
 * const server = createForecastServer();
 * server.listen(8787, '127.0.0.1');
 */
export function createForecastServer(options: ForecastServerOptions = {}): Server {
  const config = {
    bodyLimitBytes: options.bodyLimitBytes ?? MiB,
    maxReplications: options.maxReplications ?? 5000,
    maxWork: options.maxWork ?? 2_000_000,
    forecast: options.forecast ?? forecastWait,
    logError: options.logError ?? ((message: string, error: unknown) => console.error(message, error)),
  };
  const started = performance.now();
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response, config, started).catch((error: unknown) => {
      config.logError(`forecast service: ${request.method ?? '?'} ${request.url ?? '?'} failed`, error);
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
  return server;
}

type Config = Required<ForecastServerOptions>;

async function handle(request: IncomingMessage, response: ServerResponse, config: Config, started: number): Promise<void> {
  // A client that goes away mid-request is not an error of ours.
  request.on('error', () => {});
  response.on('error', () => {});
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return sendJson(request, response, 400, { error: 'bad request target' });
  }

  if (url.pathname === '/health') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request, response, 'GET, HEAD');
    return sendJson(request, response, 200, { status: 'ok', uptimeSeconds: Math.round((performance.now() - started) / 1000) });
  }
  if (url.pathname !== '/forecast') return sendJson(request, response, 404, { error: 'not found', path: url.pathname });
  if (request.method !== 'POST') return methodNotAllowed(request, response, 'POST');

  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return sendJson(request, response, 415, { error: 'unsupported media type', expected: 'application/json', received: contentType || null });
  }
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
  if (body === 'aborted') return;
  if (body === 'too large') {
    return sendJson(request, response, 413, { error: 'payload too large', limitBytes: config.bodyLimitBytes });
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return sendJson(request, response, 400, { error: 'malformed JSON', message: (error as Error).message });
  }

  const parsed = parseForecastRequest(input, url.searchParams, config);
  if ('problems' in parsed) return invalid(request, response, parsed.problems);

  const start = performance.now();
  let forecast;
  try {
    forecast = config.forecast(parsed.scenario, parsed.snapshot, parsed.options);
  } catch (error) {
    // Validation above mirrors forecastWait's own, so these are not expected; if they come,
    // they are still the client's mistake, and say so.
    if (error instanceof ScenarioError) return invalid(request, response, prefixed('scenario', error.problems));
    if (error instanceof SnapshotError) return invalid(request, response, prefixed('snapshot', error.problems));
    throw error;
  }
  const milliseconds = performance.now() - start;
  return sendJson(request, response, 200, forecast, { 'server-timing': `forecast;dur=${milliseconds.toFixed(2)}` });
}

/**
 * Checks a decoded request body: its own fields, the scenario and the snapshot, every problem
 * at once. Exported for tests and for services that take requests another way.
 */
export function parseForecastRequest(
  input: unknown,
  query: URLSearchParams,
  config: Pick<Config, 'maxReplications' | 'maxWork'>,
):
  | { scenario: Scenario; snapshot: CenterSnapshot; options: { replications?: number; seed?: number } }
  | { problems: RequestProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ path: '', expected: 'a JSON object { scenario, snapshot }', received: input }] };
  }
  const body = input as Record<string, unknown>;
  const problems: RequestProblem[] = [];
  for (const key of Object.keys(body)) {
    if (!BODY_FIELDS.has(key)) problems.push({ path: key, expected: 'no such field (one of scenario, snapshot, replications, seed)', received: body[key] });
  }
  problems.push(...prefixed('scenario', scenarioProblems(body.scenario)));
  problems.push(...prefixed('snapshot', snapshotProblems(body.snapshot)));

  const options: { replications?: number; seed?: number } = {};
  const fromQuery = query.get('replications');
  // The body's field wins over the query parameter.
  const inBody = 'replications' in body;
  const replications = inBody ? body.replications : fromQuery === null ? undefined : Number(fromQuery);
  if (replications !== undefined) {
    if (typeof replications === 'number' && Number.isInteger(replications) && replications >= 1 && replications <= config.maxReplications) {
      options.replications = replications;
    } else {
      problems.push({ path: 'replications', expected: `an integer from 1 to ${config.maxReplications}`, received: inBody ? body.replications : fromQuery });
    }
  }
  if ('seed' in body) {
    if (typeof body.seed === 'number' && Number.isSafeInteger(body.seed)) options.seed = body.seed;
    else problems.push({ path: 'seed', expected: 'an integer', received: body.seed });
  }
  if (problems.length > 0) return { problems };

  const snapshot = body.snapshot as CenterSnapshot;
  const work = (options.replications ?? 1000) * (Math.max(snapshot.agents, snapshot.busy.length) + snapshot.hold.length + snapshot.callbacks.length);
  if (work > config.maxWork) {
    return {
      problems: [{
        path: 'replications',
        expected: `replications × (agents + hold + callbacks) at most ${config.maxWork.toLocaleString('en-US')}: fewer replications for a center this large`,
        received: options.replications ?? 1000,
      }],
    };
  }
  return { scenario: body.scenario as Scenario, snapshot, options };
}

function prefixed(prefix: string, problems: readonly ScenarioProblem[]): RequestProblem[] {
  return problems.map((p) => ({
    path: p.path === '' ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}`,
    expected: p.expected,
    received: p.received,
  }));
}

function invalid(request: IncomingMessage, response: ServerResponse, problems: readonly RequestProblem[]): void {
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: p.path, expected: p.expected, received: preview(p.received) }));
  const answer: Record<string, unknown> = { error: 'invalid request', problems: listed };
  if (problems.length > listed.length) answer.problemsNotListed = problems.length - listed.length;
  sendJson(request, response, 400, answer);
}

// A received value as the answer shows it: itself when it is small, else a shortened text, so a
// huge or deeply nested input never makes a huge answer (or a stack overflow in stringify).
function preview(value: unknown): unknown {
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

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops keeping what arrives
 * and answers 'too large' at once; the caller answers 413, and `sendJson` drops the rest.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        cleanup();
        resolve('too large');
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onClose = () => {
      cleanup();
      resolve('aborted');
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      request.pause();
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
  });
}

function methodNotAllowed(request: IncomingMessage, response: ServerResponse, allow: string): void {
  sendJson(request, response, 405, { error: 'method not allowed', allow }, { allow });
}

/**
 * Answers with a JSON body. A request whose body is refused unread (too large, wrong method or
 * type) has its rest drained, not kept: see `drain`.
 */
function sendJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  // A client still waiting for "100 Continue" has not sent its body and will not: the
  // connection cannot carry another request, so it closes after this answer.
  const neverContinued = expectsContinue(request) && !continued.has(request);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(neverContinued ? { connection: 'close' } : {}),
    ...headers,
  });
  response.end(text);
  if (!neverContinued && hasBody(request) && !request.complete) drain(request);
}

// Requests answered "100 Continue", whose bodies are on their way.
const continued = new WeakSet<IncomingMessage>();

function expectsContinue(request: IncomingMessage): boolean {
  return request.headers.expect?.toLowerCase() === '100-continue';
}

function hasBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * After an early answer, reads what the client is still sending and drops it, so that the
 * client reads the answer rather than a connection reset (closing a socket with unread data
 * resets it, and a client busy sending may then never see the 413). A client that finishes
 * within DRAIN_BYTES and DRAIN_MILLISECONDS keeps its connection; past either, the connection
 * is closed in stages: our side first, the socket a moment later.
 */
function drain(request: IncomingMessage): void {
  const socket = request.socket;
  let dropped = 0;
  const cut = () => {
    clearTimeout(timer);
    request.off('data', onData);
    socket.end();
    setTimeout(() => socket.destroy(), 500).unref();
  };
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) cut();
  };
  const timer = setTimeout(cut, DRAIN_MILLISECONDS);
  timer.unref();
  request.on('data', onData);
  request.once('end', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
  request.resume();
}

/**
 * Stops taking connections, lets the requests in flight finish for up to `graceMilliseconds`,
 * then cuts whatever is left. Resolves when the server is closed.
 */
export function closeGracefully(server: Server, graceMilliseconds = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMilliseconds);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const port = Number(process.env.PORT ?? 8787);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  const server = createForecastServer();
  server.on('error', (error) => {
    console.error(`forecast service: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    console.log(`forecast service on http://127.0.0.1:${bound} (GET /health, POST /forecast); Ctrl-C stops it`);
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130); // a second signal: stop now
    stopping = true;
    console.log(`${signal}: closing (requests in flight get 5 s)`);
    void closeGracefully(server).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
