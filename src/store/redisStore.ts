import Redis, { type RedisOptions } from 'ioredis';
import { parseCafeDoc, parseContributionDoc, parseProfileDoc, serializeProfile } from './documents';
import { SINGLE_VALUED } from '../domain/contribute';
import { BaristaError } from '../errors';
import { outboxDrafts, parseOutboxDoc } from './outbox';
import type { CafeState, Contribution } from '../domain/types';
import type { CafeStore, ChatProfile, OutboxEffect, OutboxEntry } from './port';

/** Default key prefix: every key this store (and the BullMQ timers) writes starts with it. */
export const DEFAULT_REDIS_PREFIX = 'barista:';

/** How long `ping` waits for Redis before saying it is unreachable (readiness probes must answer fast). */
const PING_TIMEOUT_MS = 1500;

/**
 * Keys (P = prefix):
 *   P cafe:{id}            hash: doc (JSON), version, conv, status, endedAt (ms, or the last save when ended without one),
 *                          code (its join code, '' when none: set at create, never changed)
 *   P code:{code}          string: id of the café whose join code it is (cafeByCode); set at create, goes with its café
 *   P active:{conv}        string: id of the conversation's café that is not ended (the "one active café" index)
 *   P timed                set: ids of cafés not ended that have a timer (re-armed at start)
 *   P ended                sorted set: ended café ids, score = end time (for purgeEndedBefore)
 *   P contrib:{id}         hash: JSON([stepId, kind, key]) → contribution JSON
 *   P contrib-order:{id}   sorted set: score = at, member = seq (16 digits) + '|' + field; ties keep insertion order
 *   P contrib-seq:{id}     hash: field → its order member (kept on upsert, like SQLite's rowid); '#' → counter
 *   P msg:{id}             hash: message key ('menu', a step id, 'recap') → Teams activity id
 *   P conv-cafes:{conv}    sorted set: ids of the conversation's cafés, active and ended, score = createdAt
 *                          (listCafes, eraseConversation); set at create, its members go with their café
 *   P profile:{conv}       string: the conversation's chat profile (JSON); only eraseConversation deletes it
 *   P conv-index           string: '1' once the cafés stored before conv-cafes existed have been added to it
 *   P outbox               sorted set: pending outbox entry ids, score = seq (the order they are carried out in)
 *   P outbox-doc           hash: entry id → the entry's JSON (without seq)
 *   P outbox-seq           string: the last seq given
 *   P outbox-cafe:{id}     set: the café's pending entry ids (erased with the café)
 *
 * Redis deletes a set or sorted set by itself when its last member goes: an emptied index leaves no key.
 */

/**
 * KEYS: cafe, active, timed, ended, convCafes, code. ARGV: id, doc, version, status, hasTimer,
 * endScore, conv, updatedAt, createdAt, joinCode ('' when none), the café keys' prefix (P cafe:).
 * Every check comes before the first write: a refused café stores nothing. A code key whose café
 * is gone or holds another code (left by a build that did not know codes) is not "taken".
 */
const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('BARISTA_EXISTS café ' .. ARGV[1] .. ' already exists')
end
if ARGV[4] ~= 'ended' then
  local current = redis.call('GET', KEYS[2])
  if current and current ~= ARGV[1] then return 0 end
end
if ARGV[10] ~= '' then
  local holder = redis.call('GET', KEYS[6])
  if holder and redis.call('HGET', ARGV[11] .. holder, 'code') == ARGV[10] then
    return redis.error_reply('BARISTA_CODE_TAKEN the join code of café ' .. ARGV[1] .. ' is already café ' .. holder .. "'s")
  end
  redis.call('SET', KEYS[6], ARGV[1])
