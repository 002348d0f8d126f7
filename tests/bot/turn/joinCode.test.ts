import { BaristaError } from '../../../src/errors';
import { t } from '../../../src/i18n';
import { MemoryStore, SqliteStore } from '../../../src/store';
import { isCafeCode, newCafeCode } from '../../../src/web/code';
import { makeCafe } from '../../store/fixtures';
import { camille, messageOf, PipelineHarness } from './harness';

/** Web participants join a café by its code: every café the chat starts gets one the store finds it by. */
describe("A started café's join code", () => {
  it.each([
    ['MemoryStore', () => new MemoryStore()],
    ['SqliteStore', () => new SqliteStore(':memory:')],
  ])('is a café code the store finds the café by (%s)', async (_name, makeStore) => {
    const h = new PipelineHarness({ store: makeStore() });
    expect(await h.say(camille, '/startcafe americano')).toBeUndefined();
    const cafe = await h.cafe();
    expect(isCafeCode(cafe.joinCode)).toBe(true);
    expect(await h.store.cafeByCode(cafe.joinCode!)).toEqual(cafe);
  });

  it('comes from the pipeline’s newCode, drawn again when another café holds it', async () => {
    const store = new MemoryStore();
    const taken = newCafeCode();
    const holder = makeCafe({ id: 'holder', conversationId: 'conv-holder', joinCode: taken });
    await store.create(holder);
    const fresh = newCafeCode();
    const draws = [taken, taken, fresh];
    const h = new PipelineHarness({ store, deps: { newCode: () => draws.shift()! } });

    expect(await h.say(camille, '/startcafe americano')).toBeUndefined();
    const cafe = await h.cafe();
    expect(draws).toEqual([]);
    expect(cafe.joinCode).toBe(fresh);
    expect(await store.cafeByCode(fresh)).toEqual(cafe);
    expect(await store.cafeByCode(taken)).toEqual(holder);
    expect(h.errors).toEqual([]);
  });

  it('gives up after three taken codes: a coded apology, the error reported, no café', async () => {
    const store = new MemoryStore();
    const taken = newCafeCode();
    await store.create(makeCafe({ id: 'holder', conversationId: 'conv-holder', joinCode: taken }));
    let draws = 0;
    const h = new PipelineHarness({ store, deps: { newCode: () => (draws++, taken) } });

    const reply = await h.say(camille, '/startcafe americano');
    expect(messageOf(reply)).toBe(t('fr', 'error.apology', { code: 'BAR-CODE' }));
    expect(draws).toBe(3);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]!.err).toBeInstanceOf(BaristaError);
    expect(h.errors[0]!.err).toMatchObject({ code: 'code-taken' });
    expect(await store.getActive(h.conversationId)).toBeUndefined();
  });
});
