/// <reference lib="dom" />
/**
 * The console's start page (/console) in headless Chromium, against its real routes (the
 * catalogue, the shell, the bundle built by scripts/build-tab.ts) and a stand-in for
 * Paths.start that checks the body with the contract's StartBody: each of the three ways starts
 * a café and the page goes to the console's link; an ApiError is said in the live region; the
 * English page is English.
 *
 * Run: npx jest -c jest.e2e.config.js tests/e2e/webStart.test.ts
 * Screenshots: /tmp/barista-e2e/web-start-*.png
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as restify from 'restify';
import { buildWebStart } from '../../scripts/build-tab';
import { loadContent } from '../../src/content';
import { registerCatalogue } from '../../src/web/catalogue';
import { Paths, StartBody, type ApiError, type StartAnswer } from '../../src/web/contract';
import { registerStartPage } from '../../src/web/startPage';
import { launchBrowser, type BrowserHandle } from './playground';

const tid = (id: string) => `[data-testid="${id}"]`;
const SHOTS = '/tmp/barista-e2e';

describe('the console start page in a browser', () => {
  let server: restify.Server;
  let base: string;
  let browser: BrowserHandle;
  const assets = mkdtempSync(path.join(tmpdir(), 'w-start-e2e-'));
  const bodies: StartBody[] = [];
  let refuse: ApiError | undefined;

  beforeAll(async () => {
    await buildWebStart(assets);
    mkdirSync(SHOTS, { recursive: true });
    server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerCatalogue(server, { content: loadContent() });
    registerStartPage(server, { assetsDir: assets });
    server.post(Paths.start, (req, res, next) => {
      if (refuse) {
        res.send(429, refuse);
        return next();
      }
      const body = StartBody.parse(req.body);
      bodies.push(body);
      const answer: StartAnswer = { cafeId: 'c1', code: 'ABCDE12345', consoleUrl: '/console/c1#t=secret', joinUrl: '/j/ABCDE12345' };
      res.send(201, answer);
      return next();
    });
    server.get('/console/:cafe', (_req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // No favicon request (a 404 the page would log as an error, sometimes before the test looks)
      res.end('<!doctype html><link rel="icon" href="data:,"><title>console</title><p>console</p>');
      return next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(assets, { recursive: true, force: true });
  });

  beforeEach(() => {
    refuse = undefined;
  });

  it('starts a formula picked from the list, with the first name', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/console`);
    await page.waitForSelector(tid('formula-list'));
    await page.fill(tid('name-input'), 'Camille');
    await page.click(tid('start-button'));
    await page.waitForFunction(() => document.querySelector('[data-testid="start-error"]')?.textContent?.includes('Choisissez'));
    await page.check(tid('pick-ristretto-sans-sucre'));
    await page.waitForSelector(tid('plan-ristretto'));
    await page.screenshot({ path: `${SHOTS}/web-start-choose.png`, fullPage: true });
    await page.click(tid('start-button'));
    await page.waitForURL(/\/console\/c1#t=secret$/);
    expect(bodies.pop()).toEqual({ formula: 'ristretto', variant: 'sans-sucre', locale: 'fr', name: 'Camille' });
    expect(errors).toEqual([]);
  });

  it('walks the guide\'s tree with the keyboard to a proposal, and starts it', async () => {
    const { page } = browser;
    await page.goto(`${base}/console`);
    await page.waitForSelector(tid('formula-list'));
    await page.click(tid('way-menu'));
    for (const value of ['oui', 'oui', 'novice', 'non']) {
      await page.focus(tid(`menu-option-${value}`));
      await page.keyboard.press('Enter');
    }
    await page.waitForSelector(tid('menu-leaf'));
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('menu-leaf-heading');
    await page.screenshot({ path: `${SHOTS}/web-start-menu.png`, fullPage: true });
    await page.click(tid('menu-start-americano-avec-sucre'));
    await page.waitForURL(/\/console\/c1/);
    expect(bodies.pop()).toEqual({ formula: 'americano', variant: 'avec-sucre', locale: 'fr' });
  });

  it('composes a sur-mesure café', async () => {
    const { page } = browser;
    await page.goto(`${base}/console`);
    await page.waitForSelector(tid('formula-list'));
    await page.click(tid('way-compose'));
    await page.selectOption(tid('compose-part-sucre'), '');
    await page.screenshot({ path: `${SHOTS}/web-start-compose.png`, fullPage: true });
    await page.click(tid('start-button'));
    await page.waitForURL(/\/console\/c1/);
    const body = bodies.pop()!;
    expect(body.formula).toBe('sur-mesure');
    expect(body.compose?.sucre).toBe('');
    expect(body.compose?.tasse).toMatch(/\./);
  });

  it('says an ApiError politely and stays on the page', async () => {
    refuse = { code: 'too-many', message: 'Trop de cafés lancés : réessayez dans une minute.' };
    const { page } = browser;
    await page.goto(`${base}/console`);
    await page.waitForSelector(tid('formula-list'));
    await page.check(tid('pick-americano-avec-sucre'));
    await page.click(tid('start-button'));
    await page.waitForFunction(() => document.querySelector('[data-testid="start-error"]')?.textContent?.includes('Trop de cafés'));
    expect(new URL(page.url()).pathname).toBe('/console');
  });

  it('is English throughout in English, in the dark', async () => {
    const { page } = browser;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}/console?locale=en`);
    await page.waitForSelector(tid('formula-list'));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('I know what I want');
    expect(text).not.toContain('Je sais ce que je veux');
    expect(text).not.toContain('Lancer le café');
    await page.screenshot({ path: `${SHOTS}/web-start-en-dark.png`, fullPage: true });
    await page.click(tid('way-menu'));
    await page.click(tid('menu-option-oui'));
    expect(await page.textContent('#menu-question')).toBe('Do you have more than 30 minutes to facilitate your café?');
  });
});
