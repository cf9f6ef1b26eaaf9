import type { CenterSnapshot } from '../snapshot';

/** What a predictor may know of the center beyond the snapshot. */
export interface PredictorContext {
  meanHandleSeconds: number;
}

/** A wait predictor: the seconds to announce to a caller arriving at a center in this state. */
export type Predictor = (snapshot: CenterSnapshot, context: PredictorContext) => number;
