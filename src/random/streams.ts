import alea from 'seedrandom/lib/alea.js';

/** A source of uniform numbers in [0, 1). */
export interface Uniform {
  next(): number;
}

/**
 * Independent, reproducible random streams, one per name, all derived from one seed.
 *
 * Each purpose (arrivals, handle times, patience, decisions) draws from its own stream, so a
 * change to how one is used never shifts the numbers another sees: that is what keeps caller
 * *i* the same person across variants of a scenario (common random numbers).
 *
 * Alea was chosen by measurement: as fast as a hand-inlined sfc32 and about 23% faster than
 * seedrandom's default ARC4, with 32 bits per draw, which is plenty for the samplers here.
 *
 * @example
 * const streams = new RandomStreams(7);
 * const arrivals = streams.stream('arrivals');
 * arrivals.next(); // the same number for seed 7 on every machine
 */
export class RandomStreams {
  constructor(readonly seed: number) {}

  stream(name: string): RandomStream {
    return new RandomStream(`queuecast:${this.seed}:${name}`);
  }
}

/**
 * One stream of seedrandom's Alea numbers: seeded by seedrandom (its Mash hash of the name),
 * then stepped here, the same numbers draw for draw. A class, because seedrandom's generator is
 * a closure made per stream: a new function to V8 in every run, so code that had inlined one
 * run's generator was thrown away in the next (benchmarks/README.md, "Code kept from one run to
 * the next").
 */
export class RandomStream implements Uniform {
  // Created in the constructor with the seeded state: s0-s2 are fractions, so V8 keeps them
  // as doubles in place from the start.
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(seed: string) {
    const state = alea(seed, { state: true }).state();
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

/**
 * The seed of replication `index` of a run seeded `seed`: distinct for every pair, and the same
 * on every machine, so replication *k* of a baseline and of a variant see the same callers.
 */
export function replicationSeed(seed: number, index: number): number {
  // 32-bit mix (splitmix-style) of the pair; `>>> 0` keeps it a non-negative integer.
  let x = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
