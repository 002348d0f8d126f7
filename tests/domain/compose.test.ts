import { guideFr } from '../../src/content';
import { composables, composeFormula, isRefusal, plannedTotal } from '../../src/domain';
import { CafeSim, lea } from './harness';

describe('Café sur-mesure: "vous pouvez mixer les formules entre elles"', () => {
  const all = composables(guideFr);
  const key = (part: keyof typeof all, activity: string) => all[part].find((c) => c.activities[0] === activity)!.key;

  it('offers every element of every formula once, by part', () => {
    expect(all.tasse.map((c) => c.activities[0])).toEqual(expect.arrayContaining(['madonna', 'crazy-jobs', 'placement']));
    expect(new Set(all.tasse.map((c) => c.activities.join('+'))).size).toBe(all.tasse.length);
    expect(all.chocolat.map((c) => c.activities[0])).toEqual(expect.arrayContaining(['journee-agent', 'debat']));
  });

  it('composes crazy jobs, a video, the debate and the opening, with the total planned time', () => {
    const formula = composeFormula(guideFr, {
      tasse: key('tasse', 'crazy-jobs'), cafe: all.cafe[0].key, chocolat: key('chocolat', 'debat'), sucre: all.sucre[0].key,
    });
    if (isRefusal(formula)) throw new Error(formula.refused);
    expect(formula.parts.map((p) => p.part)).toEqual(['tasse', 'cafe', 'chocolat', 'sucre']);
    expect(plannedTotal(formula).max).toBeGreaterThan(0);
    expect(formula.duration).toBe(`${plannedTotal(formula).min} à ${plannedTotal(formula).max} minutes`);
  });

  it('refuses an element that is not in the guide, and an empty café', () => {
    expect(composeFormula(guideFr, { tasse: 'americano.avec-sucre.inconnu' })).toEqual({ refused: 'invalid', detail: 'tasse' });
    expect(composeFormula(guideFr, {})).toEqual({ refused: 'invalid', detail: 'empty' });
  });

  it('runs a composed café through the engine, from the menu to the recap', () => {
    const formula = composeFormula(guideFr, { tasse: key('tasse', 'madonna'), chocolat: key('chocolat', 'debat') });
    if (isRefusal(formula)) throw new Error(formula.refused);
    const cafe = new CafeSim('avec-sucre', guideFr, formula);
    expect(cafe.state.customFormula?.name).toBe('Café sur-mesure');
    cafe.do({ type: 'begin' });
    expect(cafe.step!.activityId).toBe('madonna');
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.nextUntil('poll', 'debat');
    for (let i = 0; i < 50 && cafe.state.status !== 'ended'; i++) cafe.do({ type: 'next' });
    expect(cafe.state.status).toBe('ended');
  });
});
