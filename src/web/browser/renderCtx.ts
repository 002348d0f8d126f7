/** What every web renderer needs, and small markup helpers. Pure (no DOM). */
import { attrs, esc, safeHttpUrl } from './html';
import type { WebLabels } from './labels';

export interface WebRenderCtx {
  l: WebLabels;
  /** Server time (ms) the page is rendered for. */
  now: number;
  role: 'participant' | 'facilitator';
  cafe: string;
}

/** A text people or the guide wrote, escaped, in its own element. */
export function text(tag: string, value: string, attributes: Record<string, string | undefined> = {}): string {
  return `<${tag}${attrs(attributes)}>${esc(value)}</${tag}>`;
}

/** A testid made of a fixed prefix and an id (escaped with the rest of the attribute). */
export const tid = (prefix: string, id: string): string => `${prefix}-${id}`;

/** An outside link, opened in a new tab; a plain text when the URL is not http(s). */
export function outLink(l: WebLabels, url: string, label: string, testid?: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return esc(label);
  return `<a${attrs({ href: safe, target: '_blank', rel: 'noopener noreferrer', 'data-testid': testid })}>${esc(label)} <span class="sr-only">${esc(l.newTab)}</span></a>`;
}

/** Barista's own link (board, console): absolute http(s) or a path of this site. */
export function ownUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^\/(?!\/)[^\s"'<>`]*$/.test(url)) return url;
  return safeHttpUrl(url);
}

export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((Math.max(0, count) * 100) / total) : 0;
}

/** A bar (its width set from data-pct by the page: the CSP forbids style attributes). */
export function bar(pct: number): string {
  return `<span class="bar" aria-hidden="true"><span class="bar__fill" data-pct="${Math.round(pct)}"></span></span>`;
}
