import { isRefusal, startCafe } from '../../src/domain/decide';
import type { CafeState, Command } from '../../src/domain/types';
import { MemoryStore } from '../../src/store/memoryStore';
import { LiveBoard, type Watcher } from '../../src/tab/live';
import type { BoardSnapshot } from '../../src/tab/snapshotTypes';
import type { BoardScope } from '../../src/tab/token';
import { content, FACILITATOR, person, run, T0, vote } from '../cards/fixtures';

/** A watcher that records what it is sent and lets a test wait for the n-th send. */
class Screen implements Watcher {
  readonly got: Array<BoardSnapshot | undefined> = [];
  private waiting: Array<{ n: number; resolve: () => void }> = [];

  send(snapshot: BoardSnapshot | undefined): void {
    this.got.push(snapshot);
    this.waiting = this.waiting.filter((w) => {
      if (this.got.length < w.n) return true;
      w.resolve();
      return false;
    });
  }

  /** The n-th snapshot sent (1-based), waiting for it at most `ms`. */
  async nth(n: number, ms = 2000): Promise<BoardSnapshot | undefined> {
    if (this.got.length < n) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`send #${n} did not come within ${ms} ms (got ${this.got.length})`)), ms);
        this.waiting.push({ n, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    }
    return this.got[n - 1];
  }
}

/**
 * Lets every pending promise of the memory store settle: its methods never wait on I/O or
 * timers, so once the event loop turns a few times a refresh started before is over.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

const totalOf = (s: BoardSnapshot | undefined) => s?.step?.poll?.total;

let store: MemoryStore;
let clock: number;
let errors: unknown[];
const boards: LiveBoard[] = [];

function board(pollMs: number): LiveBoard {
  const b = new LiveBoard({ store, content, sink: (err) => errors.push(err), now: () => clock, pollMs });
  boards.push(b);
  return b;
}

/** A café started in `conversationId` (its menu card), stored. */
async function create(cafeId: string, conversationId: string, createdAt = clock): Promise<CafeState> {
  const s = startCafe(
    { type: 'start', formulaId: 'americano', variant: 'avec-sucre', cafeId, conversationId, serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: createdAt },
  );
  if (isRefusal(s)) throw new Error(s.refused);
  expect(await store.create(s)).toBe(true);
  return s;
}

/** Runs facilitator commands on the stored café and saves it, as the bot would (without telling the board). */
async function apply(cafeId: string, ...commands: Command[]): Promise<CafeState> {
  let s = (await store.get(cafeId))!;
  const before = s.version;
  for (const c of commands) s = run(s, c, await store.listContributions(cafeId), clock);
  s.version = before + 1;
  expect(await store.save(s)).toBe(true);
  return s;
}

/** A café at its first Madonna poll (tasse.madonna.annees-80 with the default ice breaker). */
async function cafeAtPoll(cafeId: string, conversationId: string, createdAt = clock): Promise<CafeState> {
  await create(cafeId, conversationId, createdAt);
  return apply(cafeId, { type: 'begin' }, { type: 'next' });
}

beforeEach(() => {
  store = new MemoryStore();
  clock = T0;
  errors = [];
});

afterEach(() => {
  for (const b of boards.splice(0)) b.stop();
  expect(errors).toEqual([]);
});

