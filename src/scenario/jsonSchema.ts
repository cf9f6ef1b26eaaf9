import * as z from 'zod/mini';
import { scenarioSchema } from './schema';

/**
 * The JSON Schema (draft 2020-12) of a scenario, generated from the very schema that validates
 * scenarios, so the two never disagree. Point a scenario file's `$schema` at it and editors
 * complete and check the file as it is typed.
 *
 * @example
 * fs.writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(scenarioSchema), title: 'queuecast scenario' };
}
