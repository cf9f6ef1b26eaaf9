import { InvalidInputError } from '../errors';

/**
 * Records that cannot make a scenario, or options that cannot be used: every problem, one a line.
 *
 * @example
 * try { fitScenario([]); } catch (e) { if (e instanceof CalibrationError) for (const p of e.problems) console.error(p.message); }
 */
export class CalibrationError extends InvalidInputError {
  override readonly name = 'CalibrationError';

  /** @param sentences each problem as a sentence, which is its `message`: the records are judged as a whole. */
  constructor(sentences: readonly string[]) {
    const problems = sentences.map((message) => ({ path: '', expected: 'records and options that can be fitted', received: undefined, message }));
    super('records', problems, sentences.length === 1 ? sentences[0]! : `the records cannot be fitted:\n${sentences.map((p) => `  - ${p}`).join('\n')}`);
  }
}
