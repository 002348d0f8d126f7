/**
 * Teams' limits kept across instances, over Redis (scale-out): the SharedPacing of Outbound.
 *
 * Why: Teams counts calls per conversation (7/1 s, 8/2 s, 60/30 s, 1800/h) and per tenant (50/s)
 * whichever instance makes them; pacing in each process's memory lets two processes make twice as
 * many, and lets the calls of one conversation race each other (cards out of order, two updates of
 * one card within a second, an older render overwriting a newer one).
 *
 * How, for each call:
 * - a per-conversation lock (@sesamecare-oss/redlock, auto-extended while the call runs): one
 *   sender per conversation at a time across instances, so its calls reach Teams one after the
 *   other and a card's render and write are never overtaken by another instance's;
 * - posts carrying an order (a part's card: its place in the café's plan) wait, lock released, until
 *   no post of a lower rank of the same café is pending on any instance (a sorted set per café;
 *   an entry left by a dead instance goes stale after a minute);
 * - a card update waits, lock released, for its card's slot: a key per message set for the card
 *   interval (PX) when the update ENDS (Teams saw it by then), so two updates of one card never
 *   reach Teams closer than the interval, whichever instances send them;
 * - the windows are counted by rate-limiter-flexible (RateLimiterRedis, one limiter per window and
 *   one for the tenant; a refusal waits `msBeforeNext` and tries again, it never sends). Its windows
 *   are fixed (a window starts at its first call), where Teams' slide: any sliding span meets at
 *   most two fixed windows, and a serialised call may reach Teams just after the next one started
 *   its count, so a conversation window of L calls is given ⌊(L − 1) / 2⌋ (7/1 s → 3, 8/2 s → 3,
 *   60/30 s → 29, 1800/h → 899), and the tenant's 50/s, whose calls run in parallel, ⌊50 / 2⌋ = 25
 *   per second for all instances together;
 * - Redis unreachable: each limiter falls back to its `insuranceLimiter` (the same windows in this
 *   process's memory), and the lock, the order and the card slots are skipped (this process's own
 *   calls stay in order through Outbound's lanes); logged once per outage by the caller's logger.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type Lock, Redlock } from '@sesamecare-oss/redlock';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TEAMS_RATE_LIMITS, type RateWindow } from './rateLimiter';
import type { SharedCallOptions, SharedPacing } from './sharedPacing';
import { TEAMS_TENANT_LIMIT, tenantKey } from './tenantBudget';
import { consoleLogger, realClock, type Clock, type OutboundLogger } from './types';

export interface RedisPacingOptions {
  /** redis://… (ignored when `redis` is given). */
  url?: string;
  /** An existing connection (not closed by `close`); best with `enableOfflineQueue: false`. */
  redis?: Redis;
  /** Prefix of every key, e.g. 'barista:'. */
  prefix: string;
  /** Per-conversation windows (whole seconds). Default TEAMS_RATE_LIMITS. */
  windows?: readonly RateWindow[];
  /** Teams calls per second per tenant, all instances together. Default 50. */
  tenantLimit?: number;
  /** Minimum spacing of two updates of one card, across instances (ms). Default 1000. */
  cardIntervalMs?: number;
  /** How long a conversation's lock is taken for (auto-extended while held). Default 5000. */
  lockTtlMs?: number;
  /** A pending post older than this (its instance died) no longer holds the ones after it. Default 60 s. */
  orderStaleMs?: number;
  /** How long the first calls wait for the first connection before going out paced by this process alone. Default 2000. */
  connectWaitMs?: number;
  clock?: Clock;
  logger?: OutboundLogger;
}

/** Points a fixed window may grant so that no sliding window of `limit` is exceeded (see the file header). */
export function fixedWindowPoints(limit: number, serialised: boolean): number {
  return Math.max(1, Math.floor((limit - (serialised ? 1 : 0)) / 2));
}

/** Polling step while another instance holds what a call waits for. */
const POLL_MS = 15;

type Wait = { wait: number };

export class RedisPacing implements SharedPacing {
  private readonly redis: Redis;
  private readonly ownsConnection: boolean;
  private readonly redlock: Redlock;
  private readonly prefix: string;
  private readonly conversation: RateLimiterRedis[];
  private readonly tenant: RateLimiterRedis;
  private readonly cardIntervalMs: number;
  private readonly lockTtlMs: number;
  private readonly orderStaleMs: number;
  private readonly clock: Clock;
  private readonly logger: OutboundLogger;
  private degradedSince: number | undefined;
  /** Resolves once the connection is first ready, or after `connectWaitMs` (then calls go out degraded). */
  private readonly connected: Promise<void>;

