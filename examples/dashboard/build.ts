// Bundles the live dashboard for the browser (esbuild: one ES module with queuecast's core,
// RxJS and zod inside, no CDN, works offline) into examples/dashboard/dist/, and serves it.
//   npx tsx examples/dashboard/build.ts            # build only
//   npx tsx examples/dashboard/build.ts --serve    # build, then http://127.0.0.1:8788/ (PORT to change)
// Pages opened as file:// cannot load ES modules, hence the small server.
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The dashboard's folder: what the server serves. */
export const DASHBOARD_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Builds `dist/dashboard.js` (and its source map); resolves with its size. */
export async function buildDashboard(): Promise<{ outfile: string; bytes: number }> {
  const outfile = join(DASHBOARD_ROOT, 'dist', 'dashboard.js');
  const result = await build({
    entryPoints: [join(DASHBOARD_ROOT, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  return { outfile, bytes: result.metafile.outputs[join('examples', 'dashboard', 'dist', 'dashboard.js')]?.bytes ?? (await stat(outfile)).size };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A static file server for the dashboard's folder on 127.0.0.1, GET and HEAD only, nothing
 * outside the folder. `port` 0 picks a free one; resolves once listening.
 */
export async function serveDashboard(port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad path');
    }
    const file = normalize(join(DASHBOARD_ROOT, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(DASHBOARD_ROOT.endsWith(sep) ? DASHBOARD_ROOT : DASHBOARD_ROOT + sep)) return send(403, 'forbidden');
    const type = TYPES[extname(file)];
    if (!type) return send(404, 'not found');
    readFile(file).then(
      (body) => send(200, body, type),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${bound}/` };
}

function isMainModule(): boolean {
  const script = process.argv[1];
  try {
    return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const { outfile, bytes } = await buildDashboard();
  console.log(`built ${outfile} (${Math.round(bytes / 1024)} KiB)`);
  if (process.argv.includes('--serve')) {
    const { server, url } = await serveDashboard(Number(process.env.PORT ?? 8788));
    console.log(`dashboard on ${url} (Ctrl-C stops it)`);
    const stop = () => server.close(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}
