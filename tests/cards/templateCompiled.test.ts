import fs from 'node:fs';
import path from 'node:path';
import * as template from '../../src/cards/template';
import {
  alreadyRunningCard, composeCard, eraseConfirmCard, erasedCard, formulasCard, helpCard, menuCard, menuTreeCard, networkCard, recapCard,
} from '../../src/cards';
import type { Viewer } from '../../src/cards';
import { content, newCafe, run, T0 } from './fixtures';
import { FACILITATOR_VIEW, render, scenarios, SHARED, VOTER } from './scenarios';
import { interpretTemplate } from './templateReference';

/**
 * Templates are compiled once into closures (src/cards/template.ts). Every card template of the
 * repository, expanded with the views the cards really build (every step kind in every scenario,
 * for every viewer, and the other cards), gives exactly what the plain interpreter gave.
 */
const viewers: Viewer[] = [SHARED, FACILITATOR_VIEW, VOTER, { ...FACILITATOR_VIEW, locale: 'en' }, { ...VOTER, locale: 'en' }];

function renderEveryCard(): void {
  for (const s of scenarios()) for (const viewer of viewers) render(s, viewer);
  const menu = newCafe('avec-sucre');
  const started = run(menu, { type: 'begin' });
  for (const viewer of viewers) {
    menuCard({ state: menu, content, viewer });
    menuCard({ state: started, content, viewer });
  }
  for (const locale of ['fr', 'en'] as const) {
    formulasCard({ content, locale, input: 'expresso' });
    formulasCard({ content, locale });
    alreadyRunningCard({ state: started, content, locale });
    helpCard({ locale, isFacilitator: true });
    helpCard({ locale, isFacilitator: false });
    recapCard({ state: run(newCafe('sans-sucre'), { type: 'end' }, [], T0), content, contributions: [], locale, now: T0 });
    eraseConfirmCard({ locale, count: 2, at: T0, days: 30 });
    erasedCard({ locale, count: 2 });
    erasedCard({ locale, count: 0, cancelled: true });
    networkCard({ locale, map: content.cafesMap, cafeId: 'c' });
    networkCard({ locale, map: content.cafesMap, cafeId: 'c', saved: true, profile: { organisation: 'DDT', town: 'Lyon', lat: 45.7, lon: 4.8 }, links: [{ label: 'GeoJSON', url: 'https://x.test/n.geojson' }] });
    menuTreeCard({ answers: {}, content, locale });
    menuTreeCard({ answers: { organise: true, long: true, audience: 'intermediaire', online: true }, content, locale });
    menuTreeCard({ answers: { organise: false }, content, locale });
    composeCard({ content, locale });
  }
}

describe('compiled card templates', () => {
  const calls: Array<{ template: unknown; out: unknown; expected: unknown }> = [];
  beforeAll(() => {
    const original = template.expandTemplate;
    const spy = jest.spyOn(template, 'expandTemplate').mockImplementation((t, view) => {
      const out = original(t, view);
      // Compared at once: the cards may add to their card afterwards (the refresh block).
      calls.push({ template: t, out, expected: interpretTemplate(t, view) });
      return out;
    });
    renderEveryCard();
    renderEveryCard(); // the second time, every template is already compiled
    spy.mockRestore();
  });

  test('every template of cards/ is expanded', () => {
    const dir = path.join(__dirname, '../../cards');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    const seen = new Set(calls.map((c) => c.template));
    const missing = files.filter((f) => !seen.has(require(path.join(dir, f))));
    expect(missing).toEqual([]);
    expect(calls.length).toBeGreaterThan(400);
  });

  test('the compiled expansion equals the interpreter, value for value', () => {
    for (const c of calls) expect(c.out).toStrictEqual(c.expected);
  });

  test('the same edge cases as the interpreter: undefined in arrays, non-string $data and $when, unknown paths', () => {
    const t = {
      list: ['${missing}', 3, null, ['${a}', { $when: '${no}', x: 1 }]],
      fixed: [{ $data: [{ v: 1 }, 7, null], text: 'v=${v} d=${$data} r=${$root.a.b}' }],
      off: { $when: false, x: 1 },
      on: [{ $when: 1, x: '${a.b}' }],
      scoped: { $data: '${a}', y: '${b}', top: '${$root.top}' },
      broken: '${} ${a.} $${a.b}} ${a.b.c.d}',
    };
    const view = { a: { b: 2 }, no: '', top: 'T' };
    expect(template.expandTemplate(t, view)).toStrictEqual(interpretTemplate(t, view));
    expect(template.expandTemplate(t, {})).toStrictEqual(interpretTemplate(t, {}));
    expect(template.expandTemplate({ $when: false }, {})).toStrictEqual({});
    expect(template.expandTemplate('${a}', { a: 5 })).toBe(5);
  });
});
