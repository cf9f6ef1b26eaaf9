// seedrandom's Alea generator on its own: importing it alone keeps the main entry free of the
// `crypto` require in seedrandom's index (the main entry must run in browsers and Deno).
declare module 'seedrandom/lib/alea.js' {
  /** Alea's whole state: what `RandomStream` steps from. */
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  interface AleaGenerator {
    (): number;
    double(): number;
    int32(): number;
  }
  function alea(seed: string): AleaGenerator;
  function alea(seed: string, options: { state: true }): AleaGenerator & { state(): AleaState };
  export default alea;
}
