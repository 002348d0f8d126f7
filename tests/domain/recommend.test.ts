import { guideFr } from '../../src/content';
import type { Content, Formula, Variant } from '../../src/content/schema';
import { checkAnswers, findFormula, nextQuestion, plannedTotal, recommend, SHORT_CAFE_MINUTES, type MenuAnswers, type MenuAudience } from '../../src/domain';

/** The guide's tree: the time, then the audience (L192–222), once the first question is answered « OUI » (L181–185). */
const ask = (long: boolean, audience: MenuAudience, online = false): MenuAnswers => ({ organise: true, long, audience, online });
const ids = (ps: Array<{ formulaId: string; variant: Variant }>) => ps.map((p) => `${p.formulaId}.${p.variant}`);

/** A formula of the guide whose parts plan `min` to `max` minutes in all (spread over its first part). */
/** The formula with another planned total (the guide's "Combien de temps ?"). */
function planned(formula: Formula, min: number, max: number): Formula {
  return { ...formula, planned: { min, max } };
}
const withFormulas = (formulas: Formula[]): Content => ({ ...guideFr, formulas });
const guideFormula = (id: string, variant: Variant) => findFormula(guideFr, id, variant)!;

describe("The guide's decision tree, en un coup d'œil (L179–224)", () => {
  it('asks first whether a café is wanted at all (L181), then the time (L192), the audience (L204), online (L224)', () => {
    expect(nextQuestion({})).toBe('organise');
    expect(nextQuestion({ organise: true })).toBe('long');
    expect(nextQuestion({ organise: true, long: true })).toBe('audience');
    expect(nextQuestion({ organise: true, long: true, audience: 'novice' })).toBe('online');
    expect(nextQuestion(ask(true, 'novice'))).toBeUndefined();
  });

  it('« NON » to the first question ends the tree (L187–189): no other question, no formula', () => {
    expect(nextQuestion({ organise: false })).toBeUndefined();
    expect(recommend({ organise: false }, guideFr).proposals).toEqual([]);
  });

  it('/startcafe virtuel answers online first: the time and the audience are still asked', () => {
    expect(nextQuestion({ organise: true, online: true })).toBe('long');
    expect(nextQuestion({ organise: true, online: true, long: false })).toBe('audience');
    expect(nextQuestion({ organise: true, online: true, long: false, audience: 'averti' })).toBeUndefined();
  });

  it('30 minutes or less, novices: "Les formules Ristretto" (L201), « avec sucre » (L210): the Ristretto avec sucre', () => {
    const advice = recommend(ask(false, 'novice'), guideFr);
    expect(ids(advice.proposals)).toEqual(['ristretto.avec-sucre']);
    expect(advice).toMatchObject({ tooLong: [], instead: false, budgetMinutes: SHORT_CAFE_MINUTES });
  });

  it('30 minutes or less, an informed public: the Ristretto sans sucre (L201, L217), proposed only if it fits in 30 minutes', () => {
    // L418 gives the Ristretto 15 to 30 minutes: with that plan, it is the proposal.
    const fitting = withFormulas(guideFr.formulas.map((f) => (f.id === 'ristretto' && f.variant === 'sans-sucre' ? planned(f, 15, 30) : f)));
    expect(ids(recommend(ask(false, 'averti'), fitting).proposals)).toEqual(['ristretto.sans-sucre']);
    // Planned longer than 30 minutes, it is said too long and what does fit is proposed instead.
    const long = withFormulas(guideFr.formulas.map((f) => (f.id === 'ristretto' && f.variant === 'sans-sucre' ? planned(f, 15, 35) : f)));
    const advice = recommend(ask(false, 'averti'), long);
    expect(ids(advice.tooLong)).toEqual(['ristretto.sans-sucre']);
    expect(advice.instead).toBe(true);
    expect(advice.proposals.every((p) => p.planned.max <= 30)).toBe(true);
    expect(ids(advice.proposals)).not.toContain('ristretto.sans-sucre');
  });

  it('30 minutes or less, an intermediate public: the guide names the Cappuccino formulas (L222), 1 h or more (L818, L919), so Barista says so and proposes a Ristretto', () => {
    const advice = recommend(ask(false, 'intermediaire'), guideFr);
    expect(ids(advice.tooLong)).toEqual(['cappuccino.avec-sucre', 'mousse-ia.avec-sucre']);
    expect(advice.tooLong.map((p) => p.planned)).toEqual([plannedTotal(guideFormula('cappuccino', 'avec-sucre')), plannedTotal(guideFormula('mousse-ia', 'avec-sucre'))]);
    expect(advice.tooLong.every((p) => p.planned.max > 30)).toBe(true);
    expect(advice.instead).toBe(true);
    expect(advice.proposals.length).toBeGreaterThan(0);
    expect(advice.proposals.every((p) => p.formulaId === 'ristretto' && p.planned.max <= 30)).toBe(true);
  });

  it('an intermediate public gets both Ristretto variants when both fit (the public is between novice and averti)', () => {
    const fitting = withFormulas(guideFr.formulas.map((f) => (f.id === 'ristretto' ? planned(f, 15, 30) : f)));
    expect(ids(recommend(ask(false, 'intermediaire'), fitting).proposals)).toEqual(['ristretto.avec-sucre', 'ristretto.sans-sucre']);
  });

  it('more than 30 minutes, novices: Americano « avec sucre » (L196, L208–211)', () => {
    expect(ids(recommend(ask(true, 'novice'), guideFr).proposals)).toEqual(['americano.avec-sucre']);
  });

  it('more than 30 minutes, an informed public: Americano « sans sucre » (L196, L215–218)', () => {
    expect(ids(recommend(ask(true, 'averti'), guideFr).proposals)).toEqual(['americano.sans-sucre']);
  });

  it('more than 30 minutes, an intermediate public: "Les formules Cappuccino sont faites pour vous" (L222), nothing said too long', () => {
    const advice = recommend(ask(true, 'intermediaire'), guideFr);
    expect(ids(advice.proposals)).toEqual(['cappuccino.avec-sucre', 'mousse-ia.avec-sucre']);
    expect(advice).toMatchObject({ tooLong: [], instead: false });
    expect(advice.budgetMinutes).toBeUndefined();
  });

  it('never proposes, on any branch, a formula planned longer than the time the person has', () => {
    for (const long of [true, false]) {
      for (const audience of ['novice', 'averti', 'intermediaire'] as const) {
        const advice = recommend(ask(long, audience), guideFr);
        const budget = long ? Infinity : SHORT_CAFE_MINUTES;
        for (const p of advice.proposals) expect(plannedTotal(guideFormula(p.formulaId, p.variant)).max).toBeLessThanOrEqual(budget);
        for (const p of advice.tooLong) expect(p.planned.max).toBeGreaterThan(budget);
      }
    }
  });

  it('falls back on any formula that fits when none of the audience\'s variant does, and on nothing when none fits', () => {
    const ristrettoAvec = planned(guideFormula('ristretto', 'avec-sucre'), 15, 30);
    const americanoSans = guideFormula('americano', 'sans-sucre');
    expect(ids(recommend(ask(false, 'averti'), withFormulas([ristrettoAvec, americanoSans])).proposals)).toEqual(['ristretto.avec-sucre']);
    const advice = recommend(ask(false, 'novice'), withFormulas([americanoSans]));
    expect(advice.proposals).toEqual([]);
    expect(advice.instead).toBe(true);
  });

  it('proposes only formulas the content has', () => {
    const americanoOnly: Content = withFormulas(guideFr.formulas.filter((f) => f.id === 'americano'));
    expect(recommend(ask(false, 'novice'), americanoOnly).proposals).toEqual([]);
    expect(ids(recommend(ask(true, 'novice'), americanoOnly).proposals)).toEqual(['americano.avec-sucre']);
  });

  it('refuses answers the tree cannot give: after « NON », before the first question, the audience without the time', () => {
    expect(checkAnswers({ organise: false, long: true })).toEqual({ refused: 'invalid', detail: 'menu' });
    expect(checkAnswers({ long: true })).toEqual({ refused: 'invalid', detail: 'menu' });
    expect(checkAnswers({ online: true })).toEqual({ refused: 'invalid', detail: 'menu' });
    expect(checkAnswers({ organise: true, audience: 'novice' })).toEqual({ refused: 'invalid', detail: 'menu' });
    expect(checkAnswers({})).toBeUndefined();
    expect(checkAnswers({ organise: false })).toBeUndefined();
    expect(checkAnswers({ organise: true, online: true })).toBeUndefined();
    expect(checkAnswers(ask(false, 'intermediaire', true))).toBeUndefined();
  });
});
