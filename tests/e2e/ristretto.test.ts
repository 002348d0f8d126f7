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
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import type { Locator, Page } from 'playwright-core';
import { startBarista, type Barista } from '../../src/server';
import type { Config } from '../../src/config';
import {
  BOT,
  GROUP_CHAT,
  cardExecuteInvoke,
  launchBrowser,
  messages,
  openGroupChat,
  openPlayground,
  postCustomActivity,
  screenshot,
  sendCustomActivityAs,
  sendMention,
  startPlayground,
  waitForText,
  waitUntil,
  USERS,
  type BrowserHandle,
  type PlaygroundHandle,
  type PlaygroundUser,
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
  let dataDir: string;
  let app: Barista;
  let pg: PlaygroundHandle;
  let b: BrowserHandle;
  let page: Page;
  const logLines: string[] = [];
  const t0 = Date.now();

  /** The running café as stored (the Playground UI exposes no activity ids). */
  const cafe = async () => waitUntil(() => app.store.getActive(GROUP_CHAT.id), { what: 'the active café' });
  const currentStepId = async () => {
    const s = await cafe();
    return s.steps[s.cursor].id;
  };
  /** The activity id of a step's shared card (replyToId of a participant's click). */
  const messageIdOf = (cafeId: string, key: string) =>
    waitUntil(() => app.store.getMessageId(cafeId, key), { what: `the message id of ${key}` });

  /** The last message block that contains `text`. */
  const card = (text: string | RegExp): Locator => messages(page).filter({ hasText: text }).last();

  /** Waits until the message block shows `text` (locators re-resolve: the card may be replaced meanwhile). */
  async function expectText(loc: Locator, text: string | RegExp, timeout = 15_000): Promise<void> {
    try {
      await loc.filter({ hasText: text }).waitFor({ state: 'visible', timeout });
    } catch {
      const shown = await loc.innerText({ timeout: 1_000 }).catch(() => '<no such message>');
      throw new Error(`expected ${String(text)} in the message:\n${shown}`);
    }
  }

  /** Window screenshot + a crop of the card (scrolled into view). */
  const shot = async (name: string, of?: Locator) => {
    const file = await screenshot(page, `ristretto-${name}`);
    if (!of) return;
    // The chat pane scrolls inside a fixed layout: an element screenshot of a card taller than the
    // pane comes out clipped (and under the toolbar). Make the window tall enough for the card first.
    const size = page.viewportSize() ?? VIEWPORT;
    const box = await of.boundingBox();
    const tall = Math.max(size.height, Math.ceil((box?.height ?? 0) + 400));
    if (tall > size.height) await page.setViewportSize({ width: size.width, height: tall });
    try {
      await of.scrollIntoViewIfNeeded();
      await of.screenshot({ path: file.replace(/\.png$/, '-card.png') });
    } finally {
      if (tall > size.height) await page.setViewportSize(size);
    }
  };

  /**
   * Clicks one of the facilitator's controls on a shared card: the shared view has only
   * "🔄 My view", whose invoke response (Camille's own view) replaces the card in place. A pending
   * coalesced update of the shared card can replace her view again at any moment, so: let the bot
   * send what it has queued, then My view → wait for the button → click, retried if the card was
   * swapped under the pointer.
   */
  async function facilitatorClick(inMessageWith: string | RegExp, label: string, shotName?: string): Promise<void> {
    let lastErr: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      await app.bot.drain();
      const block = card(inMessageWith);
      const btn = block.getByRole('button', { name: label, exact: true });
      try {
        if (!(await btn.isVisible())) {
          await block.getByRole('button', { name: EN.myView, exact: true }).click({ timeout: 10_000 });
          await btn.waitFor({ state: 'visible', timeout: 10_000 });
        }
        if (shotName) await shot(shotName, block);
        await btn.click({ timeout: 5_000 });
        return;
      } catch (e) {
        lastErr = e;
      }
    }
    throw new Error(`could not click "${label}" in the card with "${String(inMessageWith)}": ${String(lastErr)}`);
  }

  /** A participant's Action.Execute on the step's shared card, as Teams would send it. */
  async function participantPress(
    user: PlaygroundUser,
    verb: string,
    data: Record<string, unknown>,
    via: 'dialog' | 'http' = 'http',
  ): Promise<void> {
    const s = await cafe();
    const stepId = (data.step as string | undefined) ?? s.steps[s.cursor].id;
    const replyToId = await messageIdOf(s.id, stepId);
    const activity = cardExecuteInvoke(verb, { cafe: s.id, step: stepId, ...data }, replyToId);
    if (via === 'dialog') await sendCustomActivityAs(page, pg, user, activity);
    else await postCustomActivity(pg, user, activity);
  }

  /** Waits until the stored café's current step is of this activity (and this ref, if given). */
  const waitStep = (activityId: string, ref?: string) =>
    waitUntil(
      async () => {
        const s = await cafe();
        const step = s.steps[s.cursor];
        return step.activityId === activityId && (ref === undefined || step.ref === ref);
      },
      { what: `the step ${activityId}${ref ? `/${ref}` : ''}` },
    );

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'barista-e2e-data-'));
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      appId: '',
      appPassword: '',
      appType: 'MultiTenant',
      appTenantId: '',
      localMode: true,
      dataDir,
      videoLinks: {},
      logLevel: 'warn',
    };
    // warn and above into memory: errors fail the test at the end, the rest helps debugging
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
    app = await startBarista({ config, logger });
    pg = await startPlayground({ botEndpoint: `${app.url}/api/messages` });
    b = await launchBrowser({ viewport: VIEWPORT });
    page = b.page;
    await openPlayground(page, pg.url);
    await openGroupChat(page);
  });

  afterAll(async () => {
    if (b) await screenshot(b.page, 'ristretto-99-final').catch(() => undefined);
    await b?.close();
    await pg?.stop();
    await app?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(`ristretto e2e: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  test('/startcafe ristretto: the menu, then Start', async () => {
    await sendMention(page, BOT.name, '/startcafe ristretto');
    const menu = await waitForText(page, 'Ristretto avec sucre');
    await expectText(menu, 'Planned time: 15 to 30 minutes'); // "Entre 15 et 30 minutes" (L418)
    await menu.getByRole('button', { name: EN.myView, exact: true }).click();
    await menu.getByRole('button', { name: EN.start, exact: true }).waitFor();
    await shot('01-menu-my-view', menu);
    await menu.getByRole('button', { name: EN.start, exact: true }).click();
    // A single ice breaker: no choice, the first statement at once.
    await waitForText(page, FIRST);
    expect((await cafe()).status).toBe('running');
  });

  test('through the 11 Madonna statements (/next) to the choice of the video', async () => {
    for (let i = 0; i < 10; i++) {
      const at = await currentStepId();
      await sendMention(page, BOT.name, '/next');
      await waitUntil(async () => (await currentStepId()) !== at, { what: `the step after ${at}` });
    }
    await waitForText(page, LAST_MADONNA);
    await sendMention(page, BOT.name, '/next');
    const choose = await waitForText(page, 'The facilitator is choosing the video');
    await expectText(choose, DATA_IA_VIDEO);
    await shot('02-video-choice', choose);
  });

  test('Camille picks the Data et IA video; Léa has watched it', async () => {
    await facilitatorClick('The video', DATA_IA_VIDEO, '03-choose-facilitator-view');
    const video = await waitForText(page, 'Watch the video');
    await expectText(video, DATA_IA_VIDEO);
    await waitStep('video-ristretto-data-ia');
    await participantPress(USERS.lea, 'done', {});
    await expectText(card('Watch the video'), /1 \/ \d+ have finished/);
  });

  test('Next: the IA quiz follows, « L\'invention de l\'IA peut être datée... », with no second choice', async () => {
    await facilitatorClick('Watch the video', EN.next);
    const quiz = await waitForText(page, IA_Q1);
    await expectText(quiz, IA_QUIZ);
    await waitStep('quiz-data-ia-q1-q2', 'invention-ia');
    const s = await cafe();
    expect(s.steps.filter((st) => st.kind === 'choose').map((st) => st.id)).toEqual(['cafe.choix']);
    expect(s.steps.some((st) => st.activityId.startsWith('quiz-open-data'))).toBe(false);
    await shot('04-ia-quiz', quiz);
  });

  test('/fin posts the recap, with no error logged', async () => {
    await sendMention(page, BOT.name, '/fin');
    const recap = await waitForText(page, '☕ Café recap');
    await expectText(recap, 'Ristretto');
    await waitUntil(async () => !(await app.store.getActive(GROUP_CHAT.id)), { what: 'the café to end' });
    const errors = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});
