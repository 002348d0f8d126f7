import { MemoryStore } from '../../src/store/memoryStore';
import { startRetention } from '../../src/store/retention';
import { makeCafe } from './fixtures';

describe('Retention: ended cafés are purged after RETENTION_DAYS', () => {
  it('purges at start the cafés ended before the period, keeps the others and the running ones', async () => {
    const store = new MemoryStore();
    const now = Date.UTC(2026, 10, 22);
    const day = 86_400_000;
    const old = makeCafe({ status: 'ended', endedAt: now - 31 * day });
    const recent = makeCafe({ status: 'ended', endedAt: now - 29 * day });
    const running = makeCafe({ status: 'running' });
    for (const c of [old, recent, running]) await store.create(c);
    const purged: number[] = [];
    const stop = startRetention(store, 30, (n) => purged.push(n), (err) => { throw err; }, () => now);
    await new Promise((r) => setImmediate(r));
    stop();
    expect(purged).toEqual([1]);
    expect(await store.get(old.id)).toBeUndefined();
    expect(await store.get(recent.id)).toBeDefined();
    expect(await store.get(running.id)).toBeDefined();
  });
});
