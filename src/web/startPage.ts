/**
 * The console's start page (`/console`, no café id): the HTML shell (pure), its bundle and style
 * sheet. The shell carries no inline executable script: its boot data (the locale) travels in a
 * JSON block read by /web/start.js, so the page is served with START_CSP. It is never framed.
 */
import { join } from 'node:path';
import type { Request, Server } from 'restify';
import { packageRoot, serveBuilt } from '../http/assets';
import { requestLocale } from '../http/locale';
import { attrs, esc, jsonForScript } from '../tab/browser/html';
import type { StartBoot } from './browser/start/boot';
import { START_LABELS, type StartLocale } from './browser/start/labels';
import { Paths } from './contract';

/** Nothing but Barista's own address, no frame, no form: the page talks to the API with fetch. */
export const START_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function startPage(locale: StartLocale): string {
  const loc: StartLocale = locale === 'en' ? 'en' : 'fr';
  const l = START_LABELS[loc];
  const boot: StartBoot = { locale: loc };
  const other = l.otherLocale;
  return [
    '<!doctype html>',
    `<html lang="${loc}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    '<link rel="icon" href="data:,">',
    `<title>${esc(l.pageTitle)}</title>`,
    `<link${attrs({ rel: 'stylesheet', href: `${Paths.assets}start.css` })}>`,
    `<script type="application/json" id="barista-boot">${jsonForScript(boot)}</script>`,
    `<script${attrs({ src: `${Paths.assets}start.js`, defer: true })}></script>`,
    '</head>',
    '<body>',
    '<main class="page" data-testid="start-page">',
    '<header class="top">',
    `<h1>${esc(l.heading)}</h1>`,
    `<a${attrs({ href: `${Paths.consolePage}?locale=${other.locale}`, lang: other.locale, hreflang: other.locale, 'aria-label': other.name, 'data-testid': 'locale-switch' })}>${esc(other.label)}</a>`,
    '</header>',
    `<p class="intro">${esc(l.intro)}</p>`,
    `<div id="start" aria-busy="true"><p class="loading" data-testid="loading">${esc(l.loading)}</p></div>`,
    `<noscript><p class="notice">${esc(l.noscript)}</p></noscript>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** ?locale=en (the page's own switch), else the browser's language; French by default. */
export function startLocaleOf(req: Pick<Request, 'query' | 'headers'>): StartLocale {
  return requestLocale(req, 'locale');
}


/** GET /console (the start page), /web/start.js and /web/start.css (built by scripts/build-tab.ts into public/web). */
export function registerStartPage(server: Server, deps: { assetsDir?: string } = {}): void {
  const assets = deps.assetsDir ?? join(packageRoot(), 'public', 'web');
  server.get(Paths.consolePage, (req, res, next) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': START_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      vary: 'accept-language',
    });
    res.end(startPage(startLocaleOf(req)));
    next();
  });
  serveBuilt(server, Paths.assets, assets, ['start.js', 'start.css']);
}
