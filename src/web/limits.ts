import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * The web door's rate limits (rate-limiter-flexible: in memory for one process, in Redis shared
 * by every instance). A room's phones share one public address behind its wifi, so joining is
 * limited generously per address while a wrong code costs more (guessing codes: 50 bits against
 * WRONG_CODES tries per address per 10 minutes); a page's actions are limited per person.
 */
export interface WebLimits {
  /** Cafés started, per address. */
  start: RateLimiterAbstract;
  /** Joins, per address (a room of people behind one address). */
  join: RateLimiterAbstract;
  /** Codes that matched no café, per address. */
  wrongCode: RateLimiterAbstract;
  /** Actions (votes, post-its…), per person (participant or console). */
  act: RateLimiterAbstract;
}

export const WEB_LIMITS = {
  start: { points: 30, duration: 600 },
  join: { points: 600, duration: 60 },
  wrongCode: { points: 30, duration: 600 },
  act: { points: 120, duration: 60 },
} as const;

export function webLimits(redis?: { client: Redis; prefix: string }): WebLimits {
  const make = (name: keyof typeof WEB_LIMITS): RateLimiterAbstract => {
    const o = { ...WEB_LIMITS[name], keyPrefix: `${redis?.prefix ?? ''}web:${name}` };
    // Redis out of reach: the limiter answers from memory rather than refusing everyone.
    return redis
      ? new RateLimiterRedis({ ...o, storeClient: redis.client, insuranceLimiter: new RateLimiterMemory(o) })
      : new RateLimiterMemory(o);
  };
  return { start: make('start'), join: make('join'), wrongCode: make('wrongCode'), act: make('act') };
}

/** Takes one point; false (and the seconds to wait) when the limit is reached. */
export async function take(limiter: RateLimiterAbstract, key: string, points = 1): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
  try {
    await limiter.consume(key, points);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfterS: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    throw err;
  }
}

/** Whether the key is already over its limit, without taking a point. */
export async function isBlocked(limiter: RateLimiterAbstract, key: string): Promise<{ blocked: false } | { blocked: true; retryAfterS: number }> {
  const res = await limiter.get(key);
  const points = (limiter as unknown as { points: number }).points;
  if (res && res.consumedPoints >= points) return { blocked: true, retryAfterS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  return { blocked: false };
}