describe('LiveBoard', () => {
  it('sends the first snapshot of a watched café at once', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    expect(state.steps[state.cursor]!.id).toBe('tasse.madonna.annees-80');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    expect(live.watching).toBe(1);
    const first = await screen.nth(1);
    expect(first).toMatchObject({ v: 1, serverNow: T0, cafe: { id: 'cafe-1', status: 'running', participants: 0 }, step: { id: 'tasse.madonna.annees-80', kind: 'poll' } });
    expect(totalOf(first)).toBe(0);
  });

  it('a café that does not exist shows nothing (undefined)', async () => {
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'nope' }, screen);
    expect(await screen.nth(1)).toBeUndefined();
    expect(screen.got).toEqual([undefined]);
  });

  it('touch: a change made here is pushed at once, long before the poll', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    const stepId = state.steps[state.cursor]!.id;

    clock += 1000;
    const started = Date.now();
    await store.putContribution(vote(state, stepId, 1, 'donnee'));
    live.touch(state);
    const second = await screen.nth(2, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(totalOf(second)).toBe(1);
    expect(second).toMatchObject({ serverNow: T0 + 1000, cafe: { participants: 1 } });

    // Another vote and a step change, each pushed.
    await store.putContribution(vote(state, stepId, 2, 'madonna'));
    live.touch({ id: state.id, conversationId: state.conversationId });
    expect(totalOf(await screen.nth(3, 1000))).toBe(2);
    await apply('cafe-1', { type: 'next' }, { type: 'next' }); // Suivant reveals the answer, then moves on
    live.touch(state);
    expect((await screen.nth(4, 1000))?.step?.id).toBe('tasse.madonna.michigan');
    await settle();
    expect(screen.got).toHaveLength(4);
  });

  it('touching with nothing changed sends nothing (nor does the clock alone)', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);

    live.touch(state);
    await settle();
    expect(screen.got).toHaveLength(1);

    clock += 5000;
    live.touch(state);
    live.touch(state);
    await settle();
    expect(screen.got).toHaveLength(1);

    // Still alive: a real change goes out, once.
    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 1, 'donnee'));
    live.touch(state);
    expect(totalOf(await screen.nth(2, 1000))).toBe(1);
    live.touch(state);
    await settle();
    expect(screen.got).toHaveLength(2);
  });

  it('touching another café or conversation sends nothing', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const other = await cafeAtPoll('cafe-2', 'conv-2');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 1, 'donnee'));
    live.touch(other);
    await settle();
    expect(screen.got).toHaveLength(1);
  });

  it('a burst of touches makes few sends and ends on the last state', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    const stepId = state.steps[state.cursor]!.id;
    for (let i = 1; i <= 30; i++) {
      await store.putContribution(vote(state, stepId, i, 'madonna'));
      live.touch(state);
    }
    await settle();
    expect(screen.got.length).toBeGreaterThanOrEqual(2);
    expect(screen.got.length).toBeLessThanOrEqual(31);
    expect(totalOf(screen.got.at(-1))).toBe(30);
    // Never an older total after a newer one.
    const totals = screen.got.map(totalOf) as number[];
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
  });

  it('a change made without touch (another instance) is picked up by the poll', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(50);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 1, 'les-deux'));
    const second = await screen.nth(2, 2000);
    expect(totalOf(second)).toBe(1);
    expect(second?.step?.poll?.choices.find((c) => c.id === 'les-deux')?.count).toBe(1);
    await apply('cafe-1', { type: 'pause' });
    expect((await screen.nth(3, 2000))?.cafe.status).toBe('paused');
  });

  it('the poll sends nothing while nothing changed', async () => {
    await cafeAtPoll('cafe-1', 'conv-1');
    const witnessCafe = await cafeAtPoll('cafe-2', 'conv-2');
    const live = board(50);
    const [screen, witness] = [new Screen(), new Screen()];
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    live.watch({ kind: 'cafe', cafeId: 'cafe-2' }, witness);
    await Promise.all([screen.nth(1), witness.nth(1)]);
    // Every poll refreshes both groups: once the witness's change came by the poll, twice over,
    // cafe-1 was read again at least as often.
    clock += 10_000;
    await store.putContribution(vote(witnessCafe, witnessCafe.steps[witnessCafe.cursor]!.id, 1, 'donnee'));
    expect(totalOf(await witness.nth(2, 2000))).toBe(1);
    await store.putContribution(vote(witnessCafe, witnessCafe.steps[witnessCafe.cursor]!.id, 2, 'donnee'));
    expect(totalOf(await witness.nth(3, 2000))).toBe(2);
    await settle();
    expect(screen.got).toHaveLength(1);
  });

  it('a conversation shows its running café, then once ended its results (not an older café)', async () => {
    const older = await create('cafe-old', 'conv-1', T0 - 86_400_000);
    await apply(older.id, { type: 'begin' }, { type: 'end' });
    const state = await cafeAtPoll('cafe-new', 'conv-1');

    const live = board(60_000);
    const screen = new Screen();
    const scope: BoardScope = { kind: 'conversation', conversationId: 'conv-1', canShare: true };
    live.watch(scope, screen);
    const first = await screen.nth(1);
    expect(first?.cafe).toMatchObject({ id: 'cafe-new', status: 'running' });
    expect(first?.step?.id).toBe('tasse.madonna.annees-80');

    await store.putContribution(vote(state, 'tasse.madonna.annees-80', 1, 'donnee'));
    clock += 60_000;
    await apply('cafe-new', { type: 'end' });
    live.touch(state);
    const ended = await screen.nth(2, 1000);
    expect(ended?.cafe).toMatchObject({ id: 'cafe-new', status: 'ended' });
    expect(ended?.step).toBeUndefined();
    expect(ended?.recap?.steps.map((s) => s.id)).toEqual(['tasse.madonna.annees-80']);
    expect(ended?.recap?.steps[0]?.poll).toMatchObject({ total: 1, revealed: true });

    // A café that begins in the conversation replaces the results.
    clock += 60_000;
    const next = await create('cafe-next', 'conv-1');
    live.touch(next);
    expect((await screen.nth(3, 1000))?.cafe).toMatchObject({ id: 'cafe-next', status: 'menu' });
    expect(await live.snapshot(scope)).toMatchObject({ cafe: { id: 'cafe-next' } });
  });

  it('a conversation without café sends undefined, then the café once one begins', async () => {
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'conversation', conversationId: 'conv-empty', canShare: false }, screen);
    expect(await screen.nth(1)).toBeUndefined();
    expect(screen.got).toEqual([undefined]);
    expect(await live.snapshot({ kind: 'conversation', conversationId: 'conv-empty', canShare: false })).toBeUndefined();

    live.touch({ id: 'whatever', conversationId: 'conv-empty' });
    await settle();
    expect(screen.got).toEqual([undefined]);

    const state = await create('cafe-1', 'conv-empty');
    live.touch(state);
    expect((await screen.nth(2, 1000))?.cafe.id).toBe('cafe-1');
  });

  it('a conversation without café picks up a new café by the poll', async () => {
    const live = board(50);
    const screen = new Screen();
    live.watch({ kind: 'conversation', conversationId: 'conv-empty', canShare: false }, screen);
    expect(await screen.nth(1)).toBeUndefined();
    await create('cafe-1', 'conv-empty');
    const second = await screen.nth(2, 2000);
    expect(second?.cafe).toMatchObject({ id: 'cafe-1', status: 'menu' });
  });

  it('unwatch stops the sends to that watcher only', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    const [a, b] = [new Screen(), new Screen()];
    const stopA = live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, a);
    const stopB = live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, b);
    await Promise.all([a.nth(1), b.nth(1)]);
    expect(live.watching).toBe(2);

    stopA();
    expect(live.watching).toBe(1);
    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 1, 'donnee'));
    live.touch(state);
    expect(totalOf(await b.nth(2, 1000))).toBe(1);
    await settle();
    expect(a.got).toHaveLength(1);

    stopB();
    stopB(); // twice is harmless
    expect(live.watching).toBe(0);
    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 2, 'donnee'));
    live.touch(state);
    await settle();
    expect(b.got).toHaveLength(2);
  });

  it('stop() ends every watch and the poll', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(50);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    live.stop();
    expect(live.watching).toBe(0);

    await store.putContribution(vote(state, state.steps[state.cursor]!.id, 1, 'donnee'));
    live.touch(state);
    // A board still running with the same poll sees the change: by then the stopped one would have too.
    const witness = new Screen();
    board(50).watch({ kind: 'cafe', cafeId: 'cafe-1' }, witness);
    expect(totalOf(await witness.nth(1))).toBe(1);
    await new Promise<void>((resolve) => setTimeout(resolve, 150));
    await settle();
    expect(screen.got).toHaveLength(1);
  });

  it('snapshot() gives one snapshot without watching', async () => {
    await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    clock += 42;
    expect(await live.snapshot({ kind: 'cafe', cafeId: 'cafe-1' })).toMatchObject({ serverNow: T0 + 42, cafe: { id: 'cafe-1' } });
    expect(await live.snapshot({ kind: 'cafe', cafeId: 'nope' })).toBeUndefined();
    expect(live.watching).toBe(0);
  });

  it('a store failure goes to the error sink, not to the watcher', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const failures: unknown[] = [];
    let failed!: () => void;
    const reported = new Promise<void>((resolve) => { failed = resolve; });
    const live = new LiveBoard({ store, content, sink: (err, ctx) => { failures.push([err, ctx]); failed(); }, now: () => clock, pollMs: 60_000 });
    boards.push(live);
    const screen = new Screen();
    live.watch({ kind: 'cafe', cafeId: 'cafe-1' }, screen);
    await screen.nth(1);
    await store.close();
    live.touch(state);
    await Promise.race([reported, new Promise((_, reject) => setTimeout(() => reject(new Error('no error reported')), 1000))]);
    expect(failures).toEqual([[expect.any(Error), { where: 'board' }]]);
    expect(screen.got).toHaveLength(1);
  });

  it('participants never show up by name or id in what is sent', async () => {
    const state = await cafeAtPoll('cafe-1', 'conv-1');
    const live = board(60_000);
    const screen = new Screen();
    live.watch({ kind: 'conversation', conversationId: 'conv-1', canShare: true }, screen);
    await screen.nth(1);
    await store.putContribution({ ...vote(state, state.steps[state.cursor]!.id, 1, 'donnee'), userName: person(1).name });
    live.touch(state);
    const json = JSON.stringify(await screen.nth(2, 1000));
    expect(json).not.toContain(person(1).id);
    expect(json).not.toContain(person(1).name);
    expect(json).not.toContain(FACILITATOR.id);
    expect(json).not.toContain(FACILITATOR.name);
  });
});
