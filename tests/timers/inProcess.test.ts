import { MemoryStore } from '../../src/store';
import { InProcessTimers } from '../../src/timers/inProcess';
import { makeCafe } from '../store/fixtures';

type Fired = { cafeId: string; stepId: string; late: boolean; at: number };

function recorder() {
  const fired: Fired[] = [];
  const onFire = async (cafeId: string, stepId: string, late: boolean) => {
    fired.push({ cafeId, stepId, late, at: Date.now() });
  };
  return { fired, onFire };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('InProcessTimers', () => {
  let timers: InProcessTimers;
  afterEach(() => timers?.stop());

  it('fires at the due time, not before, once', async () => {
    const { fired, onFire } = recorder();
    timers = new InProcessTimers(onFire);
    const dueAt = Date.now() + 150;
    timers.arm('c1', 'video', dueAt);
    await sleep(80);
    expect(fired).toEqual([]);
    await sleep(200);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ cafeId: 'c1', stepId: 'video', late: false });
    expect(fired[0]!.at).toBeGreaterThanOrEqual(dueAt);
    expect(timers.size).toBe(0);
  });

  it('cancels, and re-arming replaces the former timer', async () => {
    const { fired, onFire } = recorder();
    timers = new InProcessTimers(onFire);
    timers.arm('c1', 'video', Date.now() + 60);
    timers.cancel('c1');
    timers.arm('c2', 'video', Date.now() + 60);
    timers.arm('c2', 'video', Date.now() + 200); // /prolonger
    await sleep(120);
    expect(fired).toEqual([]);
    await sleep(150);
    expect(fired.map((f) => f.cafeId)).toEqual(['c2']);
  });

  it('re-arms stored timers at start: one that fell due while down fires at once, marked late', async () => {
    const { fired, onFire } = recorder();
    const store = new MemoryStore();
    const overdue = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: Date.now() - 60_000 } });
    const coming = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: Date.now() + 150 } });
    const paused = makeCafe({ status: 'paused', cursor: 0, timer: { stepId: 's1', remainingMs: 1000 } });
    const alreadyFired = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 1, firedAt: 2 } });
    for (const c of [overdue, coming, paused, alreadyFired]) await store.create(c);

    timers = new InProcessTimers(onFire);
    expect(await timers.rearm(store)).toBe(2);
    await sleep(30);
    expect(fired).toEqual([expect.objectContaining({ cafeId: overdue.id, late: true })]);
    await sleep(200);
    expect(fired.map((f) => [f.cafeId, f.late])).toEqual([[overdue.id, true], [coming.id, false]]);
  });

  it('stop keeps nothing armed in the process (due times stay in the store)', async () => {
    const { fired, onFire } = recorder();
    timers = new InProcessTimers(onFire);
    timers.arm('c1', 's', Date.now() + 50);
    timers.stop();
    await sleep(100);
    expect(fired).toEqual([]);
  });
});
