// Throughput and peak memory of fitting a scenario to a large call-records file: the fit keeps
// statistics, not rows, so memory follows days × lines × intervals and agents × days, not the
// rows read. Writes a synthetic CDR file (default 10,000,000 rows: a year of a center with three
// lines, two groups, 400 agents and redialing callers) to the temp folder, then runs, each in a
// fresh Node process on the built package (npm run build first):
//   - the baseline: csv-parse alone reading the file, counting rows;
//   - the case: fitCallRecordFiles, the whole `queuecast fit` path but the YAML.
// Rows per second are given by the wall clock and by the process's CPU time: on a shared machine
// the CPU figure is the steadier one.
//   npx tsx benchmarks/calibrate.bench.ts [--rows 10000000] [--keep]
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option, report, type BenchResult } from './measure';

const rows = option('rows', 10_000_000);
const dist = fileURLToPath(new URL('../dist/node.js', import.meta.url));
if (!existsSync(dist)) throw new Error('benchmarks/calibrate: build the package first (npm run build)');
const file = join(tmpdir(), `queuecast-calibrate-bench-${process.pid}.csv`);

/** A year of synthetic calls, sorted by arrival: plausible shapes, not a simulation (that would take longer than the fit). */
async function writeRecords(): Promise<void> {
  let seed = 12345;
  const uniform = () => {
    // mulberry32: fast and good enough to spread synthetic calls.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const exp = (mean: number) => -mean * Math.log(1 - uniform());
  // Times of day from a per-day date prefix: toISOString per field would dominate the writing.
  let datePrefix = '';
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const iso = (s: number) => {
    const t = Math.floor(s) % 86_400;
    return `${datePrefix}T${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
  };
  const out = createWriteStream(file);
  out.write('call_id,line,arrived_at,outcome,answered_at,ended_at,agent,person,group\n');
  const days = 365;
  const perDay = Math.ceil(rows / days);
  const lines = ['sales', 'service', 'billing'];
  let written = 0;
  let chunk = '';
  for (let day = 0; day < days && written < rows; day++) {
    const open = Date.UTC(2025, 0, 1) / 1000 + day * 86_400 + 7 * 3600;
    datePrefix = new Date(open * 1000).toISOString().slice(0, 10);
    const arrivals = Array.from({ length: Math.min(perDay, rows - written) }, () => open + uniform() * 14 * 3600).sort((a, b) => a - b);
    for (const arrivedAt of arrivals) {
      const line = lines[Math.floor(uniform() * 3)]!;
      const group = line === 'billing' ? 'back-office' : 'front';
      const wait = exp(40);
      const patience = exp(400);
      const person = `p${Math.floor(uniform() * 2_000_000)}`;
      const id = ++written;
      if (patience < wait) {
        chunk += `${id},${line},${iso(arrivedAt)},abandoned,,${iso(arrivedAt + patience)},,${person},\n`;
      } else {
        const answeredAt = arrivedAt + wait;
        const agent = `${group}-${Math.floor(uniform() * 200)}`;
        chunk += `${id},${line},${iso(arrivedAt)},answered,${iso(answeredAt)},${iso(answeredAt + exp(300))},${agent},${person},${group}\n`;
      }
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

interface Measured {
  peakMiB: number;
  seconds: number;
  cpuSeconds: number;
  rows: number;
}

function measure(body: string): Measured {
  const script = `
    const started = performance.now();
    const cpu = process.cpuUsage();
    ${body}
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, seconds, cpuSeconds: (used.user + used.system) / 1e6, rows }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24, cwd: fileURLToPath(new URL('..', import.meta.url)) });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measured;
}

function result(bench: string, m: Measured, baseline?: Measured): BenchResult {
  return {
    bench,
    rounds: 1,
    medianSeconds: round(m.seconds),
    cpuSeconds: round(m.cpuSeconds),
    rows: m.rows,
    rowsPerSecond: Math.round(m.rows / m.seconds),
    rowsPerCpuSecond: Math.round(m.rows / m.cpuSeconds),
    peakRssMiB: Math.round(m.peakMiB),
    ...(baseline === undefined ? {} : { speedRatio: round(baseline.seconds / m.seconds), cpuSpeedRatio: round(baseline.cpuSeconds / m.cpuSeconds) }),
  };
}

try {
  const writing = performance.now();
  await writeRecords();
  const megabytes = statSync(file).size / 2 ** 20;
  console.error(`wrote ${rows.toLocaleString('en-US')} rows (${megabytes.toFixed(0)} MiB) in ${((performance.now() - writing) / 1000).toFixed(1)} s`);
  const parseOnly = measure(`
    const { createReadStream } = await import('node:fs');
    const { parse } = await import('csv-parse');
    let rows = -1;
    for await (const _ of createReadStream(${JSON.stringify(file)}).pipe(parse({ relax_column_count: true }))) rows++;`);
  const fit = measure(`
    const { fitCallRecordFiles } = await import(${JSON.stringify(dist)});
    const { diagnostics } = await fitCallRecordFiles(${JSON.stringify(file)});
    const rows = diagnostics.records.used;`);
  report([result('csv-parse alone (baseline)', parseOnly), result(`fit ${rows.toLocaleString('en-US')} call records`, fit, parseOnly)]);
} finally {
  if (!process.argv.includes("--keep")) rmSync(file, { force: true });
  else console.error(`kept ${file}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
