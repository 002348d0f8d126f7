import type { Clock } from '../../../../src/channel/teams/outbound';

/** Lets every pending promise chain run (setImmediate fires after the microtask queue drains). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A manual clock for unit tests: `sleep` resolves only when the test advances time past it.
 * Between timers, all promise chains are drained, so code under test runs exactly as it would
 * with real time, only instantly.
 */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 1_000_000) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
    });

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Advances time by `ms`, firing timers in order and draining promises after each. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await settle();
      const next = this.nextTimer();
      if (!next || next.at > target) break;
      this.fire(next);
    }
    this.t = target;
    await settle();
  }

  /** Runs timers until `promise` settles; fails if nothing is left to run (deadlock). */
  async run<T>(promise: Promise<T>, maxMs = 24 * 3_600_000): Promise<T> {
    let done = false;
    const tracked = promise.finally(() => {
      done = true;
    });
    tracked.catch(() => undefined); // observed by the caller via the return value below
    const limit = this.t + maxMs;
    for (;;) {
      await settle();
      if (done) return tracked;
      const next = this.nextTimer();
      if (!next) throw new Error('FakeClock.run: promise pending but no timer left');
      if (next.at > limit) throw new Error(`FakeClock.run: not settled within ${maxMs} ms`);
      this.fire(next);
    }
  }

  private nextTimer(): Timer | undefined {
    let best: Timer | undefined;
    for (const tm of this.timers) {
      if (!best || tm.at < best.at || (tm.at === best.at && tm.seq < best.seq)) best = tm;
    }
    return best;
  }

  private fire(tm: Timer): void {
    this.timers.splice(this.timers.indexOf(tm), 1);
    if (tm.at > this.t) this.t = tm.at;
    tm.resolve();
  }
}
