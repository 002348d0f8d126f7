import { answersOf, menuTreeCard } from '../../src/cards';
import { ActionDataSchema } from '../../src/cards/actions';
import { menuTreeEn } from '../../src/content/menuTree.en';
import { menuTreeFr } from '../../src/content/menuTree.fr';
import { findFormula, plannedTotal, SHORT_CAFE_MINUTES, type MenuAnswers } from '../../src/domain';
import type { Locale } from '../../src/domain/types';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { content } from './fixtures';
import { buttons, problems, texts } from './validate';

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

/**
 * The tree's own texts in one language, cut at their `{param}`s and kept when long enough to
 * belong to that language only (« ' : de ' » or a button's « Oui » would prove nothing).
 */
function ownTexts(tree: object, dictionary: Record<string, string>): string[] {
  const ui = Object.entries(dictionary).filter(([k]) => k.startsWith('tree.')).map(([, v]) => v);
  return [...strings(tree), ...ui].flatMap((s) => s.split(/\{\w+\}/)).map((s) => s.trim()).filter((s) => s.length >= 12);
}
const OWN: Record<Locale, string[]> = { fr: ownTexts(menuTreeFr, fr), en: ownTexts(menuTreeEn, en) };

/** Every card the tree can show: each question, « NON », and every end of the tree. */
const EVERY_ANSWERS: MenuAnswers[] = [
  {}, { organise: false }, { organise: true }, { organise: true, online: true }, { organise: true, long: true }, { organise: true, long: false },
  ...[true, false].flatMap((long) => (['novice', 'averti', 'intermediaire'] as const).flatMap((audience) => [
    { organise: true, long, audience },
    { organise: true, long, audience, online: true },
    { organise: true, long, audience, online: false },
  ])),
];
const name = (a: MenuAnswers) => JSON.stringify(a);

