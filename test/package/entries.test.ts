// Each entry of the built package, resolved by its name through package.json's `exports` as a
// user's `import` and `require` resolve it, exports exactly the values the README lists for it
// ("Entries"). `npm test` builds dist/ before the tests run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ENTRIES = ['queuecast', 'queuecast/charts', 'queuecast/analytic', 'queuecast/calibration', 'queuecast/predictors', 'queuecast/node'];

/** The README's lists: per entry, the names in backticks after each bullet's label. */
function readmeLists(): Map<string, string[]> {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Entries\n'), readme.indexOf('\n## ', readme.indexOf('\n## Entries\n') + 1));
  const lists = new Map<string, string[]>();
  for (const part of section.split('\n### ').slice(1)) {
    const entry = /^`([^`]+)`/.exec(part)![1]!;
    const bullets = part.split('\n').filter((line) => line.startsWith('- **'));
    lists.set(entry, bullets.flatMap((line) => [...line.slice(line.indexOf('**:') + 3).matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
  }
  return lists;
}

/** An entry's list with the entries it names replaced by their lists. */
const expanded = (lists: Map<string, string[]>, entry: string): string[] =>
  lists.get(entry)!.flatMap((name) => (name.startsWith('queuecast/') ? expanded(lists, name) : [name]));

/** What `import` and `require` of each entry give a user, from a Node process in the package's folder (self-reference by name). */
function loadedKeys(): Record<string, { esm: string[]; cjs: string[] }> {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/');
    const out = {};
    for (const entry of ${JSON.stringify(ENTRIES)}) {
      out[entry] = { esm: Object.keys(await import(entry)), cjs: Object.keys(require(entry)) };
    }
    console.log(JSON.stringify(out));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as Record<string, { esm: string[]; cjs: string[] }>;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('the entries', () => {
  const lists = readmeLists();
  const loaded = loadedKeys();

  it('the README lists every entry, and no name twice within one', () => {
    expect([...lists.keys()]).toEqual(ENTRIES);
    for (const [entry, names] of lists) expect(names.length, entry).toBe(new Set(names).size);
  });

  it.each(ENTRIES)('%s loads as ESM and as CJS and exports exactly the values the README lists', (entry) => {
    const listed = sorted(expanded(lists, entry));
    expect(listed.length).toBeGreaterThan(0);
    expect(sorted(loaded[entry]!.esm)).toEqual(listed);
    expect(sorted(loaded[entry]!.cjs).filter((key) => key !== '__esModule')).toEqual(listed);
  });

  it.each(ENTRIES)('%s has type declarations for import and for require', (entry) => {
    const name = entry === 'queuecast' ? '.' : `./${entry.slice('queuecast/'.length)}`;
    const exports = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: { types: string }; require: { types: string } }> }).exports;
    for (const condition of ['import', 'require'] as const) expect(existsSync(resolve(root, exports[name]![condition].types)), `${entry} ${condition}`).toBe(true);
  });

  it.each(ENTRIES.filter((entry) => entry !== 'queuecast/node'))('%s loads no Node built-in, nor any chunk that does', (entry) => {
    const dist = resolve(root, 'dist');
    const file = entry === 'queuecast' ? 'index' : entry.slice('queuecast/'.length);
    for (const start of [`${file}.js`, `${file}.cjs`]) {
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const code = readFileSync(resolve(dist, name), 'utf8');
        expect(code, name).not.toMatch(/(?:from |require\()["'](node:|crypto|fs|path|worker_threads|os|child_process)/);
        for (const match of code.matchAll(/(?:from |require\()["']\.\/([^"']+)["']/g)) visit(match[1]!);
      };
      visit(start);
    }
  });
});
