import { RedisStore } from '../../src/store';
import { BullTimers } from '../../src/timers/bullmq';
import { makeCafe } from '../store/fixtures';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../scale/redis';

type Fired = { cafeId: string; stepId: string; late: boolean; at: number; by: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const prefix = uniquePrefix('timers');
let n = 0;

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

describe('BullTimers (BullMQ delayed jobs)', () => {
  const open: BullTimers[] = [];
  let p: string;
  const fired: Fired[] = [];
  const make = (by: string) => {
    const t = new BullTimers(async (cafeId, stepId, late) => {
      fired.push({ cafeId, stepId, late, at: Date.now(), by });
    }, { url: TEST_REDIS_URL, prefix: p, onError: (err) => { throw err; } });
    open.push(t);
    return t;
  };

  beforeEach(() => {
    p = `${prefix}${++n}:`;
    fired.length = 0;
  });
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('fires at the due time, not before, once', async () => {
    const timers = make('a');
    await timers.ready();
    const dueAt = Date.now() + 300;
    timers.arm('c1', 'video', dueAt);
    await timers.settled();
    await sleep(150);
    expect(fired).toEqual([]);
    await sleep(600);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ cafeId: 'c1', stepId: 'video', late: false });
    expect(fired[0]!.at).toBeGreaterThanOrEqual(dueAt);
  });

  it('uses one job per (café, step, due time): arming twice, from two instances, fires once', async () => {
    const a = make('a');
    const b = make('b');
    await Promise.all([a.ready(), b.ready()]);
    const dueAt = Date.now() + 300;
    a.arm('c1', 'video', dueAt);
    b.arm('c1', 'video', dueAt);
    a.arm('c1', 'video', dueAt);
    await Promise.all([a.settled(), b.settled()]);
    expect(await a.jobs.getDelayedCount()).toBe(1);
    await sleep(900);
    expect(fired).toHaveLength(1);
    expect(BullTimers.jobId('c1', 'video', dueAt)).toBe(BullTimers.jobId('c1', 'video', dueAt));
    expect(BullTimers.jobId('c1', 'video', dueAt)).not.toBe(BullTimers.jobId('c1', 'video', dueAt + 1));
  });

  it('cancels, and re-arming with a new due time removes the former job (even armed by another instance)', async () => {
    const a = make('a');
    const b = make('b');
    await Promise.all([a.ready(), b.ready()]);
    a.arm('c1', 'video', Date.now() + 200);
    await a.settled();
    b.cancel('c1');
    a.arm('c2', 'video', Date.now() + 200);
    await Promise.all([a.settled(), b.settled()]);
    const later = Date.now() + 700;
    b.arm('c2', 'video', later); // /prolonger on the other instance
    await b.settled();
    expect(await a.jobs.getDelayedCount()).toBe(1);
    await sleep(500);
    expect(fired).toEqual([]);
    await sleep(700);
    expect(fired.map((f) => f.cafeId)).toEqual(['c2']);
    expect(fired[0]!.at).toBeGreaterThanOrEqual(later);
  });

  it('keeps jobs in Redis across a stop: a timer that fell due while every instance was down fires at start, marked late', async () => {
    const first = make('first');
    await first.ready();
    const dueAt = Date.now() + 200;
    first.arm('c1', 'video', dueAt);
    await first.close();
    await sleep(2600);
    expect(fired).toEqual([]);
    const second = make('second');
    await second.ready();
    await sleep(500);
    expect(fired).toEqual([expect.objectContaining({ cafeId: 'c1', late: true, by: 'second' })]);
  });

  it('re-arms stored timers idempotently (same job ids)', async () => {
    const store = new RedisStore({ url: TEST_REDIS_URL, prefix: p });
    try {
      const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: Date.now() + 400 } });
      await store.create(cafe);
      const a = make('a');
      const b = make('b');
      await Promise.all([a.ready(), b.ready()]);
      expect(await a.rearm(store)).toBe(1);
      expect(await b.rearm(store)).toBe(1);
      expect(await a.jobs.getDelayedCount()).toBe(1);
      await sleep(900);
      expect(fired).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
