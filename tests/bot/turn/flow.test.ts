import { renderScene } from '../../../src/channel/teams/render';
import { guideFr } from '../../../src/content';
import { CONFIRM_MS } from '../../../src/domain';
import { t } from '../../../src/i18n';
import { camille, lea, messageOf, PipelineHarness, sceneOf } from './harness';

/**
 * The café's flow as the chat drives it: reveal, then next; back without giving the answer away;
 * nothing ends by accident (/fin asks, and offers the feedback poll when it has not been asked).
 */

const POLL = 'tasse.madonna.annees-80';
const MICHIGAN = 'tasse.madonna.michigan';

async function cursorOf(h: PipelineHarness, cafeId: string): Promise<string | undefined> {
  const s = await h.store.get(cafeId);
  return s && s.cursor >= 0 ? s.steps[s.cursor].id : undefined;
}

describe('Reveal, then next', () => {
  it('the first /suivant on a poll reveals its answer on its card, the next one moves on', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    h.channel.clear();
    expect(await h.say(camille, '/suivant')).toBeUndefined();
    await h.drain();
    expect(await cursorOf(h, cafeId)).toBe(POLL);
    expect((await h.store.get(cafeId))!.runtime[POLL].revealed).toBe(true);
    expect(h.channel.of('post')).toHaveLength(0);
    expect(h.channel.of('update').some((u) => u.scene.kind === 'step' && u.scene.step.id === POLL)).toBe(true);
    await h.say(camille, '/suivant');
    await h.drain();
    expect(await cursorOf(h, cafeId)).toBe(MICHIGAN);
    // The next statement shows on the same part card (la tasse's): nothing new in the chat.
    expect(h.channel.of('post')).toHaveLength(0);
    expect(h.channel.of('update').at(-1)?.scene).toMatchObject({ kind: 'step', step: { id: MICHIGAN } });
  });

  it('Suivant pressed twice on the card still showing the question reveals once and does not skip the answer', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL, revealed: false });
    const again = sceneOf(await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL, revealed: false }));
    expect(again).toMatchObject({ kind: 'step', step: { id: POLL } });
    expect(await cursorOf(h, cafeId)).toBe(POLL);
    await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL, revealed: true });
    expect(await cursorOf(h, cafeId)).toBe(MICHIGAN);
  });

  it('/reveler and /reveal show the current answer; a step with nothing to reveal is told so; a participant is refused', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    expect(messageOf(await h.say(lea, '/reveler'))).toBe(t('fr', 'refusal.not-facilitator', { name: 'Camille Martin' }));
    expect((await h.store.get(cafeId))!.runtime[POLL].revealed).toBeFalsy();
    expect(await h.say(camille, '/reveler')).toBeUndefined();
    expect((await h.store.get(cafeId))!.runtime[POLL].revealed).toBe(true);
    expect(messageOf(await h.say(camille, '/reveal'))).toBe(t('fr', 'refusal.closed'));
    await h.say(camille, '/suivant');
    expect(await h.say(camille, '/reveal')).toBeUndefined();
    expect((await h.store.get(cafeId))!.runtime[MICHIGAN].revealed).toBe(true);
    // The menu's choose step has nothing to reveal.
    const h2 = new PipelineHarness();
    await h2.say(camille, '/startcafe americano');
    await h2.say(camille, '/suivant');
    expect(messageOf(await h2.say(camille, '/reveler'))).toBe(t('fr', 'reveal.nothing'));
  });

  it('the help lists /reveler (and /reveal)', async () => {
    const h = new PipelineHarness();
    const card = JSON.stringify(renderScene(sceneOf(await h.say(lea, '/aide')), guideFr));
    expect(card).toContain('/reveler');
    expect(card).toContain(t('fr', 'help.reveler'));
    expect(card).toContain('/reveal');
  });
});

describe('Back', () => {
  it('/precedent from a statement nobody voted on reopens the previous one on its part card: no answer given, no new post', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    await h.say(camille, '/suivant');
    await h.say(camille, '/suivant');
    await h.drain();
    h.channel.clear();
    expect(await h.say(camille, '/precedent')).toBeUndefined();
    await h.drain();
    const state = (await h.store.get(cafeId))!;
    expect(await cursorOf(h, cafeId)).toBe(POLL);
    expect(state.runtime[MICHIGAN]).toBeUndefined();
    expect(h.channel.of('post')).toHaveLength(0);
    // La tasse's card now shows the reopened statement, and nowhere the answer of the one left.
    const shown = h.channel.of('update').at(-1);
    expect(shown?.scene).toMatchObject({ kind: 'step', step: { id: POLL } });
    for (const u of h.channel.of('update')) {
      expect(JSON.stringify(renderScene(u.scene, guideFr))).not.toContain(t('fr', 'poll.answer', { answer: 'Madonna' }));
    }
  });
});

