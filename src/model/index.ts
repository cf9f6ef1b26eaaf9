export { ContactCenter } from './center';
export type { CenterOptions } from './centerOptions';
export { QuietObserver, type CenterObserver } from './observer';
export { TeeObserver } from './teeObserver';
export { runCenter, type SliceOptions } from './runCenter';
export { run, runSync, runResolved, runResolvedSync, metricsWindow } from './run';
export { StartingPoint, type CenterState } from './startingPoint';
export { type CarriedRedial, type CarryOver } from './carryOver';
