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
 * What a facilitator lives here: each part of the café has ONE card, whose steps advance in place
 * (the ice breaker's choice becomes the Madonna card, each statement replaces the one before, with
 * a "↩ Previous" line); long options are listed under letters, the buttons carrying the letter;
 * Next on a statement first shows its answer, the next Next moves on; /previous reopens the statement
 * before without ever showing the one left; /fin asks first, and offers the feedback poll.
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
  finalResult: 'Final result',
  liveVotes: 'Live votes',
  previous: (statement: string, answer: string) => `↩ Previous: “${statement}” — Answer: ${answer}`,
  endTitle: '☕ End the café?',
  endWithFeedback: 'Run the feedback poll, then end',
  endWithout: 'End without it',
  endKeep: 'Keep the café going',
  feedbackLaunched: 'The feedback poll is on: once everyone has answered, click End on its card for the recap.',
  end: 'End',
  endYes: 'End the café',
  endConfirm: 'The café ends and the recap is posted. This cannot be undone.',
  feedbackTitle: 'Your feedback on this café',
  recap: '☕ Café recap',
  network: 'Your café on the map of data cafés',
};

const MADONNA = 'Ma donnée, Madonna ou les deux';
const VIDEO_OPTION = "La donnée et l'open data : la donnée par et pour le service public";
const FIRST = 'On en parlait moins dans les années 80';
const MICHIGAN = 'Elle est née dans le Michigan';
/** The Madonna statements after Michigan, in the guide's order, with the guide's answers. */
const LATER = [
  { text: 'Elle est de plus en plus souvent dans les nuages', answer: 'les deux' },
  { text: 'Il faut régulièrement la contrôler', answer: 'ma donnée' },
  { text: 'Elle est unique', answer: 'Madonna' },
  { text: 'Elle est en vogue', answer: 'les deux' },
  { text: 'Elle prend de la place', answer: 'ma donnée' },
  { text: "Il faut faire attention aux traces qu'elle peut laisser", answer: 'ma donnée' },
  { text: 'Elle fait partie de ma vie', answer: 'ma donnée ou les deux' },
  { text: 'Elle génère beaucoup de chiffre', answer: 'les deux' },
  { text: "A rapporté plus d'un milliard de dollars de recette", answer: 'les deux' },
];
const NUAGES = LATER[0];

