export { estimate, unpairedDifference, summarizeAll, differenceOf, type Estimate, type Summary, type ReportSummary } from './estimate';
export { studentTCritical } from './studentT';
export type { ReplicationOptions } from './options';
export { replicate, replicateReports, withReplicationSeed, type Replicated } from './replicate';
export { compare, comparePairSync, summarizePairs, type Comparison, type ComparedPair, type HoldSavings } from './compare';
export { checkReplicationOptions } from './options';
export { comparePair } from './compare';
export { sweep, planSweep, assembleSweep, type Sweep, type SweepOptions, type SweepRow, type SweepPlan } from './sweep';
export { sweepCells, withSettings, describeSettings, SweepError, type SweepCell, type SweepValue, type SweepVary } from './sweepGrid';
