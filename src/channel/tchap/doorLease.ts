import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import Redis from 'ioredis';

/**
 * With several instances (REDIS_URL), one runs the Tchap door: two would sync one Matrix account
 * with two state files (two devices, each event handled twice). The instance that holds this lease
 * in Redis runs it; the others hand their Tchap messages over through the outbox. The lease lives
 * `ttlMs` and is renewed every `renewMs` while the instance runs, so a crashed holder's lease ends
 * by itself; an instance that finds it held does not open the door (no take-over while running:
 * its state file, and so its device, is the holder's alone).
 */
export interface DoorLease {
  readonly key: string;
  readonly holder: string;
  /** Stops renewing and gives the lease back (at shutdown). */
  release(): Promise<void>;
}

export interface DoorLeaseOptions {
  url: string;
  prefix: string;
  /** Barista's Matrix id: one door per account. */
  userId: string;
  ttlMs?: number;
  renewMs?: number;
  /** Another instance took the lease while this one held it (Redis lost it): said once. */
  onLost?: (holder: string) => void;
  onError?: (err: Error) => void;
}

// Renew when still ours; take again when it expired (Redis was away longer than the lease); else 0.
const RENEW = `local v = redis.call('get', KEYS[1])
if v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** Takes the door's lease, or says which instance holds it (`heldBy`). */
export async function takeDoorLease(o: DoorLeaseOptions): Promise<DoorLease | { heldBy: string }> {
  const ttlMs = o.ttlMs ?? 30_000;
  const renewMs = o.renewMs ?? 10_000;
  const key = `${o.prefix}tchap:door:${o.userId}`;
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const redis = new Redis(o.url, { maxRetriesPerRequest: 1 });
  redis.on('error', (err) => o.onError?.(err));
  try {
    const taken = await redis.set(key, holder, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') {
      const heldBy = (await redis.get(key)) ?? 'another instance';
      redis.disconnect();
      return { heldBy };
    }
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  let lostSaid = false;
  const timer = setInterval(() => {
    redis.eval(RENEW, 1, key, holder, String(ttlMs)).then(async (ok) => {
      if (ok === 1) {
        lostSaid = false;
        return;
      }
      if (!lostSaid) o.onLost?.((await redis.get(key).catch(() => null)) ?? 'another instance');
      lostSaid = true;
    }, (err: Error) => o.onError?.(err));
  }, renewMs);
  timer.unref();
  return {
    key,
    holder,
    async release() {
      clearInterval(timer);
      await redis.eval(RELEASE, 1, key, holder).catch((err: Error) => o.onError?.(err));
      redis.disconnect();
    },
  };
}
