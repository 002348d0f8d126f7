import type { CafeStore } from '../store/port';
import type { OnFire, Timers } from './port';
import { rearmStored } from './rearm';

/** setTimeout cannot wait longer than this; longer waits are chained. */
const MAX_DELAY = 2_147_000_000;

/**
 * The default timers: setTimeout in this process. Due times live in the store, so at start
 * `rearm` schedules again every café's timer, and one that fell due while the server was down
 * fires at once, marked late.
 */
export class InProcessTimers implements Timers {
  private readonly handles = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onFire: OnFire, private readonly now: () => number = Date.now) {}

  arm(cafeId: string, stepId: string, dueAt: number): void {
    this.cancel(cafeId);
    const late = dueAt < this.now() - 1000;
    const wait = () => {
      const delay = Math.max(0, dueAt - this.now());
      const handle = setTimeout(() => {
        if (dueAt > this.now()) return wait();
        this.handles.delete(cafeId);
        void this.onFire(cafeId, stepId, late);
      }, Math.min(delay, MAX_DELAY));
      handle.unref?.();
      this.handles.set(cafeId, handle);
    };
    wait();
  }

  cancel(cafeId: string): void {
    const handle = this.handles.get(cafeId);
    if (handle) clearTimeout(handle);
    this.handles.delete(cafeId);
  }

  stop(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }

  /** Re-arms the stored timers of running cafés (at start). */
  async rearm(store: CafeStore): Promise<number> {
    return rearmStored(store, (cafeId, stepId, dueAt) => this.arm(cafeId, stepId, dueAt));
  }


  get size(): number {
    return this.handles.size;
  }
}
