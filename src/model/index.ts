export { ContactCenter, type CenterOptions } from './center';
export type { CenterObserver } from './observer';
export { runCenter, type SliceOptions } from './runCenter';
export { run, runSync, metricsWindow } from './run';
