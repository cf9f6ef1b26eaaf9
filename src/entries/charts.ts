// Entry `queuecast/charts`: Vega-Lite specifications and the tidy rows they draw, for notebooks,
// browsers and reports. No Node built-ins, and nothing here imports vega.
export * from '../charts';
