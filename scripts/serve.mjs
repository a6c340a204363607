// A small static file server for the built app (dist/): used by `scripts/run.sh` to serve it
// on this computer and by the end-to-end tests (tests/e2e/lib.mjs), which also read the log of
// requests it keeps.
//
//   node scripts/serve.mjs DIR [HOST] [PORT]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves the files of `dir` on http://127.0.0.1:<free port>/ ('/' gives index.html).
 * Returns { url, port, requests, paths(), close() }: `requests` lists every request as
 * { method, url, status } in order (url is the path + query the browser asked for).
 */
export async function serve(dir, host = "127.0.0.1", listenPort = 0) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    const entry = { method: req.method, url: req.url, status: 0 };
    requests.push(entry);
    const send = (status, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { 'content-type': 'text/plain' });
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad path\n', { 'content-type': 'text/plain' });
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return send(403, 'forbidden\n', { 'content-type': 'text/plain' });
    }
    fs.readFile(file, (err, body) => {
      if (err) return send(404, 'not found\n', { 'content-type': 'text/plain' });
      send(200, body, { 'content-type': contentType(file), 'content-length': body.length });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, host, resolve);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    port,
    requests,
    /** The distinct paths (without query) asked for so far, in first-asked order. */
    paths: () => [...new Set(requests.map((r) => r.url.split('?')[0]))],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}


if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve.mjs: ${dir}/index.html not found: build the app first (bash scripts/build.sh)`);
    process.exit(2);
  }
  const srv = await serve(dir, host, Number(port));
  console.log(`serving ${path.resolve(dir)} on ${srv.url}`);
}
