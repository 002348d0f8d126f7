import { ActionDataSchema } from '../../../src/cards/actions';
import { displayCode as contractDisplay, normaliseCode as contractNormalise, Paths } from '../../../src/web/contract';
import { controlData, formData, stamp } from '../../../src/web/browser/actions';
import { WEB_LABELS, webLocale } from '../../../src/web/browser/labels';
import { asActAnswer, asApiError, parseBoot, parseView, tokenFromHash } from '../../../src/web/browser/parse';
import { displayCode, looksLikeCode, normaliseCode, WebPaths } from '../../../src/web/browser/paths';
import type { StepView, ViewAction } from '../../../src/views/types';

describe('labels', () => {
  it('French and English have the same keys, the same nested keys and the same functions', () => {
    const shape = (o: object): string[] => Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' ? shape(v as object).map((x) => `${k}.${x}`) : [`${k}:${typeof v}${typeof v === 'function' ? (v as () => void).length : ''}`]);
    expect(shape(WEB_LABELS.en).sort()).toEqual(shape(WEB_LABELS.fr).sort());
  });

  it('no text is empty, and the two languages differ where they should', () => {
    const texts = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' ? texts(v as object) : []));
    for (const t of [...texts(WEB_LABELS.fr), ...texts(WEB_LABELS.en)]) expect(t.trim()).not.toBe('');
    expect(WEB_LABELS.fr.stepOf(3, 12)).toBe('Étape 3 / 12');
    expect(WEB_LABELS.en.stepOf(3, 12)).toBe('Step 3 / 12');
    expect(WEB_LABELS.fr.participants(2)).toBe('2 participants');
    expect(WEB_LABELS.en.participants(1)).toBe('1 participant');
  });

  it('reads a locale tag: English for en…, French otherwise', () => {
    expect(webLocale('en-GB')).toBe('en');
    expect(webLocale('fr-FR')).toBe('fr');
    expect(webLocale('de')).toBe('fr');
  });
});

describe('the contract\'s copies (kept zod-free for the bundles)', () => {
  it('match the contract', () => {
    for (const k of Object.keys(WebPaths) as Array<keyof typeof WebPaths>) expect({ k, v: WebPaths[k] }).toEqual({ k, v: Paths[k] });
    for (const raw of ['abcde-12345', 'ABCDE12345', 'O0IL1 x', 'x']) {
      expect(normaliseCode(raw)).toBe(contractNormalise(raw));
      expect(displayCode(normaliseCode(raw))).toBe(contractDisplay(contractNormalise(raw)));
    }
    expect(looksLikeCode('abcde-1234o')).toBe(true);
    expect(looksLikeCode('ABCDE-1234U')).toBe(false);
  });
});

describe('parse', () => {
  it('the boot block falls back to the French join form', () => {
    expect(parseBoot('nope')).toEqual({ page: 'join', locale: 'fr' });
    expect(parseBoot(JSON.stringify({ page: 'console', locale: 'en', cafeId: 'c1' }))).toEqual({ page: 'console', locale: 'en', cafeId: 'c1' });
    expect(parseBoot(JSON.stringify({ page: 'evil', code: 5 }))).toEqual({ page: 'join', locale: 'fr' });
  });

  it('a view must look like version 1', () => {
    expect(parseView('{"v":2}')).toBeUndefined();
    expect(parseView('[]')).toBeUndefined();
    const v = { v: 1, serverNow: 1, role: 'participant', me: { id: 'p' }, cafe: { id: 'c' }, notices: [] };
    expect(parseView(JSON.stringify(v))).toEqual(v);
    expect(asActAnswer({ view: v, message: 'Déjà voté' })).toEqual({ view: v, message: 'Déjà voté' });
    expect(asActAnswer({ message: 'x' })).toBeUndefined();
  });

  it('an error answer keeps its code and message, else says what the status means', () => {
    expect(asApiError({ code: 'full', message: 'Le café est complet.' }, 409)).toEqual({ code: 'full', message: 'Le café est complet.' });
    expect(asApiError(undefined, 410).code).toBe('expired');
    expect(asApiError('<html>', 502).code).toBe('unavailable');
  });

  it('the console token comes from the fragment', () => {
    expect(tokenFromHash('#t=abc.def')).toBe('abc.def');
    expect(tokenFromHash('#x=1&t=a%2Bb')).toBe('a+b');
    expect(tokenFromHash('')).toBeUndefined();
    expect(tokenFromHash('#t=%E0')).toBeUndefined();
  });
});

describe('the controls\' data', () => {
  const poll = { kind: 'poll', stepId: 's1', revealed: true } as StepView;
  const text = { kind: 'text', stepId: 's2' } as StepView;
  const cases: Array<[StepView, ViewAction, unknown]> = [
    [poll, { verb: 'next', step: 's1' }, { verb: 'next', cafe: 'c', step: 's1', revealed: true }],
    [text, { verb: 'next', step: 's2' }, { verb: 'next', cafe: 'c', step: 's2' }],
    [text, { verb: 'back', step: 's2' }, { verb: 'back', cafe: 'c', step: 's2' }],
    [poll, { verb: 'reveal', step: 's1' }, { verb: 'reveal', cafe: 'c', step: 's1' }],
    [text, { verb: 'turn', step: 's2', delta: -1 }, { verb: 'turn', cafe: 'c', step: 's2', delta: -1 }],
    [text, { verb: 'extend', minutes: 5 }, { verb: 'extend', cafe: 'c', minutes: 5 }],
    [text, { verb: 'pause' }, { verb: 'pause', cafe: 'c' }],
    [text, { verb: 'resume' }, { verb: 'resume', cafe: 'c' }],
    [text, { verb: 'end' }, { verb: 'end', cafe: 'c', step: 's2' }],
  ];
  it.each(cases)('%#: each ViewAction becomes the data ActionDataSchema reads', (step, a, expected) => {
    const data = controlData('c', step, a);
    expect(data).toEqual(expected);
    expect(ActionDataSchema.parse(data)).toEqual(expected);
  });

  it('refresh has no web button; a stamp dates a confirmation; a form posts only its schema\'s fields', () => {
    expect(controlData('c', text, { verb: 'refresh', step: 's2' })).toBeUndefined();
    expect(stamp({ verb: 'end', cafe: 'c', confirm: 'end' }, 12.7)).toEqual({ verb: 'end', cafe: 'c', confirm: 'end', at: 12 });
    expect(formData({ verb: 'answer', cafe: 'c', step: 's' }, [['answerText', '  oui '], ['verb', 'vote'], ['cafe', 'd']]))
      .toEqual({ verb: 'answer', cafe: 'c', step: 's', answerText: 'oui' });
  });
});
