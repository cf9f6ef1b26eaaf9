// The forecast service (`queuecast serve`, queuecast/node's createForecastServer, logging each
// request as a JSON line to a sink that drops it) under load on loopback: requests per
// second and latency percentiles of POST /forecast for an IVR-sized question (40 agents, all
// busy, 10 callers on hold; 1000 futures, the default, and 200), the same with the scenario
// fixed at start (requests carry only the snapshot), and a two-line center (20 + 4 agents, 10
// on hold per line) answered for both lines, against GET /health on the same server as the
// baseline (what node:http and the load tool cost on their own). autocannon
// fires from a worker thread so that it does not share the server's event loop; the cases
// alternate, each round bounded in time, and the medians over rounds are reported.
//   npx tsx benchmarks/service.bench.ts [--seconds 3] [--rounds 3] [--connections 10]
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { closeGracefully, createForecastServer, jsonLog } from '../src/node';
import { serviceLine, serviceLineBusy, twoLines, twoLinesSnapshot } from './forecastCases';
import { median, option } from './measure';

// autocannon ships no type declarations; this is the part of its API used here.
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}
interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

const seconds = option('seconds', 3);
const rounds = option('rounds', 3);
const connections = option('connections', 10);

const scenario = serviceLine;
const snapshot = serviceLineBusy(10);


async function listen(options: Parameters<typeof createForecastServer>[0]) {
  const server = createForecastServer({ ...options, log: jsonLog(() => {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const { server, base } = await listen({});
const fixed = await listen({ scenario });

const forecast = (body: object, at = base): AutocannonOptions => ({
  url: `${at}/forecast`,
  connections,
  duration: seconds,
  workers: 1,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const cases: Record<string, AutocannonOptions> = {
  'GET /health (baseline)': { url: `${base}/health`, connections, duration: seconds, workers: 1 },
  'forecast service': forecast({ scenario, snapshot }),
  'forecast service, 200 futures': forecast({ scenario, snapshot, replications: 200 }),
  'forecast service, scenario fixed at start': forecast({ snapshot }, fixed.base),
  'forecast service, two lines, both answered': forecast({ scenario: twoLines, snapshot: twoLinesSnapshot }),
};

const runs: Record<string, AutocannonResult[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, options] of Object.entries(cases)) runs[name]!.push(await autocannon(options));
}
await closeGracefully(server, 1000);
await closeGracefully(fixed.server, 1000);

const rows = Object.entries(runs).map(([bench, results]) => ({
  bench,
  rounds,
  connections,
  secondsPerRound: seconds,
  requestsPerSecond: Math.round(median(results.map((r) => r.requests.total / r.duration))),
  p50Ms: median(results.map((r) => r.latency.p50)),
  p99Ms: median(results.map((r) => r.latency.p99)),
  errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
  non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
}));
const baseline = rows[0]!.requestsPerSecond;
for (const row of rows) console.log(JSON.stringify({ ...row, ratioToBaseline: Math.round((row.requestsPerSecond / baseline) * 1000) / 1000 }));
console.error('');
console.table(Object.fromEntries(rows.map(({ bench, ...rest }) => [bench, rest])));
