/**
 * Durable timers port. The due time is stored with the café (CafeState.timer); a Timers
 * implementation only wakes the bot up at that time. One timer per café at a time.
 */
export interface Timers {
  /** Fires `onFire(cafeId, stepId)` at `dueAt` (at once if it is already past), replacing the café's timer. */
  arm(cafeId: string, stepId: string, dueAt: number): void;
  cancel(cafeId: string): void;
  /** Stops every timer (shutdown). Stored due times stay, and are re-armed at the next start. */
  stop(): void;
}

export type OnFire = (cafeId: string, stepId: string, late: boolean) => Promise<void>;
