import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../../src';
import * as node from '../../src/node';

// typedoc builds the API reference from doc comments: every public function and class must
// have one, with an example.
const root = new URL('../../', import.meta.url).pathname;
const sources: Array<[string, string]> = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) sources.push([path, readFileSync(path, 'utf8')]);
  }
};
walk(join(root, 'src'));

describe('every public function and class has a doc comment with an example', () => {
  for (const [entry, module] of [['queuecast', main], ['queuecast/node', node]] as const) {
    const names = Object.entries(module).filter(([, value]) => typeof value === 'function').map(([name]) => name);
    it.each(names)(`${entry}: %s`, (name) => {
      const declared = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function\\*?|class|const) ${name}\\b`);
      const doc = sources.map(([, text]) => declared.exec(text)?.[1]).find((d) => d !== undefined);
      expect(doc, `a doc comment right above the declaration of ${name}`).toBeDefined();
      expect(doc).toContain('@example');
    });
  }
});
