import { matrixText } from '../../../src/channel/tchap/html';
import { FakeChannel } from '../../support/fakeChannel';
import { camille, PipelineHarness } from './harness';

/**
 * A facilitator's mistake gets an answer that names it and the way out, in their language, and
 * changes nothing: never « je n'ai pas compris » for everything.
 */
describe("The facilitator's mistakes, named with the way out", () => {
  const message = (r: unknown) => (r as { message?: string } | undefined)?.message;
  const en = { ...camille, locale: 'en' as const };

  async function started(h: PipelineHarness): Promise<string> {
    await h.say(camille, '/startcafe americano');
    await h.drain();
    const cafe = await h.cafe();
    await h.press(camille, { verb: 'begin', cafe: cafe.id });
    await h.drain();
    return cafe.id;
  }

  it('/precedent on the first step', async () => {
    const h = new PipelineHarness();
    await started(h);
    const version = (await h.cafe()).version;
    expect(message(await h.say(camille, '/precedent'))).toBe('Vous êtes à la première étape : il n’y en a pas avant. Tapez /suivant pour avancer.');
    expect(message(await h.say(en, '/back'))).toBe('This is the first step: there is none before it. Type /next to go on.');
    expect((await h.cafe()).version).toBe(version);
  });

  it('/prolonger outside a countdown, and with something that is not a number of minutes', async () => {
    const h = new PipelineHarness();
    await started(h);
    expect(message(await h.say(camille, '/prolonger 2'))).toBe('Aucun minuteur ne tourne à cette étape : /prolonger N ajoute N minutes au visionnage d’une vidéo.');
    expect(message(await h.say(en, '/extend 2'))).toBe('No countdown runs at this step: /extend N adds N minutes to a video’s viewing.');
    expect(message(await h.say(camille, '/prolonger beaucoup'))).toBe('/prolonger attend un nombre de minutes entre 1 et 30, par exemple /prolonger 2.');
    expect(message(await h.say(en, '/extend 90'))).toBe('/extend takes a number of minutes from 1 to 30, for example /extend 2.');
  });

  it('a command while paused: « tapez /reprendre »; /reprendre when not paused', async () => {
    const h = new PipelineHarness();
    await started(h);
    expect(message(await h.say(camille, '/reprendre'))).toBe('Le café n’est pas en pause : il n’y a rien à reprendre.');
    expect(message(await h.say(en, '/resume'))).toBe('The café is not paused: there is nothing to resume.');
    await h.say(camille, '/pause');
    for (const command of ['/suivant', '/precedent', '/pause']) expect(message(await h.say(camille, command))).toBe('Le café est en pause : tapez /reprendre pour continuer.');
    expect(message(await h.say(en, '/next'))).toBe('The café is paused: type /resume to go on.');
  });

  it('before the café began: Commencer or /suivant', async () => {
    const h = new PipelineHarness();
    await h.say(camille, '/startcafe americano');
    expect(message(await h.say(camille, '/pause'))).toBe('Le café n’a pas encore commencé : cliquez sur « Commencer » ou tapez /suivant.');
    expect(message(await h.say(en, '/pause'))).toBe('The café has not started yet: press “Start” or type /next.');
  });

  it('a known command with what it cannot use, or where it applies to nothing (Tchap)', async () => {
    const h = new PipelineHarness();
    await started(h);
    const version = (await h.cafe()).version;
    // As a Tchap room shows it (the person's words escaped, then read back as text)
    const seen = (r: unknown) => matrixText(message(r) ?? '').body;
    const vote9 = await h.give(camille, { kind: 'not-understood', message: 'tchap.bad.argument', params: { command: '!vote', argument: '9' } });
    expect(seen(vote9)).toBe('Je ne peux rien faire de « 9 » avec !vote ici. Tapez !aide pour voir comment l’employer.');
    expect(seen(await h.give(en, { kind: 'not-understood', message: 'tchap.bad.notHere', params: { command: '!fini' } }))).toBe('!fini applies to nothing here right now. Type !aide to see what is possible.');
    expect(message(await h.give(camille, { kind: 'not-understood', message: 'tchap.bad.side' }))).toMatch(/^Pour que votre argument compte, commencez-le par « pour : »/);
    // What the person typed stays text: no link, no emphasis
    const marked = matrixText(message(await h.give(camille, { kind: 'not-understood', message: 'tchap.bad.argument', params: { command: '!choisir', argument: '[ici](https://x.example)' } })) ?? '');
    expect(marked.formatted_body).not.toContain('<a ');
    expect((await h.cafe()).version).toBe(version);
  });

  it('/animateur naming who already facilitates', async () => {
    const h = new PipelineHarness();
    await started(h);
    const mention = (who: typeof camille) => ({ kind: 'text' as const, command: { type: 'handover' as const, person: { id: who.id, name: who.name } } });
    expect(message(await h.pipeline.run(h.turn(camille, mention(camille))))).toBe('Camille Martin anime déjà ce café. Pour confier l’animation : /animateur @Prénom Nom (une autre personne).');
    expect(message(await h.pipeline.run(h.turn(en, mention(camille))))).toBe('Camille Martin already facilitates this café. To hand it over: /facilitator @First Last (someone else).');
  });
});

describe('/effacer says what was done and what was not', () => {
  /** A channel where Teams refuses to remove some cards. */
  class RefusingChannel extends FakeChannel {
    refuse = new Set<string>();
    override async delete(to: Parameters<FakeChannel['delete']>[0], id: string): Promise<void> {
      if (this.refuse.has(id)) throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
      return super.delete(to, id);
    }
  }

  async function erase(h: PipelineHarness, actor = camille, channel: FakeChannel = h.channel) {
    await h.say(camille, '/startcafe americano');
    await h.drain();
    const cafe = await h.cafe();
    await h.press(camille, { verb: 'begin', cafe: cafe.id });
    await h.drain();
    channel.clear();
    await h.press(actor, { verb: 'erase', confirm: 'oui', at: h.now });
    for (let i = 0; i < 3; i++) {
      await h.drain();
      await channel.flush();
      await new Promise((r) => setImmediate(r));
    }
  }

  it('every card removed: says so', async () => {
    const h = new PipelineHarness();
    await erase(h);
    const removed = h.channel.of('delete').length;
    expect(removed).toBeGreaterThan(0);
    expect(h.channel.of('reply').map((r) => r.text)).toEqual([`🗑️ ${removed} carte(s) retirée(s) de la conversation : il ne reste rien des cafés effacés.`]);
  });

  it('Teams refused some: n removed, m refused, and what to do (fr and en)', async () => {
    for (const [actor, expected] of [
      [camille, (n: number, m: number) => `🗑️ ${n} carte(s) retirée(s) ; Teams a refusé d’en retirer ${m}. Les données des cafés sont bien effacées ; pour ces cartes, supprimez-les à la main (… sur la carte › Supprimer) ou demandez-le à un administrateur de l’équipe.`],
      [{ ...camille, locale: 'en' as const }, (n: number, m: number) => `🗑️ ${n} card(s) removed; Teams refused to remove ${m}. The cafés’ data is erased; delete those cards by hand (… on the card › Delete) or ask a team administrator.`],
    ] as const) {
      const channel = new RefusingChannel();
      channel.refuse = new Set(['m1']);
      const h = new PipelineHarness({ deps: { channel } });
      await erase(h, actor, channel);
      expect(channel.of('reply').map((r) => r.text)).toEqual([expected(channel.of('delete').length, 1)]);
    }
  });
});
