// A real Redis for the cluster tests: its own redis-server on a free port, in a temporary
// directory, nothing saved to disk; and real `queuecast worker` processes from dist/.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingReason, onPath } from './onPath';

/** Debian's redis-server (/usr/bin/redis-server), found on PATH. */
export const REDIS_SERVER = onPath('redis-server') ?? '/usr/bin/redis-server';
/** Cluster tests skip only on a developer machine without redis-server; in CI they must run. */
export const redisMissing = onPath('redis-server') === undefined && !process.env.CI;
/** The end of a cluster test's name when it is skipped: `<what it tests>: skipped because ...`. */
export const REDIS_SKIPPED = `skipped because ${missingReason('redis-server', 'redis-server')}`;
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** With `tls`: the certificate authority that signed the server's certificate (PEM) and its file. */
  ca?: string;
  caFile?: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts redis-server (with a password when given; only over TLS, with a certificate of a
 * throwaway authority made by openssl, with `tls`; on `port`, to bring back a Redis that was
 * stopped) and resolves once it accepts connections.
 */
export async function startRedis(options: { password?: string; tls?: boolean; port?: number } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'queuecast-redis-'));
  const args = ['--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  if (options.tls) {
    makeCertificates(dir);
    args.push('--port', '0', '--tls-port', String(port), '--tls-cert-file', join(dir, 'server.crt'), '--tls-key-file', join(dir, 'server.key'));
    args.push('--tls-ca-cert-file', join(dir, 'ca.crt'), '--tls-auth-clients', 'no');
  } else {
    args.push('--port', String(port));
  }
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  const auth = options.password ? `:${options.password}@` : '';
  return {
    url: `${options.tls ? 'rediss' : 'redis'}://${auth}127.0.0.1:${port}`,
    port,
    ...(options.tls ? { ca: readFileSync(join(dir, 'ca.crt'), 'utf8'), caFile: join(dir, 'ca.crt') } : {}),
    process: child,
    async stop() {
      await stopProcess(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A certificate authority and a server certificate for 127.0.0.1 signed by it, valid for a day. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=queuecast test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '1', '-extfile', 'san.cnf');
}

export interface WorkerProcess {
  process: ChildProcess;
  /** Everything it wrote to stderr so far: a line per job started and done. */
  log(): string;
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
}

/** Starts `queuecast worker` from the built package; resolves once it takes jobs. */
export async function startWorker(url: string, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsup)`);
  const child = spawn(process.execPath, [CLI, 'worker', '--redis', url, '--concurrency', '1', '--lock-seconds', '2', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/taking jobs/.test(log)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`queuecast worker exited with ${code}: ${log}`));
    });
  });
  return { process: child, log: () => log, exited };
}

/** Stops a child process (if still running) and waits for it to exit. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
