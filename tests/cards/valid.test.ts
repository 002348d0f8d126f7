import { alreadyRunningCard, formulasCard, helpCard, menuCard, recapCard } from '../../src/cards';
import type { Viewer } from '../../src/cards';
import { content, newCafe, run, T0 } from './fixtures';
import { FACILITATOR_VIEW, render, scenarios, SHARED, VOTER } from './scenarios';
import { problems } from './validate';

/**
 * Every card the layer can emit goes through the `adaptivecards` parser without a warning, stays
 * under 40 KB, and every button carries a payload the bot accepts (with its Submit fallback).
 */
const viewers: Array<[string, Viewer]> = [
  ['shared', SHARED],
  ['facilitator', FACILITATOR_VIEW],
  ['voter', VOTER],
  ['facilitator (en)', { ...FACILITATOR_VIEW, locale: 'en' }],
  ['voter (en)', { ...VOTER, locale: 'en' }],
];

describe('every step card is a valid Adaptive Card 1.5 under 40 KB', () => {
  for (const s of scenarios()) {
    for (const [who, viewer] of viewers) {
      test(`${s.name} · ${who}`, () => {
        expect(problems(render(s, viewer))).toEqual([]);
      });
    }
  }
});

describe('the other cards are valid too', () => {
  const menu = newCafe('avec-sucre');
  const started = run(menu, { type: 'begin' });
  for (const [who, viewer] of viewers) {
    test(`menu · waiting · ${who}`, () => expect(problems(menuCard({ state: menu, content, viewer }))).toEqual([]));
    test(`menu · started · ${who}`, () => expect(problems(menuCard({ state: started, content, viewer }))).toEqual([]));
  }
  for (const variant of ['avec-sucre', 'sans-sucre'] as const) {
    test(`menu · ${variant} · ended before it began`, () => {
      const ended = run(newCafe(variant), { type: 'end' });
      expect(problems(menuCard({ state: ended, content, viewer: FACILITATOR_VIEW }))).toEqual([]);
    });
  }
  for (const locale of ['fr', 'en'] as const) {
    test(`formulas · ${locale}`, () => {
      expect(problems(formulasCard({ content, locale, input: 'expresso' }))).toEqual([]);
      expect(problems(formulasCard({ content, locale }))).toEqual([]);
    });
    test(`already running · ${locale}`, () => {
      expect(problems(alreadyRunningCard({ state: menu, content, locale }))).toEqual([]);
      expect(problems(alreadyRunningCard({ state: started, content, locale }))).toEqual([]);
    });
    test(`help · ${locale}`, () => {
      expect(problems(helpCard({ locale, isFacilitator: true }))).toEqual([]);
      expect(problems(helpCard({ locale, isFacilitator: false }))).toEqual([]);
    });
    test(`recap of a café that never began · ${locale}`, () => {
      const ended = run(newCafe('sans-sucre'), { type: 'end' }, [], T0);
      expect(problems(recapCard({ state: ended, content, contributions: [], locale, now: T0 }))).toEqual([]);
    });
  }
});
