/**
 * A whole Café Americano (avec sucre) in the real Microsoft 365 Agents Playground 0.2.28, driven
 * through headless Chromium, against the real Barista server (startBarista, in-process, SQLite in a
 * temp DATA_DIR, anonymous local mode).
 *
 * Camille Martin (currentUser, the facilitator) does everything through the UI: @mentions and card
 * buttons. Léa, Karim, Sophie and Hugo act through custom activities ("Mock an Activity" → "Custom
 * activity" dialog for some, the same HTTP endpoint for the rest).
 *
 * The Playground always sends locale en-US, so Barista answers Camille in English (and the café's
 * locale, i.e. the shared cards', is English too): buttons and headings are English, the guide's
 * content (statements, answers, titles) stays French. The Playground does not support
 * refresh.userIds, so the facilitator gets her controls with "🔄 My view" (verb refresh): the
 * invoke response replaces the card in place, until the bot updates the shared card again.
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/americano.test.ts
 * Screenshots: /tmp/barista-e2e/americano-*.png (window + "-card" crops of the card concerned)
 */
import { cafeSession } from './cafeSession';
import {
  BOT,
  GROUP_CHAT,
  USERS,
  readMessages,
  sendMention,
  waitForText,
  waitUntil,
} from './playground';

/** English labels (src/i18n/en.ts): what the Playground's en-US user sees. */
const EN = {
  myView: '🔄 My view',
  start: 'Start',
  reveal: 'Reveal',
  next: 'Next',
  done: 'I’m done',
  addPostit: 'Add the post-it',
};

const VIEWPORT = { width: 1400, height: 900 };
const MADONNA_OPTION = '★ Ma donnée, Madonna ou les deux';
const VIDEO_OPTION = "La donnée et l'open data : la donnée par et pour le service public";
const FIRST = 'On en parlait moins dans les années 80';
const MICHIGAN = 'Elle est née dans le Michigan';
/** The Madonna statements after Michigan, in the guide's order. */
const LATER = [
  'Elle est de plus en plus souvent dans les nuages',
  'Il faut régulièrement la contrôler',
  'Elle est unique',
  'Elle est en vogue',
  'Elle prend de la place',
  "Il faut faire attention aux traces qu'elle peut laisser",
  'Elle fait partie de ma vie',
  'Elle génère beaucoup de chiffre',
  "A rapporté plus d'un milliard de dollars de recette",
];

