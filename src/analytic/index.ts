// The analytic layer's public API: closed forms for planning at a glance and for checking the
// simulator. Imports nothing outside this folder.
export { erlangB, type ErlangBInput } from './erlangB';
export { erlangC, type ErlangCInput, type ErlangCResult } from './erlangC';
export { erlangA, type ErlangAInput, type ErlangAResult } from './erlangA';
export {
  agentsFor,
  type AgentsForInput,
  type AgentsForErlangAInput,
  type AgentsForErlangCInput,
  type Staffing,
  type StaffingTarget,
} from './agentsFor';
export { AnalyticInputError, type AnalyticIssue } from './errors';
