import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOARD_CSP, boardPage, deniedPage, TEAMS_CSP } from '../../src/tab/pages';
import { buildTab } from '../../scripts/build-tab';

/** Every `<script …>` opening tag of a page. */
const scriptTags = (html: string): string[] => html.match(/<script\b[^>]*>/g) ?? [];

/** The boot block's raw JSON text. */
function bootText(html: string): string {
  const m = /<script type="application\/json" id="barista-boot">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return m![1]!;
}

describe('boardPage', () => {
  it('is a full document for the browser page, with the token in the boot block', () => {
    const html = boardPage({ mode: 'browser', token: 'tok.123', locale: 'fr' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<main id="board" class="board" aria-live="polite"');
    expect(html).toContain('<noscript>');
    expect(html).toContain('<link rel="stylesheet" href="/tab/app.css">');
    expect(html).toContain('<script src="/tab/app.js" defer></script>');
    expect(html).toContain('data-testid="status"');
    expect(JSON.parse(bootText(html))).toEqual({ mode: 'browser', locale: 'fr', token: 'tok.123' });
  });

  it('has no inline executable script (only the bundle and a JSON block)', () => {
    for (const mode of ['browser', 'teams', 'config'] as const) {
      const html = boardPage({ mode, locale: 'en', token: 'x' });
      const tags = scriptTags(html);
      expect(tags).toHaveLength(2);
      const bundle = mode === 'browser' ? 'src="/tab/app.js"' : 'src="/tab/teams.js"';
      for (const tag of tags) expect(tag.includes(bundle) || tag.includes('type="application/json"')).toBe(true);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toContain('style=');
    }
  });

  it('escapes the boot JSON so it cannot close the script element', () => {
    const evil = '</script><script>alert(1)</script>&\u2028';
    const html = boardPage({ mode: 'browser', token: evil, locale: 'fr' });
    const text = bootText(html);
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text).token).toBe(evil);
    expect(scriptTags(html)).toHaveLength(2);
  });

  it('follows the locale and mode; uses publicBase for the assets', () => {
    const teams = boardPage({ mode: 'teams', locale: 'en', publicBase: 'https://barista.example.fr/' });
    expect(teams).toContain('<html lang="en">');
    expect(teams).toContain('href="https://barista.example.fr/tab/app.css"');
    expect(teams).toContain('src="https://barista.example.fr/tab/teams.js"');
    expect(JSON.parse(bootText(teams))).toEqual({ mode: 'teams', locale: 'en', publicBase: 'https://barista.example.fr' });
    const config = boardPage({ mode: 'config', locale: 'fr', publicBase: 'javascript:alert(1)' });
    expect(config).toContain('configuration');
    expect(config).not.toContain('javascript:');
    expect(JSON.parse(bootText(config)).mode).toBe('config');
  });

  it('exports the CSPs the server sends: self only for the board, plus the Teams SDK’s CDN for the Teams pages', () => {
    for (const csp of [BOARD_CSP, TEAMS_CSP]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain('frame-ancestors');
      expect(csp).toContain('https://teams.microsoft.com');
      expect(csp).not.toContain('unsafe');
    }
    expect(BOARD_CSP).toContain("connect-src 'self';");
    expect(BOARD_CSP).not.toContain('cdn');
    expect(TEAMS_CSP).toContain("connect-src 'self' https://res.cdn.office.net;");
  });
});

describe('deniedPage', () => {
  it('is polite, localised and shows no café data nor script', () => {
    const fr = deniedPage('fr', 'expired');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('data-testid="denied"');
    expect(fr).toContain('Ce lien a expiré');
    expect(fr).toContain('Demandez un nouveau lien');
    expect(fr).not.toContain('<script');
    expect(fr).not.toContain('barista-boot');
    expect(deniedPage('fr', 'invalid')).toContain('Ce lien n’est pas valide');
    expect(deniedPage('fr', 'missing')).toContain('Ce lien est incomplet');
    const en = deniedPage('en', 'invalid');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('This link is not valid');
    expect(en).toContain('Ask the café’s facilitator for a new link.');
  });
});

describe('buildTab', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'barista-tab-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bundles app.js and teams.js (browser IIFEs, no require, no source map) and copies app.css', async () => {
    writeFileSync(path.join(dir, 'app.js.map'), '{}'); // left by an older build
    await buildTab(dir);
    const js = readFileSync(path.join(dir, 'app.js'), 'utf8');
    const teams = readFileSync(path.join(dir, 'teams.js'), 'utf8');
    const css = readFileSync(path.join(dir, 'app.css'), 'utf8');
    for (const bundle of [js, teams]) {
      expect(bundle.length).toBeGreaterThan(1000);
      expect(bundle).not.toContain('require(');
      expect(bundle).toContain('barista-boot');
      expect(bundle).not.toContain('sourceMappingURL');
    }
    expect(existsSync(path.join(dir, 'app.js.map'))).toBe(false);
    expect(existsSync(path.join(dir, 'teams.js.map'))).toBe(false);
    // The read-only board's bundle holds no Teams SDK (which fetches its domain list from a CDN at load).
    expect(js).not.toContain('validDomains');
    expect(js).not.toContain('cdn.office.net');
    expect(teams).toContain('validDomains');
    expect(css.length).toBeGreaterThan(1000);
    expect(css).toContain('prefers-color-scheme');
    expect(css).toContain("[data-theme='dark']");
  });
});
