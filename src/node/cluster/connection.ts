// Connections to the cluster's Redis: opened with a deadline, failures said plainly (never a
// password), and a watch that turns a Redis lost mid-run into an error within seconds.
import type { ConnectionOptions } from 'node:tls';
import { Redis, type RedisOptions } from 'ioredis';

/** Where the cluster's queue is. */
export interface ClusterOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. */
  redis: string;
  /** TLS options for `rediss://` (a CA for a private certificate, a client certificate...). */
  tls?: ConnectionOptions;
  /** The queue's name, so that several teams can share one Redis; default `queuecast`. */
  queue?: string;
  /** Seconds to wait for Redis when connecting, or to have it back after losing it; default 5. */
  timeoutSeconds?: number;
}

/**
 * The cluster cannot do its work: Redis unreachable, refusing the password, lost mid-run, or a
 * job failed on a worker. The message says which, and where (the password left out).
 *
 * @example
 * await replicate(scenario, { replications: 20, cluster: { redis: 'redis://nowhere:6379' } })
 *   .catch((e) => { if (e instanceof ClusterError) console.error(e.message); });
 */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';
}

export const DEFAULT_QUEUE = 'queuecast';
const DEFAULT_TIMEOUT_SECONDS = 5;

export function timeoutMilliseconds(options: ClusterOptions): number {
  return (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** The URL as a message may show it: any password replaced by `***`. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unparseable Redis URL)';
  }
}

/** Checks the URL's form, so that a typo is named before any connection is tried. */
export function checkRedisUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return `cluster.redis: expected a URL such as redis://host:6379, received ${String(url)}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `cluster.redis: expected a URL such as redis://host:6379, received "${url}"`;
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    return `cluster.redis: expected a redis:// or rediss:// URL, received ${redactedUrl(url)}`;
  }
  return undefined;
}

/**
 * A connection to the cluster's Redis, ready to use, or a `ClusterError` within the timeout
 * saying why not (refused, no such host, wrong password, TLS).
 */
export async function connectRedis(options: ClusterOptions, extra: RedisOptions = {}): Promise<Redis> {
  const problem = checkRedisUrl(options.redis);
  if (problem) throw new ClusterError(problem);
  const timeout = timeoutMilliseconds(options);
  const where = redactedUrl(options.redis);
  const secure = options.redis.startsWith('rediss:');
  const client = new Redis(options.redis, {
    lazyConnect: true,
    connectTimeout: timeout,
    // BullMQ's blocking commands must wait for as long as they need.
    maxRetriesPerRequest: null,
    // Reconnect quickly after a blip; a caller's watch decides when it has been gone too long.
    retryStrategy: (times) => Math.min(100 * times, 1000),
    ...(secure ? { tls: { ...options.tls } } : {}),
    ...extra,
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => (lastError = error));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeout / 1000} s`)), timeout);
      }),
    ]);
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new ClusterError(`cannot use Redis at ${where}: ${reasonOf(lastError ?? (error as Error))}`);
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/** What went wrong with a connection, as a person reads it. */
export function reasonOf(error: Error): string {
  const message = error.message;
  if (/WRONGPASS|invalid password|invalid username-password/i.test(message)) return `it refused the user name or password (${message})`;
  if (/NOAUTH/.test(message)) return `it needs a password (redis://:password@host:port) (${message})`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return `connection refused: is redis-server running there? (${message})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host (${message})`;
  if (code === 'ETIMEDOUT' || /no answer/.test(message)) return `no answer (${message})`;
  if (/certificate|SSL|TLS|wrong version number/i.test(message)) return `the TLS handshake failed (${message})`;
  return message;
}

/**
 * Calls `onLost` when the connection has been down longer than the timeout (Redis stopped,
 * the network gone), with the reason; returns a function that stops watching.
 */
export function watchConnection(client: Redis, options: ClusterOptions, onLost: (error: ClusterError) => void): () => void {
  const timeout = timeoutMilliseconds(options);
  const where = redactedUrl(options.redis);
  let lastError: Error | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onError = (error: Error) => (lastError = error);
  const onClose = () => {
    timer ??= setTimeout(() => {
      onLost(new ClusterError(`lost Redis at ${where} and could not reconnect in ${timeout / 1000} s${lastError ? `: ${reasonOf(lastError)}` : ''}`));
    }, timeout);
  };
  const onReady = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  client.on('error', onError);
  client.on('close', onClose);
  client.on('end', onClose);
  client.on('ready', onReady);
  return () => {
    clearTimeout(timer);
    client.off('error', onError);
    client.off('close', onClose);
    client.off('end', onClose);
    client.off('ready', onReady);
  };
}
