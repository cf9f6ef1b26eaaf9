// The forecast service (queuecast/node's createForecastServer) on a loopback port of its own: every kind
// of request the README promises an answer to, and a burst of them at once after which the
// server still answers.
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGracefully, createForecastServer } from '../../src/node';
import { forecastWait, type CenterSnapshot, type WaitForecast } from '../../src';
import { serviceLine, serviceLineBusy } from '../support/serviceLine';

const scenario = serviceLine;

const snapshot = serviceLineBusy;

const JSON_TYPE = { 'content-type': 'application/json' };
const MiB = 1024 * 1024;

let server: Server;
let base: string;
let port: number;
const logged: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  server = createForecastServer({
    // Fails for one seed only, so the rest of the tests get the real forecaster.
    forecast: (s, snap, options) => {
      if (options?.seed === 666) throw new TypeError('a bug in the forecaster');
      return forecastWait(s, snap, options);
    },
    log: (entry) => logged.push(entry),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (server) await closeGracefully(server, 1000);
});

async function post(body: unknown, path = '/forecast'): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(base + path, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

describe('GET /health', () => {
  it('answers 200 { status: "ok" } as JSON', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('POST /forecast', () => {
  it('answers a valid request with a sane forecast', async () => {
    const { status, json, headers } = await post({ scenario, snapshot: snapshot(10) });
    expect(status).toBe(200);
    const forecast = json as WaitForecast;
    expect(Object.keys(forecast).sort()).toEqual(
      ['announceSeconds', 'events', 'futures', 'meanSeconds', 'offerCallback', 'p50Seconds', 'p90Seconds', 'precisionSeconds', 'probAbandon'],
    );
    // Ten ahead of 40 busy agents on ~5.5-minute calls: about 10 × 330 / 40 ≈ 80 s, well
    // above nothing and well below ten minutes.
    expect(forecast.meanSeconds).toBeGreaterThan(20);
    expect(forecast.meanSeconds).toBeLessThan(600);
    expect(forecast.p50Seconds).toBeLessThanOrEqual(forecast.p90Seconds);
    expect(forecast.probAbandon).toBeGreaterThanOrEqual(0);
    expect(forecast.probAbandon).toBeLessThanOrEqual(1);
    expect(forecast.announceSeconds % 60).toBe(0);
    expect(forecast.announceSeconds).toBeGreaterThanOrEqual(forecast.p50Seconds);
    // (10 + 1) × 330 / 40 = 90.75 s estimated: under the 2-minute threshold, no offer.
    expect(forecast.offerCallback).toBe(false);
    expect(headers.get('server-timing')).toMatch(/^forecast;dur=\d+(\.\d+)?$/);
  });

  it('forecasts a longer wait, and offers a callback, when the line is longer', async () => {
    const short = (await post({ scenario, snapshot: snapshot(10) })).json as WaitForecast;
    const long = (await post({ scenario, snapshot: snapshot(40) })).json as WaitForecast;
    expect(long.meanSeconds).toBeGreaterThan(short.meanSeconds);
    // (40 + 1) × 330 / 40 = 338 s estimated: past the threshold.
    expect(long.offerCallback).toBe(true);
  });

  it('answers at once when an agent is free', async () => {
    const { status, json } = await post({ scenario, snapshot: { agents: 40, busy: [{ elapsedSeconds: 30 }], hold: [], callbacks: [] } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ meanSeconds: 0, announceSeconds: 0, offerCallback: false });
  });

  it('takes replications from the body or the query, within bounds', async () => {
    expect((await post({ scenario, snapshot: snapshot(5), replications: 200, seed: 7 })).status).toBe(200);
    expect((await post({ scenario, snapshot: snapshot(5) }, '/forecast?replications=50')).status).toBe(200);
    for (const [body, path] of [
      [{ scenario, snapshot: snapshot(5), replications: 5001 }, '/forecast'],
      [{ scenario, snapshot: snapshot(5), replications: 2.5 }, '/forecast'],
      [{ scenario, snapshot: snapshot(5) }, '/forecast?replications=lots'],
    ] as const) {
      const { status, json } = await post(body, path);
      expect(status).toBe(400);
      expect(json.problems).toEqual([expect.objectContaining({ path: 'replications', expected: 'an integer from 1 to 5000' })]);
    }
  });

  it('bounds a forecast\'s work by the events it simulates, and says what that bought', async () => {
    // 2,000 agents busy and 1,500 on hold: each future takes some 1,500 events or more, so 5,000
    // futures would take millions; the service's bound (2 million events) stops them first.
    const huge: CenterSnapshot = {
      agents: 2000,
      busy: Array.from({ length: 2000 }, (_, i) => ({ elapsedSeconds: i % 600 })),
      hold: Array.from({ length: 1500 }, (_, i) => ({ waitedSeconds: 1500 - i })),
      callbacks: [],
    };
    const { status, json } = await post({ scenario, snapshot: huge, replications: 5000 });
    expect(status).toBe(200);
    expect(json.events).toBeLessThanOrEqual(2_000_000);
    expect(json.events).toBeGreaterThan(1_900_000);
    expect(json.futures).toBeLessThan(5000);
    expect(json.futures).toBeGreaterThan(0);
    expect(json.precisionSeconds).toBeGreaterThan(0);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body: '{"scenario": {' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'malformed JSON', message: expect.any(String) });
  });

  it('answers JSON that is not an object with 400', async () => {
    for (const body of [null, [], 'forecast', 42]) {
      const { status, json } = await post(body);
      expect(status).toBe(400);
      expect(json.problems).toEqual([{ path: '', expected: 'a JSON object { scenario, snapshot }', received: body }]);
    }
  });

  it('lists every problem of an invalid scenario, under scenario.', async () => {
    const bad = {
      arrivals: { perHour: -5 },
      agents: 0,
      handleTime: { type: 'lognormal', meanSeconds: 300 },
      callback: { offer: 'always', optIn: { probability: 1.4 } },
    };
    const { status, json } = await post({ scenario: bad, snapshot: snapshot(3) });
    expect(status).toBe(400);
    expect(json.error).toBe('invalid request');
    const paths = (json.problems as Array<{ path: string }>).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'scenario.arrivals.perHour',
      'scenario.agents',
      'scenario.handleTime.cv',
      'scenario.callback.optIn.probability',
      'scenario.durationSeconds',
    ]));
    expect(json.problems).toContainEqual({ path: 'scenario.callback.optIn.probability', expected: 'a number <= 1', received: 1.4 });
    // A missing field is received as null: JSON has no undefined.
    expect(json.problems).toContainEqual(expect.objectContaining({ path: 'scenario.handleTime.cv', received: null }));
  });

  it('lists every problem of an invalid snapshot, under snapshot.', async () => {
    const bad = { agents: 2.5, busy: [{ elapsedSeconds: -1 }], hold: 'x', callbacks: [{ waitedSeconds: 1 }] };
    const { status, json } = await post({ scenario, snapshot: bad });
    expect(status).toBe(400);
    expect((json.problems as Array<{ path: string }>).map((p) => p.path).sort()).toEqual([
      'snapshot.agents',
      'snapshot.busy[0].elapsedSeconds',
      'snapshot.callbacks[0].attempts',
      'snapshot.hold',
    ]);
  });

  it('lists the body, scenario and snapshot problems together', async () => {
    const { status, json } = await post({ scenario: { agents: 3 }, replicatons: 10 });
    expect(status).toBe(400);
    const paths = (json.problems as Array<{ path: string }>).map((p) => p.path);
    expect(paths).toContain('replicatons');
    expect(paths).toContain('scenario.arrivals');
    expect(paths).toContain('scenario.handleTime');
    expect(paths).toContain('snapshot');
  });

  it('keeps a 400 answer small however large the mistake', async () => {
    const hold = Array.from({ length: 20_000 }, () => ({ waitedSeconds: -1 }));
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ scenario, snapshot: { agents: 1, busy: [], hold, callbacks: [] } }) });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(20_000);
    expect(JSON.parse(text)).toMatchObject({ problemsNotListed: 20_000 - 100 });
  });

  it('answers 413 to a body declared larger than 1 MiB, without reading it', async () => {
    const body = Buffer.alloc(2 * MiB, 0x20);
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload too large', limitBytes: MiB });
  });

  it('answers 413 to a streamed body that grows past 1 MiB', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MiB at most: the server stops reading long before.
        if (sent >= 4 * MiB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload too large', limitBytes: MiB });
  });

  it('refuses a declared oversized body before it is sent, when the client expects 100-continue', async () => {
    const head = await rawRequest(
      `POST /forecast HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${8 * MiB}\r\nexpect: 100-continue\r\n\r\n`,
    );
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).not.toMatch(/100 Continue/);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported media type', expected: 'application/json' });
  });

  it('answers 500 as JSON when the forecaster fails, and keeps serving', async () => {
    const { status, json } = await post({ scenario, snapshot: snapshot(3), seed: 666 });
    expect(status).toBe(500);
    expect(json).toEqual({ error: 'internal error' });
    // Logged twice, as JSON-able entries: the failure with its error, and the request's answer.
    expect(logged.find((entry) => entry.msg === 'request failed')).toMatchObject({ level: 'error', path: '/forecast', error: expect.any(TypeError) });
    expect(logged.filter((entry) => entry.msg === 'request').at(-1)).toMatchObject({ level: 'info', method: 'POST', path: '/forecast', status: 500 });
    expect((await post({ scenario, snapshot: snapshot(3) })).status).toBe(200);
  });
});

