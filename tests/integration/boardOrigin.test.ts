import { buildTab } from '../../scripts/build-tab';
import { BOARD_CSP } from '../../src/tab/pages';
import { boardToken } from '../../src/tab/token';
import { launchBrowser, type BrowserHandle } from '../e2e/playground';
import { Stack } from './harness';

/**
 * The read-only board opened in a browser outside Teams (headless Chromium against the real
 * server): every request it makes goes to Barista's own address (no Teams SDK, font or CDN), the
 * Content-Security-Policy allows only that, and the served bundle points at no source map.
 */
jest.setTimeout(60_000);

const SECRET = 'o'.repeat(40);
const tid = (id: string) => `[data-testid="${id}"]`;

describe('The read-only board outside Teams loads nothing from elsewhere', () => {
  let stack: Stack;
  let browser: BrowserHandle;

  beforeAll(async () => {
    await buildTab();
    stack = await new Stack(undefined, undefined, { exportSecret: SECRET }).start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('requests only its own origin, under a self-only CSP, and shows the poll', async () => {
    const camille = stack.user('29:camille', 'Camille Martin');
    await camille.say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille.press({ verb: 'begin', cafe: cafe.id });
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    const token = boardToken({ kind: 'cafe', cafeId: cafe.id }, Date.now() + 600_000, SECRET);

    const requests: string[] = [];
    const problems: string[] = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    browser.page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    browser.page.on('pageerror', (e) => problems.push(e.message));

    const res = await browser.page.goto(`${stack.app.url}/board/${encodeURIComponent(cafe.id)}?t=${token}`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toBe(BOARD_CSP);
    await browser.page.locator(tid('statement')).waitFor({ timeout: 15_000 });
    // A vote reaches the open page over its event stream (the page keeps working under the CSP).
    await stack.user('29:lea', 'Léa Dubois').press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'madonna' });
    await browser.page.waitForFunction(() => (document.getElementById('board')?.textContent ?? '').includes('1'), undefined, { timeout: 15_000 });
    // Whatever the page would load late (an SDK, a font) has had time to be asked for.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const own = new URL(stack.app.url).origin;
    const fetched = requests.filter((u) => !u.startsWith('data:'));
    expect(fetched.length).toBeGreaterThanOrEqual(4); // the page, app.css, app.js, the event stream
    expect(fetched.filter((u) => new URL(u).origin !== own)).toEqual([]);
    expect(fetched.some((u) => new URL(u).pathname === '/tab/app.js')).toBe(true);
    expect(fetched.some((u) => new URL(u).pathname === '/tab/api/events')).toBe(true);
    expect(fetched.filter((u) => u.endsWith('.map'))).toEqual([]);
    expect(problems).toEqual([]);

    // The CSP names no other address than Teams', and Teams' only as the pages' possible frame.
    const directives = BOARD_CSP.split(';').map((d) => d.trim());
    expect(directives.filter((d) => !d.startsWith('frame-ancestors') && /https?:/.test(d))).toEqual([]);
    expect(directives).toContain("connect-src 'self'");
  });

  it('serves a bundle without sourceMappingURL, and no .map file', async () => {
    const js = await (await fetch(`${stack.app.url}/tab/app.js`)).text();
    expect(js.length).toBeGreaterThan(1000);
    expect(js).not.toContain('sourceMappingURL');
    expect((await fetch(`${stack.app.url}/tab/app.js.map`)).status).toBe(404);
  });
});
