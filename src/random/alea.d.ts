// seedrandom's Alea generator on its own: importing it alone keeps the main entry free of the
// `crypto` require in seedrandom's index (the main entry must run in browsers and Deno).
declare module 'seedrandom/lib/alea.js' {
  interface AleaGenerator {
    (): number;
    double(): number;
    int32(): number;
  }
  function alea(seed: string): AleaGenerator;
  export default alea;
}
