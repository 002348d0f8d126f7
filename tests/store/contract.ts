import type { CafeStore } from '../../src/store/port';
import type { CafeState, Contribution } from '../../src/domain/types';
import { makeCafe, makePostit, makeVote } from './fixtures';

/** The port plus the maintenance helpers both stores export. */
export type TestableStore = CafeStore & {
  purgeEndedBefore(ts: number): Promise<number>;
  eraseCafe(cafeId: string): Promise<boolean>;
};

/** Next version of a café, as the engine would save it. */
function next(state: CafeState, changes: Partial<CafeState> = {}): CafeState {
  return { ...structuredClone(state), ...changes, version: state.version + 1 };
}

/** The behaviour every CafeStore must have; run against each implementation. */
export function describeStoreContract(name: string, makeStore: () => TestableStore | Promise<TestableStore>): void {
  describe(`CafeStore contract: ${name}`, () => {
    let store: TestableStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    describe('create / get / getActive', () => {
      it('returns undefined for unknown cafés and conversations', async () => {
        expect(await store.get('nope')).toBeUndefined();
        expect(await store.getActive('nope')).toBeUndefined();
      });

      it('stores a café and finds it by id and by conversation', async () => {
        const cafe = makeCafe();
        expect(await store.create(cafe)).toBe(true);
        expect(await store.get(cafe.id)).toEqual(cafe);
        expect(await store.getActive(cafe.conversationId)).toEqual(cafe);
        expect(await store.getActive('other-conversation')).toBeUndefined();
      });

      it('keeps optional fields and nested data intact', async () => {
        const cafe = makeCafe({
          status: 'running',
          startedAt: 1_700_000_001_000,
          cursor: 1,
          runtime: { s1: { startedAt: 1, endedAt: 2, revealed: true }, s2: { startedAt: 3, turn: 2 } },
          timer: { stepId: 's2', dueAt: 1_700_000_900_000 },
          recentActivityIds: ['a1', 'a2'],
          locale: 'en',
          variant: 'sans-sucre',
        });
        await store.create(cafe);
        expect(await store.get(cafe.id)).toEqual(cafe);
      });

      it('refuses a second café in a conversation while the first is not ended', async () => {
        const first = makeCafe();
        const second = makeCafe({ conversationId: first.conversationId });
        expect(await store.create(first)).toBe(true);
        expect(await store.create(second)).toBe(false);
        expect(await store.get(second.id)).toBeUndefined();
        expect(await store.getActive(first.conversationId)).toEqual(first);

        // Still refused while paused or running.
        const running = next(first, { status: 'running', cursor: 0 });
        expect(await store.save(running)).toBe(true);
        expect(await store.create(second)).toBe(false);
      });

      it('allows a new café in the conversation once the first has ended', async () => {
        const first = makeCafe();
        await store.create(first);
        const ended = next(first, { status: 'ended', endedAt: 1_700_000_500_000 });
        expect(await store.save(ended)).toBe(true);
        expect(await store.getActive(first.conversationId)).toBeUndefined();

        const second = makeCafe({ conversationId: first.conversationId });
        expect(await store.create(second)).toBe(true);
        expect(await store.getActive(first.conversationId)).toEqual(second);
        expect(await store.get(first.id)).toEqual(ended);
      });

      it('throws (rather than refusing) when the café id already exists', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        await expect(store.create(makeCafe({ id: cafe.id }))).rejects.toThrow();
      });
    });

    describe('save (compare-and-set)', () => {
      it('saves when the stored version is state.version - 1', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const v2 = next(cafe, { status: 'running', cursor: 0 });
        expect(await store.save(v2)).toBe(true);
        expect(await store.get(cafe.id)).toEqual(v2);
        const v3 = next(v2, { cursor: 1 });
        expect(await store.save(v3)).toBe(true);
        expect(await store.get(cafe.id)).toEqual(v3);
      });

      it('refuses a stale version and changes nothing', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const mine = next(cafe, { status: 'running', cursor: 0 });
        const theirs = next(cafe, { status: 'ended', endedAt: 5 });
        expect(await store.save(mine)).toBe(true);
        expect(await store.save(theirs)).toBe(false);
        expect(await store.get(cafe.id)).toEqual(mine);

        // A version from the future is refused too.
        expect(await store.save({ ...mine, version: mine.version + 2, cursor: 1 })).toBe(false);
        // And re-saving the same version.
        expect(await store.save({ ...mine, cursor: 1 })).toBe(false);
        expect(await store.get(cafe.id)).toEqual(mine);
      });

      it('refuses to save a café that was never created', async () => {
        const ghost = makeCafe({ version: 2 });
        expect(await store.save(ghost)).toBe(false);
        expect(await store.get(ghost.id)).toBeUndefined();
      });
    });

    describe('contributions', () => {
      it('lists nothing for an unknown café', async () => {
        expect(await store.listContributions('nope')).toEqual([]);
        expect(await store.listContributions('nope', 's1')).toEqual([]);
      });

      it('replaces a contribution with the same key and adds one with a new key', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 10));
        await store.putContribution(makeVote(cafe.id, 's1', 'u2', 'B', 20));
        await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'C', 30)); // changed vote
        const votes = await store.listContributions(cafe.id, 's1');
        expect(votes).toHaveLength(2);
        expect(votes).toEqual([makeVote(cafe.id, 's1', 'u2', 'B', 20), makeVote(cafe.id, 's1', 'u1', 'C', 30)]);

        // The same delivery twice counts once.
        const p = makePostit(cafe.id, 's2', 'act-9', 'u1', 'hello', 40);
        await store.putContribution(p);
        await store.putContribution(p);
        await store.putContribution(makePostit(cafe.id, 's2', 'act-10', 'u1', 'again', 50));
        expect(await store.listContributions(cafe.id, 's2')).toEqual([
          p,
          makePostit(cafe.id, 's2', 'act-10', 'u1', 'again', 50),
        ]);
      });

      it('keeps kinds apart under the same key', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const vote = makeVote(cafe.id, 's1', 'u1', 'A', 1);
        const done: Contribution = { cafeId: cafe.id, stepId: 's1', kind: 'done', key: 'u1', userId: 'u1', value: { kind: 'done' }, at: 2 };
        await store.putContribution(vote);
        await store.putContribution(done);
        expect(await store.listContributions(cafe.id)).toEqual([vote, done]);
      });

      it('lists oldest first, filters by step and by café', async () => {
        const a = makeCafe();
        const b = makeCafe();
        await store.create(a);
        await store.create(b);
        const c3 = makePostit(a.id, 's2', 'k3', 'u3', 'third', 300);
        const c1 = makeVote(a.id, 's1', 'u1', 'A', 100);
        const c2 = makePostit(a.id, 's2', 'k2', 'u2', 'second', 200);
        const c4 = makeVote(a.id, 's1', 'u4', 'B', 400);
        const other = makeVote(b.id, 's1', 'u1', 'Z', 50);
        for (const c of [c3, c1, other, c2, c4]) await store.putContribution(c);

        expect(await store.listContributions(a.id)).toEqual([c1, c2, c3, c4]);
        expect(await store.listContributions(a.id, 's1')).toEqual([c1, c4]);
        expect(await store.listContributions(a.id, 's2')).toEqual([c2, c3]);
        expect(await store.listContributions(a.id, 's9')).toEqual([]);
        expect(await store.listContributions(b.id)).toEqual([other]);
      });

      it('keeps insertion order between contributions made in the same millisecond', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const list = ['k1', 'k2', 'k3', 'k4'].map((k) => makePostit(cafe.id, 's2', k, 'u1', k, 7));
        for (const c of list) await store.putContribution(c);
        expect(await store.listContributions(cafe.id)).toEqual(list);
      });

      it('ends with the last value of each user after 200 concurrent changes (20 users x 10)', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const calls: Promise<void>[] = [];
        for (let round = 0; round < 10; round++) {
          for (let u = 0; u < 20; u++) {
            calls.push(store.putContribution(makeVote(cafe.id, 's1', `user-${u}`, `choice-${u}-${round}`, 1000 + round)));
          }
        }
        await Promise.all(calls);
        const votes = await store.listContributions(cafe.id, 's1');
        expect(votes).toHaveLength(20);
        const byUser = new Map(votes.map((v) => [v.userId, v]));
        for (let u = 0; u < 20; u++) {
          expect(byUser.get(`user-${u}`)).toEqual(makeVote(cafe.id, 's1', `user-${u}`, `choice-${u}-9`, 1009));
        }
      });
    });

    describe('message ids', () => {
      it('sets, gets and overwrites, per café and key', async () => {
        const a = makeCafe();
        const b = makeCafe();
        expect(await store.getMessageId(a.id, 'menu')).toBeUndefined();
        await store.setMessageId(a.id, 'menu', 'activity-1');
        await store.setMessageId(a.id, 's1', 'activity-2');
        await store.setMessageId(b.id, 'menu', 'activity-3');
        expect(await store.getMessageId(a.id, 'menu')).toBe('activity-1');
        expect(await store.getMessageId(a.id, 's1')).toBe('activity-2');
        expect(await store.getMessageId(b.id, 'menu')).toBe('activity-3');
        expect(await store.getMessageId(a.id, 'recap')).toBeUndefined();

        await store.setMessageId(a.id, 'menu', 'activity-4');
        expect(await store.getMessageId(a.id, 'menu')).toBe('activity-4');
        expect(await store.getMessageId(b.id, 'menu')).toBe('activity-3');
      });
    });

    describe('listTimed', () => {
      it('lists cafés that are not ended and have a timer', async () => {
        expect(await store.listTimed()).toEqual([]);
        const timed = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 123 } });
        const paused = makeCafe({ status: 'paused', cursor: 0, pausedAt: 5, timer: { stepId: 's1', remainingMs: 60_000 } });
        const untimed = makeCafe({ status: 'running', cursor: 0 });
        const endedTimed = makeCafe({ status: 'ended', endedAt: 9, timer: { stepId: 's1', dueAt: 1, firedAt: 2 } });
        for (const c of [timed, paused, untimed, endedTimed]) expect(await store.create(c)).toBe(true);

        const listed = await store.listTimed();
        expect(listed.map((c) => c.id).sort()).toEqual([timed.id, paused.id].sort());
        expect(listed.find((c) => c.id === timed.id)).toEqual(timed);
      });

      it('follows saves: a timer added, removed, or the café ended', async () => {
        const cafe = makeCafe({ status: 'running', cursor: 0 });
        await store.create(cafe);
        const withTimer = next(cafe, { timer: { stepId: 's1', dueAt: 500 } });
        await store.save(withTimer);
        expect((await store.listTimed()).map((c) => c.id)).toEqual([cafe.id]);

        const { timer: _dropped, ...withoutTimer } = next(withTimer);
        await store.save(withoutTimer);
        expect(await store.listTimed()).toEqual([]);

        const again = next(withoutTimer, { timer: { stepId: 's2', dueAt: 900 } });
        await store.save(again);
        expect(await store.listTimed()).toEqual([again]);
        await store.save(next(again, { status: 'ended', endedAt: 1000 }));
        expect(await store.listTimed()).toEqual([]);
      });
    });

    describe('copies', () => {
      it('does not keep a reference to what it was given', async () => {
        const cafe = makeCafe();
        const original = structuredClone(cafe);
        await store.create(cafe);
        cafe.status = 'ended';
        cafe.steps[0]!.plannedMinutes = 99;
        cafe.recentActivityIds.push('x');
        expect(await store.get(original.id)).toEqual(original);

        const vote = makeVote(original.id, 's1', 'u1', 'A', 1);
        await store.putContribution(vote);
        (vote.value as { choice: string }).choice = 'mutated';
        expect(await store.listContributions(original.id)).toEqual([makeVote(original.id, 's1', 'u1', 'A', 1)]);
      });

      it('returns copies the caller may mutate freely', async () => {
        const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 1 } });
        await store.create(cafe);
        await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));

        const got = (await store.get(cafe.id))!;
        got.steps.pop();
        got.runtime.s1 = { startedAt: 1 };
        const active = (await store.getActive(cafe.conversationId))!;
        active.timer!.dueAt = 999;
        const timed = await store.listTimed();
        timed[0]!.facilitatorName = 'someone else';
        const contributions = await store.listContributions(cafe.id);
        (contributions[0]!.value as { choice: string }).choice = 'mutated';

        expect(await store.get(cafe.id)).toEqual(cafe);
        expect(await store.listContributions(cafe.id)).toEqual([makeVote(cafe.id, 's1', 'u1', 'A', 1)]);
        expect(await store.get(cafe.id)).not.toBe(await store.get(cafe.id));
      });
    });

    describe('maintenance', () => {
      it('erases a café with its contributions and message ids', async () => {
        const a = makeCafe();
        const b = makeCafe();
        await store.create(a);
        await store.create(b);
        for (const c of [a, b]) {
          await store.putContribution(makeVote(c.id, 's1', 'u1', 'A', 1));
          await store.setMessageId(c.id, 'menu', `m-${c.id}`);
        }
        expect(await store.eraseCafe(a.id)).toBe(true);
        expect(await store.get(a.id)).toBeUndefined();
        expect(await store.getActive(a.conversationId)).toBeUndefined();
        expect(await store.listContributions(a.id)).toEqual([]);
        expect(await store.getMessageId(a.id, 'menu')).toBeUndefined();
        expect(await store.eraseCafe(a.id)).toBe(false);

        expect(await store.get(b.id)).toEqual(b);
        expect(await store.listContributions(b.id)).toHaveLength(1);
        expect(await store.getMessageId(b.id, 'menu')).toBe(`m-${b.id}`);
      });

      it('purges only cafés that ended before the given time', async () => {
        const old = makeCafe({ status: 'ended', endedAt: 1_000 });
        const recent = makeCafe({ status: 'ended', endedAt: 5_000 });
        const live = makeCafe({ status: 'running', cursor: 0 });
        for (const c of [old, recent, live]) {
          await store.create(c);
          await store.putContribution(makeVote(c.id, 's1', 'u1', 'A', 1));
          await store.setMessageId(c.id, 'menu', 'm');
        }
        expect(await store.purgeEndedBefore(2_000)).toBe(1);
        expect(await store.get(old.id)).toBeUndefined();
        expect(await store.listContributions(old.id)).toEqual([]);
        expect(await store.getMessageId(old.id, 'menu')).toBeUndefined();
        expect(await store.get(recent.id)).toEqual(recent);
        expect(await store.get(live.id)).toEqual(live);
        expect(await store.listContributions(live.id)).toHaveLength(1);
        expect(await store.purgeEndedBefore(2_000)).toBe(0);
      });
    });

    describe('ping / close', () => {
      it('answers ping while open, not after close', async () => {
        expect(await store.ping()).toBe(true);
        await store.close();
        expect(await store.ping()).toBe(false);
        await store.close(); // idempotent
      });
    });
  });
}
