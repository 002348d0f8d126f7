import { renderScene } from '../../../src/channel/teams/render';
import { guideFr } from '../../../src/content';
import { BaristaError } from '../../../src/errors';
import { KeptStore, MemoryStore } from '../../../src/store';
import { camille, karim, lea, messageOf, PipelineHarness, sceneOf } from './harness';

const POLL = 'tasse.madonna.annees-80';

describe('The turn pipeline', () => {
  it('/startcafe americano posts the menu card; Commencer updates it and posts the first step', async () => {
    const h = new PipelineHarness();
    expect(await h.say(camille, '/startcafe americano')).toBeUndefined();
    await h.drain();
    expect(h.channel.of('post').map((c) => c.scene.kind)).toEqual(['menu']);
    const cafe = await h.cafe();
    h.channel.clear();
    const begun = sceneOf(await h.press(camille, { verb: 'begin', cafe: cafe.id }));
    expect(begun.kind).toBe('menu');
    await h.drain();
    expect(h.channel.of('post').map((c) => c.scene.kind === 'step' && c.scene.step.id)).toEqual(['tasse.choix']);
    expect(h.channel.of('update').map((c) => c.scene.kind)).toContain('menu');
  });

  it('a vote: one café read, one write, one read of the step (the whole café is not listed)', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    h.counter.reset();
    const view = sceneOf(await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }));
    expect(h.counter.counts).toMatchObject({ cafeReads: 1, stepReads: 1, writes: 1, cafeListings: 0 });
    expect(view.kind === 'step' && view.viewer.userId).toBe('u-lea');
    expect(view.kind === 'step' && view.contributions.map((c) => c.userId)).toEqual(['u-lea']);
  });

  it('20 votes, then the shared card: it is asked for once and shows the 20 votes', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    h.channel.clear();
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.press({ id: `u-${i}`, name: `P${i}`, locale: 'fr' }, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' })));
    await h.drain();
    const updates = h.channel.of('update');
    expect(updates).toHaveLength(1);
    const scene = updates[0].scene;
    expect(scene.kind === 'step' && scene.contributions).toHaveLength(20);
    expect(scene.kind === 'step' && scene.participants).toHaveLength(20);
  });

  it("the shared card's per-user refresh: the facilitator, this step's voters, then the café's other participants, 60 at most", async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    const people = Array.from({ length: 70 }, (_, i) => ({ id: `u-${String(i).padStart(2, '0')}`, name: `P${i}`, locale: 'fr' as const }));
    for (const p of people.slice(0, 40)) await h.press(p, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' });
    await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL }); // reveals
    await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL }); // moves on
    const next = 'tasse.madonna.michigan';
    const michigan = people.slice(40).reverse();
    for (const p of michigan) await h.press(p, { verb: 'vote', cafe: cafeId, step: next, choice: 'madonna' });
    h.channel.clear();
    await h.drain();
    await h.press(michigan[0], { verb: 'vote', cafe: cafeId, step: next, choice: 'donnee' });
    await h.drain();
    const update = h.channel.of('update').find((u) => u.scene.kind === 'step' && u.scene.step.id === next)!;
    const card = renderScene(update.scene, guideFr) as { refresh?: { userIds: string[] } };
    // 1 + 30 who voted here + the first 29 of those who took part before: Teams' 60.
    const expected = ['u-camille', ...michigan.map((p) => p.id), ...people.slice(0, 29).map((p) => p.id)];
    expect(card.refresh?.userIds).toEqual(expected);
  });

  it('with the votes counted by the store (SQLite mode), every card is the same as when counted from the votes', async () => {
    const plain = new PipelineHarness();
    const kept = new PipelineHarness({ store: new KeptStore(new MemoryStore()), deps: { singleWriter: true } });
    const cards: string[][] = [[], []];
    for (const [i, h] of [plain, kept].entries()) {
      const cafeId = await h.atMadonnaPoll();
      const said = async (reply: Awaited<ReturnType<typeof h.press>>) => cards[i].push(JSON.stringify(renderScene(sceneOf(reply), guideFr)));
      await said(await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }));
      await said(await h.press(karim, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' }));
      await said(await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' }));
      await said(await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'les-deux' }));
      await said(await h.press(camille, { verb: 'refresh', cafe: cafeId, step: POLL }));
      await said(await h.press(camille, { verb: 'reveal', cafe: cafeId, step: POLL }));
      await h.drain();
      for (const u of h.channel.of('update')) cards[i].push(JSON.stringify(renderScene(u.scene, guideFr)));
    }
    expect(cards[1]).toEqual(cards[0]);
    expect(cards[0].join('')).toContain('Votre choix : Les deux');
  });

  it('a re-delivered button gets the same view again and acts once; a re-delivered text command says nothing', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    await h.press(camille, { verb: 'reveal', cafe: cafeId, step: POLL });
    const first = sceneOf(await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL }, 'retried-1'));
    const again = sceneOf(await h.press(camille, { verb: 'next', cafe: cafeId, step: POLL }, 'retried-1'));
    expect(again.kind).toBe(first.kind);
    expect((await h.cafe()).steps[(await h.cafe()).cursor].id).toBe('tasse.madonna.michigan');
    expect(await h.say(camille, '/suivant', 'retried-2')).toBeUndefined();
    expect(await h.say(camille, '/suivant', 'retried-2')).toBeUndefined();
    // Acted once: the first /suivant reveals Michigan's answer, the re-delivered one does not move on.
    expect((await h.cafe()).steps[(await h.cafe()).cursor].id).toBe('tasse.madonna.michigan');
    expect((await h.cafe()).runtime['tasse.madonna.michigan'].revealed).toBe(true);
  });

  it('a refused command is explained to the person, in their language', async () => {
    const h = new PipelineHarness();
    const cafeId = await h.atMadonnaPoll();
    expect(messageOf(await h.press(lea, { verb: 'next', cafe: cafeId, step: POLL }))).toContain('Camille Martin');
    expect(messageOf(await h.say({ ...karim, locale: 'en' }, '/next'))).toMatch(/Camille Martin/);
  });

  it('an unexpected error answers with a short coded apology and ends in the sink', async () => {
    const store = new MemoryStore();
    const h = new PipelineHarness({ store });
    const cafeId = await h.atMadonnaPoll();
    jest.spyOn(store, 'putContribution').mockRejectedValueOnce(new Error('disk full'));
    const answer = messageOf(await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }));
    expect(answer).toContain('BAR-500');
    expect(answer).toMatch(/^Désolé/);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0].context).toMatchObject({ where: 'turn', code: 'unexpected', verb: 'vote' });
    jest.spyOn(store, 'putContribution').mockRejectedValueOnce(new BaristaError('store-failed', 'SQLITE_BUSY'));
    const en = messageOf(await h.press({ ...lea, locale: 'en' }, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }));
    expect(en).toMatch(/^Sorry.*BAR-STORE/);
  });

  it('in a meeting, the role is read from Teams only for what drives the café, never for a vote', async () => {
    const h = new PipelineHarness({ meetingId: 'meeting-1' });
    const cafeId = await h.atMadonnaPoll();
    h.roleReads.length = 0;
    await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' });
    await h.say(lea, '/aide');
    expect(h.roleReads).toEqual([]);
    await h.press(lea, { verb: 'reveal', cafe: cafeId, step: POLL });
    await h.press(lea, { verb: 'refresh', cafe: cafeId, step: POLL });
    expect(h.roleReads).toEqual(['u-lea', 'u-lea']);
  });

  it('time is up: everyone is told in the chat, and the facilitators privately in the meeting', async () => {
    const h = new PipelineHarness({ meetingId: 'meeting-1' });
    const cafeId = await toVideo(h);
    const timer = h.timers.armed.get(cafeId)!;
    h.now = timer.dueAt;
    h.channel.clear();
    await h.pipeline.onTimer(cafeId, timer.stepId);
    await h.drain();
    expect(h.channel.of('say').map((c) => c.text)).toHaveLength(1);
    expect(h.channel.of('notify')).toEqual([expect.objectContaining({ key: 'timeUp', meetingId: 'meeting-1', recipients: ['u-camille'] })]);
  });

  it('the last "J\'ai fini" announces that everyone has finished, once', async () => {
    const h = new PipelineHarness({ meetingId: 'meeting-1' });
    // The meeting chat: Camille (who facilitates), Léa, Karim and Barista.
    h.channel.setMembers(h.conversationId, [camille.id, lea.id, karim.id, 'bot']);
    const cafeId = await toVideo(h);
    const video = (await h.cafe()).steps[(await h.cafe()).cursor].id;
    h.channel.clear();
    await h.press(lea, { verb: 'done', cafe: cafeId, step: video });
    await h.drain();
    expect(h.channel.of('notify')).toEqual([]);
    await h.press(karim, { verb: 'done', cafe: cafeId, step: video });
    await h.drain();
    expect(h.channel.of('notify').map((c) => c.key)).toEqual(['allDone']);
    await h.press(karim, { verb: 'done', cafe: cafeId, step: video });
    await h.drain();
    expect(h.channel.of('notify').map((c) => c.key)).toEqual(['allDone']);
    expect((await h.cafe()).runtime[video].allDoneAnnounced).toBe(true);
  });

  it('one "J\'ai fini" is not everyone while other members of the chat are still watching', async () => {
    const h = new PipelineHarness({ meetingId: 'meeting-1' });
    h.channel.setMembers(h.conversationId, [camille.id, lea.id, karim.id, 'u-sophie', 'bot']);
    const cafeId = await toVideo(h);
    const video = (await h.cafe()).steps[(await h.cafe()).cursor].id;
    h.channel.clear();
    await h.press(lea, { verb: 'done', cafe: cafeId, step: video });
    await h.press(karim, { verb: 'done', cafe: cafeId, step: video });
    await h.drain();
    // Sophie did nothing in the café yet, but she is in the chat: not everyone has finished.
    expect(h.channel.of('say').map((c) => c.text)).not.toContain('✅ Tout le monde a fini de regarder la vidéo.');
    const shown = h.channel.of('update').map((u) => u.scene).filter((sc) => sc.kind === 'step').pop();
    expect(shown && shown.kind === 'step' ? shown.members : undefined).toEqual([camille.id, lea.id, karim.id, 'u-sophie']);
  });

  it('without the roster, Barista never says everyone finished', async () => {
    const h = new PipelineHarness({ meetingId: 'meeting-1' });
    const cafeId = await toVideo(h);
    const video = (await h.cafe()).steps[(await h.cafe()).cursor].id;
    h.channel.clear();
    await h.press(lea, { verb: 'done', cafe: cafeId, step: video });
    await h.press(karim, { verb: 'done', cafe: cafeId, step: video });
    await h.drain();
    expect(h.channel.of('notify')).toEqual([]);
    expect((await h.cafe()).runtime[video].allDoneAnnounced).toBeFalsy();
  });
});

/** Lea and Karim vote on the first statement, then Camille goes on to the first video. */
async function toVideo(h: PipelineHarness): Promise<string> {
  const cafeId = await h.atMadonnaPoll();
  await h.press(lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' });
  await h.press(karim, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' });
  for (let i = 0; i < 30; i++) {
    const cafe = await h.cafe();
    const step = cafe.steps[cafe.cursor];
    if (step.kind === 'video') return cafeId;
    if (step.id === 'cafe.choix') await h.press(camille, { verb: 'choose', cafe: cafeId, step: step.id, option: 'les-deux' });
    else await h.press(camille, { verb: 'next', cafe: cafeId, step: step.id });
  }
  throw new Error('no video step');
}
