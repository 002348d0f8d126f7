import { MemoryStore } from '../../src/store';
import { KeptStore } from '../../src/store/keptStore';
import { countingStore } from '../support/countingStore';
import { describeStoreContract } from './contract';
import { makeCafe, makeVote } from './fixtures';

// The decorator keeps every promise of the port it wraps.
describeStoreContract('KeptStore over MemoryStore', () => new KeptStore(new MemoryStore()));

describe('KeptStore: the cafés this process serves, kept between turns', () => {
  function kept() {
    const counter = countingStore(new MemoryStore());
    return { counter, store: new KeptStore(counter.store) };
  }

  it('reads a café once, then serves it from memory, kept up to date by its own saves', async () => {
    const { counter, store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    counter.reset();
    expect(await store.get(cafe.id)).toEqual(cafe);
    expect(await store.getActive(cafe.conversationId)).toEqual(cafe);
    const next = { ...structuredClone(cafe), status: 'running' as const, cursor: 0, version: 2 };
    expect(await store.save(next)).toBe(true);
    expect(await store.get(cafe.id)).toEqual(next);
    expect(counter.counts).toMatchObject({ cafeReads: 0, writes: 1 });
  });

  it("reads a step's contributions once; a vote and a changed vote keep the stored order", async () => {
    const { counter, store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    expect(await store.listContributions(cafe.id, 's1')).toHaveLength(1);
    counter.reset();
    await store.putContribution(makeVote(cafe.id, 's1', 'u2', 'B', 2));
    await store.putContribution(makeVote(cafe.id, 's1', 'u3', 'A', 3));
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'C', 4));
    const list = await store.listContributions(cafe.id, 's1');
    expect(counter.counts.stepReads).toBe(0);
    expect(list).toEqual(await counter.store.listContributions(cafe.id, 's1'));
    expect(list.map((c) => c.userId)).toEqual(['u2', 'u3', 'u1']);
  });

  it('moves neither the kept records nor the vote tally on a late re-delivery or a duplicate', async () => {
    const { store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    const a = { ...makeVote(cafe.id, 's1', 'u1', 'A', 100), activityId: 'act-a' };
    const b = { ...makeVote(cafe.id, 's1', 'u1', 'B', 200), activityId: 'act-b' };
    await store.putContribution(a);
    await store.listContributions(cafe.id, 's1');
    expect(store.voteTally(cafe.id, 's1')?.counts).toEqual({ A: 1 });
    expect(await store.putContribution(b)).toBe(true);
    expect(await store.putContribution(a)).toBe(false);
    expect(await store.putContribution(b)).toBe(false);
    const tally = store.voteTally(cafe.id, 's1')!;
    expect(tally.counts).toEqual({ B: 1 });
    expect(tally.choiceOf('u1')).toBe('B');
    expect(await store.listContributions(cafe.id, 's1')).toEqual([b]);
    expect(await store.inner.listContributions(cafe.id, 's1')).toEqual([b]);
  });

  it("counts a kept poll step's votes once, then keeps the counts as votes change", async () => {
    const { store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    expect(store.voteTally(cafe.id, 's1')).toBeUndefined();
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    await store.listContributions(cafe.id, 's1');
    await store.putContribution(makeVote(cafe.id, 's1', 'u2', 'A', 2));
    expect(store.voteTally(cafe.id, 's1')?.counts).toEqual({ A: 2 });
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'B', 3));
    await store.putContribution(makeVote(cafe.id, 's1', 'u3', 'B', 4));
    const tally = store.voteTally(cafe.id, 's1')!;
    expect(tally.counts).toEqual({ A: 1, B: 2 });
    expect([tally.choiceOf('u1'), tally.choiceOf('u2'), tally.choiceOf('nobody')]).toEqual(['B', 'A', undefined]);
    await store.putContribution(makeVote(cafe.id, 's1', 'u2', 'B', 5));
    expect(store.voteTally(cafe.id, 's1')?.counts).toEqual({ B: 3 });
    // A debate's arguments are kept beside the counts, in order; a retried one counts once and keeps its place.
    const argument = (key: string, text: string, at: number) =>
      ({ cafeId: cafe.id, stepId: 's1', kind: 'argument' as const, key, userId: 'u1', value: { kind: 'argument' as const, side: 'pour' as const, text }, at });
    await store.putContribution(argument('a1', 'Transparence', 6));
    await store.putContribution(argument('a2', 'Confiance', 7));
    expect(await store.putContribution(argument('a1', 'Transparence', 8))).toBe(false);
    expect(store.voteTally(cafe.id, 's1')?.others.map((c) => c.key)).toEqual(['a1', 'a2']);
    expect((await store.listContributions(cafe.id, 's1')).filter((c) => c.kind === 'argument')).toEqual(store.voteTally(cafe.id, 's1')?.others);
  });

  it('keeps message ids, and "none" too', async () => {
    const { counter, store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    expect(await store.getMessageId(cafe.id, 's1')).toBeUndefined();
    await store.setMessageId(cafe.id, 'menu', 'm-1');
    counter.reset();
    expect(await store.getMessageId(cafe.id, 'menu')).toBe('m-1');
    expect(await store.getMessageId(cafe.id, 's1')).toBeUndefined();
    expect(counter.counts.messageIdReads).toBe(0);
  });

  it('an erased café is not kept: nothing of it is served afterwards', async () => {
    const { store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    await store.listContributions(cafe.id, 's1');
    await store.setMessageId(cafe.id, 'menu', 'm-1');
    expect(await store.eraseConversation(cafe.conversationId)).toBe(1);
    expect(await store.get(cafe.id)).toBeUndefined();
    expect(await store.getActive(cafe.conversationId)).toBeUndefined();
    expect(await store.listContributions(cafe.id, 's1')).toEqual([]);
    expect(await store.getMessageId(cafe.id, 'menu')).toBeUndefined();
  });

  it('kept contributions cannot be changed by a caller', async () => {
    const { store } = kept();
    const cafe = makeCafe();
    await store.create(cafe);
    await store.listContributions(cafe.id, 's1');
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    const [vote] = await store.listContributions(cafe.id, 's1');
    expect(() => ((vote.value as { choice: string }).choice = 'mutated')).toThrow(TypeError);
  });

  it('keeps at most the cafés it was told to, the least recently used going first', async () => {
    const counter = countingStore(new MemoryStore());
    const store = new KeptStore(counter.store, 2);
    const [a, b, c] = [makeCafe(), makeCafe(), makeCafe()];
    for (const x of [a, b, c]) await store.create(x);
    counter.reset();
    await store.get(b.id);
    await store.get(c.id);
    expect(counter.counts.cafeReads).toBe(0);
    await store.get(a.id);
    expect(counter.counts.cafeReads).toBe(1);
  });
});
