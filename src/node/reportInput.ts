// What the HTML report is made from, shared by the files that write its sections.
import type { Comparison, Replicated } from '../experiment';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';

/** A report of one scenario's replications. */
export interface RunReportInput {
  kind: 'run';
  title: string;
  /** As written, or resolved (`resolveScenario`): then it is not validated again. */
  scenario: Scenario | ResolvedScenario;
  replicated: Replicated;
  /** The confidence level the estimates were made with; default 0.95, as `replicate()`'s. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

/** A report of a what-if: a baseline against a variant on common random numbers. */
export interface CompareReportInput {
  kind: 'compare';
  title: string;
  baseline: Scenario | ResolvedScenario;
  variant: Scenario | ResolvedScenario;
  comparison: Comparison;
  /** The confidence level the estimates were made with; default 0.95, as `compare()`'s. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

export type HtmlReportInput = RunReportInput | CompareReportInput;

/** A report's input with its scenarios resolved: what the sections of a report read. */
export type ResolvedReportInput =
  | (Omit<RunReportInput, 'scenario'> & { scenario: ResolvedScenario })
  | (Omit<CompareReportInput, 'baseline' | 'variant'> & { baseline: ResolvedScenario; variant: ResolvedScenario });

/** The input with its scenarios resolved, each validated here unless it was already. */
export function resolveReportInput(input: HtmlReportInput): ResolvedReportInput {
  return input.kind === 'run'
    ? { ...input, scenario: resolveScenario(input.scenario) }
    : { ...input, baseline: resolveScenario(input.baseline), variant: resolveScenario(input.variant) };
}

/** True when the report is about a multi-line center (either arm of a comparison). */
export function isMultiLineReport(input: ResolvedReportInput): boolean {
  return input.kind === 'run' ? input.scenario.multiLine : input.baseline.multiLine || input.variant.multiLine;
}
