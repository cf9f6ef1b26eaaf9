import { Worker } from 'node:worker_threads';

/** A worker on a TypeScript file, from sources (run with tsx): it registers tsx's loader itself, then loads the file. */
export function sourceWorker(script: URL): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
