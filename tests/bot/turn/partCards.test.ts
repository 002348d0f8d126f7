import { guideFr } from '../../../src/content';
import { partCardKey, type CafeState, type Step } from '../../../src/domain';
import { t } from '../../../src/i18n';
import { stepView } from '../../../src/views';
import { renderView } from '../../../src/cards/steps';
import type { Scene } from '../../../src/channel/port';
import { camille, karim, lea, messageOf, PipelineHarness, sceneOf } from './harness';

/**
 * A café that reads well in a busy chat: one card per part of the formula (la tasse, le café, le
 * carré de chocolat, le sucre) whose steps advance in place, then the recap. Participants react in
 * the chat; a new card per step would bury what they write.
 */

function shownOf(scene: Scene): string | undefined {
  return scene.kind === 'step' ? scene.step.id : undefined;
}

/** Drives a whole café the way a facilitator would: the default option, a vote, the reveal, next. */
async function wholeCafe(h: PipelineHarness, formula: string, variant: 'avec-sucre' | 'sans-sucre') {
  expect(messageOf(await h.press(camille, { verb: 'start', formula, variant }))).toBe(t('fr', 'started'));
  await h.drain();
  const cafe = await h.cafe();
  const advances: Array<{ from: Step; to?: Step; posts: number; updates: number; updatedIds: string[] }> = [];
  h.channel.clear();
  await h.press(camille, { verb: 'begin', cafe: cafe.id });
  await h.drain();
  for (let guard = 0; guard < 200; guard++) {
    const state = (await h.store.get(cafe.id))!;
    if (state.status === 'ended') break;
    const step = state.steps[state.cursor];
    // Something for the card to show: a vote, a pick, a post-it, a "J'ai fini".
    await contributeTo(h, state, step);
    if ((step.kind === 'poll' || step.kind === 'question') && !state.runtime[step.id]?.revealed) {
      await h.press(camille, { verb: 'reveal', cafe: cafe.id, step: step.id });
      await h.drain();
    }
    const before = h.channel.calls.length;
    const answer = await h.press(camille, { verb: 'next', cafe: cafe.id, step: step.id });
    // Suivant on the last step asks, like Fin: she confirms.
    if (answer && 'scene' in answer && answer.scene.kind === 'end-confirm') {
      await h.press(camille, { verb: 'end', cafe: cafe.id, step: step.id, confirm: 'end', at: h.now });
    }
    await h.drain();
    const calls = h.channel.calls.slice(before);
    const after = (await h.store.get(cafe.id))!;
    advances.push({
      from: step, to: after.status === 'ended' ? undefined : after.steps[after.cursor],
      posts: calls.filter((c) => c.op === 'post').length,
      updates: calls.filter((c) => c.op === 'update').length,
      updatedIds: calls.flatMap((c) => (c.op === 'update' ? [c.id] : [])),
    });
  }
  return { cafe: (await h.store.get(cafe.id))!, advances };
}

async function contributeTo(h: PipelineHarness, state: CafeState, step: Step): Promise<void> {
  const cafe = state.id;
  const scene = sceneOf(await h.press(lea, { verb: 'refresh', cafe, step: step.id }));
  if (scene.kind !== 'step') return;
  switch (step.kind) {
    case 'poll': {
      const choice = firstChoice(scene);
      if (choice) await h.press(lea, { verb: 'vote', cafe, step: step.id, choice });
      break;
    }
    case 'video':
      await h.press(lea, { verb: 'done', cafe, step: step.id });
      break;
    case 'question':
      await h.press(lea, { verb: 'answer', cafe, step: step.id, answerText: 'Une réponse' });
      break;
    default:
      break;
  }
  await h.drain();
}

/** The first choice of a poll's step scene, from the content. */
function firstChoice(scene: Extract<Scene, { kind: 'step' }>): string | undefined {
  const activity = guideFr.activities.find((a) => a.id === scene.step.activityId);
  if (activity?.kind !== 'polls') return undefined;
  return activity.questions.find((q) => q.id === scene.step.ref)?.choices[0]?.id;
}

const cafes = guideFr.formulas.map((f) => [`${f.name} ${f.variant}`, f.id, f.variant] as const);