end
if ARGV[4] ~= 'ended' then redis.call('SET', KEYS[2], ARGV[1]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'version', ARGV[3], 'status', ARGV[4], 'conv', ARGV[7], 'endedAt', ARGV[6], 'updatedAt', ARGV[8], 'code', ARGV[10])
if ARGV[4] ~= 'ended' and ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[1]) else redis.call('SREM', KEYS[3], ARGV[1]) end
if ARGV[4] == 'ended' then redis.call('ZADD', KEYS[4], ARGV[6], ARGV[1]) end
redis.call('ZADD', KEYS[5], ARGV[9], ARGV[1])
return 1
`;

/**
 * Compare-and-set. KEYS and ARGV as CREATE_LUA, then KEYS outbox, outboxDoc, outboxSeq, outboxCafe
 * and ARGV (from 10) the outbox entries as pairs id, JSON, stored with the café in the same script
 * (a repeated id is ignored). Returns 1 saved, 0 conflict (or unknown café).
 * The ZADD to conv-cafes changes nothing for a café created here; it indexes one created by an
 * older build (a rolling deploy) at its next save.
 */
const SAVE_LUA = `
local stored = redis.call('HGET', KEYS[1], 'version')
if not stored or tonumber(stored) ~= tonumber(ARGV[3]) - 1 then return 0 end
local current = redis.call('GET', KEYS[2])
if ARGV[4] ~= 'ended' then
  if current and current ~= ARGV[1] then
    return redis.error_reply('BARISTA_ACTIVE conversation already has an active café (' .. current .. '), cannot save ' .. ARGV[1])
  end
  redis.call('SET', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
else
  if current == ARGV[1] then redis.call('DEL', KEYS[2]) end
  redis.call('ZADD', KEYS[4], ARGV[6], ARGV[1])
end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'version', ARGV[3], 'status', ARGV[4], 'conv', ARGV[7], 'endedAt', ARGV[6], 'updatedAt', ARGV[8])
if ARGV[4] ~= 'ended' and ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[1]) else redis.call('SREM', KEYS[3], ARGV[1]) end
redis.call('ZADD', KEYS[5], ARGV[9], ARGV[1])
for i = 10, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[7], ARGV[i], ARGV[i + 1]) == 1 then
    redis.call('ZADD', KEYS[6], redis.call('INCR', KEYS[8]), ARGV[i])
    redis.call('SADD', KEYS[9], ARGV[i])
  end
end
return 1
`;

/**
 * Conditional upsert: the domain's `replaces` read and applied in one script, so a late
 * re-delivery of an older answer, or a duplicate, changes nothing. KEYS: contrib, order, seq.
 * ARGV: field, json, at, single ('1': a single-valued kind), activityId ('' when none).
 * Returns 1 stored, 0 kept what it had.
 */
const PUT_CONTRIBUTION_LUA = `
local member = redis.call('HGET', KEYS[3], ARGV[1])
if member then
  if ARGV[4] ~= '1' then return 0 end
  local storedAt = redis.call('ZSCORE', KEYS[2], member)
  if storedAt and tonumber(ARGV[3]) < tonumber(storedAt) then return 0 end
  if ARGV[5] ~= '' then
    local doc = redis.call('HGET', KEYS[1], ARGV[1])
    if doc then
      local ok, stored = pcall(cjson.decode, doc)
      if ok and type(stored) == 'table' and stored.activityId == ARGV[5] then return 0 end
    end
  end