describe('Nothing irreversible by accident: /fin', () => {
  it('asks first, and offers the feedback poll when it has not been asked; "feedback" runs it, then ending asks once more', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    const confirm = sceneOf(await h.say(camille, '/fin'));
    expect(confirm).toMatchObject({ kind: 'end-confirm', cafeId, at: h.now, feedbackAsked: false });
    const card = JSON.stringify(renderScene(confirm, guideFr));
    expect(card).toContain(t('fr', 'end.withFeedback'));
    expect(card).toContain(t('fr', 'end.withoutFeedback'));
    expect((await h.store.get(cafeId))!.status).toBe('running');
    h.channel.clear();
    expect(sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'feedback', at: h.now }))).toMatchObject({ kind: 'end-confirm', outcome: 'feedback' });
    await h.drain();
    expect(await cursorOf(h, cafeId)).toBe('feedback');
    expect(h.channel.of('post').map((p) => p.scene.kind === 'step' && p.scene.step.id)).toEqual(['feedback']);
    // Now the feedback was asked: /fin asks only whether to end.
    expect(sceneOf(await h.say(camille, '/fin'))).toMatchObject({ kind: 'end-confirm', feedbackAsked: true });
    // Suivant on the last step asks the same: ending is never a side effect of going on.
    expect(sceneOf(await h.say(camille, '/suivant'))).toMatchObject({ kind: 'end-confirm', feedbackAsked: true });
    expect(sceneOf(await h.press(camille, { verb: 'next', cafe: cafeId, step: 'feedback' }))).toMatchObject({ kind: 'end-confirm', step: 'feedback' });
    expect(messageOf(await h.say(lea, '/suivant'))).toBe(t('fr', 'refusal.not-facilitator', { name: 'Camille Martin' }));
    expect((await h.store.get(cafeId))!.status).toBe('running');
    await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'end', at: h.now });
    expect((await h.store.get(cafeId))!.status).toBe('ended');
  });

  it('"end without" ends at once and posts the recap; "keep going" changes nothing', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    const at = h.now;
    expect(sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'cancel', at }))).toMatchObject({ outcome: 'kept' });
    expect((await h.store.get(cafeId))!.status).toBe('running');
    h.channel.clear();
    expect(sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'end', at }))).toMatchObject({ outcome: 'ended' });
    await h.drain();
    expect((await h.store.get(cafeId))!.status).toBe('ended');
    expect(h.channel.of('post').map((p) => p.scene.kind)).toContain('recap');
  });

  it('a participant pressing the confirmation is refused politely and nothing changes', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    expect(messageOf(await h.say(lea, '/fin'))).toBe(t('fr', 'refusal.not-facilitator', { name: 'Camille Martin' }));
    for (const confirm of ['end', 'feedback', 'cancel'] as const) {
      expect(messageOf(await h.press(lea, { verb: 'end', cafe: cafeId, confirm, at: h.now }))).toBe(t('fr', 'refusal.not-facilitator', { name: 'Camille Martin' }));
    }
    const state = (await h.store.get(cafeId))!;
    expect(state.status).toBe('running');
    expect(state.steps[state.cursor].id).toBe(POLL);
  });

  it('a stale or forged confirmation changes nothing', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    const at = h.now;
    h.now += CONFIRM_MS + 1;
    expect(messageOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'end', at }))).toBe(t('fr', 'refusal.expired'));
    expect(messageOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'end', at: h.now + 3_600_000 }))).toBe(t('fr', 'refusal.expired'));
    expect(messageOf(await h.press(camille, { verb: 'end', cafe: cafeId, confirm: 'end' }))).toBe(t('fr', 'refusal.expired'));
    expect((await h.store.get(cafeId))!.status).toBe('running');
  });

  it('Fin pressed on a step card: the confirmation stands in for it, and answering gives the card back', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    const confirm = sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, step: POLL }));
    expect(confirm).toMatchObject({ kind: 'end-confirm', step: POLL, feedbackAsked: false });
    expect(sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, step: POLL, confirm: 'cancel', at: h.now }))).toMatchObject({ kind: 'step', step: { id: POLL } });
    expect(sceneOf(await h.press(camille, { verb: 'end', cafe: cafeId, step: POLL, confirm: 'end', at: h.now }))).toMatchObject({ kind: 'step', step: { id: POLL } });
    expect((await h.store.get(cafeId))!.status).toBe('ended');
  });

  it('/fin on a café that never began cancels it and says so, without an empty recap', async () => {
    const h = new PipelineHarness();
    await h.say(camille, '/startcafe americano');
    await h.drain();
    const cafe = await h.cafe();
    h.channel.clear();
    expect(await h.say(camille, '/end')).toBeUndefined();
    await h.drain();
    expect((await h.store.get(cafe.id))!.status).toBe('ended');
    expect(h.channel.of('post')).toHaveLength(0);
    expect(h.channel.of('say').map((s) => s.text)).toEqual([t('fr', 'cancelled')]);
    expect(h.channel.of('update').map((u) => u.scene.kind)).toEqual(['menu']);
  });
});