describe('A café in the chat: one card per part, then the recap', () => {
  it.each(cafes)('%s: the menu, one card per part, the recap and the network\'s questions; the facilitator\'s notices privately', async (_name, formula, variant) => {
    const h = new PipelineHarness();
    const { cafe, advances } = await wholeCafe(h, formula, variant);
    expect(cafe.status).toBe('ended');
    const posts = h.channel.of('post');
    const parts = [...new Set(cafe.steps.map((s) => s.part))];
    // The menu was posted before `clear()`: what the café posts from its start on.
    expect(posts.map((p) => p.scene.kind)).toEqual([...parts.map(() => 'step'), 'recap', 'network']);
    // Each part's card is the first step of that part, posted once, remembered under the part's key.
    const stepPosts = posts.filter((p) => p.scene.kind === 'step').map((p) => (p.scene as Extract<Scene, { kind: 'step' }>).step.part);
    expect(stepPosts).toEqual(parts);
    for (const part of parts) {
      expect(await h.store.getMessageId(cafe.id, partCardKey(part))).toBe(posts[parts.indexOf(part)].id);
    }
    // No step has a message of its own any more.
    for (const step of cafe.steps) expect(await h.store.getMessageId(cafe.id, step.id)).toBeUndefined();
    // The facilitator's notices are never said to everyone.
    const said = h.channel.of('say').map((s) => s.text);
    for (const key of ['overtime', 'overtime.card'] as const) expect(said).not.toContain(t('fr', key));
    // Every advance: within a part, one update of the part's card and no post; into a new part,
    // one post and at most one update (the previous part's card, closed).
    for (const a of advances) {
      if (!a.to) continue;
      if (a.to.part === a.from.part) {
        expect({ step: a.to.id, posts: a.posts, updates: a.updates }).toEqual({ step: a.to.id, posts: 0, updates: 1 });
        expect(a.updatedIds).toEqual([await h.store.getMessageId(cafe.id, partCardKey(a.to.part))]);
      } else {
        expect({ step: a.to.id, posts: a.posts }).toEqual({ step: a.to.id, posts: 1 });
        // The fake channel does not skip a render equal to what is shown (the Teams channel does:
        // tests/integration/costs.http.test.ts): the new card's own check after its post is counted here.
        const left = await h.store.getMessageId(cafe.id, partCardKey(a.from.part));
        const entered = await h.store.getMessageId(cafe.id, partCardKey(a.to.part));
        expect(a.updatedIds.filter((id) => id === left).length).toBeLessThanOrEqual(1);
        for (const id of a.updatedIds) expect([left, entered]).toContain(id);
      }
    }
    expect(h.errors).toEqual([]);
  });
});

