export { RandomStreams, replicationSeed, type Uniform } from './streams';
export { byInversion, compileDistribution, meanOf, standardGamma, type Distribution, type InverseSampler, type Sampler } from './distribution';
export { normalQuantile } from './normal';
export { hashUniform } from './hashUniform';
