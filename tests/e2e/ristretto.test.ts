/**
 * A Ristretto avec sucre in the real Microsoft 365 Agents Playground, driven through headless
 * Chromium against the real Barista server (same set-up as americano.test.ts): the facilitator
 * picks the *Data et IA* video, and the quiz that follows is the IA quiz (« L'invention de l'IA
 * peut être datée... »), with no second choice to make — « Choisissez bien le quiz correspondant à
 * la vidéo diffusée pendant le café ! » (guide L563; L461, L504).
 *
 * The flow as the facilitator lives it: each statement takes two /next (its answer, then the next
 * one), all on la tasse's one card; the video is picked by the letter its card lists it under; the
 * quiz's long choices are listed under letters, the buttons carrying the letter, and its counts
 * wait for the reveal (the facilitator alone sees them live); /fin asks, and ends without the
 * feedback poll when told so.
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/ristretto.test.ts --runInBand
 * Screenshots: /tmp/barista-e2e/ristretto-*.png
 */
import { cafeSession, letterOf } from './cafeSession';
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
  next: 'Next',
  finalResult: 'Final result',
  liveVotes: 'Live votes',
  hiddenResults: 'The results are shown with the answer',
  previous: (statement: string, answer: string) => `↩ Previous: “${statement}” — Answer: ${answer}`,
  endTitle: '☕ End the café?',
  endWithFeedback: 'Run the feedback poll, then end',
  endWithout: 'End without it',
  endKeep: 'Keep the café going',
  endDone: 'The café is over: the recap is in the conversation.',
  recap: '☕ Café recap',
};

const MADONNA = 'Ma donnée, Madonna ou les deux';
const FIRST = 'On en parlait moins dans les années 80';
const LAST_MADONNA = "A rapporté plus d'un milliard de dollars de recette";
/** The video's name, as the guide's PARTIE 2 gives it (L1497). */
const DATA_IA_VIDEO = 'Data et IA : des outils au service des agents publics (en 2 parties)';
/** The IA quiz (L504), its first question (L508) and its choices, the right one second. */
const IA_QUIZ = "Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle";
const IA_Q1 = "L'invention de l'IA peut être datée...";
const IA_Q1_CHOICES = [
  "du film 2001 L'Odyssée de l'espace, avec le redoutable HAL en 1968",
  'des années 50 avec les premières recherches lancées dans le domaine',
  "de 2015 avec la fondation d'OpenAI, la société qui a lancé ChatGPT",
];
const IA_Q1_ANSWER = IA_Q1_CHOICES[1];
const IA_Q2 = "L'IA est capable d'appeler un chat « un chat » sans se tromper parce que...";

