import type { CafeStore } from './port';

const DAY_MS = 86_400_000;
const EVERY_MS = 60 * 60_000;

/**
 * Purges ended cafés older than the retention period, at start and then every hour. Returns a
 * stop function. The cafés themselves teach RGPD: nothing is kept longer than needed.
 */
export function startRetention(
  store: CafeStore,
  days: number,
  report: (purged: number) => void,
  onError: (err: unknown) => void,
  now: () => number = Date.now,
): () => void {
  const purge = () =>
    store.purgeEndedBefore(now() - days * DAY_MS).then((n) => {
      if (n > 0) report(n);
    }, onError);
  void purge();
  const timer = setInterval(purge, EVERY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
