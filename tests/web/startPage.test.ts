import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as restify from 'restify';
import { START_LABELS } from '../../src/web/browser/start/labels';
import { registerStartPage, START_CSP, startLocaleOf, startPage } from '../../src/web/startPage';

const scriptTags = (html: string): string[] => html.match(/<script\b[^>]*>/g) ?? [];

describe('startPage', () => {
  it.each(['fr', 'en'] as const)('is a full document in %s with the boot block, the bundle and no inline script', (locale) => {
    const html = startPage(locale);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('<link rel="stylesheet" href="/web/start.css">');
    expect(html).toContain('<script src="/web/start.js" defer></script>');
    expect(html).toContain(`<script type="application/json" id="barista-boot">{"locale":"${locale}"}</script>`);
    expect(scriptTags(html)).toHaveLength(2);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('style=');
    expect(html).toContain(`<title>${START_LABELS[locale].pageTitle}</title>`);
    expect(html).toContain('<div id="start" aria-busy="true">');
    expect(html).toContain(`href="/console?locale=${locale === 'fr' ? 'en' : 'fr'}"`);
    expect(html).toContain('<noscript>');
  });

  it('has a CSP that loads nothing from elsewhere, is never framed and posts no form', () => {
    expect(START_CSP).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it('takes ?locale=, then the browser\'s language, French by default', () => {
    expect(startLocaleOf({ query: { locale: 'en' }, headers: {} } as never)).toBe('en');
    expect(startLocaleOf({ query: {}, headers: { 'accept-language': 'en-GB,en;q=0.9' } } as never)).toBe('en');
    expect(startLocaleOf({ query: { locale: 'fr' }, headers: { 'accept-language': 'en' } } as never)).toBe('fr');
    expect(startLocaleOf({ query: {}, headers: {} } as never)).toBe('fr');
  });
});

describe('registerStartPage', () => {
  let server: restify.Server;
  let base: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'w-start-'));
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'start.js'), 'console.log(1)');
    server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    registerStartPage(server, { assetsDir: dir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /console with its CSP, no referrer and no cache', async () => {
    const res = await fetch(`${base}/console?locale=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(START_CSP);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<html lang="en">');
  });

  it('serves the bundle, and says when the style sheet is not built', async () => {
    const js = await fetch(`${base}/web/start.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/web/start.css`)).status).toBe(404);
  });
});
