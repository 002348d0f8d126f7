import type { CafeStore } from '../store/port';

/**
 * Arms again every stored timer of a running café that has not fired: at start (in-process
 * timers live only in memory) and, with BullMQ, as a safety net for a job lost in a crash.
 * Returns how many were armed.
 */
export async function rearmStored(store: CafeStore, arm: (cafeId: string, stepId: string, dueAt: number) => void): Promise<number> {
  let count = 0;
  for (const cafe of await store.listTimed()) {
    const t = cafe.timer;
    if (cafe.status === 'running' && t?.dueAt !== undefined && !t.firedAt) {
      arm(cafe.id, t.stepId, t.dueAt);
      count++;
    }
  }
  return count;
}
