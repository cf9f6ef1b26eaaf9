import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The TypeScript in the README and the notebook guide must run as written: each file's ```ts
// blocks become one module (cells share their variables, imports are merged), `queuecast` is
// the source tree, Deno's display is recorded, and the module runs with tsx.
const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(root, 'test/docs/.snippets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function moduleFrom(markdown: string): string {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const imports = new Map<string, Set<string>>();
  const body: string[] = [];
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      const match = /^import \{([^}]*)\} from '([^']+)';$/.exec(line);
      if (!match) {
        body.push(line);
        continue;
      }
      const from = match[2]!.replace(/^npm:queuecast$/, 'queuecast');
      const names = imports.get(from) ?? new Set<string>();
      for (const name of match[1]!.split(',')) if (name.trim()) names.add(name.trim());
      imports.set(from, names);
    }
  }
  const source = (from: string) => (from === 'queuecast' ? join(root, 'src/index.ts') : from);
  const header = [...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${source(from)}';`);
  const deno = `const Deno = { jupyter: { display: async (bundle: Record<string, unknown>) => { if (!bundle['application/vnd.vegalite.v5+json']) throw new Error('not a chart'); } } };`;
  // Quiet the examples' own logging; the test is that they run.
  return [...header, deno, 'console.log = () => {};', ...body].join('\n');
}

describe('code in the docs runs as written', () => {
  for (const file of ['README.md', 'docs/notebooks.md']) {
    it(file, async () => {
      const module = join(scratch, `${file.replace(/\W/g, '_')}.ts`);
      writeFileSync(module, moduleFrom(readFileSync(join(root, file), 'utf8')));
      const { stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [module], { cwd: root });
      expect(stderr).toBe('');
    });
  }
});
