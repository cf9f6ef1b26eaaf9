import { headOfLine } from './headOfLine';
import { lastToEnterService } from './lastToEnterService';
import { queueLength } from './queueLength';

export type { Predictor, PredictorContext } from './types';

/** The classic wait predictors, each from a snapshot of the center (see `scorePredictors`). */
export const predictors = { queueLength, lastToEnterService, headOfLine } as const;
