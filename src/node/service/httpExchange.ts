import type { IncomingMessage, Server, ServerResponse } from 'node:http';

// The HTTP plumbing of the forecast service: bodies read within a limit, JSON answers, and
// bodies refused unread drained so that the client reads the answer instead of a reset.

const MiB = 1024 * 1024;
// After refusing a body, how much more of it is read and dropped, and for how long, before the
// connection is cut: enough for a client to finish sending and read the answer.
const DRAIN_BYTES = 16 * MiB;
const DRAIN_MILLISECONDS = 2000;

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops keeping what arrives
 * and answers 'too large' at once; the caller answers 413, and `sendJson` drops the rest.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
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

/** 405 with the methods the path allows. */
export function methodNotAllowed(request: IncomingMessage, response: ServerResponse, allow: string): void {
  sendJson(request, response, 405, { error: 'method not allowed', allow }, { allow });
}

/**
 * Answers with a JSON body. A request whose body is refused unread (too large, wrong method or
 * type) has its rest drained, not kept: see `drain`.
 */
export function sendJson(
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
  if (!neverContinued) refuseRest(request);
}

/**
 * Answers with a body and headers (a flat list of names and values) prepared once: the 503 of
 * shedding and `/health`, which must cost the request thread next to nothing under load (no
 * JSON, header object or header check per request).
 */
export function sendPrepared(request: IncomingMessage, response: ServerResponse, status: number, headers: readonly string[], body: Buffer): void {
  if (response.headersSent || response.destroyed) return;
  // As in sendJson: a client still waiting for "100 Continue" will not send its body.
  const neverContinued = expectsContinue(request) && !continued.has(request);
  response.writeHead(status, (neverContinued ? [...headers, 'connection', 'close'] : headers) as string[]);
  response.end(request.method === 'HEAD' ? undefined : body);
  if (!neverContinued) refuseRest(request);
}

/** A `sendPrepared` answer: the JSON body and its headers, made once. */
export function preparedJson(body: unknown, headers: readonly string[] = []): { headers: readonly string[]; body: Buffer } {
  const bytes = Buffer.from(JSON.stringify(body));
  return { headers: ['content-type', 'application/json; charset=utf-8', 'content-length', String(bytes.length), 'cache-control', 'no-store', ...headers], body: bytes };
}

// Bodies up to this size, declared, node:http reads and drops itself once the answer is sent
// (its own dump of an unread request): no timer or listeners of ours per request.
const SMALL_BODY_BYTES = 64 * 1024;

// The rest of a body answered unread: drained within limits, unless small and declared.
function refuseRest(request: IncomingMessage): void {
  if (!hasBody(request) || request.complete) return;
  const declared = Number(request.headers['content-length']);
  if (request.headers['transfer-encoding'] === undefined && declared <= SMALL_BODY_BYTES) return;
  drain(request);
}

// Requests answered "100 Continue", whose bodies are on their way.
export const continued = new WeakSet<IncomingMessage>();

export function expectsContinue(request: IncomingMessage): boolean {
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
  const onClose = () => clearTimeout(timer);
  request.on('data', onData);
  // A kept-alive socket carries many requests: what one drain hangs on it goes when it ends.
  request.once('end', () => {
    clearTimeout(timer);
    request.off('data', onData);
    socket.off('close', onClose);
  });
  socket.once('close', onClose);
  request.resume();
}

/**
 * Stops taking connections, lets the requests in flight finish for up to `graceMilliseconds`,
 * then cuts whatever is left. Resolves when the server is closed.
 *
 * @example
 * process.on('SIGTERM', () => void closeGracefully(server).then(() => process.exit(0)));
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

/** Answers with a text body (the metrics' exposition format). */
export function sendText(request: IncomingMessage, response: ServerResponse, status: number, text: string, contentType: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : text);
}