else
  local n = redis.call('HINCRBY', KEYS[3], '#', 1)
  member = string.format('%016d', n) .. '|' .. ARGV[1]
  redis.call('HSET', KEYS[3], ARGV[1], member)
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], member)
return 1
`;

/** Contributions in order (at, then insertion). KEYS: contrib, order. */
const LIST_CONTRIBUTIONS_LUA = `
local members = redis.call('ZRANGE', KEYS[2], 0, -1)
local out = {}
for i, m in ipairs(members) do
  local doc = redis.call('HGET', KEYS[1], string.sub(m, 18))
  if doc then out[#out + 1] = doc end
end
return out
`;

/**
 * KEYS: cafe, active, timed, ended, contrib, order, seq, msg, convCafes, outbox, outboxDoc, outboxCafe,
 * code. ARGV: id. Returns 1 if the café existed.
 */
const ERASE_LUA = `
if redis.call('GET', KEYS[13]) == ARGV[1] then redis.call('DEL', KEYS[13]) end
for _, entry in ipairs(redis.call('SMEMBERS', KEYS[12])) do
  redis.call('ZREM', KEYS[10], entry)
  redis.call('HDEL', KEYS[11], entry)
end
redis.call('DEL', KEYS[12])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[9], ARGV[1])
redis.call('DEL', KEYS[5], KEYS[6], KEYS[7], KEYS[8])
return redis.call('DEL', KEYS[1])
`;

/**
 * Erases a conversation: its cafés (those of conv-cafes, and the active one in any case) with
 * their records and index entries, then conv-cafes, the active index and the chat profile.
 * KEYS: convCafes, active, timed, ended, profile. ARGV: prefix, conv. Returns how many cafés went.
 * The per-café key names are built here from the prefix, so the script touches keys it was not
 * given: fine on one Redis (this store does not support Redis Cluster), and all or nothing.
 */
const ERASE_CONVERSATION_LUA = `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local active = redis.call('GET', KEYS[2])
if active then ids[#ids + 1] = active end
local p = ARGV[1]
local erased = 0
for _, id in ipairs(ids) do
  local cafe = p .. 'cafe:' .. id
  -- Only a café of this conversation (the index could name one erased meanwhile).
  if redis.call('HGET', cafe, 'conv') == ARGV[2] then
    local code = redis.call('HGET', cafe, 'code')
    if code and code ~= '' and redis.call('GET', p .. 'code:' .. code) == id then redis.call('DEL', p .. 'code:' .. code) end
    erased = erased + redis.call('DEL', cafe)
    redis.call('DEL', p .. 'contrib:' .. id, p .. 'contrib-order:' .. id, p .. 'contrib-seq:' .. id, p .. 'msg:' .. id)
    for _, entry in ipairs(redis.call('SMEMBERS', p .. 'outbox-cafe:' .. id)) do
      redis.call('ZREM', p .. 'outbox', entry)
      redis.call('HDEL', p .. 'outbox-doc', entry)
    end
    redis.call('DEL', p .. 'outbox-cafe:' .. id)
    redis.call('SREM', KEYS[3], id)
    redis.call('ZREM', KEYS[4], id)
  end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[5])
