import Redis, { type RedisOptions } from 'ioredis';
import { parseCafeDoc, parseContributionDoc } from './documents';
import type { CafeState, Contribution } from '../domain/types';
import type { CafeStore } from './port';

/** Default key prefix: every key this store (and the BullMQ timers) writes starts with it. */
export const DEFAULT_REDIS_PREFIX = 'barista:';

/** How long `ping` waits for Redis before saying it is unreachable (readiness probes must answer fast). */
const PING_TIMEOUT_MS = 1500;

/**
 * Keys (P = prefix):
 *   P cafe:{id}            hash: doc (JSON), version, conv, status, endedAt (ms, or the last save when ended without one)
 *   P active:{conv}        string: id of the conversation's café that is not ended (the "one active café" index)
 *   P timed                set: ids of cafés not ended that have a timer (re-armed at start)
 *   P ended                sorted set: ended café ids, score = end time (for purgeEndedBefore)
 *   P contrib:{id}         hash: JSON([stepId, kind, key]) → contribution JSON
 *   P contrib-order:{id}   sorted set: score = at, member = seq (16 digits) + '|' + field; ties keep insertion order
 *   P contrib-seq:{id}     hash: field → its order member (kept on upsert, like SQLite's rowid); '#' → counter
 *   P msg:{id}             hash: message key ('menu', a step id, 'recap') → Teams activity id
 */

/** KEYS: cafe, active, timed, ended. ARGV: id, doc, version, status, hasTimer, endScore, conv, updatedAt. */
const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('BARISTA_EXISTS café ' .. ARGV[1] .. ' already exists')
end
if ARGV[4] ~= 'ended' then
  local current = redis.call('GET', KEYS[2])
  if current and current ~= ARGV[1] then return 0 end
  redis.call('SET', KEYS[2], ARGV[1])
end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'version', ARGV[3], 'status', ARGV[4], 'conv', ARGV[7], 'endedAt', ARGV[6], 'updatedAt', ARGV[8])
if ARGV[4] ~= 'ended' and ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[1]) else redis.call('SREM', KEYS[3], ARGV[1]) end
if ARGV[4] == 'ended' then redis.call('ZADD', KEYS[4], ARGV[6], ARGV[1]) end
return 1
`;

/** Compare-and-set. KEYS and ARGV as CREATE_LUA. Returns 1 saved, 0 conflict (or unknown café). */
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
return 1
`;

/** Idempotent upsert. KEYS: contrib, order, seq. ARGV: field, json, at. */
const PUT_CONTRIBUTION_LUA = `
local member = redis.call('HGET', KEYS[3], ARGV[1])
if not member then
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

/** KEYS: cafe, active, timed, ended, contrib, order, seq, msg. ARGV: id. Returns 1 if the café existed. */
const ERASE_LUA = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5], KEYS[6], KEYS[7], KEYS[8])
return redis.call('DEL', KEYS[1])
`;

interface Scripts {
  baristaCreate(...args: string[]): Promise<number>;
  baristaSave(...args: string[]): Promise<number>;
  baristaPut(...args: string[]): Promise<number>;
  baristaList(...args: string[]): Promise<string[]>;
  baristaErase(...args: string[]): Promise<number>;
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
    this.redis.defineCommand('baristaCreate', { numberOfKeys: 4, lua: CREATE_LUA });
    this.redis.defineCommand('baristaSave', { numberOfKeys: 4, lua: SAVE_LUA });
    this.redis.defineCommand('baristaPut', { numberOfKeys: 3, lua: PUT_CONTRIBUTION_LUA });
    this.redis.defineCommand('baristaList', { numberOfKeys: 2, lua: LIST_CONTRIBUTIONS_LUA });
    this.redis.defineCommand('baristaErase', { numberOfKeys: 8, lua: ERASE_LUA });
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

  async create(state: CafeState): Promise<boolean> {
    this.assertOpen();
    try {
      return (await this.redis.baristaCreate(...this.cafeKeys(state), ...cafeArgs(state))) === 1;
    } catch (err) {
      throw Object.assign(new Error(`Redis refused to create café ${state.id}: ${(err as Error).message}`, { cause: err }), { code: 'STORE_CREATE' });
    }
  }

  async save(state: CafeState): Promise<boolean> {
    this.assertOpen();
    return (await this.redis.baristaSave(...this.cafeKeys(state), ...cafeArgs(state))) === 1;
  }

  async putContribution(c: Contribution): Promise<void> {
    this.assertOpen();
    const field = JSON.stringify([c.stepId, c.kind, c.key]);
    await this.redis.baristaPut(this.key.contrib(c.cafeId), this.key.order(c.cafeId), this.key.seq(c.cafeId), field, JSON.stringify(c), String(c.at));
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
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.key.cafe(id), 'doc');
    const results = (await pipeline.exec()) ?? [];
    const out: CafeState[] = [];
    results.forEach(([err, doc], i) => {
      if (err) throw err;
      if (typeof doc !== 'string') return;
      const cafe = parseCafe(ids[i]!, doc);
      if (cafe.status !== 'ended' && cafe.timer != null) out.push(cafe);
    });
    return out;
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
    const conv = (await this.redis.hget(this.key.cafe(cafeId), 'conv')) ?? '';
    const k = this.key;
    const erased = await this.redis.baristaErase(
      k.cafe(cafeId), k.active(conv), k.timed(), k.ended(), k.contrib(cafeId), k.order(cafeId), k.seq(cafeId), k.msg(cafeId), cafeId,
    );
    return erased === 1;
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
  };

  private cafeKeys(state: CafeState): [string, string, string, string] {
    return [this.key.cafe(state.id), this.key.active(state.conversationId), this.key.timed(), this.key.ended()];
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
  ];
}




const parseCafe = parseCafeDoc;

function parseContribution(cafeId: string, raw: string): Contribution {
  return parseContributionDoc(raw, `a contribution of café ${cafeId}`, { cafeId });
}