describe('Ristretto avec sucre in the Agents Playground (e2e): the quiz follows the video', () => {
  const session = cafeSession('ristretto');
  const { cafe, currentStepId, card, expectText, shot, facilitatorClick, facilitatorChoose, participantPress, waitStep, logLines } = session;
  const cardCount = async () => (await session.baristaCards()).length;

  test('/startcafe ristretto: the menu, then Start', async () => {
    await sendMention(session.page, BOT.name, '/startcafe ristretto');
    const menu = await waitForText(session.page, 'Ristretto avec sucre');
    await expectText(menu, 'Planned time: 15 to 30 minutes'); // "Entre 15 et 30 minutes" (L418)
    await menu.getByRole('button', { name: EN.myView, exact: true }).click();
    await menu.getByRole('button', { name: EN.start, exact: true }).waitFor();
    await shot('01-menu-my-view', menu);
    await menu.getByRole('button', { name: EN.start, exact: true }).click();
    // A single ice breaker: no choice, the first statement at once.
    await waitForText(session.page, FIRST);
    expect((await cafe()).status).toBe('running');
    expect(await cardCount()).toBe(2); // the menu, la tasse's card
  });

  test('through the 11 Madonna statements, two /next each (the answer, then the next one), on one card, to the choice of the video', async () => {
    const tasse = card(MADONNA);
    const tasseId = await session.messageIdOf((await cafe()).id, 'part:tasse');
    for (let i = 0; i < 11; i++) {
      const at = await currentStepId();
      await sendMention(session.page, BOT.name, '/next');
      await waitUntil(async () => (await cafe()).runtime[at]?.revealed, { what: `the reveal of ${at}` });
      await expectText(tasse, EN.finalResult);
      expect(await currentStepId()).toBe(at); // the first /next only reveals
      if (i === 0) await shot('02a-first-revealed', tasse);
      if (i === 10) break;
      await sendMention(session.page, BOT.name, '/next');
      await waitUntil(async () => (await currentStepId()) !== at, { what: `the step after ${at}` });
      await expectText(tasse, EN.liveVotes);
      if (i === 0) await expectText(tasse, EN.previous(FIRST, 'ma donnée'));
    }
    await expectText(tasse, LAST_MADONNA);
    expect(await session.messageIdOf((await cafe()).id, 'part:tasse')).toBe(tasseId);
    expect(await cardCount()).toBe(2);
    await sendMention(session.page, BOT.name, '/next');
    const choose = await waitForText(session.page, 'The facilitator is choosing the video');
    await expectText(choose, DATA_IA_VIDEO);
    expect(await cardCount()).toBe(3); // le café's card
    await shot('02-video-choice', choose);
  });

  test('Camille picks the Data et IA video by its letter; Léa has watched it', async () => {
    const label = await facilitatorChoose('The video', DATA_IA_VIDEO, '03-choose-facilitator-view');
    expect(label).toMatch(/^(★ )?[A-Z]$/);
    const video = await waitForText(session.page, 'Watch the video');
    await expectText(video, DATA_IA_VIDEO);
    await waitStep('video-ristretto-data-ia');
    expect(await cardCount()).toBe(3);
    await participantPress(USERS.lea, 'done', {});
    await expectText(card('Watch the video'), /1 \/ \d+ have finished/);
  });

  test('Next: the IA quiz follows, « L\'invention de l\'IA peut être datée... », with no second choice; its choices under letters', async () => {
    await facilitatorClick('Watch the video', EN.next);
    const quiz = await waitForText(session.page, IA_Q1);
    await expectText(quiz, IA_QUIZ);
    await waitStep('quiz-data-ia-q1-q2', 'invention-ia');
    const s = await cafe();
    expect(s.steps.filter((st) => st.kind === 'choose').map((st) => st.id)).toEqual(['cafe.choix']);
    expect(s.steps.some((st) => st.activityId.startsWith('quiz-open-data'))).toBe(false);
    expect(await cardCount()).toBe(4); // le carré de chocolat's card
    // Every choice in full under a letter; the buttons carry the letters.
    const text = await quiz.innerText();
    const letters = IA_Q1_CHOICES.map((c) => letterOf(text, c));
    expect(letters).toEqual(['A', 'B', 'C']);
    const shared = (await readMessages(session.page)).filter((m) => m.text.includes(IA_Q1)).at(-1)!;
    expect(shared.buttons).toEqual(['A', 'B', 'C', EN.myView]);
    await shot('04-ia-quiz', quiz);
  });

  test('Léa and Karim answer the quiz: everyone sees how many answered, only Camille sees the split before the reveal', async () => {
    await participantPress(USERS.lea, 'vote', { choice: 'annees-50' }, 'dialog');
    await participantPress(USERS.karim, 'vote', { choice: 'film-2001' });
    const quiz = card(IA_Q1);
    await expectText(quiz, '2 people have voted.');
    await expectText(quiz, EN.hiddenResults);
    expect(await quiz.innerText()).not.toMatch(/█/);
    await shot('05-quiz-answered-shared', quiz);
    const votes = await session.app.store.listContributions((await cafe()).id, 'chocolat.quiz-data-ia-q1-q2.invention-ia');
    expect(votes.map((v) => v.userId).sort()).toEqual([USERS.karim.id, USERS.lea.id]);

    await session.app.bot.drain();
    await quiz.getByRole('button', { name: EN.myView, exact: true }).click();
    await expectText(quiz, EN.liveVotes);
    await expectText(quiz, /█/);
    await shot('05b-quiz-facilitator-view', quiz);
  });

  test('Next reveals the quiz\'s answer and its split to all; Next again: the second question on the same card', async () => {
    const b = letterOf(await card(IA_Q1).innerText(), IA_Q1_ANSWER)!;
    await facilitatorClick(IA_Q1, EN.next);
    const quiz = card(IA_Q1);
    await expectText(quiz, `Answer: ${IA_Q1_ANSWER}`);
    await expectText(quiz, EN.finalResult);
    await expectText(quiz, `✅ ${b} · ${IA_Q1_ANSWER}`);
    await expectText(quiz, /█/);
    await shot('06-quiz-revealed', quiz);

    await facilitatorClick(IA_Q1, EN.next);
    await waitStep('quiz-data-ia-q1-q2', 'chat');
    const q2 = await waitForText(session.page, IA_Q2);
    await expectText(q2, EN.previous(IA_Q1, IA_Q1_ANSWER));
    await expectText(q2, 'Nobody has voted yet.');
    expect(await cardCount()).toBe(4);
    await shot('07-quiz-q2', q2);
  });

  test('/fin asks first; "End without it" posts the recap, with no error logged', async () => {
    await sendMention(session.page, BOT.name, '/fin');
    const confirm = await waitForText(session.page, EN.endTitle);
    expect((await readMessages(session.page)).filter((m) => m.text.includes(EN.endTitle)).at(-1)!.buttons).toEqual([EN.endWithFeedback, EN.endWithout, EN.endKeep]);
    const cafeId = (await cafe()).id;
    expect((await cafe()).status).toBe('running');
    await confirm.getByRole('button', { name: EN.endWithout, exact: true }).click();
    const recap = await waitForText(session.page, EN.recap);
    await expectText(recap, 'Ristretto');
    await expectText(card(EN.endTitle), EN.endDone);
    await waitUntil(async () => !(await session.app.store.getActive(GROUP_CHAT.id)), { what: 'the café to end' });
    const ended = await session.app.store.get(cafeId);
    expect(ended?.status).toBe('ended');
    expect(ended?.runtime.feedback).toBeUndefined(); // without the feedback poll, as told
    expect(await cardCount()).toBe(7); // + the confirmation, the recap and the network's question
    await shot('08-recap', recap);
    const errors = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
