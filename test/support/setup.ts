import { fc } from '@fast-check/vitest';

// Property tests explore with a fixed seed, so CI is deterministic; set FC_SEED to explore
// other corners locally (a failure prints the seed and path that reproduce it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_125) });
