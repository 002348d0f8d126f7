import type { ActionData } from '../../src/cards/actions';
import type { Contribution } from '../../src/domain/types';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../scale/redis';
import type { TeamsUser } from '../support/teamsUser';
import { cardText, Stack } from './harness';

/**
 * Issue 15, point 1, through the real server (restify + CloudAdapter + the fake Bot Connector),
 * on SQLite (KeptStore and its vote tally) and on Redis: Teams re-delivers an invoke whose answer
 * was slow, with its original id and timestamp. A person votes A, changes to B, then A's invoke
 * comes again: the store, the shared card and the person's invoke answer all show B. The same for
 * a pick and the feedback; a duplicate delivery counts once.
 */
jest.setTimeout(120_000);

const prefix = uniquePrefix('redelivery');
afterAll(() => deletePrefix(prefix));

const stores: Array<[string, () => Stack]> = [
  ['SQLite', () => new Stack()],
  ['Redis', () => new Stack(undefined, undefined, { redisUrl: TEST_REDIS_URL, redisPrefix: `${prefix}${Math.random().toString(36).slice(2, 8)}:` })],
];

/** An Action.Execute invoke as Teams sends it, acted `agoMs` before now (a re-delivery posts this very object again). */
function invoke(user: TeamsUser, data: Partial<ActionData> & Record<string, unknown>, agoMs: number) {
  return { ...user.invokeActivity(data), timestamp: new Date(Date.now() - agoMs).toISOString() };
}

