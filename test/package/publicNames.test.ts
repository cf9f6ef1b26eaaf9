// No two public names (types, functions, classes, constants) are two things: a reader who meets
// `Foo` in one entry's docs and `Foo` in another's is reading about one thing. The names come
// from the entries as TypeScript sees them.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ENTRIES = ['src/index.ts', 'src/entries/charts.ts', 'src/entries/analytic.ts', 'src/entries/calibration.ts', 'src/entries/predictors.ts', 'src/node/index.ts'].map((entry) => resolve(root, entry));

describe('the public names', () => {
  it('no two public types or values share a name', () => {
    const program = ts.createProgram(ENTRIES, {
      strict: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const declaredAt = new Map<string, Set<string>>();
    for (const entry of ENTRIES) {
      for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const declaration = symbol.declarations?.[0];
        const where = declaration ? `${declaration.getSourceFile().fileName.slice(root.length + 1)}:${declaration.pos}` : 'unknown';
        declaredAt.set(exported.name, (declaredAt.get(exported.name) ?? new Set()).add(where));
      }
    }
    expect(declaredAt.size).toBeGreaterThan(200);
    const shared = [...declaredAt].filter(([, places]) => places.size > 1).map(([name, places]) => `${name}: ${[...places].join(', ')}`);
    expect(shared).toEqual([]);
  });
});
