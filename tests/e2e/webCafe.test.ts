/// <reference lib="dom" />
/**
 * Whole cafés through the web door, in headless Chromium against the real server (restify, the
 * pipeline, SQLite, the built pages): a facilitator's console and five participants' pages, each
 * in a browser context of its own (its own storage, as five phones). The driver walks the café as
 * the console shows it, and at each step the participants do what the step asks — vote, change a
 * vote, argue, pick, say « J'ai fini », post a post-it, answer, give their feedback — then the
 * console reveals and moves on, until the recap. Then a Teams café (fake Bot Connector) with two
 * web participants whose votes show on the Teams card.
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/webCafe.test.ts
 * Screenshots: /tmp/barista-e2e/web-cafe-*.png
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildTab, buildWeb, buildWebStart } from '../../scripts/build-tab';
import { cardText, Stack } from '../integration/harness';
import { CHROMIUM_PATH } from './playground';

const tid = (id: string) => `[data-testid="${id}"]`;
const SHOTS = '/tmp/barista-e2e';
const NAMES = ['Léa', 'Karim', '', 'Nina <b>', ''];

interface Person {
  context: BrowserContext;
  page: Page;
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
}

async function person(browser: Browser, problems: string[], viewport = { width: 390, height: 844 }): Promise<Person> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { context, page };
}

/** The step a page shows: its kind and id (undefined before the café begins and once it ended). */
async function stepOf(page: Page): Promise<{ kind: string; id: string } | undefined> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="step"]');
    return el ? { kind: el.getAttribute('data-kind') ?? '', id: el.getAttribute('data-step-id') ?? '' } : undefined;
  });
}

async function waitStep(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="step"]')?.getAttribute('data-step-id') === want, id, { timeout: 15_000 });
}

/** Whether the page has an element with this test id. */
const has = async (page: Page, id: string) => (await page.$(tid(id))) !== null;

