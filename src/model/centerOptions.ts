/** Options of a center beyond its scenario. */
export interface CenterOptions {
  /**
   * Callers arrive at these times (ascending) instead of by the scenario's Poisson process: a
   * list for the first line, or lists by line name.
   */
  arrivalTimes?: readonly number[] | Readonly<Record<string, readonly number[]>>;
  /**
   * Scripted decisions, for worked examples: the uniform a caller's opt-in is decided by (taken
   * when below the acceptance probability), and whether they answer a given callback dial.
   */
  decisions?: {
    optInUniform?: (callerId: number) => number;
    answers?: (callerId: number, attempt: number) => boolean;
  };
}
