import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { InvalidInputError } from '../errors';
import { ScenarioError, resolveScenario, validateScenario, type ResolvedScenario, type Scenario } from '../scenario';

/**
 * A scenario file that could not be read or parsed: the file and where in it.
 *
 * @example
 * await loadScenarioFile('day.yaml').catch((e) => { if (e instanceof ScenarioFileError) console.error(e.message); });
 */
export class ScenarioFileError extends InvalidInputError {
  override readonly name = 'ScenarioFileError';

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('scenario file', [{ path: '', expected: 'a JSON or YAML file that can be read', received: file, message: reason }], `${file}: ${reason}`);
  }
}

/**
 * Reads a scenario from a JSON or YAML file (by its extension: .json, .yaml, .yml) and
 * validates it. A file that cannot be read or parsed throws a `ScenarioFileError` naming the
 * line; an invalid scenario throws the API's `ScenarioError`, every problem listed, its message
 * prefixed with the file name.
 *
 * @example
 * import { loadScenarioFile } from 'queuecast/node';
 * const scenario = await loadScenarioFile('examples/scenarios/agency-line.yaml');
 */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  const input = await readScenarioInput(file);
  return inFile(file, () => validateScenario(input));
}

/**
 * `loadScenarioFile()` resolved (`resolveScenario`): validated once here, then taken by every
 * function at no further cost. Its `written` form is the file's scenario.
 *
 * @example
 * import { resolveScenarioFile } from 'queuecast/node';
 * const day = await resolveScenarioFile('examples/scenarios/agency-line.yaml');
 * await run(day); await replicate(day.written, { replications: 20 }); // validated once, on reading
 */
export async function resolveScenarioFile(file: string): Promise<ResolvedScenario> {
  const input = await readScenarioInput(file);
  return inFile(file, () => resolveScenario(input));
}

async function readScenarioInput(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseScenarioText(text, file);
}

/** What `check` returns, or its `ScenarioError` with the file's name before the message. */
function inFile<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ScenarioError) {
      error.message = `${file}: ${error.message}`;
    }
    throw error;
  }
}

/**
 * Parses scenario text as JSON or YAML, chosen by the file name's extension (not validated:
 * pass the result to `validateScenario`).
 *
 * @example
 * const input = parseScenarioText('arrivals: { perHour: 300 }\nagents: 26', 'inline.yaml');
 */
export function parseScenarioText(text: string, file: string): unknown {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ScenarioFileError(file, `is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (extension === '.yaml' || extension === '.yml') {
    const document = parseDocument(text, { prettyErrors: true });
    if (document.errors.length > 0) {
      throw new ScenarioFileError(file, `is not valid YAML:\n${document.errors.map((e) => `  - ${e.message}`).join('\n')}`);
    }
    return document.toJS() as unknown;
  }
  throw new ScenarioFileError(file, `has an unknown extension "${extension}": expected .json, .yaml or .yml`);
}
