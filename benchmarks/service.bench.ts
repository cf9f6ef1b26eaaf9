// The forecast service under load on loopback, as `queuecast serve --scenario
// examples/scenarios/agency-lines.yaml` runs it (the built package: forecasts on its thread
// pool, default budget, queue and deadline), logging to a sink that drops the lines:
// - the README request (a Spanish caller, 2 h into the day) from 20 concurrent clients:
//   forecasts per second and latency percentiles, against GET /health alone on the same
//   server (what node:http and the load tool cost on their own);
// - the request of issue 28 (general 1 agent busy, bilingual 1, overflow 0, 2 h in; every
//   line answered), one at a time: its latency and the precision each answer states;
// - 200 concurrent clients sending the README request while one client polls GET /health:
//   how many got 200 and 503 (shed, Retry-After), the slowest answer, and /health's p99.
// autocannon fires from worker threads, so it does not share the server's event loop.
// `--budget` sets the service's default time budget of a forecast (milliseconds; default 10).
//   npx tsup && npx tsx benchmarks/service.bench.ts [--seconds 5] [--rounds 3] [--budget 10] [--threads 0]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
// The built package, as users run it: its pool loads dist/forecast-worker.js.
import { closeGracefully, createForecastServer, jsonLog, loadScenarioFile } from '../dist/node.js';
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
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

const seconds = option('seconds', 5);
const rounds = option('rounds', 3);
const budget = option('budget', 10);
// Forecast threads; default the service's own (one per core).
const threads = process.argv.includes('--threads') ? option('threads', 1) : 0;

const scenario = await loadScenarioFile(new URL('../examples/scenarios/agency-lines.yaml', import.meta.url).pathname);
const readme = {
  line: 'spanish',
  snapshot: {
    lines: { spanish: { hold: [{ waitedSeconds: 95 }] } },
    timeOfDaySeconds: 7200,
    groups: { general: { agents: 2 }, bilingual: { agents: 1, busy: [{ elapsedSeconds: 30, line: 'spanish' }] }, overflow: { agents: 0 } },
  },
};
const issue = {
  snapshot: {
    lines: {},
    timeOfDaySeconds: 7200,
    groups: {
      general: { agents: 1, busy: [{ elapsedSeconds: 60, line: 'individuals' }] },
      bilingual: { agents: 1, busy: [{ elapsedSeconds: 60, line: 'spanish' }] },
      overflow: { agents: 0 },
    },
  },
};

const server = createForecastServer({ scenario, forecastMilliseconds: budget, log: jsonLog(() => {}), ...(threads > 0 ? { threads } : {}) });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const post = (body: object, connections: number): AutocannonOptions => ({
  url: `${base}/forecast`,
  connections,
  duration: seconds,
  workers: 1,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const health = (connections: number): AutocannonOptions => ({ url: `${base}/health`, connections, duration: seconds, workers: 1 });

// The machine is shared: its load (one-minute average) before and after is printed with the figures.
const loadBefore = loadavg()[0]!;
// Warm-up: the pool's threads compile the model.
await autocannon({ ...post(readme, 4), duration: 2 });

const rows: Array<Record<string, unknown>> = [];
const healthAlone: AutocannonResult[] = [];
const twenty: AutocannonResult[] = [];
const crowd: AutocannonResult[] = [];
const healthInCrowd: AutocannonResult[] = [];
const issueMs: number[] = [];
const issuePrecision: number[] = [];
const issueFutures: number[] = [];
for (let round = 0; round < rounds; round++) {
  healthAlone.push(await autocannon(health(20)));
  twenty.push(await autocannon(post(readme, 20)));
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(issue) });
    const answer = (await response.json()) as { lines: Record<string, { precisionSeconds: number | null; futures: number }> };
    issueMs.push(performance.now() - start);
    for (const forecast of Object.values(answer.lines)) {
      issuePrecision.push(forecast.precisionSeconds ?? Infinity);
      issueFutures.push(forecast.futures);
    }
  }
  const [loaded, polled] = await Promise.all([autocannon(post(readme, 200)), autocannon(health(1))]);
  crowd.push(loaded);
  healthInCrowd.push(polled);
}
await closeGracefully(server, 1000);

const perSecond = (r: AutocannonResult) => r.requests.total / r.duration;
const baseline = median(healthAlone.map(perSecond));
rows.push({ bench: 'GET /health, 20 clients (baseline)', requestsPerSecond: Math.round(baseline), p50Ms: median(healthAlone.map((r) => r.latency.p50)), p99Ms: median(healthAlone.map((r) => r.latency.p99)) });
rows.push({
  bench: 'README request (agency center, spanish), 20 clients',
  forecastsPerSecond: Math.round(median(twenty.map((r) => r['2xx'] / r.duration))),
  p50Ms: median(twenty.map((r) => r.latency.p50)),
  p99Ms: median(twenty.map((r) => r.latency.p99)),
  non200: twenty.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  ratioToBaseline: Math.round((median(twenty.map((r) => r['2xx'] / r.duration)) / baseline) * 1000) / 1000,
});
rows.push({
  bench: 'issue 28 request (every line), one at a time',
  medianMs: Math.round(median(issueMs) * 10) / 10,
  maxMs: Math.round(Math.max(...issueMs) * 10) / 10,
  medianPrecisionSeconds: Math.round(median(issuePrecision)),
  medianFutures: median(issueFutures),
});
const status = (results: AutocannonResult[], code: string) => results.reduce((sum, r) => sum + (r.statusCodeStats[code]?.count ?? 0), 0);
rows.push({
  bench: 'README request, 200 clients, /health polled alongside',
  answered200: status(crowd, '200'),
  shed503: status(crowd, '503'),
  other: crowd.reduce((sum, r) => sum + r.errors + r.timeouts, 0) + crowd.reduce((sum, r) => sum + r.non2xx, 0) - status(crowd, '503'),
  slowestMs: Math.max(...crowd.map((r) => r.latency.max)),
  forecastsPerSecond: Math.round(median(crowd.map((r) => r['2xx'] / r.duration))),
  healthP99Ms: median(healthInCrowd.map((r) => r.latency.p99)),
  healthMaxMs: Math.max(...healthInCrowd.map((r) => r.latency.max)),
});
const load = [loadBefore, loadavg()[0]!].map((x) => Math.round(x * 10) / 10);
for (const row of rows) console.log(JSON.stringify({ ...row, budgetMilliseconds: budget, threads: threads > 0 ? threads : 'default', rounds, secondsPerRound: seconds, load }));
console.error('');
console.table(Object.fromEntries(rows.map(({ bench, ...rest }) => [bench as string, rest])));
