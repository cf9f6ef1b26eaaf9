// The forecast service under load, with its real thread pool (piscina): a full queue is shed
// with 503 and Retry-After while /health still answers, a request whose deadline passes while it
// waits is shed too, and a client that goes has its forecast stopped (the thread is freed).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { closeGracefully, createForecastServer } from '../../src/node';
import { parsePrometheusText, sampleValue } from '../support/prometheusText';
import { twoLines, twoLinesBusy } from '../support/twoLines';

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => closeGracefully(server, 1000)));
});

async function start(options: Parameters<typeof createForecastServer>[0]): Promise<string> {
  const server = createForecastServer({ scenario: twoLines, log: () => {}, maxEvents: 1e12, ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Answered once the thread has loaded and warmed up (a request waits for that, then its deadline runs).
  expect((await post(base, { snapshot: twoLinesBusy(1), line: 'A', replications: 10 })).status).toBe(200);
  return base;
}

function post(base: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: signal ?? null });
}

async function metric(base: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const { samples } = parsePrometheusText(await (await fetch(`${base}/metrics`)).text());
  return sampleValue(samples, name, labels);
}

// A forecast that runs for its whole budget on any machine: 400 on hold per line (futures of
// tens of milliseconds), 5,000 futures asked, and a server whose event bound is out of reach.
const slow = (milliseconds: number) => ({ snapshot: twoLinesBusy(400), line: 'B', replications: 5000, budgetMilliseconds: milliseconds });

describe('the forecast service under load', () => {
  it('sheds what its queue cannot hold with 503 and Retry-After, and answers /health meanwhile', async () => {
    // One thread, two places in the queue: of ten requests at once (each forecast 2 s long),
    // one runs, two wait, and the other seven are refused at once.
    const base = await start({ threads: 1, maxQueue: 2, deadlineMilliseconds: 10_000 });
    const burst = Array.from({ length: 10 }, () => post(base, slow(2000)));
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const answers = await Promise.all(burst);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503, 503, 503, 503, 503]);
    for (const answer of answers.filter((r) => r.status === 503)) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(await answer.json()).toMatchObject({ retryAfterSeconds: 1 });
    }
    expect(await metric(base, 'queuecast_shed_requests_total', { reason: 'queue full' })).toBe(7);

    expect(await metric(base, 'queuecast_queue_depth')).toBe(0);
  });

  it('sheds the requests whose deadline passes while they wait for a thread', async () => {
    // One thread, a 500 ms deadline, four forecasts of 300 ms at once: the first is answered,
    // and by the time the thread is free for the last ones their deadline has passed.
    const base = await start({ threads: 1, deadlineMilliseconds: 500 });
    const before = await metric(base, 'queuecast_shed_requests_total', { reason: 'deadline' });
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(base, slow(300))));
    const statuses = answers.map((r) => r.status);
    expect(statuses[0]).toBe(200);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const shed = statuses.filter((status) => status === 503).length;
    expect(shed).toBeGreaterThan(0);
    expect(await metric(base, 'queuecast_shed_requests_total', { reason: 'deadline' })).toBe(before + shed);
  });

  it('stops the forecast of a client that has gone, and frees its thread', async () => {
    const base = await start({ threads: 1, deadlineMilliseconds: 60_000 });
    const leaving = new AbortController();
    const gone = post(base, slow(30_000), leaving.signal).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    leaving.abort();
    expect(await gone).toBeInstanceOf(Error);
    // The thread looks at the flag between slices of events: the cancellation is counted
    // within moments, and the next request finds the thread free (not 30 s later).
    for (let i = 0; i < 50 && (await metric(base, 'queuecast_cancelled_requests_total')) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await metric(base, 'queuecast_cancelled_requests_total')).toBe(1);
    const next = await post(base, { snapshot: twoLinesBusy(1), line: 'A', replications: 10 }, AbortSignal.timeout(10_000));
    expect(next.status).toBe(200);
  });
});
