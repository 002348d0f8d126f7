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
