export type { SimEvent, SimEventType } from './events';
export { simulate, type SimulateOptions } from './simulate';
export { summarize, intervals } from './summarize';
