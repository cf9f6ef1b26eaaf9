// Staffing by simulation: rosters that meet a target on the whole model (callbacks, redials,
// several groups), started from Erlang A. Imports experiment, analytic, scenario, random, and
// engine's yieldToHost.
export { staffBySimulation } from './staffBySimulation';
export { StaffingOptionsError } from './options';
export type { Roster, StaffingOptions, StaffingProgress, StaffingResult, StaffingRow } from './types';
