/**
 * A Ristretto avec sucre in the real Microsoft 365 Agents Playground, driven through headless
 * Chromium against the real Barista server (same set-up as americano.test.ts): the facilitator
 * picks the *Data et IA* video, and the quiz that follows is the IA quiz (« L'invention de l'IA
 * peut être datée... »), with no second choice to make — « Choisissez bien le quiz correspondant à
 * la vidéo diffusée pendant le café ! » (guide L563; L461, L504).
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/ristretto.test.ts --runInBand
 * Screenshots: /tmp/barista-e2e/ristretto-*.png
 */
import { cafeSession } from './cafeSession';
import {
  BOT,
  GROUP_CHAT,
  USERS,
  sendMention,
  waitForText,
  waitUntil,
} from './playground';

/** English labels (src/i18n/en.ts): what the Playground's en-US user sees. */
const EN = { myView: '🔄 My view', start: 'Start', reveal: 'Reveal', next: 'Next' };

const VIEWPORT = { width: 1400, height: 900 };
const FIRST = 'On en parlait moins dans les années 80';
const LAST_MADONNA = "A rapporté plus d'un milliard de dollars de recette";
/** The video's name, as the guide's PARTIE 2 gives it (L1497). */
const DATA_IA_VIDEO = 'Data et IA : des outils au service des agents publics (en 2 parties)';
/** The IA quiz (L504) and its first question (L508). */
const IA_QUIZ = "Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle";
const IA_Q1 = "L'invention de l'IA peut être datée...";

describe('Ristretto avec sucre in the Agents Playground (e2e): the quiz follows the video', () => {
  const session = cafeSession('ristretto');
  const { cafe, currentStepId, card, expectText, shot, facilitatorClick, participantPress, waitStep, logLines } = session;

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
  });

  test('through the 11 Madonna statements (/next) to the choice of the video', async () => {
    for (let i = 0; i < 10; i++) {
      const at = await currentStepId();
      await sendMention(session.page, BOT.name, '/next');
      await waitUntil(async () => (await currentStepId()) !== at, { what: `the step after ${at}` });
    }
    await waitForText(session.page, LAST_MADONNA);
    await sendMention(session.page, BOT.name, '/next');
    const choose = await waitForText(session.page, 'The facilitator is choosing the video');
    await expectText(choose, DATA_IA_VIDEO);
    await shot('02-video-choice', choose);
  });

  test('Camille picks the Data et IA video; Léa has watched it', async () => {
    await facilitatorClick('The video', DATA_IA_VIDEO, '03-choose-facilitator-view');
    const video = await waitForText(session.page, 'Watch the video');
    await expectText(video, DATA_IA_VIDEO);
    await waitStep('video-ristretto-data-ia');
    await participantPress(USERS.lea, 'done', {});
    await expectText(card('Watch the video'), /1 \/ \d+ have finished/);
  });

  test('Next: the IA quiz follows, « L\'invention de l\'IA peut être datée... », with no second choice', async () => {
    await facilitatorClick('Watch the video', EN.next);
    const quiz = await waitForText(session.page, IA_Q1);
    await expectText(quiz, IA_QUIZ);
    await waitStep('quiz-data-ia-q1-q2', 'invention-ia');
    const s = await cafe();
    expect(s.steps.filter((st) => st.kind === 'choose').map((st) => st.id)).toEqual(['cafe.choix']);
    expect(s.steps.some((st) => st.activityId.startsWith('quiz-open-data'))).toBe(false);
    await shot('04-ia-quiz', quiz);
  });

  test('/fin posts the recap, with no error logged', async () => {
    await sendMention(session.page, BOT.name, '/fin');
    const recap = await waitForText(session.page, '☕ Café recap');
    await expectText(recap, 'Ristretto');
    await waitUntil(async () => !(await session.app.store.getActive(GROUP_CHAT.id)), { what: 'the café to end' });
    const errors = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
