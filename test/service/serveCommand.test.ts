// `queuecast serve` from the built package (dist/cli.js, as `npx queuecast serve` runs it; `npm
// test` builds dist/ first) on a free loopback port, with a multi-line scenario fixed at start:
// per-line answers, /metrics in the Prometheus text format, every problem's path in a 400, JSON
// logs on stdout, and a graceful stop on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePrometheusText, sampleValue } from '../support/prometheusText';
import { twoLines, twoLinesBusy } from '../support/twoLines';

const root = new URL('../../', import.meta.url).pathname;
const file = join(mkdtempSync(join(tmpdir(), 'queuecast-serve-')), 'two-lines.yaml');
writeFileSync(file, stringify(twoLines));

let child: ChildProcessWithoutNullStreams;
let base: string;
const lines: string[] = [];
let exited: Promise<number | null>;

beforeAll(async () => {
  child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--port', '0', '--host', '127.0.0.1', '--scenario', file], { cwd: root });
  exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const stdout = createInterface({ input: child.stdout });
  stdout.on('line', (line) => lines.push(line));
  const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
    stdout.once('line', (line) => resolve(JSON.parse(line) as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`queuecast serve exited with ${code}`)));
  });
  base = listening.url as string;
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

async function post(body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('queuecast serve --scenario (built package)', () => {
  it('says where it listens, in its first log line', () => {
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'listening', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), scenario: 'two lines', lines: ['A', 'B'] });
  });

  it('answers a multi-line request with 200 and a forecast per line', async () => {
    const { status, json } = await post({ snapshot: twoLinesBusy(4), replications: 300 });
    expect(status).toBe(200);
    expect(Object.keys(json.lines)).toEqual(['A', 'B']);
    for (const forecast of Object.values(json.lines) as Array<Record<string, number>>) {
      expect(forecast.meanSeconds).toBeGreaterThan(0);
      expect(forecast.p50Seconds).toBeLessThanOrEqual(forecast.p90Seconds!);
    }
  });

  it('answers a bad one with 400 and every problem under its path', async () => {
    const snapshot = twoLinesBusy(3) as any;
    snapshot.lines.B.hold[2].waitedSeconds = -1;
    snapshot.groups.shared.busy[0].line = 'Z';
    const { status, json } = await post({ snapshot, line: 'C' });
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toEqual(['line', 'snapshot.lines.B.hold[2].waitedSeconds', 'snapshot.groups.shared.busy[0].line']);
    const names = await post({ snapshot: { ...twoLinesBusy(1), lines: { C: {} } } });
    expect(names.json.problems.map((p: { path: string }) => p.path)).toEqual(['snapshot.lines.C']);
  });

  it('serves /metrics in the Prometheus text format', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const { samples } = parsePrometheusText(text);
    expect(sampleValue(samples, 'queuecast_http_requests_total', { route: '/forecast', status: '200' })).toBe(1);
    expect(sampleValue(samples, 'queuecast_forecast_duration_seconds_count')).toBe(2);
  });

  it('logs one JSON object per line and stops gracefully on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((e) => e.msg === 'request').map((e) => e.status)).toEqual([200, 400, 400, 200]);
    expect(entries.at(-1)).toMatchObject({ level: 'info', msg: 'closed' });
    for (const entry of entries) expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
