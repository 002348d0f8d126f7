/**
 * The live feed: `GET /tab/api/events?t=TOKEN` (server-sent events). `snapshot` events carry a
 * whole BoardSnapshot; `waiting` says there is no café to show; `expired` ends the feed. The browser reconnects by itself after a dropped
 * connection (the server sends `retry: 1000`); when it gives up (an HTTP error from a proxy while
 * the server restarts), this module opens a new EventSource with a growing delay.
 */
import type { BoardSnapshot } from '../snapshotTypes';
import { parseSnapshot } from './parse';

export interface StreamHandlers {
  snapshot(snapshot: BoardSnapshot): void;
  /** The connection dropped: keep showing the last snapshot, say we are reconnecting. */
  reconnecting(): void;
  /** The token expired; the feed is closed. */
  expired(): void;
  /** There is no café to show (none yet, or erased); the feed stays open for when one comes. */
  noCafe(): void;
}

export interface BoardStream {
  close(): void;
}

const MAX_DELAY_MS = 30_000;

export function openBoardStream(token: string, handlers: StreamHandlers): BoardStream {
  let source: EventSource | undefined;
  let closed = false;
  let attempt = 0;
  let retryTimer: number | undefined;

  const close = (): void => {
    closed = true;
    window.clearTimeout(retryTimer);
    source?.close();
  };

  const open = (): void => {
    if (closed) return;
    const es = new EventSource(`/tab/api/events?t=${encodeURIComponent(token)}`);
    source = es;
    es.addEventListener('snapshot', (ev) => {
      attempt = 0;
      const snapshot = parseSnapshot(String((ev as MessageEvent).data));
      if (snapshot) handlers.snapshot(snapshot);
    });
    es.addEventListener('waiting', () => {
      attempt = 0;
      handlers.noCafe();
    });
    es.addEventListener('expired', () => {
      close();
      handlers.expired();
    });
    es.onerror = () => {
      if (closed || source !== es) return;
      handlers.reconnecting();
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up. A link that expired (or that this server no longer accepts) while we
        // were away ends here; otherwise try again ourselves, 1 s, 2 s, 4 s… up to 30 s.
        const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt++);
        window.clearTimeout(retryTimer);
        retryTimer = window.setTimeout(() => {
          fetch(`/tab/api/snapshot?t=${encodeURIComponent(token)}`, { cache: 'no-store' })
            .then((res) => {
              if (closed) return;
              if (res.status === 410 || res.status === 403) {
                close();
                handlers.expired();
              } else open();
            })
            .catch(() => open());
        }, delay);
      }
    };
  };

  open();
  return { close };
}
