import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

/**
 * Redis for the tests: REDIS_URL, or the local server at 127.0.0.1:6379. Every test run uses its
 * own key prefix and erases its keys afterwards, so tests can share one Redis (and run in parallel).
 */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Fails with the way to start Redis when it is not reachable. */
export async function requireRedis(url = TEST_REDIS_URL): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch (err) {
    throw new Error(
      `These tests need Redis at ${url} (${(err as Error).message}). Start one: apt-get install redis-server && ` +
        `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no (or set REDIS_URL).`,
    );
  } finally {
    client.disconnect();
  }
}

/** A key prefix nobody else uses, e.g. `test:store:4242:1a2b3c4d:`. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key starting with `prefix`. */
export async function deletePrefix(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
