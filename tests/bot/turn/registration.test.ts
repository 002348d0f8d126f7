import { registrationsOf, REGISTRATION_STEP_ID } from '../../../src/domain';
import { menuCard } from '../../../src/cards';
import { guideFr } from '../../../src/content';
import { t } from '../../../src/i18n';
import { camille, karim, lea, messageOf, PipelineHarness, sceneOf } from './harness';

/**
 * Registration and the advised formula through the turn pipeline: the card verbs `register` and
 * `reformulate`, as a Teams card or the web door sends them.
 */

async function menuCafe(h: PipelineHarness): Promise<string> {
  await h.say(camille, '/startcafe americano');
  await h.drain();
  return (await h.cafe()).id;
}

describe('Registering through the pipeline', () => {
  it('stores one registration per person (the newer replaces it) and answers with the menu', async () => {
    const h = new PipelineHarness();
    const cafe = await menuCafe(h);
    const reply = await h.press(lea, { verb: 'register', cafe, level: 'novice', place: 'online' });
    expect(sceneOf(reply)).toMatchObject({ kind: 'menu' });
    h.now += 1_000;
    await h.press(lea, { verb: 'register', cafe, level: 'averti', place: 'room' });
    await h.press(karim, { verb: 'register', cafe, level: 'averti', place: 'online' });
    const state = await h.cafe();
    const stored = await h.store.listContributions(cafe, REGISTRATION_STEP_ID);
    expect(registrationsOf(state, stored)).toEqual([
      { userId: lea.id, level: 'averti', place: 'room' },
      { userId: karim.id, level: 'averti', place: 'online' },
    ]);
    expect(stored).toHaveLength(2);
  });

  it('is refused politely once the café has begun, and stores nothing', async () => {
    const h = new PipelineHarness();
    const cafe = await menuCafe(h);
    await h.press(camille, { verb: 'begin', cafe });
    const reply = await h.press(lea, { verb: 'register', cafe, level: 'novice', place: 'room' });
    expect(messageOf(reply)).toBe(t('fr', 'refusal.registration-closed'));
    expect(await h.store.listContributions(cafe, REGISTRATION_STEP_ID)).toEqual([]);
  });
});

describe('Adopting the advised formula through the pipeline', () => {
  it("the facilitator's press switches the café's formula, and the chat's menu card shows it", async () => {
    const h = new PipelineHarness();
    const cafe = await menuCafe(h);
    const posted = h.channel.calls.find((c) => c.op === 'post' && c.scene.kind === 'menu');
    if (posted?.op !== 'post' || posted.scene.kind !== 'menu') throw new Error('expected the menu posted');
    const menuId = posted.id;
    expect(JSON.stringify(menuCard({ state: posted.scene.state, content: guideFr, viewer: posted.scene.viewer }))).not.toContain('Cappuccino');
    const reply = await h.press(camille, { verb: 'reformulate', cafe, formula: 'cappuccino', variant: 'avec-sucre' });
    expect(sceneOf(reply)).toMatchObject({ kind: 'menu', state: { formulaId: 'cappuccino' } });
    await h.drain();
    const update = h.channel.calls.filter((c) => c.op === 'update' && c.id === menuId).pop();
    expect(update).toBeDefined();
    const scene = update!.op === 'update' ? update!.scene : undefined;
    expect(scene).toMatchObject({ kind: 'menu', state: { formulaId: 'cappuccino', variant: 'avec-sucre', status: 'menu' } });
    if (scene?.kind !== 'menu') throw new Error('expected the menu');
    expect(JSON.stringify(menuCard({ state: scene.state, content: guideFr, viewer: scene.viewer }))).toContain('Cappuccino');
    // Then it begins as usual.
    await h.press(camille, { verb: 'begin', cafe });
    expect(await h.cafe()).toMatchObject({ formulaId: 'cappuccino', status: 'running' });
  });

  it('is refused to a participant, and after Commencer; an unknown formula is refused', async () => {
    const h = new PipelineHarness();
    const cafe = await menuCafe(h);
    expect(messageOf(await h.press(lea, { verb: 'reformulate', cafe, formula: 'ristretto', variant: 'avec-sucre' })))
      .toBe(t('fr', 'refusal.not-facilitator', { name: camille.name }));
    expect(messageOf(await h.press(camille, { verb: 'reformulate', cafe, formula: 'latte', variant: 'avec-sucre' })))
      .toBe(t('fr', 'refusal.unknown-formula'));
    await h.press(camille, { verb: 'begin', cafe });
    expect(messageOf(await h.press(camille, { verb: 'reformulate', cafe, formula: 'ristretto', variant: 'avec-sucre' })))
      .toBe(t('fr', 'refusal.formula-fixed'));
    expect((await h.cafe()).formulaId).toBe('americano');
  });
});
