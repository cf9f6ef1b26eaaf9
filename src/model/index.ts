export { ContactCenter } from './center';
export type { CenterOptions } from './centerOptions';
export { QuietObserver, type CenterObserver } from './observer';
export { TeeObserver } from './teeObserver';
export { runCenter, centerSlices, driveSlices, finishSlices, type SliceOptions, type Slices } from './runCenter';
export { run, runSync, runSlices, runResolvedSync, metricsWindow } from './run';
export { StartingPoint, type CenterState } from './startingPoint';
export { type CarriedRedial, type CarryOver } from './carryOver';