  constructor(options: RedisPacingOptions) {
    this.prefix = options.prefix;
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
    this.cardIntervalMs = options.cardIntervalMs ?? 1_000;
    this.lockTtlMs = options.lockTtlMs ?? 5_000;
    this.orderStaleMs = options.orderStaleMs ?? 60_000;
    if (options.redis) {
      this.redis = options.redis;
      this.ownsConnection = false;
    } else {
      // No offline queue: while Redis is down a command fails at once and the insurance limiters answer.
      const redisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
      this.redis = options.url ? new Redis(options.url, redisOptions) : new Redis(redisOptions);
      this.ownsConnection = true;
      this.redis.on('error', () => undefined);
    }
    this.connected =
      this.redis.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, options.connectWaitMs ?? 2_000);
            timer.unref();
            this.redis.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          });
    this.redlock = new Redlock([this.redis], { retryCount: 0 });
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
      });
    this.conversation = (options.windows ?? TEAMS_RATE_LIMITS).map((w) => {
      if (w.windowMs % 1000 !== 0) throw new Error(`RedisPacing: windows are counted in whole seconds (${w.windowMs} ms)`);
      return limiter(`${this.prefix}teams:conv:${w.windowMs}`, fixedWindowPoints(w.limit, true), w.windowMs / 1000);
    });
    this.tenant = limiter(
      `${this.prefix}teams:tenant`,
      fixedWindowPoints(options.tenantLimit ?? TEAMS_TENANT_LIMIT.limit, false),
      TEAMS_TENANT_LIMIT.windowMs / 1000,
    );
  }

  async run<T>(target: { conversationId: string; tenantId?: string }, fn: () => Promise<T>, options: SharedCallOptions = {}): Promise<T> {
    const { conversationId } = target;
    await this.connected;
    const orderKey = options.order ? `${this.prefix}teams:order:${options.order.key}` : undefined;
    const member = options.order ? `${options.order.rank}|${this.clock.now() + this.orderStaleMs}|${randomUUID()}` : undefined;
    if (orderKey && member && this.ready()) {
      await this.redis
        .multi()
        .zadd(orderKey, options.order!.rank, member)
        .pexpire(orderKey, this.orderStaleMs)
        .exec()
        .catch(() => undefined);
    }
    try {
      for (;;) {
        if (!this.ready()) return await this.paced(target, fn, options);
        const outcome = await this.locked(conversationId, async () => {
          if (orderKey && member) {
            const wait = await this.orderWait(orderKey, member);
            if (wait) return wait;
          }
          if (options.cardId) {
            const left = await this.redis.pttl(`${this.prefix}teams:card:${conversationId}:${options.cardId}`);
            if (left > 0) return { wait: left };
          }
          return { done: await this.paced(target, fn, options) };
        });
        if (outcome && 'done' in outcome) return outcome.done;
        // Held by another instance (or Redis went away: checked at the top of the loop).
        await this.clock.sleep(outcome ? Math.max(1, outcome.wait) : POLL_MS);
      }
    } finally {
      if (orderKey && member) await this.redis.zrem(orderKey, member).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private ready(): boolean {
    const ready = this.redis.status === 'ready';
    if (!ready && this.degradedSince === undefined) {
      this.degradedSince = this.clock.now();
      this.logger.warn({ where: 'outbound', redis: this.redis.status }, 'Redis unreachable: Teams calls paced by this process alone until it is back');
    } else if (ready && this.degradedSince !== undefined) {
      this.degradedSince = undefined;
    }
    return ready;
  }

  /**
   * Runs `routine` holding the conversation's lock, extended while it runs; undefined when another
   * instance holds it. Once the routine has started, its outcome is what counts: a failed release
   * (the lock then expires by itself) never makes a call look as if it had not been made.
   */
  private async locked<R>(conversationId: string, routine: () => Promise<R>): Promise<R | undefined> {
    let lock: Lock;
    try {
      lock = await this.redlock.acquire([`${this.prefix}teams:lock:${conversationId}`], this.lockTtlMs);
    } catch {
      return undefined;
    }
    const extend = setInterval(() => {
      lock.extend(this.lockTtlMs).then((extended) => (lock = extended), () => undefined);
    }, Math.max(100, Math.floor(this.lockTtlMs / 2)));
    extend.unref();
    try {
      return await routine();
    } finally {
      clearInterval(extend);
      await lock.release().catch(() => undefined);
    }
  }

  /** Waits for room in every window of the conversation and in the tenant's, takes it, calls `fn`. */
  private async paced<T>(target: { conversationId: string; tenantId?: string }, fn: () => Promise<T>, options: SharedCallOptions): Promise<T> {
    const { conversationId } = target;
    for (;;) {
      // Under the lock nobody else counts in this conversation: look before spending the tenant's budget.
      let wait = 0;
      for (const l of this.conversation) {
        const res = await l.get(conversationId).catch(() => null);
        if (res && res.consumedPoints >= l.points) wait = Math.max(wait, res.msBeforeNext);
      }
      if (wait === 0) wait = await refusal(this.tenant.consume(tenantKey(target.tenantId)));
      if (wait === 0) {
        const refused = await Promise.all(this.conversation.map((l) => refusal(l.consume(conversationId))));
        wait = Math.max(0, ...refused);
      }
      if (wait === 0) break;
      await this.clock.sleep(Math.max(1, wait));
    }
    try {
      return await fn();
    } finally {
      if (options.cardId && !options.madeNoCall?.() && this.ready()) {
        // From the end of the update: Teams has seen it by now.
        await this.redis.set(`${this.prefix}teams:card:${conversationId}:${options.cardId}`, '1', 'PX', this.cardIntervalMs).catch(() => undefined);
      }
    }
  }

  /** Undefined when `member` is the café's first pending post; else how long to wait. Drops stale entries. */
  private async orderWait(orderKey: string, member: string): Promise<Wait | undefined> {
    for (;;) {
      const [first] = await this.redis.zrange(orderKey, 0, 0);
      if (first === undefined || first === member) return undefined;
      const expiresAt = Number(first.split('|')[1]);
      if (!(expiresAt < this.clock.now())) return { wait: POLL_MS };
      await this.redis.zrem(orderKey, first);
    }
  }
}

/** 0 when the limiter granted the point; else the ms before it may (a RateLimiterRes refusal). */
async function refusal(consumed: Promise<unknown>): Promise<number> {
  try {
    await consumed;
    return 0;
  } catch (err) {
    if (err instanceof RateLimiterRes) return Math.max(1, err.msBeforeNext);
    throw err;
  }
}
