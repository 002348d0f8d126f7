import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisStore } from '../../src/store';
import { newCafeCode } from '../../src/web/code';
import type { CafeState } from '../../src/domain/types';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../scale/redis';
import { describeStoreContract } from './contract';
import { makeCafe, makeVote, seedCafe } from './fixtures';

const prefix = uniquePrefix('store');
let n = 0;

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

/**
 * Every key under `prefix` whose name, or any value it holds (string, hash field or value, set or
 * sorted-set member, list item), contains one of `needles`, as `key` or `key → value`.
 */
async function keysMentioning(prefix: string, needles: string[]): Promise<string[]> {
  const client = new Redis(TEST_REDIS_URL);
  const hit = (text: string) => needles.some((n) => text.includes(n));
  const found: string[] = [];
  try {
    for (const key of await allKeys(client, prefix)) {
      if (hit(key)) {
        found.push(key);
        continue;
      }
      const type = await client.type(key);
      let values: string[];
      if (type === 'string') values = [(await client.get(key)) ?? ''];
      else if (type === 'hash') values = Object.entries(await client.hgetall(key)).flat();
      else if (type === 'set') values = await client.smembers(key);
      else if (type === 'zset') values = await client.zrange(key, 0, -1);
      else if (type === 'list') values = await client.lrange(key, 0, -1);
      else throw new Error(`keysMentioning: unexpected type ${type} of ${key}`);
      for (const v of values) if (hit(v)) found.push(`${key} → ${v}`);
    }
  } finally {
    client.disconnect();
  }
  return found;
}

