import { cardStepOf, entersPart, messageKeys, partCardKey, shownStep } from '../../src/domain';
import { CafeSim } from './harness';

/**
 * One card per part of the formula: which step a part's card shows, and which step opens a part
 * in the chat (its card posted then, and only then).
 */
describe('a part\'s card', () => {
  function atMichigan(): CafeSim {
    const sim = new CafeSim();
    sim.do({ type: 'begin' });
    sim.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    sim.do({ type: 'reveal', stepId: 'tasse.madonna.annees-80' });
    sim.tick(1);
    sim.do({ type: 'next' });
    return sim;
  }

  it('shows the part\'s current step; the ice breaker\'s choice opened the part, the statements do not', () => {
    const sim = atMichigan();
    expect(shownStep(sim.state, 'tasse')?.id).toBe('tasse.madonna.michigan');
    expect(entersPart(sim.state, 'tasse.choix')).toBe(false);
    expect(entersPart(sim.state, 'tasse.madonna.michigan')).toBe(false);
    const fresh = new CafeSim();
    fresh.do({ type: 'begin' });
    expect(entersPart(fresh.state, 'tasse.choix')).toBe(true);
  });

  it('a step the card has left leads to the step the card shows now', () => {
    const sim = atMichigan();
    expect(cardStepOf(sim.state, 'tasse.madonna.annees-80')?.id).toBe('tasse.madonna.michigan');
    expect(cardStepOf(sim.state, 'no-such-step')).toBeUndefined();
  });

  it('once the café has moved to the next part, the card shows the step it closed on; back into it, the reopened step', () => {
    const sim = atMichigan();
    for (let i = 0; i < 20 && sim.step!.part === 'tasse'; i++) {
      sim.tick(1);
      sim.run({ type: 'reveal', stepId: sim.step!.id });
      sim.do({ type: 'next' });
    }
    expect(sim.step!.part).toBe('cafe');
    expect(entersPart(sim.state, sim.step!.id)).toBe(true);
    expect(shownStep(sim.state, 'tasse')?.id).toBe('tasse.madonna.milliard');
    sim.tick(1);
    sim.do({ type: 'back' });
    expect(shownStep(sim.state, 'tasse')?.id).toBe('tasse.madonna.milliard');
    expect(shownStep(sim.state, 'cafe')?.id).toBe('cafe.choix');
  });

  it('the keys a café may have posted under: the menu, each part, the recap, the network\'s questions', () => {
    const sim = new CafeSim();
    expect(messageKeys(sim.state)).toEqual(['menu', partCardKey('tasse'), partCardKey('cafe'), partCardKey('chocolat'), partCardKey('sucre'), 'recap', 'network']);
  });
});
