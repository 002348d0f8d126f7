import { guideFr } from '../../src/content';
import type { Content } from '../../src/content/schema';
import { nextQuestion, recommend } from '../../src/domain';

/** The guide's formulas by id and variant, whatever their parts (the tree only looks at ids). */
const all: Content = {
  ...guideFr,
  formulas: ['ristretto', 'americano', 'cappuccino', 'mousse-ia'].flatMap((id) =>
    (['avec-sucre', 'sans-sucre'] as const).map((variant) => ({ ...guideFr.formulas[0], id, variant }))),
};

describe("The guide's decision tree, en un coup d'œil", () => {
  it('asks the time first, then the audience, then whether it is online', () => {
    expect(nextQuestion({})).toBe('long');
    expect(nextQuestion({ long: true })).toBe('audience');
    expect(nextQuestion({ long: true, audience: 'novice' })).toBe('online');
    expect(nextQuestion({ long: true, audience: 'novice', online: false })).toBeUndefined();
  });

  it('30 minutes or less, novices: "Les formules Ristretto", « avec sucre »', () => {
    expect(recommend({ long: false, audience: 'novice' }, all)).toEqual([{ formulaId: 'ristretto', variant: 'avec-sucre' }]);
  });

  it('more than 30 minutes, an informed audience: Americano « sans sucre »', () => {
    expect(recommend({ long: true, audience: 'averti' }, all)).toEqual([{ formulaId: 'americano', variant: 'sans-sucre' }]);
  });

  it('an intermediate audience: "Les formules Cappuccino sont faites pour vous"', () => {
    expect(recommend({ long: true, audience: 'intermediaire' }, all).map((p) => p.formulaId)).toEqual(['cappuccino', 'mousse-ia']);
  });

  it('proposes only formulas the content has', () => {
    const americanoOnly: Content = { ...guideFr, formulas: guideFr.formulas.filter((f) => f.id === 'americano') };
    expect(recommend({ long: false, audience: 'novice' }, americanoOnly)).toEqual([]);
    expect(recommend({ long: true, audience: 'novice' }, americanoOnly)).toEqual([{ formulaId: 'americano', variant: 'avec-sucre' }]);
  });
});
