import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioProblems } from '../../src';

const root = new URL('../../', import.meta.url);
const exampleFiles = readdirSync(new URL('examples/scenarios/', root)).filter((f) => /\.(json|ya?ml)$/.test(f));
const read = (file: string): unknown => {
  const text = readFileSync(new URL(`examples/scenarios/${file}`, root), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
};

describe('the JSON Schema of a scenario', () => {
  const schema = scenarioJsonSchema();
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it('is the committed scenario.schema.json that the example files point to', () => {
    // Regenerate with: npx queuecast schema > scenario.schema.json
    expect(JSON.parse(readFileSync(new URL('scenario.schema.json', root), 'utf8'))).toEqual(schema);
  });

  it.each(exampleFiles)('validates examples/scenarios/%s, which the library accepts too', (file) => {
    const scenario = read(file);
    expect(validate(scenario), JSON.stringify(validate.errors)).toBe(true);
    expect(scenarioProblems(scenario)).toEqual([]);
    const text = readFileSync(new URL(`examples/scenarios/${file}`, root), 'utf8');
    expect(text).toMatch(/\$schema.*\.\.\/\.\.\/scenario\.schema\.json/);
  });

  it('rejects what the library rejects field by field', () => {
    const bad = { arrivals: { perHour: -1 }, agents: 2.5, handleTime: { type: 'weibull' }, extra: true };
    expect(validate(bad)).toBe(false);
    const paths = new Set((validate.errors ?? []).map((e) => e.instancePath));
    expect(paths).toContain('/arrivals/perHour');
    expect(scenarioProblems(bad).length).toBeGreaterThanOrEqual(4);
  });
});
