import { cardText, Stack } from './harness';

/**
 * Issue 8 through the real server: the closing feedback poll, the cafés network's questions asked
 * once per chat and its report, and /effacer with its confirmation.
 */
jest.setTimeout(120_000);

describe('Feedback, the network report and /effacer over HTTP', () => {
  const stack = new Stack(undefined, undefined, { publicUrl: 'https://barista.example.fr', exportSecret: 'y'.repeat(40) });
  const camille = () => stack.user('29:camille', 'Camille Martin');
  const lea = () => stack.user('29:lea', 'Léa Dubois');
  const karim = () => stack.user('29:karim', 'Karim Benali');
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** A short café: Ristretto, straight to its feedback step. */
  async function cafeToFeedback() {
    await camille().say('/startcafe ristretto');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille().press({ verb: 'begin', cafe: cafe.id });
    await lea().press({ verb: 'vote', cafe: cafe.id, step: (await stack.cafe()).steps[(await stack.cafe()).cursor].id, choice: 'donnee' });
    // /fin, "Lancer le questionnaire de satisfaction puis terminer": straight to the feedback poll.
    await stack.endCafe(camille(), 'feedback');
    const at = await stack.cafe();
    expect(at.steps[at.cursor].kind).toBe('feedback');
    return at;
  }

  it('takes feedback (late too), asks the network questions once, and serves the report', async () => {
    const cafe = await cafeToFeedback();
    await stack.app.bot.drain();
    await stack.waitForMessage('Votre avis sur ce café', 30_000);
    const sent = await lea().press({
      verb: 'feedback', cafe: cafe.id, step: 'feedback',
      feedback_rating: 'tres-bien', feedback_again: 'oui', feedback_topic: 'ia', feedback_positive: 'Très vivant', feedback_negative: '',
    });
    expect(cardText(sent.value)).toContain('Merci, votre avis est enregistré');
    const forged = await karim().press({ verb: 'feedback', cafe: cafe.id, step: 'feedback', feedback_rating: 'génial' });
    expect(forged.type).toBe('application/vnd.microsoft.activity.message');
    await stack.endCafe(camille());
    await stack.waitForMessage('Récapitulatif du café');
    // Late: after the end, the feedback is still taken
    const late = await karim().press({ verb: 'feedback', cafe: cafe.id, step: 'feedback', feedback_again: 'peut-etre', feedback_negative: 'Trop court' });
    expect(cardText(late.value)).toContain('Merci');

    // The network's questions, since this chat never answered them
    // Teams' 60 messages per 30 seconds may hold the question a little after the recap.
    const ask = await stack.waitForMessage('Votre café sur la carte des cafés', 30_000);
    expect(JSON.stringify(ask)).toContain('networkOrganisation');
    const notHers = await lea().press({ verb: 'network', cafe: cafe.id, networkOrganisation: 'Pirate', networkTown: 'Nulle part', networkPosition: '' });
    expect(notHers.value).toContain('Camille Martin');
    expect(await stack.app.store.getProfile(stack.conversationId)).toBeUndefined();
    const bad = await camille().press({ verb: 'network', cafe: cafe.id, networkOrganisation: 'DDT de la Marne', networkTown: 'Châlons', networkPosition: '200, 4' });
    expect(bad.value).toContain('latitude, longitude');
    const saved = await camille().press({
      verb: 'network', cafe: cafe.id, networkOrganisation: 'DDT de la Marne', networkTown: 'Châlons-en-Champagne', networkPosition: '48,9566 ; 4,3631',
    });
    expect(cardText(saved.value)).toContain('Enregistré : DDT de la Marne, Châlons-en-Champagne');
    expect(await stack.app.store.getProfile(stack.conversationId)).toMatchObject({ organisation: 'DDT de la Marne', lat: 48.9566, lon: 4.3631 });

    const links = [...cardText(saved.value).matchAll(/\((https:\/\/barista\.example\.fr\/export\/[^)]+)\)/g)].map((m) => new URL(m[1]));
    expect(links.map((u) => u.pathname.split('/').pop())).toEqual(['network.geojson', 'network.csv']);
    const geo = await fetch(`${stack.app.url}${links[0].pathname}${links[0].search}`);
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const feature = (await geo.json()) as { geometry: unknown; properties: Record<string, unknown> };
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [4.3631, 48.9566] });
    expect(feature.properties).toMatchObject({ formula: 'ristretto/avec-sucre', organisation: 'DDT de la Marne', positive: ['Très vivant'], negative: ['Trop court'] });
    expect(JSON.stringify(feature)).not.toContain('Léa');
    const csv = await (await fetch(`${stack.app.url}${links[1].pathname}${links[1].search}`)).text();
    expect(csv.split('\r\n')[0]).toContain('organisation');
    expect(csv).toContain('Châlons-en-Champagne');

    // A second café in the same chat: remembered, not asked again; the recap links the report
    stack.connector.reset();
    await camille().say('/startcafe ristretto');
    // The first café used Teams' 60 messages per 30 seconds: the bot may rightly wait for the window.
    await stack.waitForMessage('Au menu', 30_000);
    // Begun, then ended (a café that never began is cancelled, without a recap).
    await camille().press({ verb: 'begin', cafe: (await stack.cafe()).id });
    await stack.endCafe(camille());
    const recap = await stack.waitForMessage('Récapitulatif du café');
    expect(cardText(recap)).toContain('network.geojson');
    await stack.app.bot.drain();
    expect(stack.messages().some((m) => cardText(m).includes('Votre café sur la carte des cafés'))).toBe(false);
  });

  it('/effacer: the facilitator alone, after a confirmation; then nothing is left and the cards are gone', async () => {
    const before = await stack.app.store.listCafes(stack.conversationId);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const cardIds = (await Promise.all(before.map((c) => stack.app.store.getMessageId(c.id, 'menu')))).filter(Boolean) as string[];
    expect(cardIds.length).toBe(before.length);

    await lea().say('/effacer');
    await stack.waitForMessage('Camille Martin, peut faire cela');
    stack.connector.reset();
    await camille().say('/effacer');
    const confirm = await stack.waitForMessage('Oui, tout effacer');
    expect(cardText(confirm)).toContain(`${before.length} café(s)`);
    const yes = JSON.parse(JSON.stringify(confirm)).attachments[0].content.body.at(-1).actions[0].data as { verb: 'erase'; confirm: 'oui'; at: number };
    expect(yes).toMatchObject({ verb: 'erase', confirm: 'oui' });

    // Someone else presses "Oui": refused, nothing goes
    expect((await lea().press(yes)).value).toContain('Camille Martin');
    // An old confirmation: refused
    expect((await camille().press({ ...yes, at: yes.at - 3_600_000 })).value).toContain('expiré');
    expect(await stack.app.store.listCafes(stack.conversationId)).toHaveLength(before.length);
    // "Annuler"
    expect(cardText((await camille().press({ ...yes, confirm: 'non' })).value)).toContain('Rien n’a été effacé');

    const done = await camille().press(yes);
    expect(cardText(done.value)).toContain(`${before.length} café(s) effacé(s)`);
    expect(await stack.app.store.listCafes(stack.conversationId)).toEqual([]);
    expect(await stack.app.store.getProfile(stack.conversationId)).toBeUndefined();
    for (const c of before) expect(await stack.app.store.listContributions(c.id)).toEqual([]);
    await stack.app.bot.drain();
    for (const id of cardIds) expect(stack.connector.isDeleted(stack.conversationId, id)).toBe(true);

    // Again: nothing to erase
    await camille().say('/effacer');
    await stack.waitForMessage('aucun café à effacer');
  });
});