/** What the participants do on a step, through their pages; returns a short log line. */
async function participate(people: Person[], con: Page, step: { kind: string; id: string }): Promise<string> {
  await Promise.all(people.map((p) => waitStep(p.page, step.id)));
  const pages = people.map((p) => p.page);
  switch (step.kind) {
    case 'poll': {
      const buttons = await pages[0]!.$$eval('[data-testid^="vote-"]', (els) => els.map((e) => e.getAttribute('data-testid')!));
      if (!buttons.length) return 'poll (closed)';
      for (const [i, page] of pages.entries()) {
        const choice = buttons[i % buttons.length]!;
        await page.click(tid(choice));
        await page.waitForSelector(`${tid(choice)}[aria-pressed="true"]`);
      }
      // Léa changes her mind: her vote moves, counted once
      const other = buttons[1 % buttons.length]!;
      await pages[0]!.click(tid(other));
      await pages[0]!.waitForSelector(`${tid(other)}[aria-pressed="true"]`);
      await con.waitForFunction(() => /5/.test(document.querySelector('[data-testid="voters"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
      let line = `poll: ${buttons.length} choices, 5 votes, 1 changed`;
      if (await has(pages[1]!, 'argument-text')) {
        await pages[1]!.fill(tid('argument-text'), 'Les données ouvertes servent tout le monde <script>');
        await pages[1]!.click(tid('argument-send'));
        // Barista keeps a person's text as text (a tag is dropped when stored): never markup on any page
        await con.waitForFunction(() => (document.querySelector('[data-testid="arguments"]')?.textContent ?? '').includes('servent tout le monde'), undefined, { timeout: 10_000 })
          .catch(async (err: Error) => {
            await con.screenshot({ path: `${SHOTS}/web-cafe-stuck.png`, fullPage: true });
            await pages[1]!.screenshot({ path: `${SHOTS}/web-cafe-stuck-participant.png`, fullPage: true });
            throw new Error(`the argument is not on the console (the page said: ${await pages[1]!.textContent('#announce')}): ${err.message}`);
          });
        expect(await con.$('[data-testid="arguments"] script')).toBeNull();
        line += ', 1 argument';
      }
      if (await has(con, 'control-reveal')) {
        await con.click(tid('control-reveal'));
        // The vote closes on every page (a quiz shows the guide's answer; a debate has none)
        await pages[2]!.waitForFunction(() => !document.querySelector('[data-testid^="vote-"]'), undefined, { timeout: 10_000 });
        line += ', revealed';
      }
      return line;
    }
    case 'pick': {
      const items = await pages[0]!.$$eval('[data-testid^="pick-"]', (els) => els.map((e) => e.getAttribute('data-testid')!));
      for (const [i, page] of pages.entries()) {
        await page.click(tid(items[i % items.length]!));
        await page.waitForSelector(tid('my-pick'));
      }
      return `pick: 5 picks of ${items.length}`;
    }
    case 'video': {
      for (const page of pages) {
        await page.click(tid('done'));
        await page.waitForSelector(tid('you-done'));
      }
      await con.waitForFunction(() => /5/.test(document.querySelector('[data-testid="finished"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
      return 'video: 5 « J\'ai fini »';
    }
    case 'board': {
      for (const [i, page] of pages.slice(0, 3).entries()) {
        await page.fill(tid('postit-text'), `Idée ${i + 1} : ouvrir les données`);
        await page.click(tid('postit-send'));
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="postit"]').length >= 1 || n < 0, i);
      }
      await con.waitForFunction(() => document.querySelectorAll('[data-testid="postit"]').length >= 3, undefined, { timeout: 10_000 });
      return 'board: 3 post-its';
    }
    case 'question': {
      if (!(await has(pages[0]!, 'answer-text'))) return 'question (closed)';
      for (const page of pages.slice(0, 2)) {
        await page.fill(tid('answer-text'), 'Un tableau de bord des demandes');
        await page.click(tid('answer-send'));
      }
      await con.waitForFunction(() => /2/.test(document.querySelector('[data-testid="answer-count"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
      return 'question: 2 answers';
    }
    case 'feedback':
      await giveFeedback(pages);
      return 'feedback: 5 answers';
    case 'turns':
      for (let i = 0; i < 2 && (await has(con, 'control-turn-next')); i++) await con.click(tid('control-turn-next'));
      return 'turns: the floor went round';
    default:
      return step.kind;
  }
}

async function giveFeedback(pages: Page[]): Promise<void> {
  for (const page of pages) {
    const first = await page.$('[data-testid^="feedback-rating-"]');
    if (first) await first.check();
    await page.click(tid('feedback-send'));
    await page.waitForSelector(tid('feedback-mine'));
  }
}

/** Drives a whole café from the console, the participants doing each step; returns what happened. */
async function runCafe(con: Page, people: Person[]): Promise<string[]> {
  const log: string[] = [];
  await con.click(tid('control-begin'));
  for (let guard = 0; guard < 80; guard++) {
    if (await has(con, 'ended')) break;
    await con.waitForSelector(tid('step'), { timeout: 10_000 });
    const step = (await stepOf(con))!;
    if (step.kind === 'choose') {
      await con.locator('[data-testid^="choose-"]').first().click();
      await con.waitForFunction((id) => document.querySelector('[data-testid="step"]')?.getAttribute('data-step-id') !== id, step.id, { timeout: 10_000 });
      log.push('choose');
      continue;
    }
    log.push(await participate(people, con, step));
    if (step.kind === 'poll' && log.length === 2) {
      await con.screenshot({ path: `${SHOTS}/web-cafe-console.png`, fullPage: true });
      await people[0]!.page.screenshot({ path: `${SHOTS}/web-cafe-participant.png`, fullPage: true });
    }
    // The last step has Terminer instead of Suivant: it asks first, on the page
    if (!(await has(con, 'control-next')) && (await has(con, 'control-end'))) {
      await con.click(tid('control-end'));
      await con.click(tid('end-now'));
      await con.waitForSelector(tid('ended'), { timeout: 10_000 });
      break;
    }
    await con.click(tid('control-next'), { timeout: 10_000 }).catch(async (err: Error) => {
      await con.screenshot({ path: `${SHOTS}/web-cafe-stuck.png`, fullPage: true });
      throw new Error(`no Suivant on ${step.kind} ${step.id} after ${log.join(' | ')}: ${err.message}`);
    });
    // Crazy jobs: Suivant gives the floor to the next person first, as the card's does
    for (let i = 0; step.kind === 'turns' && i < 12; i++) {
      const moved = await con.waitForFunction((id) => document.querySelector('[data-testid="step"]')?.getAttribute('data-step-id') !== id, step.id, { timeout: 1_000 }).then(() => true, () => false);
      if (moved) break;
      await con.click(tid('control-next'));
    }
    // The next step, or (the last one) the end's confirmation
    await con.waitForFunction((id) => document.querySelector('[data-testid="step"]')?.getAttribute('data-step-id') !== id
      || !!document.querySelector('[data-testid="end-now"]') || !!document.querySelector('[data-testid="ended"]'), step.id, { timeout: 10_000 })
      .catch(async (err: Error) => {
        await con.screenshot({ path: `${SHOTS}/web-cafe-stuck.png`, fullPage: true });
        const said = await con.textContent('#announce');
        throw new Error(`Suivant did not move on from ${step.kind} ${step.id} (said: ${said}) after ${log.join(' | ')}: ${err.message}`);
      });
    if (await has(con, 'end-now')) {
      await con.click(tid('end-now'));
      await con.waitForSelector(tid('ended'), { timeout: 10_000 });
    }
  }
  return log;
}

describe('whole cafés on the web, in Chromium', () => {
  let browser: Browser;
  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await Promise.all([buildTab(), buildWeb(), buildWebStart()]);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * The Americano « sans sucre » (its debate: votes and arguments) has a public that registers
   * mostly « averti »: the guide's advice is the café's own. The Ristretto is started « avec sucre »
   * and its public registers « averti » too: the console adopts the guide's advice, and the café
   * runs « sans sucre ».
   */
  const cases = [
    { formula: 'americano', variant: 'sans-sucre', label: 'Americano sans sucre', levels: ['averti', 'averti', 'novice', 'averti', 'intermediaire'], runs: 'Americano sans sucre' },
    { formula: 'ristretto', variant: 'avec-sucre', label: 'Ristretto sans sucre', levels: ['averti', 'averti', 'averti', 'novice', 'averti'], runs: 'Ristretto sans sucre' },
  ] as const;
  for (const { formula, variant, label, levels, runs } of cases) {
    it(`a ${label}: registration, then the console and five participants from the start page to the recap`, async () => {
      const stack = new Stack();
      await stack.start();
      const base = stack.app.url;
      const con = await person(browser, problems, { width: 1280, height: 900 });
      try {
        // The start page: « Je sais ce que je veux », the formula and its variant
        await con.page.goto(`${base}/console`);
        await con.page.click(tid('way-choose'));
        await con.page.click(tid(`pick-${formula}-${variant}`));
        await con.page.fill(tid('name-input'), 'Camille');
        await con.page.click(tid('start-button'));
        await con.page.waitForSelector(tid('cafe-code'), { timeout: 10_000 });
        // The console's secret left the address bar
        expect(con.page.url()).not.toContain('#t=');
        const code = (await con.page.textContent(tid('cafe-code')))!.trim();
        expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        expect(await con.page.$(`${tid('qr')} svg`)).not.toBeNull();

        // Five participants type the code at the short address, two give no name
        const people: Person[] = [];
        for (const name of NAMES) {
          const p = await person(browser, problems);
          await p.page.goto(`${base}/j`);
          await p.page.fill(tid('join-code'), code.toLowerCase());
          if (name) await p.page.fill(tid('join-name'), name);
          await p.page.click(tid('join-submit'));
          await p.page.waitForSelector(tid('plan'), { timeout: 10_000 });
          people.push(p);
        }
        // A name is text, never markup
        expect(await people[3]!.page.textContent(tid('me'))).toContain('Nina <b>');
        await con.page.waitForFunction(() => /5/.test(document.querySelector('[data-testid="participants"]')?.textContent ?? ''), undefined, { timeout: 10_000 });

        // A participant's page has no controls
        expect(await has(people[0]!.page, 'control-begin')).toBe(false);

        // Registration before the café: each says their level, online or in the room
        for (const [i, p] of people.entries()) {
          await p.page.check(tid(`register-level-${levels[i]}`));
          await p.page.check(tid(`register-place-${i % 2 ? 'online' : 'room'}`));
          await p.page.click(tid('register-send'));
          await p.page.waitForSelector(tid('register-mine'), { timeout: 10_000 });
        }
        await con.page.waitForFunction(() => /5/.test(document.querySelector('[data-testid="registration-count"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
        expect(await con.page.textContent(tid('registration-place-room'))).toContain('3');
        if (await has(con.page, 'reformulate')) {
          await con.page.click(tid('reformulate'));
          await con.page.waitForSelector(tid('registration-advice-current'), { timeout: 10_000 });
        }
        expect(await con.page.textContent(tid('registration-advice'))).toContain(runs.split(' ')[0]!);
        await people[0]!.page.screenshot({ path: `${SHOTS}/web-cafe-${formula}-registration.png`, fullPage: true });
        await con.page.screenshot({ path: `${SHOTS}/web-cafe-${formula}-console-menu.png`, fullPage: true });

        expect(await con.page.textContent('header, [data-testid="header"], body')).toContain(runs);
        const log = await runCafe(con.page, people);
        expect(log.some((l) => l.startsWith('poll: ') && l.includes('5 votes'))).toBe(true);
        expect(log).toContain('feedback: 5 answers');
        // Quizzes revealed; the Americano's debate took arguments; the video's « J'ai fini »
        expect(log.some((l) => l.includes('revealed'))).toBe(true);
        if (formula === 'americano') expect(log.some((l) => l.includes('1 argument'))).toBe(true);
        expect(log.some((l) => l.startsWith('video: '))).toBe(true);
        await people[0]!.page.screenshot({ path: `${SHOTS}/web-cafe-${formula}-participant-end.png`, fullPage: true });
        // Every page shows the recap
        await Promise.all(people.map((p) => p.page.waitForSelector(tid('ended'), { timeout: 10_000 })));
        const cafe = (await stack.app.store.listCafes((await stack.app.store.cafeByCode(code.replace('-', '')))!.conversationId))[0]!;
        expect(cafe.status).toBe('ended');
        const votes = (await stack.app.store.listContributions(cafe.id)).filter((c) => c.kind === 'vote');
        expect(votes.length).toBeGreaterThan(0);
        // One record per person per statement: the changed votes replaced the first ones
        expect(new Set(votes.map((v) => `${v.stepId}/${v.userId}`)).size).toBe(votes.length);
        const feedback = (await stack.app.store.listContributions(cafe.id)).filter((c) => c.kind === 'feedback');
        expect(feedback).toHaveLength(5);
        // The facilitator erases the web café from the console: it asks first, then every page says so
        if (formula === 'ristretto') {
          await con.page.click(tid('erase'));
          await con.page.click(tid('erase-now'));
          await Promise.all([con, ...people].map((p) => p.page.waitForSelector(tid('erased'), { timeout: 10_000 })));
          expect(await stack.app.store.get(cafe.id)).toBeUndefined();
        }
        expect(problems).toEqual([]);
      } finally {
        for (const c of browser.contexts()) await c.close();
        await stack.stop();
      }
    }, 240_000);
  }

  it('a Teams café takes two web participants, whose votes show on the Teams card', async () => {
    const stack = new Stack();
    await stack.start();
    try {
      const camille = stack.user('29:camille', 'Camille Martin');
      await camille.say('/startcafe americano');
      await stack.waitForMessage('Au menu');
      const cafe = await stack.cafe();
      await camille.press({ verb: 'begin', cafe: cafe.id });
      await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
      await stack.waitForMessage('On en parlait moins dans les années 80');
      await stack.user('29:lea', 'Léa Dubois').press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'donnee' });
      const guests: Person[] = [];
      for (let i = 0; i < 2; i++) {
        const p = await person(browser, problems);
        // The QR code and the facilitator's view give the address with the code
        await p.page.goto(`${stack.app.url}/j/${cafe.joinCode}`);
        await p.page.click(tid('join-submit'));
        await p.page.waitForSelector(tid('vote-madonna'), { timeout: 10_000 });
        await p.page.click(tid('vote-madonna'));
        await p.page.waitForSelector(`${tid('vote-madonna')}[aria-pressed="true"]`);
        guests.push(p);
      }
      await stack.connector.waitFor(() => cardText(stack.messages()).includes('3 personnes ont voté'), 10_000);
      await guests[0]!.page.screenshot({ path: `${SHOTS}/web-cafe-teams-guest.png`, fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      for (const c of browser.contexts()) await c.close();
      await stack.stop();
    }
  }, 120_000);
});