describe.each(stores)('A late re-delivery never overwrites a newer answer (%s)', (storeName, makeStack) => {
  let stack: Stack;
  const camille = () => stack.user('29:camille', 'Camille Martin');
  const lea = () => stack.user('29:lea', 'Léa Dubois');
  const karim = () => stack.user('29:karim', 'Karim Benali');

  // A chat (and a server) of its own for each case, so a card of one café never answers for another.
  beforeEach(async () => {
    if (storeName === 'Redis') await requireRedis();
    stack = makeStack();
    await stack.start();
  });
  afterEach(() => stack?.stop());

  /** The café's contributions of a step by one person, as stored. */
  async function storedOf(cafeId: string, stepId: string, userId: string): Promise<Contribution[]> {
    return (await stack.app.store.listContributions(cafeId, stepId)).filter((c) => c.userId === userId);
  }

  /** The shared card's text once every card update asked for is sent (the last update the connector accepted). */
  async function sharedCard(needle: string): Promise<string> {
    await stack.app.bot.drain();
    const card = await stack.waitForMessage(needle);
    return cardText(card);
  }

  it('a vote: A, B, then A re-delivered (and A arriving after B) ends on B; B twice counts once', async () => {
    await camille().say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille().press({ verb: 'begin', cafe: cafe.id });
    await camille().press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    const step = 'tasse.madonna.annees-80';
    await stack.waitForMessage('On en parlait moins dans les années 80');

    const a = invoke(lea(), { verb: 'vote', cafe: cafe.id, step, choice: 'donnee' }, 3_000);
    const b = invoke(lea(), { verb: 'vote', cafe: cafe.id, step, choice: 'madonna' }, 1_000);
    expect(cardText((await lea().pressRaw(a)).value)).toContain('Votre choix : Ma donnée');
    expect(cardText((await lea().pressRaw(b)).value)).toContain('Votre choix : Madonna');
    const again = await lea().pressRaw(a);
    expect(cardText(again.value)).toContain('Votre choix : Madonna');
    expect(cardText(again.value)).not.toContain('Votre choix : Ma donnée');
    expect((await lea().pressRaw(b)).type).toBe('application/vnd.microsoft.card.adaptive'); // a duplicate of B
    expect((await storedOf(cafe.id, step, '29:lea')).map((c) => c.value)).toEqual([{ kind: 'vote', choice: 'madonna' }]);

    // Karim's older answer arrives after his newer one (its answer was slow): the newer stands.
    const kNew = invoke(karim(), { verb: 'vote', cafe: cafe.id, step, choice: 'les-deux' }, 500);
    const kOld = invoke(karim(), { verb: 'vote', cafe: cafe.id, step, choice: 'donnee' }, 4_000);
    await karim().pressRaw(kNew);
    expect(cardText((await karim().pressRaw(kOld)).value)).toContain('Votre choix : Les deux');
    expect((await storedOf(cafe.id, step, '29:karim')).map((c) => c.value)).toEqual([{ kind: 'vote', choice: 'les-deux' }]);

    // The shared card: two voters, and once revealed, Madonna and Les deux, never Ma donnée.
    expect(await sharedCard('2 personnes ont voté')).toContain('2 personnes ont voté');
    await camille().press({ verb: 'reveal', cafe: cafe.id, step });
    const revealed = await sharedCard('Réponse : ma donnée');
    expect(revealed).toMatch(/Ma donnée\n░+ 0\n/);
    expect(revealed).toMatch(/Madonna\n█+░* 1\n/);
    expect(revealed).toMatch(/Les deux\n█+░* 1\n/);
  });

  it('a pick: A, B, then A re-delivered ends on B, on the shared card too; B twice counts once', async () => {
    await camille().say('/startcafe americano sans sucre');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille().press({ verb: 'begin', cafe: cafe.id });
    await camille().press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'crazy-jobs' });
    await stack.waitForMessage('Les crazy jobs sur la donnée');
    const at = await stack.cafe();
    const step = at.steps[at.cursor].id;

    const a = invoke(lea(), { verb: 'pick', cafe: cafe.id, step, item: 'passeur-aspirateur' }, 3_000);
    const b = invoke(lea(), { verb: 'pick', cafe: cafe.id, step, item: 'inspecteur-cookies' }, 1_000);
    expect(cardText((await lea().pressRaw(a)).value)).toContain("Votre choix : Passeur/passeuse d'aspirateur à données");
    expect(cardText((await lea().pressRaw(b)).value)).toContain('Votre choix : Inspecteur/inspectrice à cookies');
    const again = cardText((await lea().pressRaw(a)).value);
    expect(again).toContain('Votre choix : Inspecteur/inspectrice à cookies');
    expect(again).not.toContain("Votre choix : Passeur/passeuse d'aspirateur à données");
    await lea().pressRaw(b); // a duplicate of B
    expect((await storedOf(cafe.id, step, '29:lea')).map((c) => c.value)).toEqual([{ kind: 'pick', item: 'inspecteur-cookies' }]);
    const shared = await sharedCard('**Inspecteur/inspectrice à cookies** : Léa Dubois');
    expect(shared).toContain('Qui a choisi quoi (1)');
    expect(shared).not.toContain("**Passeur/passeuse d'aspirateur à données**");
  });

  it('"J\'ai fini": a re-delivery counts once, and "everyone has finished" is said once', async () => {
    stack.connector.setMembers(stack.conversationId, [
      { id: '29:camille', name: 'Camille Martin' }, { id: '29:lea', name: 'Léa Dubois' }, { id: '29:karim', name: 'Karim Benali' }, { id: '28:barista', name: 'Barista' },
    ]);
    await camille().say('/startcafe americano sans sucre');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille().press({ verb: 'begin', cafe: cafe.id });
    await camille().press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'crazy-jobs' });
    for (let i = 0; i < 5 && (await stack.cafe()).steps[(await stack.cafe()).cursor].kind !== 'choose'; i++) await camille().say('/suivant');
    const choose = await stack.cafe();
    await camille().press({ verb: 'choose', cafe: cafe.id, step: choose.steps[choose.cursor].id, option: 'ban' });
    const at = await stack.cafe();
    const step = at.steps[at.cursor].id;
    expect(at.steps[at.cursor].kind).toBe('video');

    const done = invoke(lea(), { verb: 'done', cafe: cafe.id, step }, 2_000);
    await lea().pressRaw(done);
    await lea().pressRaw(done);
    expect(await storedOf(cafe.id, step, '29:lea')).toHaveLength(1);
    await karim().press({ verb: 'done', cafe: cafe.id, step });
    await stack.connector.waitFor(() => stack.texts().some((t) => t.includes('Tout le monde a fini')), 8000);
    await stack.app.bot.drain();
    // Said once in the chat (and once privately to the facilitator, a targeted message).
    const allDone = () => stack.connector.sent(stack.conversationId).filter((m) => (m.text ?? '').includes('Tout le monde a fini')).map((m) => m.recipient?.id ?? 'chat');
    expect(allDone()).toEqual(['chat', '29:camille']);
    await lea().pressRaw(done); // once more, after everyone has finished
    await stack.app.bot.drain();
    expect(allDone()).toEqual(['chat', '29:camille']);
    expect((await stack.app.store.listContributions(cafe.id, step)).map((c) => c.userId).sort()).toEqual(['29:karim', '29:lea']);

    // The debate next: an argument (keyed by its activity) delivered twice is one argument.
    await camille().say('/suivant');
    await stack.waitForMessage("d'accord ou pas d'accord");
    const debate = await stack.cafe();
    const poll = debate.steps[debate.cursor].id;
    const argument = invoke(lea(), { verb: 'argument', cafe: cafe.id, step: poll, side: 'pour', argumentText: 'Plus de transparence' }, 1_000);
    await lea().pressRaw(argument);
    await lea().pressRaw(argument);
    expect((await stack.app.store.listContributions(cafe.id, poll)).filter((c) => c.kind === 'argument').map((c) => c.value)).toEqual([
      { kind: 'argument', side: 'pour', text: 'Plus de transparence' },
    ]);
    // Arguments are listed in the facilitator's view: once.
    const listed = cardText((await camille().press({ verb: 'refresh', cafe: cafe.id, step: poll })).value);
    expect(listed.match(/Plus de transparence/g)).toHaveLength(1);
  });

  it('the feedback: A, B, then A re-delivered ends on B; B twice counts once', async () => {
    await camille().say('/startcafe ristretto');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille().press({ verb: 'begin', cafe: cafe.id });
    await stack.endCafe(camille(), 'feedback');
    await stack.app.bot.drain();
    await stack.waitForMessage('Votre avis sur ce café', 30_000);

    const a = invoke(lea(), { verb: 'feedback', cafe: cafe.id, step: 'feedback', feedback_rating: 'bien', feedback_positive: 'Premier avis' }, 3_000);
    const b = invoke(lea(), { verb: 'feedback', cafe: cafe.id, step: 'feedback', feedback_rating: 'tres-bien', feedback_positive: 'Second avis' }, 1_000);
    await lea().pressRaw(a);
    await lea().pressRaw(b);
    const again = await lea().pressRaw(a);
    await lea().pressRaw(b); // a duplicate of B
    // Her own card shows what is stored: B's rating and comment in the form, not A's.
    const form = JSON.stringify(again.value);
    expect(form).toContain('"id":"feedback_rating","label":"Comment avez-vous trouvé ce café ?","style":"compact","wrap":true,"placeholder":"Choisir…","value":"tres-bien"');
    expect(form).toContain('"value":"Second avis"');
    expect(form).not.toContain('Premier avis');
    expect((await storedOf(cafe.id, 'feedback', '29:lea')).map((c) => c.value)).toEqual([{ kind: 'feedback', rating: 'tres-bien', positive: 'Second avis' }]);
    // The shared card counts one answer; the facilitator's view shows it as B.
    expect(await sharedCard('Avis reçus : 1')).toContain('Avis reçus : 1');
    const facilitator = cardText((await camille().press({ verb: 'refresh', cafe: cafe.id, step: 'feedback' })).value);
    expect(facilitator).toMatch(/Très bien\n█+ 1\n/);
    expect(facilitator).toMatch(/Bien\n░+ 0\n/);
    expect(facilitator).toContain('Second avis');
    expect(facilitator).not.toContain('Premier avis');
  });
});
