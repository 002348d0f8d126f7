import { join } from 'node:path';
import type { Response, Server } from 'restify';
import { packageRoot, serveBuilt } from '../http/assets';
import { requestLocale } from '../http/locale';
import { Paths } from './contract';
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
    html(res, joinPage({ locale: requestLocale(req) }));
    next();
  });
  server.get('/j/:code', (req, res, next) => {
    html(res, joinPage({ locale: requestLocale(req), code: String(req.params.code ?? '') }));
    next();
  });
  server.get('/console/:cafe', (req, res, next) => {
    html(res, consolePage({ locale: requestLocale(req), cafeId: String(req.params.cafe ?? '') }));
    next();
  });
  serveBuilt(server, Paths.assets, assets, ['participant.js', 'console.js', 'web.css']);
}


