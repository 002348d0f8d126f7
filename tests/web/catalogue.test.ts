import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { loadContent } from '../../src/content';
import { composeFormula } from '../../src/domain/compose';
import { plannedTotal } from '../../src/domain/plan';
import { catalogue, registerCatalogue } from '../../src/web/catalogue';
import { Paths, type CatalogueMenuLeaf, type CatalogueMenuNode } from '../../src/web/contract';
import { menuTreeEn } from '../../src/content/menuTree.en';
import { menuTreeFr } from '../../src/content/menuTree.fr';

const content = loadContent();

/** Every leaf of the tree with the path of answers that leads to it. */
function leaves(node: CatalogueMenuNode, path: string[] = []): Array<{ path: string[]; leaf: CatalogueMenuLeaf }> {
  if (node.kind === 'leaf') return [{ path, leaf: node }];
  return node.options.flatMap((o) => leaves(o.next, [...path, `${node.key}=${o.value}`]));
}

describe.each(['fr', 'en'] as const)('catalogue (%s)', (locale) => {
  const cat = catalogue(content, locale);

  it('lists every formula and variant of the content with its planned minutes', () => {
    expect(cat.locale).toBe(locale);
    for (const f of content.formulas) {
      const entry = cat.formulas.find((x) => x.id === f.id);
      expect(entry).toBeDefined();
      const variant = entry!.variants.find((v) => v.variant === f.variant);
      expect(variant).toBeDefined();
      const total = plannedTotal(f);
      expect(variant!.minutes).toMatchObject({ min: total.min, max: total.max });
      expect(variant!.name).toBe(f.name);
      expect(variant!.parts.map((p) => p.part)).toEqual(f.parts.map((p) => p.part));
    }
    const count = cat.formulas.reduce((n, f) => n + f.variants.length, 0);
    expect(count).toBe(content.formulas.length);
    expect(cat.formulas.find((f) => f.id === 'ristretto')!.name).toBe('Ristretto');
    expect(cat.formulas.find((f) => f.id === 'mousse-ia')!.name).toBe("Cappuccino à la mousse d'IA");
  });

  it('names the parts in the page language and gives the guide\'s lines in French only', () => {
    const americano = cat.formulas.find((f) => f.id === 'americano')!;
    expect(americano.parts.map((p) => p.label)).toEqual(
      locale === 'fr' ? ['La tasse', 'Le café', 'Le carré de chocolat', 'Le sucre'] : ['La tasse (ice breaker)', 'Le café (the video)', 'Le carré de chocolat (group activity)', 'Le sucre (wrap-up)'],
    );
    const summary = americano.variants.find((v) => v.variant === 'avec-sucre')!.summary;
    if (locale === 'fr') {
      expect(americano.summary).toBe('entre 30 minutes et 1 heure');
      expect(summary).toBe('pour les novices');
    } else {
      expect(americano.summary).toBeUndefined();
      expect(summary).toBeUndefined();
    }
  });

  it('walks the guide\'s tree word for word, and every leaf proposes formulas the catalogue has', () => {
    const tree = locale === 'fr' ? menuTreeFr : menuTreeEn;
    expect(cat.menu.title).toBe(tree.title);
    expect(cat.menu.root.kind).toBe('question');
    if (cat.menu.root.kind !== 'question') return;
    expect(cat.menu.root.question).toBe(tree.organise.question);
    expect(cat.menu.root.options.map((o) => o.verdict)).toEqual([tree.organise.yes, tree.organise.no]);
    const all = leaves(cat.menu.root);
    // NON, and 2 (time) × 3 (public) × 2 (online) complete answers.
    expect(all).toHaveLength(13);
    const known = new Set(cat.formulas.flatMap((f) => f.variants.map((v) => `${f.id}/${v.variant}`)));
    for (const { path, leaf } of all) {
      if (leaf.declined) {
        expect(path).toEqual(['organise=non']);
        expect(leaf.playlistUrl).toBe(content.playlistUrl);
        continue;
      }
      expect(leaf.proposals.length).toBeGreaterThan(0);
      for (const p of [...leaf.proposals, ...(leaf.tooLong?.formulas ?? [])]) expect(known.has(`${p.formula}/${p.variant}`)).toBe(true);
      expect(leaf.virtual !== null).toBe(path.includes('online=oui'));
    }
  });

  it('keeps the guide\'s verdict: short and novice → Ristretto avec sucre; short and intermediate → what fits in 30 minutes', () => {
    const find = (p: string[]) => leaves(cat.menu.root).find((l) => l.path.join('&') === p.join('&'))!.leaf;
    const shortNovice = find(['organise=oui', 'long=non', 'audience=novice', 'online=non']);
    expect(shortNovice.proposals.map((p) => `${p.formula}/${p.variant}`)).toEqual(['ristretto/avec-sucre']);
    const shortMixed = find(['organise=oui', 'long=non', 'audience=intermediaire', 'online=oui']);
    expect(shortMixed.tooLong?.formulas.map((p) => p.formula)).toEqual(['cappuccino', 'mousse-ia']);
    expect(shortMixed.proposals.every((p) => p.minutes.max <= 30)).toBe(true);
    const longInformedOnline = find(['organise=oui', 'long=oui', 'audience=averti', 'online=oui']);
    expect(longInformedOnline.proposals.map((p) => `${p.formula}/${p.variant}`)).toEqual(['americano/sans-sucre']);
    expect(longInformedOnline.proposals[0]!.note).toBeDefined();
    expect(longInformedOnline.virtual!.astuce.text).toBe((locale === 'fr' ? menuTreeFr : menuTreeEn).online.astuce);
  });

  it('offers sur-mesure elements for every part, each one an id composeFormula takes', () => {
    expect(cat.compose.map((p) => p.part)).toEqual(['tasse', 'cafe', 'chocolat', 'sucre']);
    for (const part of cat.compose) {
      expect(part.options.length).toBeGreaterThan(0);
      for (const o of part.options) {
        const f = composeFormula(content, { [part.part]: o.id });
        expect('refused' in f).toBe(false);
        expect(o.id).toMatch(/^[a-z0-9-]+\.(avec-sucre|sans-sucre)\.[a-z0-9-]+$/);
        expect(o.minutes.max).toBeGreaterThanOrEqual(o.minutes.min);
      }
    }
  });
});

describe('registerCatalogue', () => {
  let server: restify.Server;
  let base: string;
  beforeAll(async () => {
    server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    registerCatalogue(server, { content });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the catalogue in the asked language, cacheable for 5 minutes', async () => {
    const res = await fetch(`${base}${Paths.catalogue}?locale=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age=300');
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(catalogue(content, 'en'))));
  });

  it('answers French without a locale', async () => {
    const body = await (await fetch(`${base}${Paths.catalogue}`)).json();
    expect(body.locale).toBe('fr');
  });

  it('refuses an unknown locale with a bad-request ApiError', async () => {
    const res = await fetch(`${base}${Paths.catalogue}?locale=de`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('bad-request');
    expect(typeof body.message).toBe('string');
  });
});