/** Names of all keys under `prefix` (SCAN, not KEYS), sorted. */
async function allKeys(client: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}

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

  it('lets exactly one of two processes create a café with a given code', async () => {
    const p = `${prefix}code-race-${++n}:`;
    const a = fresh(p);
    const b = fresh(p);
    for (let round = 0; round < 20; round++) {
      const joinCode = newCafeCode();
      const results = await Promise.allSettled([a.create(makeCafe({ joinCode })), b.create(makeCafe({ joinCode }))]);
      const won = results.filter((r) => r.status === 'fulfilled' && r.value === true);
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'code-taken' });
    }
  });

  it('does not take a code for a café that is gone (a code key an older build left behind)', async () => {
    const p = `${prefix}code-stale-${++n}:`;
    const store = fresh(p);
    const joinCode = newCafeCode();
    const client = new Redis(TEST_REDIS_URL);
    try {
      await client.set(`${p}code:${joinCode}`, 'cafe-long-gone');
      expect(await store.cafeByCode(joinCode)).toBeUndefined();
      const cafe = makeCafe({ joinCode });
      expect(await store.create(cafe)).toBe(true);
      expect(await store.cafeByCode(joinCode)).toEqual(cafe);
      expect(await client.get(`${p}code:${joinCode}`)).toBe(cafe.id);
    } finally {
      client.disconnect();
    }
  });

  it('counts each voter once when two processes take votes at the same time', async () => {
    const p = `${prefix}votes-${++n}:`;
    const a = fresh(p);
    const b = fresh(p);
    const cafe = makeCafe({ status: 'running', cursor: 0 });
    await a.create(cafe);
    const calls: Promise<boolean>[] = [];
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

  it('gives a clear error naming the conversation when its profile is corrupted', async () => {
    const p = `${prefix}corrupt-profile-${++n}:`;
    const store = fresh(p);
    const client = new Redis(TEST_REDIS_URL);
    try {
      await client.set(`${p}profile:conv-p`, '{oops');
      await expect(store.getProfile('conv-p')).rejects.toThrow(/Corrupted document for the chat profile of conversation conv-p: invalid JSON/);
      await client.set(`${p}profile:conv-p`, '{"organisation": "A", "updatedAt": 1}');
      await expect(store.getProfile('conv-p')).rejects.toThrow(/Corrupted document for the chat profile of conversation conv-p: town/);
    } finally {
      client.disconnect();
    }
  });

  it('indexes cafés stored before conv-cafes existed, so they are listed and erased', async () => {
    const p = `${prefix}upgrade-${++n}:`;
    const before = fresh(p);
    const conv = randomUUID();
    const ended = makeCafe({ id: randomUUID(), conversationId: conv, status: 'ended', endedAt: 5, createdAt: 1_000 });
    const active = makeCafe({ id: randomUUID(), conversationId: conv, createdAt: 2_000 });
    for (const c of [ended, active]) await before.create(c);
    // What an older build left: no conv-cafes index, no marker.
    const client = new Redis(TEST_REDIS_URL);
    try {
      await client.del(`${p}conv-cafes:${conv}`, `${p}conv-index`);
    } finally {
      client.disconnect();
    }

    const after = fresh(p);
    expect(await after.listCafes(conv)).toEqual([active, ended]);
    expect(await after.eraseConversation(conv)).toBe(2);
    expect(await keysMentioning(p, [conv, ended.id, active.id])).toEqual([]);
  });

  describe('leaves nothing behind', () => {
    const seed = seedCafe;

    it('after purgeEndedBefore: nothing of the purged café; its conversation only in its profile', async () => {
      const p = `${prefix}left-purge-${++n}:`;
      const store = fresh(p);
      const conv = randomUUID();
      const old = await seed(store, conv, { status: 'ended', endedAt: 1_000 });
      const other = await seed(store, randomUUID(), { status: 'ended', endedAt: 9_000 });
      await store.setProfile(conv, { organisation: 'Mairie', town: 'Rennes', updatedAt: 1 });

      expect(await store.purgeEndedBefore(2_000)).toBe(1);
      expect(await keysMentioning(p, [old.id, old.joinCode!])).toEqual([]);
      expect(await keysMentioning(p, [conv])).toEqual([`${p}profile:${conv}`]);
      expect((await keysMentioning(p, [other.id])).length).toBeGreaterThan(0); // the check does see keys
    });

    it('after eraseCafe: nothing of the erased café nor of its conversation', async () => {
      const p = `${prefix}left-erase-${++n}:`;
      const store = fresh(p);
      const conv = randomUUID();
      const erased = await seed(store, conv, { status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
      const other = await seed(store, randomUUID(), { status: 'ended', endedAt: 9 });

      expect(await store.eraseCafe(erased.id)).toBe(true);
      expect(await keysMentioning(p, [erased.id, conv, erased.joinCode!])).toEqual([]);
      expect((await keysMentioning(p, [other.id])).length).toBeGreaterThan(0);
    });

    it('after eraseConversation: only keys of the other conversations remain, then none', async () => {
      const p = `${prefix}left-conv-${++n}:`;
      const store = fresh(p);
      const conv = randomUUID();
      const kept = randomUUID();
      const ended = await seed(store, conv, { status: 'ended', endedAt: 1_000 });
      const active = await seed(store, conv, { status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
      const other = await seed(store, kept, { status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
      await store.setProfile(conv, { organisation: 'Mairie', town: 'Rennes', updatedAt: 1 });
      await store.setProfile(kept, { organisation: 'Lycée', town: 'Brest', updatedAt: 1 });
      expect(await store.listCafes(conv)).toHaveLength(2);

      expect(await store.eraseConversation(conv)).toBe(2);
      expect(await keysMentioning(p, [conv, ended.id, active.id, ended.joinCode!, active.joinCode!])).toEqual([]);
      // What is left names the other conversation or its café (or is the one-time index marker).
      const client = new Redis(TEST_REDIS_URL);
      try {
        const left = await allKeys(client, p);
        const theirs = new Set((await keysMentioning(p, [kept, other.id])).map((k) => k.split(' → ')[0]));
        expect(left.filter((k) => !theirs.has(k))).toEqual([`${p}conv-index`]);

        expect(await store.eraseConversation(kept)).toBe(1);
        expect(await allKeys(client, p)).toEqual([`${p}conv-index`]);
      } finally {
        client.disconnect();
      }
    });
  });
});
