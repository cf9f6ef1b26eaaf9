import type { AddressInfo } from 'node:net';
import { resolveScenarioFile } from '../node/scenarioFiles';
import { createForecastServer } from '../node/service/forecastServer';
import { closeGracefully } from '../node/service/httpExchange';
import { jsonLog } from '../node/service/jsonLog';
import { UsageError } from './errors';

/** Options of `queuecast serve`. */
export interface ServeOptions {
  port: number;
  host: string;
  scenario?: string;
  threads?: number;
  queue?: number;
  deadline?: number;
  budget?: number;
}

/**
 * Runs the forecast service until SIGINT or SIGTERM: listening on `host:port`, logging one JSON
 * object per line on stdout (the first says where it listens), then closing gracefully (requests
 * in flight get 5 s; a second signal stops at once). Resolves when it has closed.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const resolved = options.scenario === undefined ? undefined : await resolveScenarioFile(options.scenario);
  const log = jsonLog((line) => process.stdout.write(line));
  const server = createForecastServer({
    ...(resolved ? { scenario: resolved.written } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.queue !== undefined ? { maxQueue: options.queue } : {}),
    ...(options.deadline !== undefined ? { deadlineMilliseconds: options.deadline } : {}),
    ...(options.budget !== undefined ? { forecastMilliseconds: options.budget } : {}),
    log,
  });
  await new Promise<void>((resolve, reject) => {
    // A port in use or an address not on this machine: the caller's to fix, said plainly (exit 2).
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot listen on ${options.host}:${options.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (choose another with --port)' : error.message}`)));
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  log({
    level: 'info',
    msg: 'listening',
    url: `http://${host}:${port}`,
    port,
    routes: ['GET /health', 'GET /metrics', 'POST /forecast'],
    ...(resolved ? { scenario: resolved.name, file: options.scenario, lines: resolved.lines.map((l) => l.name) } : { scenario: 'in each request' }),
  });
  server.on('error', (error) => log({ level: 'error', msg: 'server error', error }));
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130); // a second signal: stop now
      stopping = true;
      log({ level: 'info', msg: 'closing', signal, graceSeconds: 5 });
      void closeGracefully(server).then(() => {
        log({ level: 'info', msg: 'closed' });
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
