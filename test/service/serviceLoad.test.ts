// The forecast service under load, with its real thread pool (piscina): a full queue is shed
// with 503 and Retry-After while /health still answers, a request whose deadline passes while it
// waits is shed too, one that would wait past it is shed at once, the default budget is shared
// while requests wait, and a client that goes has its forecast stopped (the thread is freed).
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
    const logged: Array<Record<string, unknown>> = [];
    const base = await start({ threads: 1, maxQueue: 2, deadlineMilliseconds: 10_000, log: (entry) => logged.push(entry) });
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
    expect(await metric(base, 'queuecast_http_requests_total', { route: '/forecast', method: 'POST', status: '503' })).toBe(7);
    // Shed requests are not logged one by one (tens of thousands a second under a flood): the
    // first at once, the other six in one line a second later.
    expect(logged.filter((e) => e.msg === 'request' && e.status === 503)).toEqual([]);
    const shedLines = () => logged.filter((e) => e.msg === 'shed').map((e) => e.requests);
    expect(shedLines()).toEqual([1, 6]);

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

  it('sheds at once a request that would wait for a thread past its deadline, by the pool\'s recent pace', async () => {
    // One thread, a 1 s deadline, forecasts of 600 ms (asked for: not shared). Once three have
    // shown the pace (the median time of the last tasks), B runs and C waits (C's wait, 600 ms, is inside the deadline: it is answered,
    // with what is left of its deadline); D would wait for both, 1.2 s: it is told 503 at once,
    // before B is answered. Shed only when the deadline passes, D's 503 would come after B's 200.
    const base = await start({ threads: 1, deadlineMilliseconds: 1000 });
    for (let i = 0; i < 3; i++) expect((await post(base, slow(600))).status).toBe(200);
    const order: string[] = [];
    const answered = (name: string) => (response: Response) => {
      order.push(`${name} ${response.status}`);
      return response;
    };
    const b = post(base, slow(600)).then(answered('B'));
    const c = post(base, slow(600)).then(answered('C'));
    for (let i = 0; i < 100 && (await metric(base, 'queuecast_queue_depth')) < 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = await metric(base, 'queuecast_shed_requests_total', { reason: 'deadline' });
    const d = await post(base, slow(600)).then(answered('D'));
    expect(d.status).toBe(503);
    expect(d.headers.get('retry-after')).toBe('1');
    expect([(await b).status, (await c).status]).toEqual([200, 200]);
    expect(order).toEqual(['D 503', 'B 200', 'C 200']);
    expect(await metric(base, 'queuecast_shed_requests_total', { reason: 'deadline' })).toBe(before + 1);
  });

  it('shares the default budget among the requests waiting, so that a burst drains in about one budget', async () => {
    // One thread, a default budget of 2 s, five requests at once that would each run for their
    // whole budget: with the budget shared (2 s x 1/n with n requests in the pool) the last is
    // answered after 2 (1/5 + 1/4 + 1/3 + 1/2 + 1) = 4.6 s; each taking the whole budget, 10 s.
    const base = await start({ threads: 1, forecastMilliseconds: 2000, deadlineMilliseconds: 30_000 });
    const started = performance.now();
    const { budgetMilliseconds: _, ...unbudgeted } = slow(2000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(base, unbudgeted)));
    const seconds = (performance.now() - started) / 1000;
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Each says what its share bought: futures run, and a precision (null when unknown).
    for (const answer of answers) {
      const forecast = ((await answer.json()) as { lines: { B: { futures: number; precisionSeconds: number | null } } }).lines.B;
      expect(forecast.futures).toBeGreaterThanOrEqual(1);
      expect('precisionSeconds' in forecast).toBe(true);
    }
    expect(seconds).toBeLessThan(7.5);
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