describe('/menu: the decision tree as a card', () => {
  it("starts with the guide's first question (L181), with Oui / Non", () => {
    const card = menuTreeCard({ answers: {}, content, locale: 'fr' });
    expect(texts(card)).toContain("Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ?");
    expect(texts(card)).not.toContain('Avez-vous plus de 30 minutes');
    expect(buttons(card).map((b) => b.title)).toEqual(['Oui', 'Non']);
    expect(buttons(card).map((b) => answersOf(ActionDataSchema.parse(b.data) as never))).toEqual([{ organise: true }, { organise: false }]);
    expect(problems(card)).toEqual([]);
  });

  it("« OUI »: « C'est parti ! » (L185), then the time (L192)", () => {
    const text = texts(menuTreeCard({ answers: { organise: true }, content, locale: 'fr' }));
    expect(text).toContain("C'est parti ! Voyons ensemble comment vous aider à choisir le format adapté...");
    expect(text).toContain('Avez-vous plus de 30 minutes pour animer votre café ?');
  });

  it('« NON »: « Ce livret peut quand même vous intéresser... » (L189) and, instead of « Rdv page 52 », the videos themselves', () => {
    const card = menuTreeCard({ answers: { organise: false }, content, locale: 'fr' });
    const text = texts(card);
    expect(text).toContain('Ce livret peut quand même vous intéresser...');
    expect(text).toContain(content.playlistUrl);
    expect(text).not.toMatch(/\bpages?\s+\d/i);
    expect(buttons(card).map((b) => b.verb)).toEqual(['advise']);
    expect(buttons(card)[0].data).toEqual({ verb: 'advise' });
    expect(problems(card)).toEqual([]);
  });

  it('carries the answers in the buttons, each a valid payload', () => {
    const card = menuTreeCard({ answers: { organise: true, long: true }, content, locale: 'fr' });
    expect(texts(card)).toContain('Les formules Americano et Cappuccino sont faites pour vous !');
    // The answers are long: listed whole under a letter, the buttons carry the letter.
    expect(texts(card)).toContain(`**A** · ${menuTreeFr.audience.novice.label}`);
    const novice = buttons(card).find((b) => b.title === 'A')!;
    const parsed = ActionDataSchema.parse(novice.data);
    expect(parsed.verb === 'advise' && answersOf(parsed)).toEqual({ organise: true, long: true, audience: 'novice' });
  });

  it('refuses a forged answer at the edge', () => {
    expect(ActionDataSchema.safeParse({ verb: 'advise', organise: 'peut-être' }).success).toBe(false);
    expect(ActionDataSchema.safeParse({ verb: 'advise', organise: true }).success).toBe(false);
  });

  it('ends with the proposal, a start button, and the virtual advice when online', () => {
    const card = menuTreeCard({ answers: { organise: true, long: true, audience: 'novice', online: true }, content, locale: 'fr' });
    const text = texts(card);
    expect(text).toContain('Les formules « avec sucre » sont faites pour vous !');
    expect(text).toContain('Americano avec sucre');
    expect(text).toContain('45 minutes');
    expect(buttons(card).find((b) => b.verb === 'start')?.data).toMatchObject({ formula: 'americano', variant: 'avec-sucre' });
    expect(problems(card)).toEqual([]);
  });

  it('30 minutes or less and an intermediate public: says the Cappuccino formulas take longer (L222, L818) and starts only what fits', () => {
    const card = menuTreeCard({ answers: { organise: true, long: false, audience: 'intermediaire', online: false }, content, locale: 'fr' });
    const text = texts(card);
    expect(text).toContain('Les formules Cappuccino sont faites pour vous');
    const cappuccino = plannedTotal(findFormula(content, 'cappuccino', 'avec-sucre')!);
    expect(text).toContain(`Cappuccino avec sucre : de ${cappuccino.min} à ${cappuccino.max} minutes prévues`);
    expect(text).toContain('plus que vos 30 minutes');
    expect(text).toContain('/startcafe sur-mesure');
    const started = buttons(card).filter((b) => b.verb === 'start').map((b) => b.data.formula);
    expect(started.length).toBeGreaterThan(0);
    expect(new Set(started)).toEqual(new Set(['ristretto']));
    expect(problems(card)).toEqual([]);
  });

  it('online, a formula planned past the guide\'s 45 minutes (L1044) is proposed with that advice, before the café', () => {
    const text = texts(menuTreeCard({ answers: { organise: true, long: true, audience: 'intermediaire', online: true }, content, locale: 'fr' }));
    const cappuccino = plannedTotal(findFormula(content, 'cappuccino', 'avec-sucre')!);
    expect(text).toContain(`En visio, le guide recommande ${content.virtual.maxMinutes} minutes au plus : cette formule en prévoit jusqu’à ${cappuccino.max}`);
    const offline = texts(menuTreeCard({ answers: { organise: true, long: true, audience: 'intermediaire', online: false }, content, locale: 'fr' }));
    expect(offline).not.toContain('En visio, le guide recommande');
  });

  describe.each(EVERY_ANSWERS.map((a) => [name(a), a] as const))('%s', (_, answers) => {
    it.each(['fr', 'en'] as const)('in %s: a valid card, entirely in that language, starting nothing longer than the time said', (L) => {
      const card = menuTreeCard({ answers, content, locale: L });
      expect(problems(card)).toEqual([]);
      const text = texts(card);
      const other: Locale = L === 'fr' ? 'en' : 'fr';
      for (const s of OWN[other]) expect(text).not.toContain(s);
      if (L === 'en') {
        for (const f of content.formulas) for (const s of [f.audience, f.duration]) expect(text).not.toContain(s);
        for (const a of content.virtual.advice) expect(text).not.toContain(a.text);
      }
      expect(text).not.toMatch(/\bpages?\s+\d/i);
      const budget = answers.long === false ? SHORT_CAFE_MINUTES : Infinity;
      for (const b of buttons(card).filter((x) => x.verb === 'start')) {
        const f = findFormula(content, String(b.data.formula), b.data.variant as 'avec-sucre' | 'sans-sucre')!;
        expect(plannedTotal(f).max).toBeLessThanOrEqual(budget);
      }
    });
  });

  it('speaks English to an English Teams, the whole tree', () => {
    const first = menuTreeCard({ answers: {}, content, locale: 'en' });
    expect(buttons(first).map((b) => b.title)).toEqual(['Yes', 'No']);
    expect(texts(first)).toContain(menuTreeEn.organise.question);
    const audience = texts(menuTreeCard({ answers: { organise: true, long: false }, content, locale: 'en' }));
    expect(audience).toContain(menuTreeEn.long.no);
    expect(audience).toContain(menuTreeEn.audience.question);
    const end = texts(menuTreeCard({ answers: { organise: true, long: false, audience: 'intermediaire', online: true }, content, locale: 'en' }));
    expect(end).toContain(menuTreeEn.audience.intermediaire.answer);
    expect(end).toContain('longer than your 30 minutes');
    expect(end).toContain(menuTreeEn.online.virtual);
  });
});
