import { TenantBudget, tenantKey } from '../../../../src/channel/teams/outbound';
import { prng } from '../../../support/prng';
import { FakeClock, settle } from './fakeClock';

interface Run {
  tenant: string;
  start: number;
  end: number;
}

/**
 * Teams sees a call at some instant in [start, end]. Worst case it saw the others at their end and
 * this one at its start: even then no window of `windowMs` may hold more than `limit` calls.
 */
function maxInAnyWindow(runs: Run[], windowMs: number): number {
  let max = 0;
  for (const r of runs) {
    const count = runs.filter((o) => o.tenant === r.tenant && o.start <= r.start && o.end > r.start - windowMs).length;
    max = Math.max(max, count);
  }
  return max;
}

describe('TenantBudget: Teams’ 50 calls per second per tenant', () => {
  it('never lets more than the limit into any window, whatever the arrivals and durations (property-style)', async () => {
    for (let seed = 1; seed <= 15; seed++) {
      const rnd = prng(seed);
      const clock = new FakeClock();
      const budget = new TenantBudget({ limit: 5, windowMs: 100, marginMs: 0, clock });
      const runs: Run[] = [];
      const all: Promise<void>[] = [];
      for (let k = 0; k < 150; k++) {
        const tenant = `t-${Math.floor(rnd() * 2)}`;
        const duration = Math.floor(rnd() * 40);
        all.push(
          budget.run(tenant, rnd() < 0.5 ? 'send' : 'update', async () => {
            const start = clock.now();
            await clock.sleep(duration);
            runs.push({ tenant, start, end: clock.now() });
          }),
        );
        if (rnd() < 0.3) await clock.advance(Math.floor(rnd() * 30));
      }
      await clock.run(Promise.all(all));
      expect(runs).toHaveLength(150);
      expect(maxInAnyWindow(runs, 100)).toBeLessThanOrEqual(5);
    }
  });

  it('with the default 50 per 1 s + 100 ms margin: 50 calls at once, the 51st only 1.1 s after the first ended', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const budget = new TenantBudget({ clock });
    const starts: number[] = [];
    const all = Array.from({ length: 120 }, () => budget.run('tenant-1', 'update', async () => void starts.push(clock.now() - t0)));
    await clock.run(Promise.all(all));
    expect(starts.filter((s) => s === 0)).toHaveLength(50);
    expect(starts.filter((s) => s === 1_100)).toHaveLength(50);
    expect(starts.filter((s) => s === 2_200)).toHaveLength(20);
  });

  it('counts calls in flight: a slow call holds its place until a window after it ends', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const budget = new TenantBudget({ limit: 2, windowMs: 1_000, marginMs: 0, clock });
    const starts: number[] = [];
    const slow = (ms: number) => budget.run('t', 'send', async () => {
      starts.push(clock.now() - t0);
      await clock.sleep(ms);
    });
    await clock.run(Promise.all([slow(5_000), slow(0), slow(0), slow(0)]));
    // The second frees its place at 1 000 ms; the slow first one only at 6 000 ms.
    expect(starts).toEqual([0, 0, 1_000, 2_000]);
  });

  it('serves sends before card updates that waited longer', async () => {
    const clock = new FakeClock();
    const budget = new TenantBudget({ limit: 2, windowMs: 1_000, marginMs: 0, clock });
    const order: string[] = [];
    const call = (name: string, priority: 'send' | 'update') => budget.run('t', priority, async () => void order.push(name));
    const all = [call('u1', 'update'), call('u2', 'update'), call('u3', 'update'), call('u4', 'update')];
    await settle(); // u1 and u2 take the two places; u3 and u4 wait
    all.push(call('s1', 'send'), call('s2', 'send'));
    await clock.run(Promise.all(all));
    expect(order).toEqual(['u1', 'u2', 's1', 's2', 'u3', 'u4']);
  });

  it('serves card updates fairly: the one that has waited longest goes first, whichever conversation it is in', async () => {
    const clock = new FakeClock();
    const budget = new TenantBudget({ limit: 1, windowMs: 1_000, marginMs: 0, clock });
    const order: string[] = [];
    const all: Promise<void>[] = [];
    for (const card of ['a', 'b', 'c', 'd']) {
      all.push(budget.run('t', 'update', async () => void order.push(card)));
      await clock.advance(10);
    }
    await clock.run(Promise.all(all));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads a waiter’s priority at each grant: an update promoted while it waits goes before other updates', async () => {
    const clock = new FakeClock();
    const budget = new TenantBudget({ limit: 1, windowMs: 1_000, marginMs: 0, clock });
    const order: string[] = [];
    let urgent = false;
    const all = [
      budget.run('t', 'update', async () => void order.push('first')),
      budget.run('t', 'update', async () => void order.push('older')),
      budget.run('t', () => (urgent ? 'send' : 'update'), async () => void order.push('promoted')),
    ];
    await settle();
    urgent = true;
    await clock.run(Promise.all(all));
    expect(order).toEqual(['first', 'promoted', 'older']);
  });

  it('keeps tenants apart, and an unknown tenant shares one key (ids compared case-insensitively)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const budget = new TenantBudget({ limit: 1, windowMs: 1_000, marginMs: 0, clock });
    const starts: Record<string, number> = {};
    const call = (tenant: string | undefined, name: string) => budget.run(tenant, 'send', async () => void (starts[name] = clock.now() - t0));
    await clock.run(Promise.all([call('A', 'a1'), call('a', 'a2'), call('B', 'b1'), call(undefined, 'x1'), call('', 'x2')]));
    expect(starts).toEqual({ a1: 0, a2: 1_000, b1: 0, x1: 0, x2: 1_000 });
    expect(tenantKey(undefined)).toBe(tenantKey(' '));
  });

  it('a call that made no request after all gives its place back', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const budget = new TenantBudget({ limit: 1, windowMs: 1_000, marginMs: 0, clock });
    const starts: number[] = [];
    await clock.run(Promise.all([
      budget.run('t', 'update', (grant) => grant.unused()),
      budget.run('t', 'update', () => void starts.push(clock.now() - t0)),
      budget.run('t', 'update', () => void starts.push(clock.now() - t0)),
    ]));
    expect(starts).toEqual([0, 1_000]);
  });

  it('forgets idle tenants, so memory stays bounded', async () => {
    const clock = new FakeClock();
    const budget = new TenantBudget({ limit: 3, windowMs: 1_000, idleForgetMs: 10_000, clock });
    await clock.run(Promise.all(Array.from({ length: 100 }, (_, i) => budget.run(`tenant-${i}`, 'send', async () => undefined))));
    expect(budget.tenants).toBe(100);
    await clock.advance(61_000);
    await budget.run('tenant-new', 'send', async () => undefined); // triggers the periodic sweep
    expect(budget.tenants).toBe(1);
  });

  it('a failed call still counts (Teams may have counted it) and its error reaches the caller', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const budget = new TenantBudget({ limit: 1, windowMs: 1_000, marginMs: 0, clock });
    const failed = budget.run('t', 'send', async () => {
      throw Object.assign(new Error('HTTP 429'), { statusCode: 429 });
    });
    const next = budget.run('t', 'send', async () => clock.now() - t0);
    await expect(failed).rejects.toMatchObject({ statusCode: 429 });
    await expect(clock.run(next)).resolves.toBe(1_000);
    expect(budget.inFlight('t')).toBe(0);
    expect(budget.pending()).toBe(0);
  });
});
