/** Reading what the server hands the pages: the boot block, the views, the error answers. Pure, zod-free. */
import type { ActAnswer, ApiError, HandAnswer, JoinAnswer, WebView } from '../contract';
import type { WebLocale } from './labels';

export type WebPage = 'join' | 'participant' | 'console';

/** The JSON the shell puts in `<script type="application/json" id="barista-boot">`. */
export interface WebBoot {
  page: WebPage;
  locale: WebLocale;
  /** The participant page's code (`/j/<code>`), as in the address. */
  code?: string;
  /** The console's café. */
  cafeId?: string;
}

function object(text: string | null | undefined): Record<string, unknown> | undefined {
  try {
    const raw: unknown = JSON.parse(text ?? '');
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown, max = 200): string | undefined => (typeof v === 'string' && v && v.length <= max ? v : undefined);

/** The boot block; anything malformed falls back to the join form in French. */
export function parseBoot(text: string | null | undefined): WebBoot {
  const o = object(text) ?? {};
  const page: WebPage = o.page === 'participant' || o.page === 'console' ? o.page : 'join';
  const boot: WebBoot = { page, locale: o.locale === 'en' ? 'en' : 'fr' };
  const code = str(o.code, 40);
  const cafeId = str(o.cafeId);
  if (code) boot.code = code;
  if (cafeId) boot.cafeId = cafeId;
  return boot;
}

/** A WebView (an event's data, an answer's `view`); undefined unless it looks like version 1. */
export function asView(raw: unknown): WebView | undefined {
  const v = raw as Partial<WebView> | null;
  if (!v || typeof v !== 'object' || v.v !== 1 || typeof v.serverNow !== 'number') return undefined;
  if (v.role !== 'participant' && v.role !== 'facilitator') return undefined;
  if (!v.cafe || typeof v.cafe !== 'object' || typeof v.cafe.id !== 'string' || !v.me || !Array.isArray(v.notices)) return undefined;
  return v as WebView;
}

export function parseView(data: string): WebView | undefined {
  return asView(object(data));
}

/** An error answer's JSON, or a generic one. */
export function asApiError(raw: unknown, status: number): ApiError {
  const o = raw as Partial<ApiError> | null;
  if (o && typeof o === 'object' && typeof o.code === 'string' && typeof o.message === 'string') return o as ApiError;
  return { code: status === 401 || status === 403 ? 'unauthorised' : status === 410 ? 'expired' : 'unavailable', message: '' };
}

export function asJoinAnswer(raw: unknown): JoinAnswer | undefined {
  const o = raw as Partial<JoinAnswer> | null;
  return o && typeof o.token === 'string' && typeof o.cafeId === 'string' ? (o as JoinAnswer) : undefined;
}

export function asActAnswer(raw: unknown): ActAnswer | undefined {
  const o = raw as Partial<ActAnswer> | null;
  const view = asView(o?.view);
  if (o && o.erased === true) return { erased: true, ...(typeof o.message === 'string' && o.message ? { message: o.message } : {}) };
  if (!o || !view) return undefined;
  const c = o.confirmEnd;
  const confirmEnd = c && typeof c.at === 'number' && typeof c.feedbackAsked === 'boolean' ? { at: c.at, feedbackAsked: c.feedbackAsked } : undefined;
  return { view, ...(typeof o.message === 'string' && o.message ? { message: o.message } : {}), ...(confirmEnd ? { confirmEnd } : {}) };
}

export function asHandAnswer(raw: unknown): HandAnswer | undefined {
  const o = raw as Partial<HandAnswer> | null;
  return o && typeof o.consoleUrl === 'string' ? (o as HandAnswer) : undefined;
}

/** The console token in the address's fragment (`#t=<token>`), or undefined. */
export function tokenFromHash(hash: string): string | undefined {
  const m = /(?:^#|&)t=([^&]+)/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!) || undefined;
  } catch {
    return undefined;
  }
}
