import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server } from 'restify';

/** The folder holding package.json, from src/… (tsx) or dist/src/… (built). */
export function packageRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/**
 * Serves the built browser files `files` of `dir` (scripts/build-tab.ts) under `prefix`: the
 * bundles and their style only (production serves no source map), re-validated on every load,
 * and a plain 404 saying how to build them when they are missing.
 */
export function serveBuilt(server: Server, prefix: string, dir: string, files: readonly string[]): void {
  for (const file of files) {
    const type = TYPES[file.slice(file.lastIndexOf('.') + 1)];
    if (!type) throw new Error(`serveBuilt: no content type for ${file}`);
    server.get(`${prefix}${file}`, (_req, res, next) => {
      const path = join(dir, file);
      if (!existsSync(path)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${file} is not built: run npm run build`);
      } else {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
        res.end(readFileSync(path));
      }
      next();
    });
  }
}
