import { cardText, Stack } from './harness';

/**
 * A Café Americano through the real HTTP server and CloudAdapter: Teams' activities in, the
 * fake Bot Connector records what Barista posts and updates.
 */
describe('Café Americano over HTTP', () => {
  const stack = new Stack();
  const camille = () => stack.user('29:camille', 'Camille Martin');
  const lea = () => stack.user('29:lea', 'Léa Dubois');
  const karim = () => stack.user('29:karim', 'Karim Benali');

  // The chat's roster as Teams gives it: the three of them and Barista.
  const members = [{ id: '29:camille', name: 'Camille Martin' }, { id: '29:lea', name: 'Léa Dubois' }, { id: '29:karim', name: 'Karim Benali' }, { id: '28:barista', name: 'Barista' }];
  beforeAll(async () => {
    await stack.start();
    stack.connector.setMembers(stack.conversationId, members);
  });
  afterAll(() => stack.stop());

  it('runs from /startcafe to the recap, survives a restart, and never lets a participant drive', async () => {
    // Unknown formula: the list of what exists; nothing starts
    await camille().say('/startcafe mocha');
    await stack.waitForMessage('/startcafe americano sans sucre');
    expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();

    // Start: the menu card with the four parts
    expect((await camille().say('/startcafe americano')).status).toBe(200);
    const menu = await stack.waitForMessage('Au menu');
    const menuText = cardText(menu);
    expect(menuText).toContain('Americano avec sucre');
    expect(menuText).toContain('La tasse');
    expect(menuText).toContain('Le carré de chocolat');
    // The guide's planned time (L664); its online 45 minutes is the facilitator's advice, not the shared card's.
    expect(menuText).toContain('Durée prévue : 30 à 60 minutes');
    expect(menuText).not.toContain('45 minutes');
    const cafe = await stack.cafe();

    // A second /startcafe says a café runs
    await camille().say('/startcafe americano sans sucre');
    await stack.waitForMessage('Terminer le café en cours');

    // Léa cannot start the café: a polite private answer, nothing changes
    const refused = await lea().press({ verb: 'begin', cafe: cafe.id });
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.value).toContain('Camille Martin');
    expect((await stack.cafe()).status).toBe('menu');

    // Camille starts; the facilitator picks the Madonna ice breaker
    const begun = await camille().press({ verb: 'begin', cafe: cafe.id });
    expect(begun.type).toBe('application/vnd.microsoft.card.adaptive');
    await stack.waitForMessage("L'animateur/animatrice choisit l'ice breaker");
    await camille().press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await stack.waitForMessage('On en parlait moins dans les années 80');

    // Votes: Action.Execute and the Action.Submit fallback; the voter sees their own choice
    const first = 'tasse.madonna.annees-80';
    const leaView = await lea().press({ verb: 'vote', cafe: cafe.id, step: first, choice: 'donnee' });
    expect(cardText(leaView.value)).toContain('Votre choix : Ma donnée');
    await karim().submit({ verb: 'vote', cafe: cafe.id, step: first, choice: 'madonna' });
    await stack.connector.waitFor(() => cardText(stack.messages()).includes('2 personnes ont voté'), 8000);

    // A forged payload is refused at the edge
    const forged = await lea().press({ verb: 'vote', cafe: cafe.id, step: first, choice: 42 } as never);
    expect(forged.value).toContain('Réessayez');
    const otherCafe = await lea().press({ verb: 'vote', cafe: 'someone-else', step: first, choice: 'donnee' });
    expect(otherCafe.type).toBe('application/vnd.microsoft.activity.message');

    // Reveal: the guide's answer and the distribution
    await camille().press({ verb: 'reveal', cafe: cafe.id, step: first });
    await stack.connector.waitFor(() => cardText(stack.messages()).includes('Réponse : ma donnée'), 8000);

    // Text commands: Léa's /suivant is refused, Camille's moves on (the answer is out: Suivant goes on)
    await lea().say('/suivant');
    await stack.waitForMessage('peut faire cela');
    await camille().say('/suivant');
    await stack.waitForMessage('Elle est née dans le Michigan');
    expect((await stack.cafe()).steps[(await stack.cafe()).cursor].id).toBe('tasse.madonna.michigan');

    // Restart in the middle of the café: nothing is lost
    await lea().press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.michigan', choice: 'madonna' });
    await stack.restartBot();
    const afterRestart = await stack.cafe();
    expect(afterRestart.steps[afterRestart.cursor].id).toBe('tasse.madonna.michigan');
    const votes = await stack.app.store.listContributions(cafe.id, 'tasse.madonna.michigan');
    expect(votes.map((v) => v.userId)).toEqual(['29:lea']);

    // Through the remaining statements to the video (each: the first /suivant reveals, the second goes on)
    for (let i = 0; i < 20; i++) await camille().say('/suivant');
    await stack.waitForMessage("L'animateur/animatrice choisit la vidéo");
    await camille().press({ verb: 'choose', cafe: cafe.id, step: 'cafe.choix', option: 'open-data' });
    const video = await stack.waitForMessage('Regarder la vidéo');
    expect(cardText(video)).toContain("La donnée et l'open data");
    const videoStep = (await stack.cafe()).steps[(await stack.cafe()).cursor].id;
    await lea().press({ verb: 'done', cafe: cafe.id, step: videoStep });
    await karim().press({ verb: 'done', cafe: cafe.id, step: videoStep });
    await stack.connector.waitFor(() => stack.texts().some((t) => t.includes('Tout le monde a fini')), 8000);

    // Ma journée d'agent: a post-it through the card form
    await camille().say('/suivant');
    await stack.waitForMessage('Ajouter le post-it');
    const boardStep = (await stack.cafe()).steps[(await stack.cafe()).cursor].id;
    const added = await lea().press({ verb: 'postit', cafe: cafe.id, step: boardStep, postitColumn: 'trajet-aller', postitKind: 'ouvertes', postitText: 'Horaires de bus' });
    expect(cardText(added.value)).toContain('Horaires de bus');
    const tooLong = await lea().press({ verb: 'postit', cafe: cafe.id, step: boardStep, postitColumn: 'trajet-aller', postitKind: 'ouvertes', postitText: 'x'.repeat(4000) });
    expect(tooLong.value).toContain('280');

    // The end: /fin asks first (the feedback poll has not been asked: Léa cannot confirm), then the recap
    await camille().say('/fin');
    await stack.waitForMessage('Terminer le café ?');
    expect((await stack.app.store.getActive(stack.conversationId))?.status).toBe('running');
    await stack.endCafe(camille());
    const recap = await stack.waitForMessage('Horaires de bus', 8000).then(() => stack.waitForMessage('data.gouv.fr'));
    expect(cardText(recap)).toContain('Americano');
    expect((await stack.app.store.getActive(stack.conversationId))).toBeUndefined();

    // Teams' limits were never exceeded
    expect(stack.connector.violations()).toEqual([]);
  });
});
