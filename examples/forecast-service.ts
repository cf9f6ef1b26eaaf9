// How a service embeds the wait forecast itself: an IVR's own HTTP handler asks "what wait
// should I announce to the caller who just arrived, and should I offer a callback?" of a
// forecaster compiled once for its center, and answers in milliseconds.
//
//   npx tsx examples/forecast-service.ts            # PORT=8787 by default, on 127.0.0.1
//   curl -s http://127.0.0.1:8787/forecast -H 'content-type: application/json' -d '{
//     "agents": 2, "busy": [{ "elapsedSeconds": 60 }, { "elapsedSeconds": 200 }],
//     "hold": [{ "waitedSeconds": 45 }], "callbacks": [] }'
//
// This is the smallest embedding, for reading: its forecasts run on the request thread. The
// product is `queuecast serve` (`npm run serve`): the same forecast on a pool of threads behind
// a bounded queue, with deadlines, body and work limits, every problem of a request listed,
// multi-line centers, /metrics for Prometheus and JSON logs (src/node/service/).
import { createServer } from 'node:http';
import { SnapshotError, createWaitForecaster, snapshotProblems, type Scenario } from '../src';

const center: Scenario = {
  arrivals: { perHour: 400 },
  agents: 40,
  durationSeconds: 8 * 3600,
  handleTime: { type: 'lognormal', meanSeconds: 330, cv: 0.8 },
  patience: { type: 'exponential', meanSeconds: 300 },
  callback: { offer: { whenEstimatedWaitAtLeastSeconds: 120 }, optIn: { probability: 0.3 } },
};
// Validated and compiled once: each call then costs only its futures.
const forecast = createWaitForecaster(center);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.url !== '/forecast') return reply(404, { error: 'POST /forecast' });
    try {
      const snapshot: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      // The forecaster trusts its snapshot: check one from outside first, every problem at once.
      const problems = snapshotProblems(snapshot, center);
      if (problems.length > 0) throw new SnapshotError(problems);
      // At most 20 ms of futures: the answer says how many ran and how precise its median is.
      reply(200, forecast(snapshot as Parameters<typeof forecast>[0], { budget: { milliseconds: 20 } }));
    } catch (error) {
      reply(400, { error: error instanceof Error ? error.message : String(error) });
    }
  });
});

server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => console.log('POST /forecast on', server.address()));
