/**
 * Scripted decisions, for worked examples: the uniform a caller's opt-in is decided by (taken
 * when below the acceptance probability), and whether they answer a given callback dial.
 */
export interface ScriptedDecisions {
  optInUniform?: (callerId: number) => number;
  answers?: (callerId: number, attempt: number) => boolean;
}
