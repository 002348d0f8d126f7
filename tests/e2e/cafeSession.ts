/**
 * One café in the real Microsoft 365 Agents Playground, for the end-to-end tests of a formula
 * (americano.test.ts, ristretto.test.ts): the real Barista server in local mode on a fresh data
 * folder, the Playground, headless Chromium on the group chat, and the moves a facilitator and
 * participants make there. `cafeSession(name)` registers the set-up and tear-down of the describe
 * block it is called in and returns the session (its fields are set once `beforeAll` has run).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import type { Locator, Page } from 'playwright-core';
import { startBarista, type Barista } from '../../src/server';
import type { Config } from '../../src/config';
import { partCardKey } from '../../src/domain/partCards';
import type { CafeState } from '../../src/domain/types';
import {
  GROUP_CHAT,
  cardExecuteInvoke,
  launchBrowser,
  messages,
  openGroupChat,
  openPlayground,
  postCustomActivity,
  readMessages,
  screenshot,
  sendCustomActivityAs,
  startPlayground,
  waitUntil,
  type BrowserHandle,
  type ChatMessage,
  type PlaygroundHandle,
  type PlaygroundUser,
} from './playground';

/** The English label of "🔄 My view" (src/i18n/en.ts): the Playground's user speaks en-US. */
const MY_VIEW = '🔄 My view';
/** The facilitator's view of a choose card asks her to choose (src/i18n/en.ts `choose.prompt`). */
const CHOOSE_PROMPT = 'Choose (the default is marked ★):';
const VIEWPORT = { width: 1400, height: 900 };

export interface CafeSession {
  readonly app: Barista;
  readonly pg: PlaygroundHandle;
  readonly page: Page;
  /** Barista's log lines at warn and above (errors fail a test at the end). */
  readonly logLines: string[];
  /** The running café as stored (the Playground UI exposes no activity ids). */
  cafe(): Promise<CafeState>;
  currentStepId(): Promise<string>;
  /** The activity id of a message the bot keeps under `key` (`part:<partId>`, `menu`, `recap`). */
  messageIdOf(cafeId: string, key: string): Promise<string>;
  /** The activity id of the card a step shows on: its part's card (replyToId of a participant's click). */
  cardIdOf(stepId: string): Promise<string>;
  /** Barista's cards in the conversation, as a person sees them, oldest first. */
  baristaCards(): Promise<ChatMessage[]>;
  /** The last message block that contains `text`. */
  card(text: string | RegExp): Locator;
  /** Waits until the message block shows `text` (locators re-resolve: the card may be replaced meanwhile). */
  expectText(loc: Locator, text: string | RegExp, timeout?: number): Promise<void>;
  /** Window screenshot + a crop of the card (scrolled into view). */
  shot(name: string, of?: Locator): Promise<void>;
  /** Clicks one of the facilitator's controls on a shared card, through "🔄 My view". */
  facilitatorClick(inMessageWith: string | RegExp, label: string, shotName?: string): Promise<void>;
  /**
   * Picks an option on a choose card, through "🔄 My view", as the facilitator reads it: by its
   * own button, or, when the options are listed under letters, by the letter the list gives it.
   * Returns the button's title.
   */
  facilitatorChoose(inMessageWith: string | RegExp, option: string, shotName?: string): Promise<string>;
  /**
   * Records whether any message block shows one of `texts` from now on (a MutationObserver, so a
   * card shown for an instant between two updates counts too). `seen()` says which were shown.
   */
  watchFor(texts: string[]): Promise<{ seen(): Promise<string[]>; stop(): Promise<void> }>;
  /** A participant's Action.Execute on the step's shared card, as Teams would send it. */
  participantPress(user: PlaygroundUser, verb: string, data: Record<string, unknown>, via?: 'dialog' | 'http'): Promise<void>;
  /** Waits until the stored café's current step is of this activity (and this ref, if given). */
  waitStep(activityId: string, ref?: string): Promise<boolean>;
}

