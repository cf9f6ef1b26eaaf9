// The forecast pool's thread from sources (tests, tsx): registers tsx's loader in this thread,
// then loads the TypeScript worker. The built package runs dist/forecast-worker.js instead.
const { register } = await import('tsx/esm/api');
register();
const worker = await import('./forecastWorker.ts');
export default worker.default;
