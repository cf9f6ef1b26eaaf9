export type { SimEvent, SimEventType } from './events';
export { simulate, type SimulateOptions } from './simulate';
export type { RealtimeOptions } from './paced';
export { simulateBatches, type SimulateBatchesOptions } from './simulateBatches';
export { summarize, intervals } from './summarize';
