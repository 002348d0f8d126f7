/// <reference lib="dom" />
/**
 * The web door's pages (participant and console) in headless Chromium, against the real page
 * routes (registerWebPages, the built bundles) and a stand-in of the web API that follows the
 * contract (src/web/contract.ts) over a CafeSim: join by code, the event stream of WebViews, act
 * with the ActionDataSchema data, hand over. The real API (src/web/routes.ts) is the lead's; this
 * checks the pages alone: what they post, what they show live, that they rejoin on reload, that
 * the console's token leaves the address bar, and that the CSP is never violated.
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/webPages.test.ts
 * Screenshots: /tmp/barista-e2e/web-*.png
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import restify from 'restify';
import { buildWeb } from '../../scripts/build-tab';
import { ActionDataSchema } from '../../src/cards/actions';
import { guideFr } from '../../src/content';
import type { Actor } from '../../src/domain/types';
import type { WebView } from '../../src/web/contract';
import { registerWebPages } from '../../src/web/pageRoutes';
import { webView } from '../../src/web/view';
import { CafeSim, camille } from '../domain/harness';
import { launchBrowser, type BrowserHandle } from './playground';

const tid = (id: string) => `[data-testid="${id}"]`;
const EVIL = '<img src=x onerror=alert(1)>';
const CONSOLE_TOKEN = 'console-token';

describe('The web pages, in Chromium', () => {
  const cafe = new CafeSim();
  const people = new Map<string, Actor>();
  const streams = new Map<string, Set<restify.Response>>();
  const posted: Array<Record<string, unknown>> = [];
  const joins: Array<Record<string, unknown>> = [];
  const server = restify.createServer();
  let base = '';
  let browser: BrowserHandle;
  const problems: string[] = [];

  const viewFor = (token: string): WebView => {
    const who = token === CONSOLE_TOKEN ? camille : people.get(token)!;
    return webView({
      state: cafe.state, contributions: cafe.contributions, content: guideFr, now: cafe.now, notices: [],
      code: 'ABCDE12345', joinUrl: `${base}/j/ABCDE12345`, boardUrl: `${base}/board/cafe-1?t=b`,
      viewer: { id: who.id, ...(who.name ? { name: who.name } : {}), role: token === CONSOLE_TOKEN ? 'facilitator' : 'participant', locale: 'fr' },
    });
  };
  const push = () => {
    for (const [token, set] of streams) for (const res of set) res.write(`event: view\ndata: ${JSON.stringify(viewFor(token))}\n\n`);
  };
  const bearer = (req: restify.Request) => /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];

  beforeAll(async () => {
    await buildWeb();
    server.use(restify.plugins.queryParser());
    server.use(restify.plugins.bodyParser());
    registerWebPages(server);
    server.post('/api/web/join', (req, res, next) => {
      const body = req.body as { code: string; name?: string; token?: string };
      joins.push(body);
      const token = body.token && people.has(body.token) ? body.token : `p-${people.size + 1}`;
      if (!people.has(token)) people.set(token, { id: `web:p:${token}`, name: body.name ?? '', locale: 'fr' });
      res.json({ token, cafeId: 'cafe-1', participantId: people.get(token)!.id });
      next();
    });
    server.get('/api/web/events', async (req, res) => {
      const token = String(req.query.t);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(`event: view\ndata: ${JSON.stringify(viewFor(token))}\n\n`);
      const set = streams.get(token) ?? new Set();
      set.add(res);
      streams.set(token, set);
      req.on('close', () => set.delete(res));
    });
    server.post('/api/web/act', (req, res, next) => {
      const token = bearer(req)!;
      const data = ActionDataSchema.parse((req.body as { data: unknown }).data);
      posted.push(data);
      const who = token === CONSOLE_TOKEN ? camille : people.get(token)!;
      if (data.verb === 'begin') cafe.do({ type: 'begin' });
      if (data.verb === 'choose') cafe.do({ type: 'choose', stepId: data.step, option: data.option });
      if (data.verb === 'vote') cafe.give(who, { kind: 'vote', choice: data.choice }, data.step);
      if (data.verb === 'next') cafe.do({ type: 'next', fromStep: data.step });
      res.json({ view: viewFor(token), ...(data.verb === 'vote' ? { message: 'Vote enregistré.' } : {}) });
      push();
      next();
    });
    server.post('/api/web/hand', (req, res, next) => {
      res.json({ consoleUrl: `${base}/console/cafe-1#t=second-${(req.body as { mode: string }).mode}` });
      next();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await browser?.close();
    for (const set of streams.values()) for (const res of set) res.end();
    server.close();
  });

  const watch = (page: Page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
  };

  it('a participant joins by code with a name, waits, follows the café live, votes, and rejoins as the same person', async () => {
    const page = browser.page;
    watch(page);
    await page.goto(`${base}/j/ABCDE12345`);
    await page.waitForSelector(tid('join-form'));
    expect(await page.inputValue(tid('join-code'))).toBe('ABCDE-12345');
    await page.fill(tid('join-name'), EVIL);
    await page.click(tid('join-submit'));
    await page.waitForSelector(tid('plan'));
    expect(await page.textContent(tid('me'))).toContain(EVIL);
    expect(await page.$('img')).toBeNull();
    expect(joins[0]).toMatchObject({ code: 'ABCDE12345', name: EVIL, locale: 'fr' });
    const token = await page.evaluate(() => localStorage.getItem('barista:web:join:ABCDE12345'));
    expect(token).toBe('p-1');

    // The console: the token leaves the address bar, the code shows big, and Commencer starts the café.
    const con = await browser.context.newPage();
    watch(con);
    await con.setViewportSize({ width: 1280, height: 900 });
    await con.goto(`${base}/console/cafe-1#t=${CONSOLE_TOKEN}`);
    await con.waitForSelector(tid('cafe-code'));
    expect(con.url()).toBe(`${base}/console/cafe-1`);
    expect(await con.textContent(tid('cafe-code'))).toBe('ABCDE-12345');
    expect(await con.$(`${tid('qr')} svg`)).not.toBeNull();
    await con.click(tid('control-begin'));
    await page.waitForSelector(tid('choose-waiting'));
    await con.click(tid('choose-madonna'));
    await page.waitForSelector(tid('vote-donnee'));

    await page.click(tid('vote-donnee'));
    await page.waitForSelector(`${tid('vote-donnee')}[aria-pressed="true"]`);
    await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Vote enregistré.');
    expect(posted.find((d) => d.verb === 'vote')).toEqual({ verb: 'vote', cafe: 'cafe-1', step: cafe.step!.id, choice: 'donnee' });

    await page.screenshot({ path: '/tmp/barista-e2e/web-participant.png', fullPage: true });
    await con.waitForSelector(`${tid('choice-donnee')} .choice__count`);
    await con.screenshot({ path: '/tmp/barista-e2e/web-console.png', fullPage: true });
    // The console's count follows; a reload of the participant's page rejoins with the same token.
    await con.waitForSelector(`${tid('choice-donnee')} .choice__count`);
    await page.reload();
    await page.waitForSelector(`${tid('vote-donnee')}[aria-pressed="true"]`);
    expect(joins.at(-1)).toMatchObject({ code: 'ABCDE12345', token: 'p-1' });

    // Reloading the console keeps it working (the token is in sessionStorage), and « Passer la main » gives a link.
    await con.reload();
    await con.waitForSelector(tid('cafe-code'));
    await con.click(tid('hand-co'));
    await con.waitForSelector(tid('hand-url'));
    expect(await con.inputValue(tid('hand-url'))).toBe(`${base}/console/cafe-1#t=second-co`);
    await con.click(tid('control-next'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="vote-donnee"]'));
    expect(problems).toEqual([]);
  });

  it('the join form says what is wrong with a code, on the same page', async () => {
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(`${base}/j`);
    await page.fill(tid('join-code'), 'nope');
    await page.click(tid('join-submit'));
    await page.waitForSelector(tid('join-error'));
    expect(await page.getAttribute(tid('join-code'), 'aria-invalid')).toBe('true');
    expect(problems).toEqual([]);
  });
});
