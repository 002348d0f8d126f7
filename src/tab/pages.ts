/**
 * The café board's HTML shells (server side, pure): the read-only browser page, the Teams content
 * and configuration pages, and the polite "link not valid" page. The shells carry no inline
 * executable script: the boot data travels in a JSON block read by the bundle (/tab/app.js for the
 * read-only board, /tab/teams.js with the Teams SDK for the Teams pages), so the pages can
 * be served with BOARD_CSP (the read-only board) and TEAMS_CSP (the Teams pages).
 */
import { attrs, esc, jsonForScript } from './browser/html';
import { LABELS, type DeniedReason, type UiLocale } from './browser/labels';
import type { BootData } from './browser/parse';

export type { DeniedReason } from './browser/labels';

/** Where Teams frames Barista's pages (the meeting tab, side panel and stage; Teams on the web and in Microsoft 365). */
const TEAMS_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

/** Nothing but Barista's own address: scripts, styles, images, connections, forms, base. */
const SELF_ONLY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The Content-Security-Policy of the read-only board (a link opened in any browser) and of the
 * "link not valid" page: it loads nothing from outside Barista's own address.
 */
export const BOARD_CSP = `${SELF_ONLY}; connect-src 'self'; ${TEAMS_ANCESTORS}`;

/**
 * The Content-Security-Policy of the Teams pages (meeting tab, configuration): the same, except that
 * teams-js may read Microsoft's list of valid Teams domains from its CDN (it falls back to a built-in one).
 */
export const TEAMS_CSP = `${SELF_ONLY}; connect-src 'self' https://res.cdn.office.net; ${TEAMS_ANCESTORS}`;

export interface BoardPageOptions {
  mode: 'browser' | 'teams' | 'config';
  /** The board token (browser page). */
  token?: string;
  locale: UiLocale;
  /** Public origin the assets are served from ("https://barista.example.fr"); same origin when absent. */
  publicBase?: string;
}

/** "https://host[:port][/path]" without its trailing slash, or '' when absent or not an http(s) URL. */
function base(publicBase: string | undefined): string {
  if (!publicBase || !/^https?:\/\/[^\s"'<>`]+$/i.test(publicBase)) return '';
  return publicBase.replace(/\/+$/, '');
}

function shell(opts: { locale: UiLocale; title: string; head: string; body: string; assetBase: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${opts.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    '<link rel="icon" href="data:,">',
    `<title>${esc(opts.title)}</title>`,
    `<link${attrs({ rel: 'stylesheet', href: `${opts.assetBase}/tab/app.css` })}>`,
    opts.head,
    '</head>',
    `<body>${opts.body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** A board page: the root the script fills, a status line, a toolbar, the boot block and the bundle. */
export function boardPage(opts: BoardPageOptions): string {
  const locale: UiLocale = opts.locale === 'en' ? 'en' : 'fr';
  const l = LABELS[locale];
  const assetBase = base(opts.publicBase);
  const boot: BootData = { mode: opts.mode, locale };
  if (opts.token) boot.token = opts.token;
  if (assetBase) boot.publicBase = assetBase;
  const head =
    `<script type="application/json" id="barista-boot">${jsonForScript(boot)}</script>\n` +
    `<script${attrs({ src: `${assetBase}/tab/${opts.mode === 'browser' ? 'app' : 'teams'}.js`, defer: true })}></script>`;
  const body = [
    '',
    '<div id="toolbar" class="toolbar" hidden></div>',
    '<p id="status" class="status" role="status" data-testid="status"></p>',
    `<main id="board" class="board" aria-live="polite" aria-busy="true"><p class="loading" data-testid="loading">${esc(l.loading)}</p></main>`,
    `<noscript><p class="notice">${esc(l.noscript)}</p></noscript>`,
    '',
  ].join('\n');
  return shell({ locale, title: opts.mode === 'config' ? l.configTitle : l.pageTitle, head, body, assetBase });
}

/** The page for a missing, invalid or expired link: polite, in the reader's language, with no café data. */
export function deniedPage(locale: UiLocale, reason: DeniedReason): string {
  const loc: UiLocale = locale === 'en' ? 'en' : 'fr';
  const l = LABELS[loc];
  const title = l.denied[reason] ?? l.denied.invalid;
  const body =
    `\n<main id="board" class="board">` +
    `<section class="notice" data-testid="denied" data-reason="${esc(reason)}"><h1>${esc(title)}</h1><p>${esc(l.deniedHelp)}</p></section>` +
    '</main>\n';
  return shell({ locale: loc, title: `Barista — ${title}`, head: '', body, assetBase: '' });
}
