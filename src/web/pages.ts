/**
 * The web door's HTML shells (server side, pure): the join form (`/j`, `/j/<code>`) and the
 * participant page, and a café's console (`/console/<cafeId>`). No inline executable script: the
 * boot data travels in a JSON block read by the bundle, so the pages are served with WEB_CSP.
 * The console's token is in the link's fragment: the server never sees it, the page reads it.
 */
import { attrs, esc, jsonForScript } from './browser/html';
import { WEB_LABELS, type WebLocale } from './browser/labels';
import type { WebBoot } from './browser/parse';

/** Nothing but Barista's own address; framed by nobody; no form posts anywhere. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function shell(locale: WebLocale, title: string, boot: WebBoot, bundle: 'participant' | 'console'): string {
  const l = WEB_LABELS[locale];
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    '<link rel="icon" href="data:,">',
    `<title>${esc(title)}</title>`,
    '<link rel="stylesheet" href="/web/web.css">',
    `<script type="application/json" id="barista-boot">${jsonForScript(boot)}</script>`,
    `<script${attrs({ src: `/web/${bundle}.js`, defer: true })}></script>`,
    '</head>',
    '<body>',
    '<p id="status" class="status" role="status" data-testid="status"></p>',
    `<main id="app"${attrs({ class: bundle === 'console' ? 'app--console' : undefined })} aria-busy="true"><p class="loading" data-testid="loading">${esc(l.loading)}</p></main>`,
    '<div id="announce" class="sr-only" aria-live="polite" aria-atomic="true" data-testid="announce"></div>',
    `<noscript><p>${esc(l.noscript)}</p></noscript>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const loc = (locale: string | undefined): WebLocale => (locale === 'en' ? 'en' : 'fr');

/** The join form and, once joined, the participant's page; `code` prefills the form (`/j/<code>`). */
export function joinPage(opts: { locale: WebLocale; code?: string }): string {
  const locale = loc(opts.locale);
  const boot: WebBoot = { page: opts.code ? 'participant' : 'join', locale };
  if (opts.code) boot.code = opts.code.slice(0, 40);
  return shell(locale, WEB_LABELS[locale].joinTitle, boot, 'participant');
}

/** A café's console. */
export function consolePage(opts: { locale: WebLocale; cafeId: string }): string {
  const locale = loc(opts.locale);
  return shell(locale, WEB_LABELS[locale].consoleTitle, { page: 'console', locale, cafeId: opts.cafeId.slice(0, 200) }, 'console');
}