describe('A part\'s card advances in place', () => {
  async function atSecondStatement(h: PipelineHarness): Promise<string> {
    const id = await h.atMadonnaPoll();
    await h.press(lea, { verb: 'vote', cafe: id, step: 'tasse.madonna.annees-80', choice: 'donnee' });
    await h.press(camille, { verb: 'reveal', cafe: id, step: 'tasse.madonna.annees-80' });
    await h.press(camille, { verb: 'next', cafe: id, step: 'tasse.madonna.annees-80' });
    await h.drain();
    return id;
  }

  it('the ice breaker\'s choice, then each Madonna statement, show on la tasse\'s one card', async () => {
    const h = new PipelineHarness();
    const id = await atSecondStatement(h);
    const posts = h.channel.of('post').filter((p) => p.scene.kind === 'step');
    expect(posts).toHaveLength(1);
    expect(shownOf(posts[0].scene)).toBe('tasse.choix');
    const cardId = await h.store.getMessageId(id, partCardKey('tasse'));
    const latest = h.channel.of('update').filter((u) => u.id === cardId).at(-1)!;
    const cafe = await h.cafe();
    expect(shownOf(latest.scene)).toBe(cafe.steps[cafe.cursor].id);
  });

  it('the next statement keeps the previous one\'s answer in one compact line until it is revealed itself', async () => {
    const h = new PipelineHarness();
    const id = await atSecondStatement(h);
    const cafe = await h.cafe();
    const second = cafe.steps[cafe.cursor];
    const viewOf = async () => {
      const scene = sceneOf(await h.press(karim, { verb: 'refresh', cafe: id, step: second.id }));
      if (scene.kind !== 'step') throw new Error(scene.kind);
      const view = stepView({ ...scene, content: guideFr });
      return view.kind === 'poll' ? view : undefined;
    };
    const before = await viewOf();
    expect(before?.previous).toEqual({ statement: 'On en parlait moins dans les années 80', answer: expect.any(String) });
    const card = JSON.stringify(renderView(before!, 'fr'));
    expect(card).toContain('↩ Précédente : « On en parlait moins dans les années 80 » — Réponse :');
    await h.press(camille, { verb: 'reveal', cafe: id, step: second.id });
    expect((await viewOf())?.previous).toBeUndefined();
  });

  it('a refresh carrying a step the card has left shows that part\'s current step; a late vote there is answered and changes nothing', async () => {
    const h = new PipelineHarness();
    const id = await atSecondStatement(h);
    const cafe = await h.cafe();
    const refreshed = sceneOf(await h.press(karim, { verb: 'refresh', cafe: id, step: 'tasse.madonna.annees-80' }));
    expect(shownOf(refreshed)).toBe(cafe.steps[cafe.cursor].id);
    const before = await h.store.listContributions(id);
    const late = await h.press(karim, { verb: 'vote', cafe: id, step: 'tasse.madonna.annees-80', choice: 'madonna' });
    expect(messageOf(late)).toBe(t('fr', 'refusal.moved-on'));
    expect(await h.store.listContributions(id)).toEqual(before);
  });

  it('/precedent within a part updates the part\'s card to the reopened step, never a second post', async () => {
    const h = new PipelineHarness();
    const id = await atSecondStatement(h);
    const cafe = await h.cafe();
    h.channel.clear();
    await h.press(camille, { verb: 'back', cafe: id, step: cafe.steps[cafe.cursor].id });
    await h.drain();
    expect(h.channel.of('post')).toEqual([]);
    const updates = h.channel.of('update');
    expect(updates.map((u) => u.id)).toEqual([await h.store.getMessageId(id, partCardKey('tasse'))]);
    expect(shownOf(updates[0].scene)).toBe('tasse.madonna.annees-80');
  });

  it('/precedent across a part\'s boundary updates the earlier part\'s card; forward again updates the later one', async () => {
    const h = new PipelineHarness();
    const id = await h.atMadonnaPoll();
    let cafe = await h.cafe();
    const firstOfCafe = cafe.steps.findIndex((s) => s.part === 'cafe');
    while ((await h.cafe()).cursor < firstOfCafe) {
      cafe = await h.cafe();
      const step = cafe.steps[cafe.cursor];
      if (step.kind === 'poll' && !cafe.runtime[step.id]?.revealed) await h.press(camille, { verb: 'reveal', cafe: id, step: step.id });
      await h.press(camille, { verb: 'next', cafe: id, step: step.id });
    }
    await h.drain();
    cafe = await h.cafe();
    const lastOfTasse = cafe.steps[firstOfCafe - 1];
    h.channel.clear();
    await h.press(camille, { verb: 'back', cafe: id, step: cafe.steps[cafe.cursor].id });
    await h.drain();
    expect(h.channel.of('post')).toEqual([]);
    const tasseCard = await h.store.getMessageId(id, partCardKey('tasse'));
    const cafeCard = await h.store.getMessageId(id, partCardKey('cafe'));
    const back = h.channel.of('update');
    expect(back.find((u) => u.id === tasseCard) && shownOf(back.find((u) => u.id === tasseCard)!.scene)).toBe(lastOfTasse.id);
    h.channel.clear();
    await h.press(camille, { verb: 'reveal', cafe: id, step: lastOfTasse.id });
    await h.press(camille, { verb: 'next', cafe: id, step: lastOfTasse.id });
    await h.drain();
    expect(h.channel.of('post')).toEqual([]);
    expect(h.channel.of('update').map((u) => u.id)).toContain(cafeCard);
  });
});
