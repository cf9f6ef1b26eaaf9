// The two values of RxJS the streams use, imported from their own modules. In Node, `rxjs`
// resolves to its CommonJS index, which loads every operator of the library (some 400 files,
// a fifth of a second before the first event); these paths load a few dozen. They are the same
// modules the index re-exports, so `Observable` is the class users' operators and `instanceof`
// checks know, in Node (CommonJS build) as in bundlers (ESM builds); `rxjs/internal/*` is in the
// package's `exports` map. Types come from `rxjs` itself: type imports load nothing.
export { Observable } from 'rxjs/internal/Observable';
export { asyncScheduler } from 'rxjs/internal/scheduler/async';
