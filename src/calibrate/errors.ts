/**
 * Records that cannot make a scenario, or options that cannot be used: every problem, one a line.
 *
 * @example
 * try { fitScenario([]); } catch (e) { if (e instanceof CalibrationError) console.error(e.problems); }
 */
export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';

  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `the records cannot be fitted:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
