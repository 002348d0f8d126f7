import { loadContent } from '../../../src/content';
import { composeFormula } from '../../../src/domain/compose';
import { catalogue } from '../../../src/web/catalogue';
import { Paths, StartBody } from '../../../src/web/contract';
import { parseStartBoot, safeConsoleUrl } from '../../../src/web/browser/start/boot';
import { START_LABELS } from '../../../src/web/browser/start/labels';
import { START_PATHS } from '../../../src/web/browser/start/paths';
import { initialState, nodeAt, startBody, update, type StartState } from '../../../src/web/browser/start/state';

const content = loadContent();
const cat = catalogue(content, 'fr');
const l = START_LABELS.fr;
const step = (s: StartState, ...actions: Parameters<typeof update>[1][]) => actions.reduce((x, a) => update(x, a, cat), s);

describe('the start page\'s state', () => {
  const base = initialState(cat);

  it('preselects the first element of each part for sur-mesure', () => {
    expect(base.compose).toEqual(Object.fromEntries(cat.compose.map((p) => [p.part, p.options[0]!.id])));
    expect(base.way).toBe('choose');
  });

  it('ignores answers the tree does not have, and elements a part does not offer', () => {
    expect(step(base, { type: 'answer', value: 'peut-être' }).path).toEqual([]);
    expect(step(base, { type: 'compose', part: 'tasse', id: 'nope.avec-sucre.x' }).compose).toEqual(base.compose);
    const done = step(base, { type: 'answer', value: 'non' });
    expect(nodeAt(cat, done.path).kind).toBe('leaf');
    expect(step(done, { type: 'answer', value: 'oui' }).path).toEqual(['non']);
  });

  it('goes back one question, and a new action clears the last message', () => {
    const s = step(base, { type: 'answer', value: 'oui' }, { type: 'answer', value: 'oui' }, { type: 'failed', message: 'x' });
    expect(s.error).toBe('x');
    const back = step(s, { type: 'back' });
    expect(back.path).toEqual(['oui']);
    expect(back.error).toBeUndefined();
  });
});

describe('the body the start page posts', () => {
  const base = initialState(cat);

  it('asks for a formula before starting one', () => {
    expect(startBody(base, cat, 'fr', l)).toEqual({ error: l.errors.pick });
  });

  it('starts the picked formula, with the first name when given, in the page\'s language', () => {
    const s = step(base, { type: 'pick', formula: 'ristretto', variant: 'sans-sucre' }, { type: 'name', name: '  Camille ' });
    const built = startBody(s, cat, 'en', START_LABELS.en);
    expect(built).toEqual({ body: { formula: 'ristretto', variant: 'sans-sucre', locale: 'en', name: 'Camille' } });
    if (!('body' in built)) throw new Error('no body');
    expect(StartBody.parse(built.body)).toEqual(built.body);
  });

  it('starts what the tree proposes from its Start button', () => {
    const s = step(base, { type: 'way', way: 'menu' });
    const built = startBody(s, cat, 'fr', l, { type: 'start', formula: 'americano', variant: 'avec-sucre' });
    expect(built).toEqual({ body: { formula: 'americano', variant: 'avec-sucre', locale: 'fr' } });
    expect(startBody(s, cat, 'fr', l, { type: 'start', formula: 'espresso', variant: 'avec-sucre' })).toEqual({ error: l.errors.pick });
  });

  it('starts sur-mesure with the picks, a body the contract and composeFormula accept', () => {
    const s = step(base, { type: 'way', way: 'compose' }, { type: 'compose', part: 'sucre', id: '' });
    const built = startBody(s, cat, 'fr', l);
    if (!('body' in built)) throw new Error('no body');
    const parsed = StartBody.parse(built.body);
    expect(parsed.formula).toBe('sur-mesure');
    expect(parsed.compose?.sucre).toBe('');
    const formula = composeFormula(content, parsed.compose!);
    expect('refused' in formula).toBe(false);
    if (!('refused' in formula)) expect(formula.parts.map((p) => p.part)).toEqual(['tasse', 'cafe', 'chocolat']);
  });

  it('refuses a sur-mesure café with no element', () => {
    const s = step(base, { type: 'way', way: 'compose' }, ...(['tasse', 'cafe', 'chocolat', 'sucre'] as const).map((part) => ({ type: 'compose' as const, part, id: '' })));
    expect(startBody(s, cat, 'fr', l)).toEqual({ error: l.errors.compose });
  });
});

describe('the start page\'s boot and addresses', () => {
  it('uses the contract\'s paths', () => {
    expect(START_PATHS).toEqual({ catalogue: Paths.catalogue, start: Paths.start, consolePage: Paths.consolePage });
  });

  it('reads its locale from the boot block, French by default', () => {
    expect(parseStartBoot('{"locale":"en"}')).toEqual({ locale: 'en' });
    expect(parseStartBoot('{"locale":"de"}')).toEqual({ locale: 'fr' });
    expect(parseStartBoot('not json')).toEqual({ locale: 'fr' });
    expect(parseStartBoot(null)).toEqual({ locale: 'fr' });
  });

  it('goes only to Barista\'s pages or an http(s) address', () => {
    expect(safeConsoleUrl('/console/abc#t=x')).toBe('/console/abc#t=x');
    expect(safeConsoleUrl('https://barista.example.fr/console/abc#t=x')).toBe('https://barista.example.fr/console/abc#t=x');
    expect(safeConsoleUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeConsoleUrl('//evil.example/x')).toBeUndefined();
  });
});
