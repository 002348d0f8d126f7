import type { CafeStore, ChatProfile, OutboxEffect } from '../../src/store/port';
import type { CafeState, Contribution } from '../../src/domain/types';
import { newCafeCode } from '../../src/web/code';
import { makeCafe, makePostit, makeVote } from './fixtures';

/** The port plus the maintenance helpers both stores export. */
export type TestableStore = CafeStore & {
  purgeEndedBefore(ts: number): Promise<number>;
  eraseCafe(cafeId: string): Promise<boolean>;
};

/** A chat profile without a position. */
function profile(organisation: string, town: string, updatedAt = 1_700_000_000_000): ChatProfile {
  return { organisation, town, updatedAt };
}

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
        const calls: Promise<boolean>[] = [];
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

    describe("a person's newest answer wins, whatever order the deliveries arrive in", () => {
      const single = {
        vote: (choice: string) => ({ kind: 'vote' as const, choice }),
        pick: (item: string) => ({ kind: 'pick' as const, item }),
        feedback: (rating: string) => ({ kind: 'feedback' as const, rating }),
      };
      /** One person's single-valued answer, brought by activity `activityId` acted at `at`. */
      function answer(cafeId: string, value: Contribution['value'], activityId: string, at: number, userId = 'u1'): Contribution {
        return { cafeId, stepId: 's1', kind: value.kind, key: userId, userId, value, at, activityId };
      }

      for (const [kind, make] of Object.entries(single)) {
        it(`${kind}: A, then B, then A re-delivered (its id and older time) ends on B; the re-delivery is not stored`, async () => {
          const cafe = makeCafe();
          await store.create(cafe);
          const a = answer(cafe.id, make('A'), 'act-a', 100);
          const b = answer(cafe.id, make('B'), 'act-b', 200);
          expect(await store.putContribution(a)).toBe(true);
          expect(await store.putContribution(b)).toBe(true);
          expect(await store.putContribution(a)).toBe(false);
          expect(await store.listContributions(cafe.id, 's1')).toEqual([b]);
          expect(await store.listContributions(cafe.id)).toEqual([b]);
        });
      }

      it('done: a re-delivered "J\'ai fini" counts once', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const done = answer(cafe.id, { kind: 'done' }, 'act-d', 100);
        expect(await store.putContribution(done)).toBe(true);
        expect(await store.putContribution(done)).toBe(false);
        expect(await store.putContribution({ ...done, at: 900 })).toBe(false); // the same activity, received later
        expect(await store.listContributions(cafe.id, 's1')).toEqual([done]);
      });

      it('the newer answer arriving first is kept when the older one arrives after it', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const b = answer(cafe.id, single.vote('B'), 'act-b', 200);
        expect(await store.putContribution(b)).toBe(true);
        expect(await store.putContribution(answer(cafe.id, single.vote('A'), 'act-a', 100))).toBe(false);
        expect(await store.listContributions(cafe.id, 's1')).toEqual([b]);
      });

      it('a duplicate counts once, even received later; another activity at the same instant replaces', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const a = answer(cafe.id, single.vote('A'), 'act-a', 100);
        expect(await store.putContribution(a)).toBe(true);
        expect(await store.putContribution(a)).toBe(false);
        expect(await store.putContribution({ ...a, at: 500 })).toBe(false);
        expect(await store.listContributions(cafe.id, 's1')).toEqual([a]);
        // Same millisecond, another activity: delivery order is all there is to go by.
        const b = answer(cafe.id, single.vote('B'), 'act-b', 100);
        expect(await store.putContribution(b)).toBe(true);
        expect(await store.listContributions(cafe.id, 's1')).toEqual([b]);
      });

      it('replaces a record kept without an activity id (stored before it was kept) by a newer answer only', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const old = makeVote(cafe.id, 's1', 'u1', 'A', 100);
        await store.putContribution(old);
        expect(await store.putContribution(answer(cafe.id, single.vote('Z'), 'act-z', 50))).toBe(false);
        const b = answer(cafe.id, single.vote('B'), 'act-b', 200);
        expect(await store.putContribution(b)).toBe(true);
        expect(await store.listContributions(cafe.id, 's1')).toEqual([b]);
      });

      it('a re-delivered post-it counts once and keeps its place and text', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const first = { ...makePostit(cafe.id, 's2', 'act-p1', 'u1', 'first', 10), activityId: 'act-p1' };
        const second = { ...makePostit(cafe.id, 's2', 'act-p2', 'u2', 'second', 20), activityId: 'act-p2' };
        expect(await store.putContribution(first)).toBe(true);
        expect(await store.putContribution(second)).toBe(true);
        expect(await store.putContribution({ ...first, at: 30 })).toBe(false);
        expect(await store.listContributions(cafe.id, 's2')).toEqual([first, second]);
      });

      it('ends on each person\'s newest answer when stale re-deliveries race the new ones (20 people)', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        for (let u = 0; u < 20; u++) await store.putContribution(answer(cafe.id, single.vote('A'), `a-${u}`, 100 + u, `p${u}`));
        // Each person's change to B and Teams' re-delivery of their A, in flight together, in either order.
        const calls = Array.from({ length: 20 }, (_, u) => {
          const b = answer(cafe.id, single.vote('B'), `b-${u}`, 1000 + u, `p${u}`);
          const a = answer(cafe.id, single.vote('A'), `a-${u}`, 100 + u, `p${u}`);
          return (u % 2 === 0 ? [b, a] : [a, b]).map((c) => store.putContribution(c));
        }).flat();
        await Promise.all(calls);
        const votes = await store.listContributions(cafe.id, 's1');
        expect(votes).toHaveLength(20);
        expect(votes.every((v) => v.value.kind === 'vote' && v.value.choice === 'B')).toBe(true);
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

      it('returns cafés a caller cannot change in the store: copies, or frozen where shared', async () => {
        const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 1 } });
        await store.create(cafe);
        await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));

        // A store may share the café it reads (KeptStore) only deep-frozen: a write then throws.
        const attempt = (change: () => void) => {
          try {
            change();
          } catch (err) {
            expect((err as Error).name).toBe('TypeError'); // not instanceof: structuredClone's objects come from Node's realm, not Jest's
          }
        };
        const got = (await store.get(cafe.id))!;
        attempt(() => got.steps.pop());
        attempt(() => (got.runtime.s1 = { startedAt: 1 }));
        const active = (await store.getActive(cafe.conversationId))!;
        attempt(() => (active.timer!.dueAt = 999));
        const timed = await store.listTimed();
        timed[0]!.facilitatorName = 'someone else';
        const contributions = await store.listContributions(cafe.id);
        (contributions[0]!.value as { choice: string }).choice = 'mutated';

        expect(await store.get(cafe.id)).toEqual(cafe);
        expect(await store.getActive(cafe.conversationId)).toEqual(cafe);
        expect(await store.listContributions(cafe.id)).toEqual([makeVote(cafe.id, 's1', 'u1', 'A', 1)]);
        const [a, b] = [await store.get(cafe.id), await store.get(cafe.id)];
        if (a === b) expect(Object.isFrozen(a!.steps[0]) && Object.isFrozen(a!.runtime)).toBe(true);
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

      it('keeps listCafes in step with eraseCafe and purgeEndedBefore, and keeps the chat profile', async () => {
        const conv = 'conv-maintenance';
        const old = makeCafe({ conversationId: conv, status: 'ended', createdAt: 100, endedAt: 1_000 });
        const recent = makeCafe({ conversationId: conv, status: 'ended', createdAt: 200, endedAt: 5_000 });
        const erased = makeCafe({ conversationId: conv, status: 'ended', createdAt: 300, endedAt: 6_000 });
        const live = makeCafe({ conversationId: conv, status: 'running', cursor: 0, createdAt: 400 });
        for (const c of [old, recent, erased, live]) expect(await store.create(c)).toBe(true);
        await store.setProfile(conv, profile('Mairie', 'Rennes'));

        expect(await store.purgeEndedBefore(2_000)).toBe(1);
        expect(await store.eraseCafe(erased.id)).toBe(true);
        expect(await store.listCafes(conv)).toEqual([live, recent]);
        // Retention is for personal data; the chat profile is what "remembered per chat" means.
        expect(await store.getProfile(conv)).toEqual(profile('Mairie', 'Rennes'));

        const endedLive = next(live, { status: 'ended', endedAt: 7_000 });
        expect(await store.save(endedLive)).toBe(true);
        expect(await store.purgeEndedBefore(10_000)).toBe(2);
        expect(await store.listCafes(conv)).toEqual([]);
        expect(await store.getProfile(conv)).toEqual(profile('Mairie', 'Rennes'));
      });

      it('erases a whole conversation: every café, its records, the active index and the profile', async () => {
        const conv = 'conv-erase';
        const ended = makeCafe({ conversationId: conv, status: 'ended', createdAt: 100, endedAt: 1_000 });
        const active = makeCafe({ conversationId: conv, status: 'running', cursor: 0, createdAt: 200, timer: { stepId: 's1', dueAt: 9 } });
        const other = makeCafe({ conversationId: 'conv-kept', status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 9 } });
        for (const c of [ended, active, other]) {
          expect(await store.create(c)).toBe(true);
          await store.putContribution(makeVote(c.id, 's1', 'u1', 'A', 1));
          await store.putContribution(makePostit(c.id, 's2', 'k1', 'u1', 'idea', 2));
          await store.setMessageId(c.id, 'menu', `m-${c.id}`);
        }
        await store.setProfile(conv, profile('Médiathèque', 'Brest'));
        await store.setProfile(other.conversationId, profile('Lycée', 'Quimper'));

        expect(await store.eraseConversation(conv)).toBe(2);
        for (const c of [ended, active]) {
          expect(await store.get(c.id)).toBeUndefined();
          expect(await store.listContributions(c.id)).toEqual([]);
          expect(await store.getMessageId(c.id, 'menu')).toBeUndefined();
        }
        expect(await store.getActive(conv)).toBeUndefined();
        expect(await store.listCafes(conv)).toEqual([]);
        expect(await store.getProfile(conv)).toBeUndefined();
        expect(await store.listTimed()).toEqual([other]);

        // The other conversation is untouched.
        expect(await store.getActive(other.conversationId)).toEqual(other);
        expect(await store.listCafes(other.conversationId)).toEqual([other]);
        expect(await store.listContributions(other.id)).toHaveLength(2);
        expect(await store.getMessageId(other.id, 'menu')).toBe(`m-${other.id}`);
        expect(await store.getProfile(other.conversationId)).toEqual(profile('Lycée', 'Quimper'));

        // Nothing left to erase; and the conversation starts afresh.
        expect(await store.eraseConversation(conv)).toBe(0);
        expect(await store.eraseCafe(active.id)).toBe(false);
        const again = makeCafe({ conversationId: conv });
        expect(await store.create(again)).toBe(true);
        expect(await store.getActive(conv)).toEqual(again);
        expect(await store.listCafes(conv)).toEqual([again]);
        expect(await store.getProfile(conv)).toBeUndefined();
      });

      it('erases a conversation that has only a profile, or nothing at all', async () => {
        expect(await store.eraseConversation('conv-unknown')).toBe(0);
        await store.setProfile('conv-profile-only', profile('Asso', 'Lorient'));
        expect(await store.eraseConversation('conv-profile-only')).toBe(0);
        expect(await store.getProfile('conv-profile-only')).toBeUndefined();
      });
    });

    describe('cafeByCode', () => {
      /** A new café code, as the bot draws them (50 random bits: never twice in a run). */
      const code = () => newCafeCode();

      it('finds a café by its code once created; an unknown code finds nothing', async () => {
        const cafe = makeCafe({ joinCode: code() });
        expect(await store.create(cafe)).toBe(true);
        expect(await store.cafeByCode(cafe.joinCode!)).toEqual(cafe);
        expect(await store.cafeByCode(code())).toBeUndefined();
        expect(await store.cafeByCode(cafe.joinCode!.toLowerCase())).toBeUndefined();
      });

      it('still finds it after a save and once the café has ended, as last saved', async () => {
        const cafe = makeCafe({ joinCode: code() });
        await store.create(cafe);
        const running = next(cafe, { status: 'running', cursor: 0 });
        expect(await store.save(running)).toBe(true);
        expect(await store.cafeByCode(cafe.joinCode!)).toEqual(running);
        const ended = next(running, { status: 'ended', endedAt: 1_700_000_500_000 });
        expect(await store.save(ended)).toBe(true);
        expect(await store.cafeByCode(cafe.joinCode!)).toEqual(ended);
      });

      it('refuses a second café with a code already taken, storing nothing of it', async () => {
        const first = makeCafe({ joinCode: code() });
        const second = makeCafe({ joinCode: first.joinCode });
        await store.create(first);
        await expect(store.create(second)).rejects.toMatchObject({ name: 'BaristaError', code: 'code-taken' });
        expect(await store.get(second.id)).toBeUndefined();
        expect(await store.getActive(second.conversationId)).toBeUndefined();
        expect(await store.listCafes(second.conversationId)).toEqual([]);
        expect(await store.cafeByCode(first.joinCode!)).toEqual(first);
        // The conversation is free, and the café can be created with a new code.
        const retried = { ...second, joinCode: code() };
        expect(await store.create(retried)).toBe(true);
        expect(await store.cafeByCode(retried.joinCode!)).toEqual(retried);
        // An ended café keeps its code too.
        const ended = next(first, { status: 'ended', endedAt: 5 });
        await store.save(ended);
        await expect(store.create(makeCafe({ joinCode: first.joinCode }))).rejects.toMatchObject({ code: 'code-taken' });
      });

      it('never finds a café without a code', async () => {
        const plain = makeCafe();
        await store.create(plain);
        expect(await store.cafeByCode('')).toBeUndefined();
        expect(await store.cafeByCode('undefined')).toBeUndefined();
        expect(await store.cafeByCode(plain.id)).toBeUndefined();
        // Cafés without a code do not collide with each other.
        expect(await store.create(makeCafe())).toBe(true);
      });

      it('forgets the code with its café: eraseCafe, eraseConversation, purgeEndedBefore; the code is free again', async () => {
        const erased = makeCafe({ joinCode: code() });
        const inConversation = makeCafe({ joinCode: code() });
        const purged = makeCafe({ joinCode: code(), status: 'ended', endedAt: 1_000 });
        const kept = makeCafe({ joinCode: code(), status: 'ended', endedAt: 9_000 });
        for (const c of [erased, inConversation, purged, kept]) expect(await store.create(c)).toBe(true);
        for (const c of [erased, inConversation, purged, kept]) expect(await store.cafeByCode(c.joinCode!)).toEqual(c);

        expect(await store.eraseCafe(erased.id)).toBe(true);
        expect(await store.eraseConversation(inConversation.conversationId)).toBe(1);
        expect(await store.purgeEndedBefore(2_000)).toBe(1);
        for (const c of [erased, inConversation, purged]) expect(await store.cafeByCode(c.joinCode!)).toBeUndefined();
        expect(await store.cafeByCode(kept.joinCode!)).toEqual(kept);

        const reused = makeCafe({ joinCode: erased.joinCode });
        expect(await store.create(reused)).toBe(true);
        expect(await store.cafeByCode(erased.joinCode!)).toEqual(reused);
      });
    });

    describe('listCafes', () => {
      it('lists nothing for an unknown conversation', async () => {
        expect(await store.listCafes('nope')).toEqual([]);
      });

      it('lists active and ended cafés, newest first, equal times by id descending', async () => {
        const conv = 'conv-list';
        const at = (createdAt: number, id: string, changes: Partial<CafeState> = {}) =>
          makeCafe({ id, conversationId: conv, status: 'ended', endedAt: createdAt + 1, createdAt, ...changes });
        const oldest = at(1_000, 'cafe-z');
        const tieLow = at(2_000, 'cafe-a');
        const tieHigh = at(2_000, 'cafe-b');
        const middle = at(1_500, 'cafe-m');
        const active = at(3_000, 'cafe-0', { status: 'running', cursor: 0, endedAt: undefined });
        for (const c of [tieLow, active, oldest, tieHigh, middle]) expect(await store.create(c)).toBe(true);
        expect(await store.listCafes(conv)).toEqual([active, tieHigh, tieLow, middle, oldest]);
      });

      it('lists only the cafés of that conversation, as last saved', async () => {
        const mine = makeCafe({ conversationId: 'conv-mine', createdAt: 10 });
        const theirs = makeCafe({ conversationId: 'conv-theirs', createdAt: 20 });
        await store.create(mine);
        await store.create(theirs);
        const saved = next(mine, { status: 'ended', endedAt: 30 });
        expect(await store.save(saved)).toBe(true);
        expect(await store.listCafes('conv-mine')).toEqual([saved]);
        expect(await store.listCafes('conv-theirs')).toEqual([theirs]);

        // Copies: mutating what was listed changes nothing stored.
        const listed = await store.listCafes('conv-mine');
        listed[0]!.steps.pop();
        expect(await store.listCafes('conv-mine')).toEqual([saved]);
      });
    });

    describe('chat profile', () => {
      it('is undefined until set, then read back, per conversation', async () => {
        expect(await store.getProfile('conv-a')).toBeUndefined();
        const a: ChatProfile = { organisation: 'Mairie de Rennes', town: 'Rennes', lat: 48.1173, lon: -1.6778, updatedAt: 1_700_000_000_000 };
        await store.setProfile('conv-a', a);
        expect(await store.getProfile('conv-a')).toEqual(a);
        expect(await store.getProfile('conv-b')).toBeUndefined();

        // Without a position.
        await store.setProfile('conv-b', profile('Café associatif', 'Saint-Brieuc'));
        const b = await store.getProfile('conv-b');
        expect(b).toEqual(profile('Café associatif', 'Saint-Brieuc'));
        expect(b).not.toHaveProperty('lat');
        expect(b).not.toHaveProperty('lon');
      });

      it('overwrites the former profile', async () => {
        await store.setProfile('conv-a', { organisation: 'A', town: 'Vannes', lat: 47.66, lon: -2.76, updatedAt: 1 });
        await store.setProfile('conv-a', { organisation: 'B', town: 'Auray', updatedAt: 2 });
        expect(await store.getProfile('conv-a')).toEqual({ organisation: 'B', town: 'Auray', updatedAt: 2 });
      });

      it('refuses a profile that is not valid, and keeps the stored one', async () => {
        await store.setProfile('conv-a', profile('A', 'Vannes'));
        const bad = [
          { organisation: 'B', town: 'Auray', lat: 200, updatedAt: 2 },
          { organisation: 'B', town: 'Auray', lon: Number.NaN, updatedAt: 2 },
          { organisation: 'B', updatedAt: 2 },
        ] as unknown as ChatProfile[];
        for (const p of bad) await expect(store.setProfile('conv-a', p)).rejects.toThrow(/Invalid chat profile for conversation conv-a/);
        expect(await store.getProfile('conv-a')).toEqual(profile('A', 'Vannes'));
      });

      it('does not keep a reference to what it was given, nor hand out its own', async () => {
        const p = profile('A', 'Vannes');
        await store.setProfile('conv-a', p);
        p.town = 'mutated';
        const got = (await store.getProfile('conv-a'))!;
        got.organisation = 'mutated';
        expect(await store.getProfile('conv-a')).toEqual(profile('A', 'Vannes'));
      });
    });

    describe('outbox', () => {
      const post = (stepId: string): OutboxEffect => ({ type: 'post-step', stepId });

      it('saves the effects with the café, in order, and lists them until acknowledged', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const v2 = next(cafe);
        expect(await store.save(v2, [post('s1'), { type: 'say', key: 'floorTo', params: { name: 'Ada' } }])).toBe(true);
        const v3 = next(v2);
        expect(await store.save(v3, [{ type: 'update-step', stepId: 's1' }])).toBe(true);
        const pending = await store.pendingOutbox();
        expect(pending.map((e) => [e.id, e.effect])).toEqual([
          [`${cafe.id}/2/0`, post('s1')],
          [`${cafe.id}/2/1`, { type: 'say', key: 'floorTo', params: { name: 'Ada' } }],
          [`${cafe.id}/3/0`, { type: 'update-step', stepId: 's1' }],
        ]);
        for (const e of pending) expect(e).toMatchObject({ cafeId: cafe.id, conversationId: cafe.conversationId, at: expect.any(Number) });
        const seqs = pending.map((e) => e.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(3);

        await store.ackOutbox([pending[0]!, pending[2]!]);
        expect((await store.pendingOutbox()).map((e) => e.id)).toEqual([`${cafe.id}/2/1`]);
        await store.ackOutbox([pending[0]!]); // a repeat is harmless
        await store.ackOutbox([]);
        expect((await store.pendingOutbox()).map((e) => e.id)).toEqual([`${cafe.id}/2/1`]);
      });

      it('stores nothing of a save that conflicts, and nothing for a save without effects', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        expect(await store.save({ ...next(cafe), version: 5 }, [post('s1')])).toBe(false);
        expect(await store.save(next(cafe))).toBe(true);
        expect(await store.pendingOutbox()).toEqual([]);
      });

      it('orders the entries of several conversations by their save, across conversations', async () => {
        const a = makeCafe();
        const b = makeCafe();
        await store.create(a);
        await store.create(b);
        await store.save(next(a), [post('a1')]);
        await store.save(next(b), [post('b1')]);
        await store.save(next(next(a)), [post('a2')]);
        expect((await store.pendingOutbox()).map((e) => (e.effect as { stepId: string }).stepId)).toEqual(['a1', 'b1', 'a2']);
      });

      it('erases a café\'s entries with the café (erase, purge, erase of the conversation)', async () => {
        const [a, b, c] = [makeCafe(), makeCafe(), makeCafe()];
        for (const x of [a, b, c]) await store.create(x);
        await store.save(next(a), [post('a1')]);
        await store.save(next(b, { status: 'ended', endedAt: 1_000 }), [{ type: 'post-recap' }]);
        await store.save(next(c), [post('c1')]);
        expect(await store.eraseCafe(a.id)).toBe(true);
        expect(await store.purgeEndedBefore(2_000)).toBe(1);
        expect((await store.pendingOutbox()).map((e) => e.cafeId)).toEqual([c.id]);
        expect(await store.eraseConversation(c.conversationId)).toBe(1);
        expect(await store.pendingOutbox()).toEqual([]);
      });

      it('does not keep a reference to the effects it was given', async () => {
        const cafe = makeCafe();
        await store.create(cafe);
        const effects: OutboxEffect[] = [{ type: 'say', key: 'floorTo', params: { name: 'Ada' } }];
        await store.save(next(cafe), effects);
        (effects[0] as { params: Record<string, string> }).params.name = 'mutated';
        const [entry] = await store.pendingOutbox();
        expect(entry!.effect).toEqual({ type: 'say', key: 'floorTo', params: { name: 'Ada' } });
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
