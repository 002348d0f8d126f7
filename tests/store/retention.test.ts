import { MemoryStore } from '../../src/store/memoryStore';
import { startRetention } from '../../src/store/retention';
import { makeCafe } from './fixtures';

describe('Retention: ended cafés are purged after RETENTION_DAYS', () => {
  it('purges at start the cafés ended before the period, keeps the others, the running ones and the chat profile', async () => {
    const store = new MemoryStore();
    const now = Date.UTC(2026, 10, 22);
    const day = 86_400_000;
    const old = makeCafe({ status: 'ended', endedAt: now - 31 * day });
    const recent = makeCafe({ status: 'ended', endedAt: now - 29 * day });
    const running = makeCafe({ status: 'running' });
    for (const c of [old, recent, running]) await store.create(c);
    const profile = { organisation: 'Mairie', town: 'Rennes', updatedAt: now - 40 * day };
    await store.setProfile(old.conversationId, profile);
    const purged: number[] = [];
    const stop = startRetention(store, 30, (n) => purged.push(n), (err) => { throw err; }, () => now);
    await new Promise((r) => setImmediate(r));
    stop();
    expect(purged).toEqual([1]);
    expect(await store.get(old.id)).toBeUndefined();
    expect(await store.get(recent.id)).toBeDefined();
    expect(await store.get(running.id)).toBeDefined();
    expect(await store.listCafes(old.conversationId)).toEqual([]);
    // Organisation and town are not personal data: what "remembered per chat" means.
    expect(await store.getProfile(old.conversationId)).toEqual(profile);
  });
});
