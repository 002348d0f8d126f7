import { RateLimiter, TEAMS_RATE_LIMITS, type RateWindow } from '../../../../src/channel/teams/outbound';
import { prng } from '../../../support/prng';
import { FakeClock, settle } from './fakeClock';

interface Run {
  conv: string;
  idx: number;
  start: number;
  end: number;
}

/**
 * The strongest check available without knowing network latency: the service sees call j at
 * some instant in [start_j, end_j]. Worst case it saw j at its end and i at its start; even then
 * no window may hold more than `limit` calls.
 */
function assertWithinWindows(runs: Run[], windows: readonly RateWindow[]): void {
  const byConv = new Map<string, Run[]>();
  for (const r of runs) byConv.set(r.conv, [...(byConv.get(r.conv) ?? []), r]);
  for (const list of byConv.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) expect(list[i].start).toBeGreaterThanOrEqual(list[i - 1].end); // one in flight
      for (const w of windows) {
        let count = 0;
        for (let j = 0; j <= i; j++) if (list[j].end > list[i].start - w.windowMs) count++;
        if (count > w.limit) {
          throw new Error(`window ${w.limit}/${w.windowMs}ms exceeded: ${count} calls around t=${list[i].start}`);
        }
      }
    }
  }
}

describe('RateLimiter', () => {
  it('never exceeds any window, whatever the arrival pattern and call durations (property-style)', async () => {
    const windows: RateWindow[] = [
      { limit: 3, windowMs: 100 },
      { limit: 5, windowMs: 400 },
      { limit: 20, windowMs: 5_000 },
    ];
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = prng(seed);
      const clock = new FakeClock();
      const limiter = new RateLimiter({ windows, marginMs: 0, clock });
      const runs: Run[] = [];
      const promises: Promise<void>[] = [];
      for (let k = 0; k < 120; k++) {
        const conv = `conv-${Math.floor(rnd() * 3)}`;
        const duration = Math.floor(rnd() * 60);
        promises.push(
          limiter.schedule(conv, async () => {
            const run: Run = { conv, idx: k, start: clock.now(), end: -1 };
            await clock.sleep(duration);
            run.end = clock.now();
            runs.push(run);
          }),
        );
        if (rnd() < 0.3) await clock.advance(Math.floor(rnd() * 300)); // bursts and gaps
      }
      await clock.run(Promise.all(promises));
      expect(runs).toHaveLength(120);
      assertWithinWindows(runs, windows);
    }
  });

  it('keeps Teams limits (incl. 1800/h) over 1900 back-to-back calls in one conversation', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, marginMs: 0 }); // defaults = TEAMS_RATE_LIMITS
    const runs: Run[] = [];
    const promises = Array.from({ length: 1_900 }, (_, k) =>
      limiter.schedule('c', async () => {
        const start = clock.now();
        await clock.sleep(k % 7 === 0 ? 40 : 0);
        runs.push({ conv: 'c', idx: k, start, end: clock.now() });
      }),
    );
    const t0 = clock.now();
    await clock.run(Promise.all(promises));
    assertWithinWindows(runs, TEAMS_RATE_LIMITS);
    // The 1801st call had to wait for the first to leave the hour window.
    expect(runs[1_800].start - t0).toBeGreaterThanOrEqual(3_600_000);
  });

  it('is not needlessly slow: 7 at once, then the 1 s and 2 s windows (+ margin) gate', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, marginMs: 100 });
    const t0 = clock.now();
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 10 }, () => limiter.schedule('c', async () => starts.push(clock.now() - t0))));
    await clock.run(all);
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1_100, 2_100, 2_100]);
  });

  it('runs calls FIFO per conversation, even when some fail', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    const order: number[] = [];
    const results = Array.from({ length: 30 }, (_, k) =>
      limiter.schedule('c', async () => {
        order.push(k);
        if (k % 5 === 0) throw new Error(`boom ${k}`);
        return k;
      }),
    );
    const settled = await clock.run(Promise.allSettled(results));
    expect(order).toEqual(Array.from({ length: 30 }, (_, k) => k));
    expect(settled[5]).toEqual({ status: 'rejected', reason: new Error('boom 5') });
    expect(settled[6]).toEqual({ status: 'fulfilled', value: 6 });
  });

  it('keeps conversations independent', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    const t0 = clock.now();
    const busy = Array.from({ length: 30 }, () => limiter.schedule('busy', async () => clock.now()));
    let otherStart = -1;
    const other = limiter.schedule('quiet', async () => {
      otherStart = clock.now();
    });
    await settle();
    await other;
    expect(otherStart).toBe(t0);
    expect(limiter.pending('busy')).toBeGreaterThan(0);
    await clock.run(Promise.all(busy));
  });

  it('holdOff delays every queued call of that conversation only', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    const t0 = clock.now();
    limiter.holdOff('c', 3_000);
    const a = limiter.schedule('c', async () => clock.now() - t0);
    const b = limiter.schedule('d', async () => clock.now() - t0);
    expect(await clock.run(b)).toBe(0);
    expect(await clock.run(a)).toBe(3_000);
  });

  it('forgets conversations idle for more than an hour (bounded memory)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    await clock.run(Promise.all(Array.from({ length: 50 }, (_, k) => limiter.schedule(`conv-${k}`, async () => k))));
    expect(limiter.conversations).toBe(50);
    await clock.advance(30 * 60_000);
    limiter.sweep();
    expect(limiter.conversations).toBe(50); // still inside the hour window: must remember
    await clock.advance(31 * 60_000);
    await clock.run(limiter.schedule('fresh', async () => 1)); // triggers the periodic sweep
    expect(limiter.conversations).toBe(1);
  });

  it('rejects invalid windows', () => {
    expect(() => new RateLimiter({ windows: [] })).toThrow();
    expect(() => new RateLimiter({ windows: [{ limit: 0, windowMs: 1000 }] })).toThrow();
  });
});