describe('Café Americano in the Agents Playground (e2e)', () => {
  const session = cafeSession('americano');
  const { cafe, currentStepId, card, expectText, shot, facilitatorClick, facilitatorChoose, participantPress, waitStep, logLines } = session;
  /** The message id of la tasse's card once posted: every Madonna statement must stay on it. */
  let tasseCard = '';

  const tasseCardId = async () => session.messageIdOf((await cafe()).id, 'part:tasse');
  const cardCount = async () => (await session.baristaCards()).length;

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
    const tasse = await waitForText(session.page, 'The facilitator is choosing the ice breaker');
    await waitForText(session.page, 'The café has started: follow the cards below.'); // the menu card updated
    expect((await cafe()).status).toBe('running');
    tasseCard = await tasseCardId();
    expect(await cardCount()).toBe(2); // the menu, la tasse's card
    await shot('02a-choose-shared', tasse);
  });

  test('Camille picks the Madonna ice breaker by the letter the card lists it under; la tasse\'s card becomes the first statement', async () => {
    const label = await facilitatorChoose('The ice breaker', MADONNA, '02b-choose-facilitator-view');
    // Past 30 characters the options are listed in full, the buttons carrying their letter (★ on the default).
    expect(label).toMatch(/^(★ )?[A-Z]$/);
    const first = await waitForText(session.page, FIRST);
    await expectText(first, MADONNA);
    await expectText(first, 'Nobody has voted yet.');
    expect(await currentStepId()).toBe('tasse.madonna.annees-80');
    // The same card, in place: no "Chosen: …" line, no second card.
    expect(await tasseCardId()).toBe(tasseCard);
    expect(await cardCount()).toBe(2);
    expect((await readMessages(session.page)).some((m) => m.text.includes('Chosen:'))).toBe(false);
    expect((await readMessages(session.page)).some((m) => m.text.includes('The facilitator is choosing the ice breaker'))).toBe(false);
    await shot('03-first-statement', first);
  });

  test('Léa (dialog), Karim and Sophie (HTTP) vote: the shared card shows 3 votes live', async () => {
    await participantPress(USERS.lea, 'vote', { choice: 'donnee' }, 'dialog');
    await waitForText(session.page, /1 person has voted\./);
    await participantPress(USERS.karim, 'vote', { choice: 'madonna' });
    await participantPress(USERS.sophie, 'vote', { choice: 'donnee' });
    const first = await waitForText(session.page, '3 people have voted.');
    await expectText(first, FIRST);
    await expectText(first, EN.liveVotes);
    const s = await cafe();
    const votes = await session.app.store.listContributions(s.id, 'tasse.madonna.annees-80');
    expect(votes.map((v) => v.userId).sort()).toEqual([USERS.karim.id, USERS.lea.id, USERS.sophie.id]);
    await shot('04-three-votes', first);
  });

  test('Next (clicked) first reveals: the guide\'s answer and the final distribution, still on the first statement', async () => {
    await facilitatorClick(FIRST, EN.next, '05a-facilitator-view');
    const first = await waitForText(session.page, 'Answer: ma donnée');
    await expectText(first, FIRST);
    await expectText(first, EN.finalResult);
    await expectText(first, '✅ Ma donnée');
    await expectText(first, '3 people have voted.');
    expect(await currentStepId()).toBe('tasse.madonna.annees-80');
    expect((await cafe()).runtime['tasse.madonna.annees-80'].revealed).toBe(true);
    await shot('05-revealed', first);
  });

  test('Next again moves on, on the same card: Michigan, under the first statement\'s answer; Hugo votes; /reveal says Madonna', async () => {
    await facilitatorClick(FIRST, EN.next);
    await waitStep('madonna', 'michigan');
    const michigan = await waitForText(session.page, MICHIGAN);
    await expectText(michigan, EN.previous(FIRST, 'ma donnée'));
    await expectText(michigan, 'Nobody has voted yet.');
    expect(await tasseCardId()).toBe(tasseCard);
    expect(await cardCount()).toBe(2);
    await shot('06a-michigan', michigan);
    await participantPress(USERS.hugo, 'vote', { choice: 'madonna' });
    await expectText(card(MICHIGAN), '1 person has voted.');
    await sendMention(session.page, BOT.name, '/reveal');
    await expectText(card(MICHIGAN), 'Answer: Madonna');
    await expectText(card(MICHIGAN), '✅ Madonna');
    expect(await currentStepId()).toBe('tasse.madonna.michigan');
    await shot('06-michigan-revealed', card(MICHIGAN));
  });

  test('/previous from a statement nobody voted on reopens Michigan on the same card, never showing the answer left', async () => {
    await facilitatorClick(MICHIGAN, EN.next); // Michigan is revealed: Next moves on
    await waitStep('madonna', 'nuages');
    await expectText(card(NUAGES.text), 'Nobody has voted yet.');
    await expectText(card(NUAGES.text), EN.previous(MICHIGAN, 'Madonna'));
    // From now on, the nuages statement's answer must never show in the chat.
    const spoilers = await session.watchFor([`Answer: ${NUAGES.answer}`, '✅ Les deux', `Previous: “${NUAGES.text}”`]);

    await sendMention(session.page, BOT.name, '/previous');
    await waitStep('madonna', 'michigan');
    const michigan = await waitForText(session.page, 'Answer: Madonna');
    await expectText(michigan, MICHIGAN);
    await expectText(michigan, '1 person has voted.'); // reopened as it was: revealed, Hugo's vote kept
    expect(await michigan.innerText()).not.toContain(NUAGES.text);
    expect((await cafe()).runtime['tasse.madonna.nuages']).toBeUndefined(); // the step left is not reached any more
    expect(await tasseCardId()).toBe(tasseCard);
    expect(await cardCount()).toBe(2);
    await shot('06b-back-to-michigan', michigan);

    // Forward again: the nuages statement comes back unrevealed, still on the same card.
    await facilitatorClick(MICHIGAN, EN.next);
    await waitStep('madonna', 'nuages');
    const nuages = card(NUAGES.text);
    await expectText(nuages, EN.liveVotes);
    await expectText(nuages, 'Nobody has voted yet.');
    expect(await nuages.innerText()).not.toContain(EN.finalResult);
    expect((await cafe()).runtime['tasse.madonna.nuages'].revealed).toBeFalsy();
    await session.app.bot.drain();
    expect(await spoilers.seen()).toEqual([]);
    await spoilers.stop();
  });

  test('through the other statements, each: reveal then next (Next clicked, then /next) to the video choice', async () => {
    // nuages by clicks: the answer, then the next statement (the watch that saw nothing above sees it now)
    const answer = await session.watchFor([`Answer: ${NUAGES.answer}`]);
    await facilitatorClick(NUAGES.text, EN.next);
    await expectText(card(NUAGES.text), `Answer: ${NUAGES.answer}`);
    await expectText(card(NUAGES.text), EN.finalResult);
    expect(await answer.seen()).toEqual([`Answer: ${NUAGES.answer}`]);
    await answer.stop();
    await facilitatorClick(NUAGES.text, EN.next);
    await expectText(card(LATER[1].text), EN.previous(NUAGES.text, NUAGES.answer));
    // the rest by text command, waiting for each card: the answer, then the next statement
    for (let i = 1; i < LATER.length; i++) {
      await sendMention(session.page, BOT.name, '/next');
      await expectText(card(LATER[i].text), `Answer: ${LATER[i].answer}`);
      await expectText(card(LATER[i].text), EN.finalResult);
      if (i === LATER.length - 1) break;
      await sendMention(session.page, BOT.name, '/next');
      await expectText(card(LATER[i + 1].text), EN.previous(LATER[i].text, LATER[i].answer));
    }
    expect(await tasseCardId()).toBe(tasseCard);
    expect(await cardCount()).toBe(2); // eleven statements, one card
    await facilitatorClick(LATER[LATER.length - 1].text, EN.next); // the last one is revealed: on to le café
    const choose = await waitForText(session.page, 'The facilitator is choosing the video');
    expect(await cardCount()).toBe(3); // le café's card
    await shot('07-video-choice', choose);
  });

  test('Camille picks a video by its letter; Léa clicks "I’m done" (dialog)', async () => {
    const label = await facilitatorChoose('The video', VIDEO_OPTION, '07b-video-choice-facilitator-view');
    expect(label).toMatch(/^(★ )?[A-Z]$/);
    const video = await waitForText(session.page, 'Watch the video');
    await expectText(video, VIDEO_OPTION);
    await expectText(video, /0 \/ \d+ have finished/);
    await waitStep('video-open-data');
    expect(await cardCount()).toBe(3); // the choice became the video, in place
    await participantPress(USERS.lea, 'done', {}, 'dialog');
    await expectText(card('Watch the video'), /1 \/ \d+ have finished/);
    await shot('08-video', card('Watch the video'));
  });

  test('Next → the board; Hugo adds a post-it; the board shows it', async () => {
    await facilitatorClick('Watch the video', EN.next, '08b-video-facilitator-view');
    const board = await waitForText(session.page, EN.addPostit);
    await expectText(board, "Ma journée d'agent");
    await waitStep('journee-agent');
    expect(await cardCount()).toBe(4); // le carré de chocolat's card
    await participantPress(USERS.hugo, 'postit', {
      postitColumn: 'trajet-aller',
      postitKind: 'ouvertes',
      postitText: 'Horaires de bus',
    });
    await expectText(card(EN.addPostit), '🟩 Horaires de bus');
    await shot('09-board', card(EN.addPostit));
    await card(EN.addPostit).getByRole('button', { name: EN.myView, exact: true }).click();
    await card(EN.addPostit).getByRole('button', { name: EN.next, exact: true }).waitFor();
    await shot('09b-board-facilitator-view', card(EN.addPostit));
  });

  test('/fin asks first and offers the feedback poll; Camille runs it', async () => {
    await sendMention(session.page, BOT.name, '/fin');
    const confirm = await waitForText(session.page, EN.endTitle);
    await expectText(confirm, 'The feedback poll has not been offered yet');
    expect((await readMessages(session.page)).filter((m) => m.text.includes(EN.endTitle)).at(-1)).toMatchObject({
      author: 'Barista',
      isCard: true,
      buttons: [EN.endWithFeedback, EN.endWithout, EN.endKeep],
    });
    expect((await cafe()).status).toBe('running'); // nothing ends by accident
    await shot('10a-end-confirm', confirm);

    await confirm.getByRole('button', { name: EN.endWithFeedback, exact: true }).click();
    await expectText(card(EN.endTitle), EN.feedbackLaunched);
    const feedback = await waitForText(session.page, EN.feedbackTitle);
    await waitStep('feedback');
    expect((await cafe()).status).toBe('running');
    await expectText(feedback, 'How was this café?');
    expect(await cardCount()).toBe(6); // + the confirmation, + le sucre's card (the feedback poll)
    await shot('10b-feedback', feedback);
  });

  test('Léa answers the feedback; End, confirmed, ends the café: the recap with the post-it, the Madonna results and data.gouv.fr', async () => {
    await participantPress(USERS.lea, 'feedback', {
      feedback_rating: 'tres-bien',
      feedback_again: 'oui',
      feedback_topic: 'ia',
      feedback_positive: 'Les cartes qui avancent sur place',
      feedback_negative: '',
    });
    await expectText(card(EN.feedbackTitle), 'Feedback received: 1');
    const s = await cafe();
    const answers = await session.app.store.listContributions(s.id, 'feedback');
    expect(answers.map((a) => a.userId)).toEqual([USERS.lea.id]);
    await shot('10c-feedback-answered', card(EN.feedbackTitle));

    // The feedback poll is the last step: End on its card, confirmed (the confirmation stands in for the card).
    await facilitatorClick(EN.feedbackTitle, EN.end, '10d-feedback-facilitator-view');
    const confirm = await waitForText(session.page, EN.endConfirm);
    await expectText(confirm, EN.endTitle);
    expect((await cafe()).status).toBe('running');
    await shot('10e-end-confirm-on-feedback', confirm);
    await confirm.getByRole('button', { name: EN.endYes, exact: true }).click();
    const recap = await waitForText(session.page, EN.recap);
    await expectText(recap, 'Horaires de bus');
    await expectText(recap, FIRST);
    await expectText(recap, MICHIGAN);
    await expectText(recap, '✅ Ma donnée 2 · Madonna 1 · Les deux 0'); // the first statement's votes
    await expectText(recap, 'Ma donnée 0 · ✅ Madonna 1 · Les deux 0'); // Michigan's
    await expectText(recap, 'data.gouv.fr');
    await expectText(recap, 'Americano');
    await waitUntil(async () => !(await session.app.store.getActive(GROUP_CHAT.id)), { what: 'the café to end' });
    await shot('11-recap', recap);

    // One card per part, plus the menu, /fin's confirmation, the recap and the network's question
    // (the map of cafés, asked once a conversation's first café ends): nothing else was posted.
    await waitForText(session.page, EN.network);
    const cards = await session.baristaCards();
    const is = (text: string) => (m: { text: string }) => m.text.includes(text);
    expect(cards.map((c) => c.text.split('\n')[0].slice(0, 60))).toHaveLength(8);
    expect([
      is('Americano avec sucre')(cards[0]),
      is(LATER[LATER.length - 1].text)(cards[1]), // la tasse: its last statement, closed
      is(VIDEO_OPTION)(cards[2]), // le café
      is("Ma journée d'agent")(cards[3]), // le carré de chocolat
      is(EN.endTitle)(cards[4]),
      is(EN.feedbackTitle)(cards[5]), // le sucre
      is(EN.recap)(cards[6]),
      is(EN.network)(cards[7]),
    ]).toEqual([true, true, true, true, true, true, true, true]);

    const errors = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