describe('other methods and paths', () => {
  it('answers a wrong method with 405 and the allowed ones', async () => {
    const get = await fetch(`${base}/forecast`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toMatchObject({ error: 'method not allowed' });
    const del = await fetch(`${base}/health`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers an unknown path with 404', async () => {
    const response = await fetch(`${base}/forecasts`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found', path: '/forecasts' });
  });
});

describe('a burst of mixed requests', () => {
  it('answers each as it should, survives clients that hang up or speak no HTTP, and still answers /health', async () => {
    const kinds = [
      { expected: 200, send: () => post({ scenario, snapshot: snapshot(8), replications: 300 }) },
      { expected: 400, send: () => post({ scenario: { agents: -1 }, snapshot: {} }) },
      {
        expected: 400,
        send: async () => {
          const r = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body: '{"scenario":' });
          return { status: r.status, json: await r.json() };
        },
      },
      {
        expected: 413,
        send: async () => {
          const r = await fetch(`${base}/forecast`, { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(MiB + 1, 0x20) });
          return { status: r.status, json: await r.json() };
        },
      },
      {
        expected: 404,
        send: async () => {
          const r = await fetch(`${base}/nowhere`);
          return { status: r.status, json: await r.json() };
        },
      },
      {
        expected: 405,
        send: async () => {
          const r = await fetch(`${base}/forecast`, { method: 'PUT', headers: JSON_TYPE, body: '{}' });
          return { status: r.status, json: await r.json() };
        },
      },
    ];
    const requests = Array.from({ length: 120 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      return kind.send().then((answer) => ({ expected: kind.expected, status: answer.status }));
    });
    // Alongside: clients that hang up mid-body, and bytes that are not HTTP at all.
    const rude = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? hangUpMidBody()
        : rawRequest('NOT HTTP AT ALL\r\n\r\n').then((text) => expect(text).toMatch(/^HTTP\/1\.1 400 /)),
    );
    const answers = await Promise.all(requests);
    await Promise.all(rude);
    for (const { expected, status } of answers) expect(status).toBe(expected);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});

// Sends raw bytes and resolves with what came back before the server closed (or 2 s passed).
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, 2000);
    socket.on('data', (data) => {
      received += data.toString('latin1');
      // One complete answer is all these tests need.
      if (/\r\n\r\n/.test(received) && !/^HTTP\/1\.1 100 /.test(received)) done();
    });
    socket.on('end', done);
    socket.on('error', (error) => (received ? done() : reject(error)));
    socket.write(text);
  });
}

// A client that promises a body, sends part of it and disconnects.
function hangUpMidBody(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST /forecast HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"scenario": {"arr`);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 20);
    });
    socket.on('error', () => resolve());
  });
}
