import type { PredictorScore } from './types';

/** The errors of one predictor's announcements, summed as they come. */
export class ErrorTally {
  private n = 0;
  private sum = 0;
  private squares = 0;
  private absolute = 0;

  /** One caller: what was announced and the hold they then had. A predictor with no answer (NaN) is not scored. */
  add(announced: number, actual: number): void {
    if (!Number.isFinite(announced)) return;
    const error = announced - actual;
    this.n++;
    this.sum += error;
    this.squares += error * error;
    this.absolute += Math.abs(error);
  }

  score(name: string): PredictorScore {
    const n = this.n;
    return {
      name,
      callers: n,
      rmseSeconds: n > 0 ? Math.sqrt(this.squares / n) : NaN,
      meanErrorSeconds: n > 0 ? this.sum / n : NaN,
      meanAbsoluteErrorSeconds: n > 0 ? this.absolute / n : NaN,
    };
  }
}
