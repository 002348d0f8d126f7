/** The pages' calls to the web API (src/web/contract.ts): join, act, hand over, and the event stream. */
import type { ActAnswer, ApiError, HandAnswer, JoinAnswer, WebView } from '../contract';
import { asActAnswer, asApiError, asHandAnswer, asJoinAnswer, parseView } from './parse';
import { WebPaths } from './paths';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError; status: number };

async function post<T>(path: string, body: unknown, read: (raw: unknown) => T | undefined, token?: string): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'unavailable', message: '' } };
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    raw = undefined;
  }
  const value = res.ok ? read(raw) : undefined;
  return value !== undefined ? { ok: true, value } : { ok: false, status: res.status, error: asApiError(raw, res.status) };
}

export const join = (body: { code: string; name?: string; locale: 'fr' | 'en'; token?: string }): Promise<Result<JoinAnswer>> =>
  post(WebPaths.join, body, asJoinAnswer);

export const actNow = (token: string, data: Record<string, unknown>): Promise<Result<ActAnswer>> =>
  post(WebPaths.act, { data }, asActAnswer, token);

export const handOver = (token: string, mode: 'co' | 'hand'): Promise<Result<HandAnswer>> =>
  post(WebPaths.hand, { mode }, asHandAnswer, token);

export interface ViewStreamHandlers {
  view(view: WebView): void;
  reconnecting(): void;
  expired(): void;
  /** The café was erased. */
  gone(): void;
}

const MAX_DELAY_MS = 30_000;

/**
 * `GET Paths.events?t=`: a `view` at once and at every change, `expired` at the end. The browser
 * reconnects by itself after a cut; when it gives up, this opens a new stream with a growing delay
 * (1 s, 2 s, 4 s… 30 s), after checking with Paths.view that the token still holds.
 */
export function openViewStream(token: string, handlers: ViewStreamHandlers): { close(): void } {
  let source: EventSource | undefined;
  let closed = false;
  let attempt = 0;
  let timer: number | undefined;
  const q = `?t=${encodeURIComponent(token)}`;
  const close = () => {
    closed = true;
    window.clearTimeout(timer);
    source?.close();
  };
  const open = () => {
    if (closed) return;
    const es = new EventSource(WebPaths.events + q);
    source = es;
    es.addEventListener('view', (ev) => {
      attempt = 0;
      const view = parseView(String((ev as MessageEvent).data));
      if (view) handlers.view(view);
    });
    es.addEventListener('expired', () => {
      close();
      handlers.expired();
    });
    es.addEventListener('gone', () => {
      close();
      handlers.gone();
    });
    es.onerror = () => {
      if (closed || source !== es) return;
      handlers.reconnecting();
      if (es.readyState !== EventSource.CLOSED) return;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt++);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        fetch(WebPaths.view + q, { cache: 'no-store', credentials: 'omit' })
          .then(async (res) => {
            if (closed) return;
            if (res.status === 401 || res.status === 403 || res.status === 410) {
              close();
              handlers.expired();
              return;
            }
            const view = res.ok ? parseView(await res.text()) : undefined;
            if (view) handlers.view(view);
            open();
          })
          .catch(() => open());
      }, delay);
    };
  };
  open();
  return { close };
}