return erased
`;

/**
 * Adds a café stored before conv-cafes existed to its conversation's index, if it is still there
 * and still of that conversation. KEYS: cafe, convCafes. ARGV: id, conv, createdAt.
 */
const INDEX_CAFE_LUA = `
if redis.call('HGET', KEYS[1], 'conv') ~= ARGV[2] then return 0 end
return redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[1])
`;

interface Scripts {
  baristaCreate(...args: string[]): Promise<number>;
  baristaSave(...args: string[]): Promise<number>;
  baristaPut(...args: string[]): Promise<number>;
  baristaList(...args: string[]): Promise<string[]>;
  baristaErase(...args: string[]): Promise<number>;
  baristaEraseConversation(...args: string[]): Promise<number>;
  baristaIndexCafe(...args: string[]): Promise<number>;
}

export interface RedisStoreOptions {
  /** redis://[user:password@]host:port[/db] (or rediss:// for TLS). Ignored when `redis` is given. */
  url?: string;
  /** An existing connection (not closed by `close`). */
  redis?: Redis;
  /** Key prefix, default 'barista:'. Several deployments (or test runs) can share one Redis with distinct prefixes. */
  prefix?: string;
  /** Extra ioredis options for the connection this store opens. */
  redisOptions?: RedisOptions;
  /**
   * Connection errors of the connection this store opens (ioredis reconnects by itself; commands
   * meanwhile fail with their own error, and `ping` says false). Default: ignored here, as they
   * surface through failing commands and /readyz.
   */
  onError?: (err: Error) => void;
}

/**
 * The scale-out `CafeStore`, on Redis: several Barista processes share cafés, votes and message
 * ids. Same contract as the SQLite store: the café is one JSON document saved by an atomic
 * compare-and-set (a Lua script checks the version), one active café per conversation (an index
 * key set atomically at create and cleared when the café ends), contributions as their own
 * records (a hash per café, upserted idempotently) listed oldest first with ties in insertion order.
 * Meant for one Redis (or a primary with replicas), not Redis Cluster: scripts touch keys of
 * several cafés' indexes.
 */
export class RedisStore implements CafeStore {
  readonly prefix: string;
  private readonly redis: Redis & Scripts;
  private readonly ownsConnection: boolean;
  private closed = false;
  /** The one-time indexing of cafés stored before conv-cafes existed (see `indexOlderCafes`). */
  private indexed?: Promise<void>;

  constructor(options: RedisStoreOptions = {}) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    if (options.redis) {
      this.redis = options.redis as Redis & Scripts;
      this.ownsConnection = false;
    } else {
      const redisOptions: RedisOptions = { maxRetriesPerRequest: 3, connectionName: 'barista-store', ...options.redisOptions };
      this.redis = (options.url ? new Redis(options.url, redisOptions) : new Redis(redisOptions)) as Redis & Scripts;
      this.ownsConnection = true;
      this.redis.on('error', options.onError ?? (() => undefined));
    }
    this.redis.defineCommand('baristaCreate', { numberOfKeys: 6, lua: CREATE_LUA });
    this.redis.defineCommand('baristaSave', { numberOfKeys: 9, lua: SAVE_LUA });
    this.redis.defineCommand('baristaPut', { numberOfKeys: 3, lua: PUT_CONTRIBUTION_LUA });
    this.redis.defineCommand('baristaList', { numberOfKeys: 2, lua: LIST_CONTRIBUTIONS_LUA });
    this.redis.defineCommand('baristaErase', { numberOfKeys: 13, lua: ERASE_LUA });
    this.redis.defineCommand('baristaEraseConversation', { numberOfKeys: 5, lua: ERASE_CONVERSATION_LUA });
    this.redis.defineCommand('baristaIndexCafe', { numberOfKeys: 2, lua: INDEX_CAFE_LUA });
  }

  async getActive(conversationId: string): Promise<CafeState | undefined> {
    this.assertOpen();
    const id = await this.redis.get(this.key.active(conversationId));
    if (!id) return undefined;
    const cafe = await this.get(id);
    return cafe && cafe.status !== 'ended' ? cafe : undefined;
  }

  async get(cafeId: string): Promise<CafeState | undefined> {
    this.assertOpen();
    const doc = await this.redis.hget(this.key.cafe(cafeId), 'doc');
    return doc === null ? undefined : parseCafe(cafeId, doc);
  }

  async listCafes(conversationId: string): Promise<CafeState[]> {
    this.assertOpen();
    await this.indexOlderCafes();
    // Score (createdAt) descending, equal scores by member (id) descending.
    const ids = await this.redis.zrevrange(this.key.convCafes(conversationId), 0, -1);
    return this.readCafes(ids, (cafe) => cafe.conversationId === conversationId);
  }

  /** The cafés of these ids that `keep` keeps, in that order; one erased between two reads is gone, so not listed. */
  private async readCafes(ids: string[], keep: (cafe: CafeState) => boolean): Promise<CafeState[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.key.cafe(id), 'doc');
    const results = (await pipeline.exec()) ?? [];
    const out: CafeState[] = [];
    results.forEach(([err, doc], i) => {
      if (err) throw err;
      if (typeof doc !== 'string') return;
      const cafe = parseCafe(ids[i]!, doc);
      if (keep(cafe)) out.push(cafe);
    });
    return out;
  }

  async cafeByCode(code: string): Promise<CafeState | undefined> {
    this.assertOpen();
    if (code === '') return undefined;
    const id = await this.redis.get(this.key.code(code));
    if (!id) return undefined;
    // The café's document is the truth: a key left behind (an older build's erase) finds nothing.
    const cafe = await this.get(id);
    return cafe?.joinCode === code ? cafe : undefined;
  }

  async create(state: CafeState): Promise<boolean> {
    this.assertOpen();
    const code = state.joinCode ?? '';
    try {
      return (await this.redis.baristaCreate(
        ...this.cafeKeys(state), this.key.code(code), ...cafeArgs(state), code, this.key.cafe(''),
      )) === 1;
    } catch (err) {
      if ((err as Error).message?.startsWith('BARISTA_CODE_TAKEN')) {
        throw new BaristaError('code-taken', `the join code of café ${state.id} is already another café's`, err);
      }
      throw Object.assign(new Error(`Redis refused to create café ${state.id}: ${(err as Error).message}`, { cause: err }), { code: 'STORE_CREATE' });
    }
  }

  async save(state: CafeState, outbox?: readonly OutboxEffect[]): Promise<boolean> {
    this.assertOpen();
    const k = this.key;
    const entries = outboxDrafts(state, outbox, Date.now()).flatMap((e) => [e.id, JSON.stringify(e)]);
    return (await this.redis.baristaSave(
      ...this.cafeKeys(state), k.outbox(), k.outboxDoc(), k.outboxSeq(), k.outboxCafe(state.id), ...cafeArgs(state), ...entries,
    )) === 1;
  }

  async pendingOutbox(): Promise<OutboxEntry[]> {
    this.assertOpen();
    const flat = await this.redis.zrange(this.key.outbox(), 0, -1, 'WITHSCORES');
    if (flat.length === 0) return [];
    const ids = flat.filter((_, i) => i % 2 === 0);
    const docs = await this.redis.hmget(this.key.outboxDoc(), ...ids);
    const out: OutboxEntry[] = [];
    // An entry acknowledged between the two reads has no document any more: done, not listed.
    docs.forEach((doc, i) => {
      if (doc !== null) out.push(parseOutboxDoc(doc, Number(flat[2 * i + 1])));
    });
    return out;
  }

  async ackOutbox(entries: ReadonlyArray<Pick<OutboxEntry, 'id' | 'cafeId'>>): Promise<void> {
    this.assertOpen();
    if (entries.length === 0) return;
    const k = this.key;
    const tx = this.redis.multi();
    for (const e of entries) tx.zrem(k.outbox(), e.id).hdel(k.outboxDoc(), e.id).srem(k.outboxCafe(e.cafeId), e.id);
    const results = (await tx.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
  }

  async putContribution(c: Contribution): Promise<boolean> {
    this.assertOpen();
    const field = JSON.stringify([c.stepId, c.kind, c.key]);
    const stored = await this.redis.baristaPut(
      this.key.contrib(c.cafeId), this.key.order(c.cafeId), this.key.seq(c.cafeId),
      field, JSON.stringify(c), String(c.at), SINGLE_VALUED.has(c.kind) ? '1' : '0', c.activityId ?? '',
    );
    return stored === 1;
  }

  async listContributions(cafeId: string, stepId?: string): Promise<Contribution[]> {
    this.assertOpen();
    const docs = await this.redis.baristaList(this.key.contrib(cafeId), this.key.order(cafeId));
    return docs.map((d) => parseContribution(cafeId, d)).filter((c) => stepId === undefined || c.stepId === stepId);
  }

  async setMessageId(cafeId: string, key: string, activityId: string): Promise<void> {
    this.assertOpen();
    await this.redis.hset(this.key.msg(cafeId), key, activityId);
  }

  async getMessageId(cafeId: string, key: string): Promise<string | undefined> {
    this.assertOpen();
    return (await this.redis.hget(this.key.msg(cafeId), key)) ?? undefined;
  }

  async listTimed(): Promise<CafeState[]> {
    this.assertOpen();
    const ids = (await this.redis.smembers(this.key.timed())).sort();
    return this.readCafes(ids, (cafe) => cafe.status !== 'ended' && cafe.timer != null);
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS);
      });
      return (await Promise.race([this.redis.ping(), timeout])) === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ownsConnection) return;
    if (this.redis.status !== 'ready') {
      // Not connected (Redis down, or never used): nothing to flush, stop reconnecting.
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /**
   * Erases ended cafés that ended before `ts` (epoch ms; `endedAt`, or the last save when unset),
   * with their contributions and message ids. Returns how many cafés were erased.
   */
  async purgeEndedBefore(ts: number): Promise<number> {
    this.assertOpen();
    const ids = await this.redis.zrangebyscore(this.key.ended(), '-inf', `(${ts}`);
    let count = 0;
    for (const id of ids) if (await this.eraseCafe(id)) count++;
    return count;
  }

  /** Erases a café, its contributions and its message ids (one script: all or nothing). Returns whether the café existed. */
  async eraseCafe(cafeId: string): Promise<boolean> {
    this.assertOpen();
    const [conv, code] = (await this.redis.hmget(this.key.cafe(cafeId), 'conv', 'code')).map((v) => v ?? '');
    const k = this.key;
    const erased = await this.redis.baristaErase(
      k.cafe(cafeId), k.active(conv), k.timed(), k.ended(), k.contrib(cafeId), k.order(cafeId), k.seq(cafeId), k.msg(cafeId),
      k.convCafes(conv), k.outbox(), k.outboxDoc(), k.outboxCafe(cafeId), k.code(code), cafeId,
    );
    return erased === 1;
  }

  /** Erases every café of the conversation and its chat profile (one script: all or nothing). Returns how many cafés went. */
  async eraseConversation(conversationId: string): Promise<number> {
    this.assertOpen();
    await this.indexOlderCafes();
    const k = this.key;
    return this.redis.baristaEraseConversation(
      k.convCafes(conversationId), k.active(conversationId), k.timed(), k.ended(), k.profile(conversationId),
      this.prefix, conversationId,
    );
  }

  async getProfile(conversationId: string): Promise<ChatProfile | undefined> {
    this.assertOpen();
    const doc = await this.redis.get(this.key.profile(conversationId));
    return doc === null ? undefined : parseProfileDoc(conversationId, doc);
  }

  async setProfile(conversationId: string, profile: ChatProfile): Promise<void> {
    this.assertOpen();
    await this.redis.set(this.key.profile(conversationId), serializeProfile(conversationId, profile));
  }

  /**
   * Cafés written before conv-cafes existed are in no conversation's index: the first listCafes or
   * eraseConversation of this store adds them (a SCAN of the café hashes), once per Redis
   * (`P conv-index` remembers it). Idempotent, so two processes doing it at once is harmless.
   */
  private indexOlderCafes(): Promise<void> {
    this.indexed ??= (async () => {
      if ((await this.redis.get(this.key.convIndex())) === '1') return;
      const cafePrefix = this.key.cafe('');
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${escapeGlob(cafePrefix)}*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const [conv, doc] = await this.redis.hmget(key, 'conv', 'doc');
          if (conv === null || doc === null) continue;
          const id = key.slice(cafePrefix.length);
          await this.redis.baristaIndexCafe(key, this.key.convCafes(conv), id, conv, String(createdAtOf(doc)));
        }
      } while (cursor !== '0');
      await this.redis.set(this.key.convIndex(), '1');
    })().catch((err: unknown) => {
      this.indexed = undefined; // try again next time
      throw err;
    });
    return this.indexed;
  }

  private readonly key = {
    cafe: (id: string) => `${this.prefix}cafe:${id}`,
    active: (conv: string) => `${this.prefix}active:${conv}`,
    timed: () => `${this.prefix}timed`,
    ended: () => `${this.prefix}ended`,
    contrib: (id: string) => `${this.prefix}contrib:${id}`,
    order: (id: string) => `${this.prefix}contrib-order:${id}`,
    seq: (id: string) => `${this.prefix}contrib-seq:${id}`,
    msg: (id: string) => `${this.prefix}msg:${id}`,
    convCafes: (conv: string) => `${this.prefix}conv-cafes:${conv}`,
    profile: (conv: string) => `${this.prefix}profile:${conv}`,
    convIndex: () => `${this.prefix}conv-index`,
    outbox: () => `${this.prefix}outbox`,
    outboxDoc: () => `${this.prefix}outbox-doc`,
    outboxSeq: () => `${this.prefix}outbox-seq`,
    outboxCafe: (id: string) => `${this.prefix}outbox-cafe:${id}`,
    code: (code: string) => `${this.prefix}code:${code}`,
  };

  private cafeKeys(state: CafeState): [string, string, string, string, string] {
    return [
      this.key.cafe(state.id), this.key.active(state.conversationId), this.key.timed(), this.key.ended(),
      this.key.convCafes(state.conversationId),
    ];
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('RedisStore is closed');
  }
}

function cafeArgs(state: CafeState): string[] {
  const now = Date.now();
  return [
    state.id,
    JSON.stringify(state),
    String(state.version),
    state.status,
    state.timer != null ? '1' : '0',
    String(state.endedAt ?? now),
    state.conversationId,
    String(now),
    String(state.createdAt),
  ];
}

/** A café document's createdAt, or 0 when it cannot be read (the café still gets indexed, to be erasable). */
function createdAtOf(doc: string): number {
  try {
    const createdAt = (JSON.parse(doc) as { createdAt?: unknown } | null)?.createdAt;
    return typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0;
  } catch {
    return 0;
  }
}

/** `s` as a literal inside a SCAN MATCH pattern. */
function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}




const parseCafe = parseCafeDoc;

function parseContribution(cafeId: string, raw: string): Contribution {
  return parseContributionDoc(raw, `a contribution of café ${cafeId}`, { cafeId });
}
