// Hashes of what the package produces on every example scenario, for fixed seeds, from the built
// dist/: run() reports, simulate() event streams, and the CLI's tables, JSON, CSV and HTML.
// A change meant to leave behaviour alone prints the same lines before and after:
//   npx tsup --silent && node scripts/report-hashes.mjs > before.txt   (and again after; diff)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { run, simulate, scenarioWarnings } = await import(join(root, 'dist/index.js'));
const { loadScenarioFile } = await import(join(root, 'dist/node.js'));

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const line = (name, text) => console.log(`${name.padEnd(56)} ${hash(text)}`);

const scenariosDir = join(root, 'examples/scenarios');
const files = readdirSync(scenariosDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const out = mkdtempSync(join(tmpdir(), 'report-hashes-'));
// The HTML report says when it was made; that is the one part allowed to differ.
const withoutClock = (html) => html.replace(/<time datetime="[^"]*">[^<]*<\/time>/g, '<time>');
// What a planner sees: the exit code, stdout and stderr.
const cli = (...args) => {
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: out });
  // Paths are written as from the repository, so that two checkouts hash alike.
  return `exit ${status}\n${stdout}\n${stderr}`.replaceAll(root, '<root>/');
};

try {
  for (const file of files) {
    const path = join(scenariosDir, file);
    const scenario = await loadScenarioFile(path);
    for (const seed of [1, 7]) {
      line(`${file} run seed ${seed}`, JSON.stringify(await run({ ...scenario, seed })));
      const events = [];
      // simulate() streams one day: of a calendar, its scenario without the calendar.
      const { calendar: _season, ...day } = scenario;
      await new Promise((resolve, reject) =>
        simulate({ ...day, seed }).subscribe({ next: (e) => events.push(JSON.stringify(e)), error: reject, complete: resolve }),
      );
      line(`${file} simulate seed ${seed}`, events.join('\n'));
    }
    line(`${file} warnings`, JSON.stringify(scenarioWarnings(scenario)));
    const stem = file.replace(/\.[^.]+$/, '');
    const table = cli('run', path, '-r', '3', '-s', '11', '-w', '1', '--json', `${stem}.json`, '--csv', `${stem}.csv`, '-o', `${stem}.html`);
    line(`${file} cli run table`, table);
    for (const produced of readdirSync(out).filter((f) => f.startsWith(stem + '.')).sort()) {
      line(`${file} cli run ${produced.slice(stem.length)}`, withoutClock(readFileSync(join(out, produced), 'utf8')));
    }
    line(`${file} cli staff`, cli('staff', path, '--service-level', '0.8', '--within', '20s'));
  }
  const pairs = [
    ['irs-like.yaml', 'irs-like-callback.yaml'],
    ['agency-lines.yaml', 'agency-lines-callback.yaml'],
  ];
  for (const [baseline, variant] of pairs) {
    line(`compare ${baseline} ${variant}`, cli('compare', join(scenariosDir, baseline), join(scenariosDir, variant), '-r', '3', '-s', '11', '-w', '1'));
  }
  const irs = join(scenariosDir, 'irs-like.yaml');
  line('cli sweep irs-like.yaml', cli('sweep', irs, '--vary', 'agents.scale=1,1.1', '-r', '2', '-s', '3', '-w', '1'));
  // Mistakes in what the planner gave: the message and the exit code.
  writeFileSync(join(out, 'bad.yaml'), 'arrivals: { perHour: -3 }\nagents: 0\nhandleTime: { type: gamma }\n');
  writeFileSync(join(out, 'broken.yaml'), 'arrivals: [\n');
  const mistakes = [
    ['run', join(out, 'bad.yaml')],
    ['run', join(out, 'broken.yaml')],
    ['run', join(out, 'missing.yaml')],
    ['run', irs, '-r', '1'],
    ['run', irs, '-r', 'many'],
    ['run', irs, '-w', '0'],
    ['run', irs, '--seed', 'x'],
    ['compare', irs, join(out, 'bad.yaml')],
    ['staff', irs],
    ['staff', irs, '--service-level', '1.5'],
    ['staff', irs, '--simulate', '--service-level', '0.8', '--max-iterations', '0'],
    ['sweep', irs, '--vary', 'agents'],
    ['sweep', irs, '--vary', 'nothing.here=1,2'],
    ['fit', join(out, 'missing.csv')],
    ['frobnicate'],
  ];
  for (const args of mistakes) line(`cli ${args.map((a) => a.replace(out, '<tmp>').replace(scenariosDir, '<scenarios>')).join(' ')}`, cli(...args).replaceAll(out, '<tmp>'));
} finally {
  rmSync(out, { recursive: true, force: true });
}