export function cafeSession(name: string): CafeSession {
  let dataDir: string;
  let app: Barista;
  let pg: PlaygroundHandle;
  let b: BrowserHandle;
  let page: Page;
  const logLines: string[] = [];
  const t0 = Date.now();

  const cafe = async () => waitUntil(() => app.store.getActive(GROUP_CHAT.id), { what: 'the active café' });
  const currentStepId = async () => {
    const s = await cafe();
    return s.steps[s.cursor].id;
  };
  const messageIdOf = (cafeId: string, key: string) =>
    waitUntil(() => app.store.getMessageId(cafeId, key), { what: `the message id of ${key}` });
  const cardIdOf = async (stepId: string) => {
    const s = await cafe();
    const step = s.steps.find((st) => st.id === stepId);
    if (!step) throw new Error(`no step ${stepId} in the café`);
    return messageIdOf(s.id, partCardKey(step.part));
  };
  const baristaCards = async () => (await readMessages(page)).filter((m) => m.author === 'Barista' && m.isCard);
  const card = (text: string | RegExp): Locator => messages(page).filter({ hasText: text }).last();

  async function expectText(loc: Locator, text: string | RegExp, timeout = 15_000): Promise<void> {
    try {
      await loc.filter({ hasText: text }).waitFor({ state: 'visible', timeout });
    } catch {
      const shown = await loc.innerText({ timeout: 1_000 }).catch(() => '<no such message>');
      throw new Error(`expected ${String(text)} in the message:\n${shown}`);
    }
  }

  const shot = async (shotName: string, of?: Locator) => {
    const file = await screenshot(page, `${name}-${shotName}`);
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
   * The shared view has only "🔄 My view", whose invoke response (Camille's own view) replaces the
   * card in place. A pending coalesced update of the shared card can replace her view again at any
   * moment, so: let the bot send what it has queued, then My view → wait for the button → click,
   * retried if the card was swapped under the pointer.
   */
  async function facilitatorClick(inMessageWith: string | RegExp, label: string, shotName?: string): Promise<void> {
    let lastErr: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      await app.bot.drain();
      const block = card(inMessageWith);
      const btn = block.getByRole('button', { name: label, exact: true });
      try {
        if (!(await btn.isVisible())) {
          await block.getByRole('button', { name: MY_VIEW, exact: true }).click({ timeout: 10_000 });
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

  async function facilitatorChoose(inMessageWith: string | RegExp, option: string, shotName?: string): Promise<string> {
    let lastErr: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      await app.bot.drain();
      const block = card(inMessageWith);
      const asked = block.filter({ hasText: CHOOSE_PROMPT });
      try {
        if (!(await asked.isVisible())) {
          await block.getByRole('button', { name: MY_VIEW, exact: true }).click({ timeout: 10_000 });
          await asked.waitFor({ state: 'visible', timeout: 10_000 });
        }
        const label = choiceButtonTitle(await asked.innerText({ timeout: 5_000 }), option);
        const btn = asked.getByRole('button', { name: label, exact: true });
        if (shotName) await shot(shotName, asked);
        await btn.click({ timeout: 5_000 });
        return label;
      } catch (e) {
        lastErr = e;
      }
    }
    throw new Error(`could not choose "${option}" in the card with "${String(inMessageWith)}": ${String(lastErr)}`);
  }

  async function watchFor(texts: string[]): Promise<{ seen(): Promise<string[]>; stop(): Promise<void> }> {
    const key = `__watch${Math.random().toString(36).slice(2)}`;
    await page.evaluate(({ key, texts }) => {
      const w = window as unknown as Record<string, { seen: string[]; observer: MutationObserver }>;
      const seen: string[] = [];
      const look = () => {
        const blocks = Array.from(document.querySelectorAll('[aria-label="Message header"]')).map((h) => (h.parentElement as HTMLElement | null)?.innerText ?? '');
        for (const text of texts) if (!seen.includes(text) && blocks.some((b) => b.includes(text))) seen.push(text);
      };
      const observer = new MutationObserver(look);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      look();
      w[key] = { seen, observer };
    }, { key, texts });
    const read = () => page.evaluate((key) => (window as unknown as Record<string, { seen: string[] }>)[key].seen.slice(), key);
    return {
      seen: read,
      stop: () => page.evaluate((key) => (window as unknown as Record<string, { observer: MutationObserver }>)[key].observer.disconnect(), key),
    };
  }

  async function participantPress(user: PlaygroundUser, verb: string, data: Record<string, unknown>, via: 'dialog' | 'http' = 'http'): Promise<void> {
    const s = await cafe();
    const stepId = (data.step as string | undefined) ?? s.steps[s.cursor].id;
    const replyToId = await cardIdOf(stepId);
    const activity = cardExecuteInvoke(verb, { cafe: s.id, step: stepId, ...data }, replyToId);
    if (via === 'dialog') await sendCustomActivityAs(page, pg, user, activity);
    else await postCustomActivity(pg, user, activity);
  }

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
    if (b) await screenshot(b.page, `${name}-99-final`).catch(() => undefined);
    await b?.close();
    await pg?.stop();
    await app?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(`${name} e2e: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  return {
    get app() { return app; },
    get pg() { return pg; },
    get page() { return page; },
    logLines,
    cafe,
    currentStepId,
    messageIdOf,
    cardIdOf,
    baristaCards,
    card,
    expectText,
    shot,
    facilitatorClick,
    facilitatorChoose,
    watchFor,
    participantPress,
    waitStep,
  };
}

/**
 * The title of the button that picks `option`, read from a card's text as a person reads it: the
 * option's own title when the buttons carry them; when the options are listed under letters
 * ("A · ★ Ma donnée, Madonna ou les deux"), the letter the list gives it, ★ included for the default.
 */
export function choiceButtonTitle(cardText: string, option: string): string {
  const line = cardText.split('\n').map((l) => l.trim()).find((l) => /^[A-Z] · /.test(l) && l.includes(option));
  if (!line) return option;
  const m = /^([A-Z]) · (★ )?/.exec(line)!;
  return `${m[2] ?? ''}${m[1]}`;
}

/** The letter a lettered list gives `choice` ("B · des années 50…" → "B"), or undefined when the card lists none. */
export function letterOf(cardText: string, choice: string): string | undefined {
  const line = cardText.split('\n').map((l) => l.trim()).find((l) => /^(✅ )?[A-Z] · /.test(l) && l.includes(choice));
  return line ? /^(?:✅ )?([A-Z]) · /.exec(line)![1] : undefined;
}