describe('Café Americano in the Agents Playground (e2e)', () => {
  const session = cafeSession('americano');
  const { cafe, currentStepId, card, expectText, shot, facilitatorClick, participantPress, waitStep, logLines } = session;

  test('/startcafe americano posts the menu; "My view" gives Camille the Start button', async () => {
    await sendMention(session.page, BOT.name, '/startcafe americano');
    const menu = await waitForText(session.page, 'Americano avec sucre');
    await expectText(menu, 'La tasse');
    await expectText(menu, 'Planned time: 30 to 60 minutes'); // "entre 30 minutes et 1 heure" (L664)
    await expectText(menu, 'The facilitator will start the café.'); // the shared view, in English
    const shared = (await readMessages(session.page)).filter((m) => m.text.includes('Americano avec sucre'));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ author: 'Barista', isCard: true, buttons: [EN.myView] });
    await shot('01-menu', menu);

    await menu.getByRole('button', { name: EN.myView, exact: true }).click();
    await menu.getByRole('button', { name: EN.start, exact: true }).waitFor();
    await expectText(menu, 'You are facilitating this café');
    await expectText(menu, 'The guide’s tips');
    // The guide's 45 minutes online (L1044): advice to the facilitator alone, before the café.
    await expectText(menu, 'Online, the guide recommends 45 minutes at most; this café plans up to 60 min.');
    await shot('02-menu-my-view', menu);

    await menu.getByRole('button', { name: EN.start, exact: true }).click();
    await waitForText(session.page, 'The facilitator is choosing the ice breaker');
    await waitForText(session.page, 'The café has started: follow the cards below.'); // the menu card updated
    expect((await cafe()).status).toBe('running');
  });

  test('Camille picks the Madonna ice breaker through "My view"; the first statement shows', async () => {
    await facilitatorClick('The ice breaker', MADONNA_OPTION, '02b-choose-facilitator-view');
    const first = await waitForText(session.page, FIRST);
    await expectText(first, 'Ma donnée, Madonna ou les deux');
    await expectText(first, 'Nobody has voted yet.');
    await waitForText(session.page, 'Chosen: Ma donnée, Madonna ou les deux');
    expect(await currentStepId()).toBe('tasse.madonna.annees-80');
    await shot('03-first-statement', first);
  });

  test('Léa (dialog), Karim and Sophie (HTTP) vote: the shared card shows 3 votes live', async () => {
    await participantPress(USERS.lea, 'vote', { choice: 'donnee' }, 'dialog');
    await waitForText(session.page, /1 person has voted\./);
    await participantPress(USERS.karim, 'vote', { choice: 'madonna' });
    await participantPress(USERS.sophie, 'vote', { choice: 'donnee' });
    const first = await waitForText(session.page, '3 people have voted.');
    await expectText(first, FIRST);
    await expectText(first, 'Live votes');
    const s = await cafe();
    const votes = await session.app.store.listContributions(s.id, 'tasse.madonna.annees-80');
    expect(votes.map((v) => v.userId).sort()).toEqual([USERS.karim.id, USERS.lea.id, USERS.sophie.id]);
    await shot('04-three-votes', first);
  });

  test('Camille reveals: the guide\'s answer and the final distribution', async () => {
    await facilitatorClick(FIRST, EN.reveal, '05a-facilitator-view');
    const first = await waitForText(session.page, 'Answer: ma donnée');
    await expectText(first, 'Final result');
    await expectText(first, '✅ Ma donnée');
    await expectText(first, '3 people have voted.');
    await shot('05-revealed', first);
  });

  test('Next (clicked) → Michigan; Hugo votes; reveal says Madonna', async () => {
    await facilitatorClick(FIRST, EN.next);
    const michigan = await waitForText(session.page, MICHIGAN);
    await waitStep('madonna', 'michigan');
    await participantPress(USERS.hugo, 'vote', { choice: 'madonna' });
    await waitForText(session.page, '1 person has voted.');
    await facilitatorClick(MICHIGAN, EN.reveal);
    await expectText(card(MICHIGAN), 'Answer: Madonna');
    await expectText(card(MICHIGAN), '✅ Madonna');
    await shot('06-michigan-revealed', michigan);
  });

  test('through the other statements (Next clicked twice, then /next) to the video choice', async () => {
    // two more clicks through the UI (3 in all with the one above)
    await facilitatorClick(MICHIGAN, EN.next);
    await waitForText(session.page, LATER[0]);
    await facilitatorClick(LATER[0], EN.next);
    await waitForText(session.page, LATER[1]);
    // the rest by text command, waiting for each card
    for (let i = 2; i < LATER.length; i++) {
      await sendMention(session.page, BOT.name, '/next');
      await waitForText(session.page, LATER[i]);
    }
    await facilitatorClick(LATER[LATER.length - 1], EN.next); // a 4th click, to the video choice
    const choose = await waitForText(session.page, 'The facilitator is choosing the video');
    await shot('07-video-choice', choose);
  });

  test('Camille picks a video; Léa clicks "I’m done" (dialog)', async () => {
    await facilitatorClick('The video', VIDEO_OPTION); // the choose card's title, in the shared and the facilitator's view
    const video = await waitForText(session.page, 'Watch the video');
    await expectText(video, VIDEO_OPTION);
    await expectText(video, /0 \/ \d+ have finished/);
    await waitStep('video-open-data');
    await participantPress(USERS.lea, 'done', {}, 'dialog');
    await expectText(card('Watch the video'), /1 \/ \d+ have finished/);
    await shot('08-video', card('Watch the video'));
  });

  test('Next → the board; Hugo adds a post-it; the board shows it', async () => {
    await facilitatorClick('Watch the video', EN.next);
    const board = await waitForText(session.page, EN.addPostit);
    await expectText(board, "Ma journée d'agent");
    await waitStep('journee-agent');
    await participantPress(USERS.hugo, 'postit', {
      postitColumn: 'trajet-aller',
      postitKind: 'ouvertes',
      postitText: 'Horaires de bus',
    });
    await expectText(card(EN.addPostit), '🟩 Horaires de bus');
    await shot('09-board', card(EN.addPostit));
  });

  test('/fin posts the recap with the post-it, the Madonna results and data.gouv.fr', async () => {
    await sendMention(session.page, BOT.name, '/fin');
    const recap = await waitForText(session.page, '☕ Café recap');
    await expectText(recap, 'Horaires de bus');
    await expectText(recap, FIRST);
    await expectText(recap, MICHIGAN);
    await expectText(recap, '✅ Ma donnée 2 · Madonna 1 · Les deux 0'); // the first statement's votes
    await expectText(recap, 'Ma donnée 0 · ✅ Madonna 1 · Les deux 0'); // Michigan's
    await expectText(recap, 'data.gouv.fr');
    await expectText(recap, 'Americano');
    await waitUntil(async () => !(await session.app.store.getActive(GROUP_CHAT.id)), { what: 'the café to end' });
    await shot('10-recap', recap);
    const errors = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
