import Redis from 'ioredis';
import { RedisStore } from '../../src/store';
import type { CafeState } from '../../src/domain/types';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../scale/redis';
import { describeStoreContract } from './contract';
import { makeCafe, makeVote } from './fixtures';

const prefix = uniquePrefix('store');
let n = 0;

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

// Each test gets its own prefix under the run's, so `listTimed` sees only that test's cafés.
describeStoreContract('RedisStore', () => new RedisStore({ url: TEST_REDIS_URL, prefix: `${prefix}${++n}:` }));

describe('RedisStore specifics', () => {
  const open: RedisStore[] = [];
  const track = (s: RedisStore): RedisStore => (open.push(s), s);
  const fresh = (p: string) => track(new RedisStore({ url: TEST_REDIS_URL, prefix: p }));

  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('writes only under its prefix', async () => {
    const p = `${prefix}only-${++n}:`;
    const store = fresh(p);
    const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
    await store.create(cafe);
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    await store.setMessageId(cafe.id, 'menu', 'm1');
    const client = new Redis(TEST_REDIS_URL);
    try {
      const keys = await client.keys(`${p}*`);
      expect(keys.length).toBeGreaterThanOrEqual(5);
      expect(keys.every((k) => k.startsWith(p))).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it('lets exactly one of two processes win each round of concurrent saves', async () => {
    const p = `${prefix}race-${++n}:`;
    const a = fresh(p);
    const b = fresh(p);
    let state: CafeState = makeCafe({ status: 'running', cursor: 0 });
    expect(await a.create(state)).toBe(true);
    const wins = { a: 0, b: 0 };
    for (let round = 0; round < 50; round++) {
      const mine = { ...structuredClone(state), version: state.version + 1, cursor: 1 };
      const theirs = { ...structuredClone(state), version: state.version + 1, cursor: 0, pausedMs: round };
      const [okA, okB] = await Promise.all([a.save(mine), b.save(theirs)]);
      expect(Number(okA) + Number(okB)).toBe(1);
      if (okA) wins.a++;
      else wins.b++;
      state = (await b.get(state.id))!;
      expect(state).toEqual(okA ? mine : theirs);
    }
    expect(state.version).toBe(51);
    expect(wins.a + wins.b).toBe(50);
  });

  it('lets exactly one of two processes create the café of a conversation', async () => {
    const p = `${prefix}create-${++n}:`;
    const a = fresh(p);
    const b = fresh(p);
    for (let round = 0; round < 20; round++) {
      const first = makeCafe();
      const second = makeCafe({ conversationId: first.conversationId });
      const results = await Promise.all([a.create(first), b.create(second)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const active = await a.getActive(first.conversationId);
      expect(active?.id).toBe(results[0] ? first.id : second.id);
    }
  });

  it('counts each voter once when two processes take votes at the same time', async () => {
    const p = `${prefix}votes-${++n}:`;
    const a = fresh(p);
    const b = fresh(p);
    const cafe = makeCafe({ status: 'running', cursor: 0 });
    await a.create(cafe);
    const calls: Promise<void>[] = [];
    for (let u = 0; u < 30; u++) {
      // The same delivery reaching both processes (a Teams retry), and a changed vote.
      const vote = makeVote(cafe.id, 's1', `u${u}`, 'A', 100 + u);
      calls.push(a.putContribution(vote), b.putContribution(vote));
    }
    await Promise.all(calls);
    const votes = await b.listContributions(cafe.id, 's1');
    expect(votes).toHaveLength(30);
    expect(votes.map((v) => v.userId)).toEqual(Array.from({ length: 30 }, (_, u) => `u${u}`));
  });

  it('says it is not ready when Redis cannot be reached', async () => {
    const store = track(new RedisStore({ url: 'redis://127.0.0.1:1', prefix: 'x:', redisOptions: { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true, disconnectTimeout: 10 } }));
    expect(await store.ping()).toBe(false);
  });

  it('gives a clear error naming the café when its document is corrupted', async () => {
    const p = `${prefix}corrupt-${++n}:`;
    const store = fresh(p);
    const cafe = makeCafe();
    await store.create(cafe);
    const client = new Redis(TEST_REDIS_URL);
    try {
      await client.hset(`${p}cafe:${cafe.id}`, 'doc', '{not json');
    } finally {
      client.disconnect();
    }
    await expect(store.get(cafe.id)).rejects.toThrow(`café ${cafe.id}`);
  });
});
