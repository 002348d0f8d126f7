import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { consolePage, joinPage, WEB_CSP } from './pages';

export interface WebPagesDeps {
  /** Where the bundled pages (participant.js, console.js, web.css) are; default: public/web of the package. */
  assetsDir?: string;
}

/**
 * The web door's pages and their assets: GET /j, /j/:code, /console/:cafe and /web/*. (The start
 * page at /console and the /api/web routes are registered elsewhere.) The pages hold no café
 * data: each bundle asks the API with its token.
 */
export function registerWebPages(server: Server, deps: WebPagesDeps = {}): void {
  const assets = deps.assetsDir ?? join(packageRoot(), 'public', 'web');
  const html = (res: Response, body: string) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': WEB_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    res.end(body);
  };
  server.get('/j', (req, res, next) => {
    html(res, joinPage({ locale: localeOf(req) }));
    next();
  });
  server.get('/j/:code', (req, res, next) => {
    html(res, joinPage({ locale: localeOf(req), code: String(req.params.code ?? '') }));
    next();
  });
  server.get('/console/:cafe', (req, res, next) => {
    html(res, consolePage({ locale: localeOf(req), cafeId: String(req.params.cafe ?? '') }));
    next();
  });
  // The bundles and their style only: production serves no source map.
  const files = [['participant.js', 'text/javascript; charset=utf-8'], ['console.js', 'text/javascript; charset=utf-8'], ['web.css', 'text/css; charset=utf-8']] as const;
  for (const [file, type] of files) {
    server.get(`/web/${file}`, (_req, res, next) => {
      const path = join(assets, file);
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

/** `?lang=en|fr`, else the browser's first language: English for any "en…", French otherwise. */
function localeOf(req: Request): 'fr' | 'en' {
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : String(req.headers['accept-language'] ?? '');
  return asked.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** The folder holding package.json, from src/web (tsx) or dist/src/web (built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
