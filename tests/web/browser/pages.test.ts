import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { buildWeb } from '../../../scripts/build-tab';
import { registerWebPages } from '../../../src/web/pageRoutes';
import { consolePage, joinPage, WEB_CSP } from '../../../src/web/pages';

const scriptTags = (html: string): string[] => html.match(/<script\b[^>]*>/g) ?? [];
function boot(html: string): unknown {
  const m = /<script type="application\/json" id="barista-boot">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  expect(m![1]).not.toMatch(/[<>]/);
  return JSON.parse(m![1]!);
}

describe('the shells', () => {
  it('the CSP allows nothing but Barista\'s own address, no framing, no form posts', () => {
    expect(WEB_CSP).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it('join and participant pages: the boot block, the bundle, a live region, no inline script or style', () => {
    for (const [html, expected] of [
      [joinPage({ locale: 'fr' }), { page: 'join', locale: 'fr' }],
      [joinPage({ locale: 'en', code: 'ABCDE12345' }), { page: 'participant', locale: 'en', code: 'ABCDE12345' }],
    ] as const) {
      expect(boot(html)).toEqual(expected);
      expect(scriptTags(html)).toEqual(['<script type="application/json" id="barista-boot">', '<script src="/web/participant.js" defer>']);
      expect(html).toContain('<meta name="referrer" content="no-referrer">');
      expect(html).toContain('<link rel="stylesheet" href="/web/web.css">');
      expect(html).toContain('aria-live="polite"');
      expect(html).not.toMatch(/\son[a-z]+=|style=/i);
    }
    expect(joinPage({ locale: 'en' })).toContain('<html lang="en">');
  });

  it('the console: its café in the boot block (escaped), never a token', () => {
    const html = consolePage({ locale: 'fr', cafeId: '</script><script>alert(1)</script>' });
    expect(boot(html)).toEqual({ page: 'console', locale: 'fr', cafeId: '</script><script>alert(1)</script>' });
    expect(scriptTags(html)).toEqual(['<script type="application/json" id="barista-boot">', '<script src="/web/console.js" defer>']);
    expect(html).not.toContain('token');
  });
});

describe('registerWebPages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'barista-web-'));
  const server = restify.createServer();
  registerWebPages(server, { assetsDir: dir });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /j, /j/:code and /console/:cafe with the CSP, no-store and no referrer; not /console itself', async () => {
    for (const [url, page] of [['/j', 'join'], ['/j/ABCDE-12345?lang=en', 'participant'], ['/console/cafe-1', 'console']] as const) {
      const res = await fetch(base + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(WEB_CSP);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(boot(await res.text())).toMatchObject({ page });
    }
    expect((await fetch(`${base}/console`)).status).toBe(404);
  });

  it('serves the built assets (no-cache), says when one is not built, and nothing else under /web', async () => {
    expect((await fetch(`${base}/web/participant.js`)).status).toBe(404);
    writeFileSync(path.join(dir, 'participant.js'), 'void 0;');
    const res = await fetch(`${base}/web/participant.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/web/participant.js.map`)).status).toBe(404);
  });
});

describe('buildWeb', () => {
  it('writes the two bundles and the style, without source maps and without zod', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'barista-web-build-'));
    try {
      await buildWeb(out);
      for (const f of ['participant.js', 'console.js', 'web.css']) expect(existsSync(path.join(out, f))).toBe(true);
      for (const f of ['participant.js', 'console.js']) {
        const js = readFileSync(path.join(out, f), 'utf8');
        expect(js).not.toContain('sourceMappingURL');
        expect(js).not.toContain('ZodError');
        expect(existsSync(path.join(out, `${f}.map`))).toBe(false);
      }
      // The QR code generator rides in the console's bundle only.
      expect(readFileSync(path.join(out, 'console.js'), 'utf8')).toContain('<svg');
      expect(readFileSync(path.join(out, 'participant.js'), 'utf8')).not.toContain('<svg');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);
});
