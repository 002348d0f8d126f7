import { Outbound, type OutboundLogger } from '../../../../src/channel/teams/outbound';
import { fixedWindowPoints, RedisPacing } from '../../../../src/channel/teams/outbound/redisPacing';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../../../scale/redis';

/**
 * Two Outbounds on one Redis stand for two instances: what Teams receives from both together must
 * keep its limits. "Teams" here records the instant each call arrives, after a random latency, and
 * answers after another one, as a real round trip would.
 */
jest.setTimeout(60_000);

const quiet: OutboundLogger = { warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const prefixes: string[] = [];
const pacings: RedisPacing[] = [];

beforeAll(() => requireRedis());
afterEach(async () => {
  for (const p of pacings.splice(0)) await p.close();
});
afterAll(async () => {
  for (const p of prefixes) await deletePrefix(p);
});

function instances(count: number, options: { prefix?: string; url?: string } = {}): Outbound[] {
  const prefix = options.prefix ?? uniquePrefix('pacing');
  prefixes.push(prefix);
  return Array.from({ length: count }, () => {
    const shared = new RedisPacing({ url: options.url ?? TEST_REDIS_URL, prefix, logger: quiet });
    pacings.push(shared);
    return new Outbound({ shared, logger: quiet, retry: { maxAttempts: 1 } });
  });
}

interface Arrival {
  conversationId: string;
  tenantId?: string;
  what: string;
  at: number;
}

/** A Teams stand-in: each call arrives 0–15 ms after it starts and is answered 0–15 ms later. */
function teams() {
  const arrivals: Arrival[] = [];
  let inFlight = new Map<string, number>();
  let overlapped = 0;
  const call = (conversationId: string, what: string, tenantId?: string) => async () => {
    inFlight.set(conversationId, (inFlight.get(conversationId) ?? 0) + 1);
    if (inFlight.get(conversationId)! > 1) overlapped++;
    await sleep(Math.random() * 15);
    arrivals.push({ conversationId, tenantId, what, at: Date.now() });
    await sleep(Math.random() * 15);
    inFlight.set(conversationId, inFlight.get(conversationId)! - 1);
    return what;
  };
  return { arrivals, call, overlapped: () => overlapped, reset: () => void (inFlight = new Map()) };
}

/** The most arrivals within any span of `windowMs` (Teams' sliding window: (t − W, t]). */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[first]! <= sorted[i]! - windowMs) first++;
    max = Math.max(max, i - first + 1);
  }
  return max;
}

describe('RedisPacing (Teams limits across instances)', () => {
  it('gives a fixed window less than half a sliding window: two windows meet any span, plus the call in flight', () => {
    expect([7, 8, 60, 1800].map((l) => fixedWindowPoints(l, true))).toEqual([3, 3, 29, 899]);
    expect(fixedWindowPoints(50, false)).toBe(25);
  });

  it('keeps every conversation under 7 calls in 1 s and 8 in 2 s, one call at a time, whichever instance sends', async () => {
    const [a, b] = instances(2);
    const t = teams();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 9; i++) {
      for (const c of ['c1', 'c2']) {
        sends.push(a!.send(c, t.call(c, `a${i}`)), b!.send(c, t.call(c, `b${i}`)));
      }
    }
    await Promise.all(sends);
    expect(t.arrivals).toHaveLength(36);
    for (const c of ['c1', 'c2']) {
      const times = t.arrivals.filter((x) => x.conversationId === c).map((x) => x.at);
      expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
      expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    }
    // The lock: never two calls of one conversation at once, across instances.
    expect(t.overlapped()).toBe(0);
  });

  it("shares the tenant's 50 calls per second between the instances", async () => {
    const [a, b] = instances(2);
    const t = teams();
    const sends: Promise<unknown>[] = [];
    // 40 conversations of one tenant, 2 calls each from each instance: 160 calls.
    for (let c = 0; c < 40; c++) {
      const target = { conversationId: `conv-${c}`, tenantId: 'tenant-x' };
      for (let i = 0; i < 2; i++) sends.push(a!.send(target, t.call(target.conversationId, `a${i}`, 'tenant-x')), b!.send(target, t.call(target.conversationId, `b${i}`, 'tenant-x')));
    }
    await Promise.all(sends);
    expect(t.arrivals).toHaveLength(160);
    expect(busiest(t.arrivals.map((x) => x.at), 1_000)).toBeLessThanOrEqual(50);
  });

  it('updates a card at most once a second across instances, and ends on the latest state', async () => {
    const [a, b] = instances(2);
    const t = teams();
    let state = 0;
    const shown: Array<{ value: number; at: number }> = [];
    const render = () => ({ text: String(state) });
    const io = async (activity: { text?: string }) => {
      await sleep(Math.random() * 15);
      shown.push({ value: Number(activity.text), at: Date.now() });
      await sleep(Math.random() * 15);
    };
    // 30 changes, 50 ms apart, each announced by the instance that made it (alternating).
    for (let i = 1; i <= 30; i++) {
      state = i;
      (i % 2 ? a! : b!).update('chat', 'card-1', render, io);
      await sleep(50);
    }
    await Promise.all([a!.flush(), b!.flush()]);
    expect(t.arrivals).toHaveLength(0);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.at - shown[i - 1]!.at).toBeGreaterThanOrEqual(1_000);
    // Merged: about one update a second for 1.5 s of changes, not 30.
    expect(shown.length).toBeLessThan(6);
    expect(shown.at(-1)!.value).toBe(30);
  });

  it("posts a café's cards in the café's order, whichever instance reaches the conversation first", async () => {
    const [a, b, c] = instances(3);
    const t = teams();
    // The conversation is busy (a call in flight on a third instance) while the two posts queue.
    const busy = c!.send('chat', async () => {
      await sleep(300);
      return 'busy';
    });
    await sleep(50);
    const later = a!.send('chat', t.call('chat', 'part 3'), { order: { key: 'cafe-1', rank: 3 } });
    await sleep(50);
    const earlier = b!.send('chat', t.call('chat', 'part 1'), { order: { key: 'cafe-1', rank: 1 } });
    await Promise.all([busy, later, earlier]);
    expect(t.arrivals.map((x) => x.what)).toEqual(['part 1', 'part 3']);
  });

  it('still sends when Redis is unreachable, paced by this process (insurance limiters)', async () => {
    const [a] = instances(1, { url: 'redis://127.0.0.1:1' });
    const t = teams();
    const sends = Array.from({ length: 8 }, (_, i) => a!.send('c', t.call('c', `m${i}`)));
    expect(await Promise.all(sends)).toHaveLength(8);
    expect(busiest(t.arrivals.map((x) => x.at), 1_000)).toBeLessThanOrEqual(7);
  });
});
