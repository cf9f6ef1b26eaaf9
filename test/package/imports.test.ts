import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The import graph of src/, every kind of import counted: values, types, re-exports, dynamic.
const src = resolve(import.meta.dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

const graph = new Map<string, string[]>(
  sourceFiles(src).map((file) => {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((i) => i.fileName);
    const local = imported.filter((name) => name.startsWith('.')).map((name) => resolveImport(file, name));
    return [relative(src, file), local.filter((path) => path !== undefined).map((path) => relative(src, path))];
  }),
);

/** Every circle of imports: the strongly connected components of more than one file (Tarjan). */
function circles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const layerOf = (file: string): string => file.split('/')[0]!;

describe('the import graph of src/', () => {
  it('reads the imports it should (a check of the check)', () => {
    expect(graph.get('index.ts')).toContain('model/index.ts');
    // A type-only import counts: the HTML report's sections take its input type.
    expect(graph.get('node/reportLines.ts')).toContain('node/reportInput.ts');
    expect(graph.size).toBeGreaterThan(200);
  });

  it('has no circle of imports, type-only imports included', () => {
    expect(circles()).toEqual([]);
  });

  it.each(['random', 'engine'])('%s/ imports nothing from another layer', (layer) => {
    const outward = [...graph].flatMap(([file, imports]) =>
      layerOf(file) === layer ? imports.filter((target) => layerOf(target) !== layer).map((target) => `${file} -> ${target}`) : [],
    );
    expect(outward).toEqual([]);
  });
});
