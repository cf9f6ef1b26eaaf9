// What the HTML report is made from, shared by the files that write its sections.
import type { Comparison, Replicated } from '../experiment';
import type { Scenario } from '../scenario';

/** A report of one scenario's replications. */
export interface RunReportInput {
  kind: 'run';
  title: string;
  scenario: Scenario;
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
  baseline: Scenario;
  variant: Scenario;
  comparison: Comparison;
  /** The confidence level the estimates were made with; default 0.95, as `compare()`'s. */
  confidence?: number;
  /** When the report was made; default now. */
  generated?: Date;
}

export type HtmlReportInput = RunReportInput | CompareReportInput;
