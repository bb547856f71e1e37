// A small static server for dist/ that serves brotli or gzip (precompressed on first request)
// like a production web server would, with correct MIME types and the app's security headers.
// Used by the benchmark script and the Lighthouse audit (python's http.server sends everything
// uncompressed, which would misstate what a phone downloads).
//
//   node tests/bench/serve.mjs DIR PORT [--prefix /sub/path]
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir = 'dist', portArg = '8090', ...rest] = process.argv.slice(2);
const prefixIdx = rest.indexOf('--prefix');
const prefix = prefixIdx >= 0 ? rest[prefixIdx + 1].replace(/\/$/, '') : '';
const root = path.resolve(dir);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const cache = new Map();

async function load(file, enc) {
  const key = `${file}|${enc}`;
  if (cache.has(key)) return cache.get(key);
  const raw = await readFile(file);
  let body = raw;
  if (enc === 'br') body = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  else if (enc === 'gzip') body = zlib.gzipSync(raw, { level: 9 });
  cache.set(key, body);
  return body;
}

const server = http.createServer(async (req, res) => {
  try {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (prefix) {
      if (!p.startsWith(prefix + '/') && p !== prefix) { res.writeHead(404).end('not found'); return; }
      p = p.slice(prefix.length) || '/';
    }
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, p);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const ext = path.extname(file);
    const accept = String(req.headers['accept-encoding'] || '');
    const enc = COMPRESSIBLE.has(ext) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null) : null;
    const body = await load(file, enc);
    const headers = {
      'content-type': TYPES[ext] || 'application/octet-stream',
      'content-length': body.length,
      'cache-control': ext === '.html' || p.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (enc) headers['content-encoding'] = enc;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`[serve] ${root} at http://127.0.0.1:${portArg}${prefix}/ (brotli/gzip)`);
});
