/** Countdown arithmetic, pure (the DOM ticker lives in view.ts). */
import type { BoardStep } from '../snapshotTypes';

type Timer = NonNullable<BoardStep['timer']>;

/** "4:05" (m:ss), "1:02:03" past an hour, "0:00" when past; never negative. Seconds are rounded up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Milliseconds left on a step's timer at `now` (server time: Date.now() + clock offset).
 * Paused: the frozen remainingMs. Running: dueAt - now, floored at 0. Undefined when there is nothing to count.
 */
export function timerRemaining(timer: Timer | undefined, now: number): number | undefined {
  if (!timer) return undefined;
  if (timer.paused) return Math.max(0, timer.remainingMs ?? (timer.dueAt !== undefined ? timer.dueAt - now : 0));
  if (timer.dueAt !== undefined) return Math.max(0, timer.dueAt - now);
  if (timer.firedAt !== undefined) return 0;
  return timer.remainingMs !== undefined ? Math.max(0, timer.remainingMs) : undefined;
}
