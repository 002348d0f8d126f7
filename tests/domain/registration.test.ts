import { guideFr } from '../../src/content';
import {
  audienceOf, initialPlan, participants, registrationAdvice, registrationsOf, replaces, REGISTRATION_STEP_ID,
  type Actor, type ContributionValue, type MenuAudience,
} from '../../src/domain';
import { findFormula } from '../../src/domain/lookup';
import { CafeSim, camille, karim, lea, sophie } from './harness';

/**
 * Registration before the café (the guide's ASTUCE: « identifiez le niveau de votre audience en
 * posant la question dans votre formulaire d'inscription »), the audience it makes, the formula
 * the guide's tree names for it, and the facilitator adopting that formula before Commencer.
 */

const reg = (level: MenuAudience, place: 'online' | 'room' = 'room'): ContributionValue => ({ kind: 'registration', level, place });
const people = (n: number): Actor[] => Array.from({ length: n }, (_, i) => ({ id: `u-${i}`, name: `P${i}`, locale: 'fr' }));

function registered(levels: MenuAudience[], formula = 'americano', places?: Array<'online' | 'room'>): CafeSim {
  const cafe = new CafeSim('avec-sucre', guideFr, formula);
  people(levels.length).forEach((p, i) => expect(cafe.give(p, reg(levels[i], places?.[i] ?? 'room'), REGISTRATION_STEP_ID)).toBeUndefined());
  return cafe;
}

describe('Registering before the café', () => {
  it('a café in its menu takes a registration: the level and the place, one record per person', () => {
    const cafe = new CafeSim();
    expect(cafe.give(lea, reg('novice', 'online'), REGISTRATION_STEP_ID)).toBeUndefined();
    expect(cafe.contributions).toEqual([expect.objectContaining({ kind: 'registration', key: lea.id, userId: lea.id, stepId: REGISTRATION_STEP_ID, value: reg('novice', 'online') })]);
  });

  it("a person's newer answer replaces theirs (a single-valued kind, as a vote)", () => {
    const cafe = new CafeSim();
    cafe.give(lea, reg('novice'), REGISTRATION_STEP_ID);
    cafe.tick(1);
    cafe.give(lea, reg('averti', 'online'), REGISTRATION_STEP_ID);
    expect(cafe.contributions).toHaveLength(1);
    expect(registrationsOf(cafe.state, cafe.contributions)).toEqual([{ userId: lea.id, level: 'averti', place: 'online' }]);
    const [older, newer] = [{ ...cafe.contributions[0], at: 1, activityId: 'a1' }, { ...cafe.contributions[0], at: 2, activityId: 'a2' }];
    expect(replaces(newer, older)).toBe(true);
    expect(replaces(older, newer)).toBe(false);
  });

  it('is refused politely once the café has begun, and after it ended', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    expect(cafe.give(lea, reg('novice'), REGISTRATION_STEP_ID)).toEqual({ refused: 'registration-closed' });
    cafe.do({ type: 'end', confirmedAt: cafe.now });
    expect(cafe.state.status).toBe('ended');
    expect(cafe.give(lea, reg('novice'), REGISTRATION_STEP_ID)).toEqual({ refused: 'registration-closed' });
  });

  it('is kept under its own key only, and a level or place the form does not offer is refused', () => {
    const cafe = new CafeSim();
    expect(cafe.give(lea, reg('novice'), 'menu')).toEqual({ refused: 'invalid', detail: 'step' });
    expect(cafe.give(lea, { kind: 'registration', level: 'expert' as MenuAudience, place: 'room' }, REGISTRATION_STEP_ID)).toEqual({ refused: 'invalid', detail: 'registration' });
    expect(cafe.give(lea, { kind: 'registration', level: 'novice', place: 'garden' as 'room' }, REGISTRATION_STEP_ID)).toEqual({ refused: 'invalid', detail: 'registration' });
    expect(cafe.contributions).toHaveLength(0);
  });

  it('makes nobody a participant: the counts of people are about what happened in the café', () => {
    const cafe = registered(['novice', 'averti'], 'ristretto');
    expect(participants(cafe.state, cafe.contributions)).toEqual([]);
    cafe.do({ type: 'begin' });
    cafe.nextUntil('video');
    expect(cafe.give(karim, { kind: 'done' })).toBeUndefined();
    expect(cafe.give(people(1)[0], { kind: 'done' })).toBeUndefined();
    expect(participants(cafe.state, cafe.contributions)).toEqual([karim.id, 'u-0']);
  });

  it("leaves the facilitators' own answers out of the audience", () => {
    const cafe = new CafeSim();
    cafe.give(camille, reg('averti'), REGISTRATION_STEP_ID);
    cafe.give(sophie, reg('novice'), REGISTRATION_STEP_ID);
    expect(registrationsOf(cafe.state, cafe.contributions).map((r) => r.userId)).toEqual([sophie.id]);
  });
});

describe('The audience of the registrations (audienceOf)', () => {
  it('counts the levels and the places', () => {
    const a = audienceOf([
      { level: 'novice', place: 'online' }, { level: 'novice', place: 'room' }, { level: 'averti', place: 'online' }, { level: 'intermediaire', place: 'online' },
    ]);
    expect(a).toMatchObject({ count: 4, levels: { novice: 2, averti: 1, intermediaire: 1 }, places: { online: 3, room: 1 }, online: true });
  });

  it('a level more than half gave is the audience', () => {
    expect(audienceOf([{ level: 'averti', place: 'room' }, { level: 'averti', place: 'room' }, { level: 'novice', place: 'room' }]).audience).toBe('averti');
  });

  it('without a majority the public is mixed: taken as intermediate, the guide level between the two', () => {
    expect(audienceOf([{ level: 'novice', place: 'room' }, { level: 'averti', place: 'room' }]).audience).toBe('intermediaire');
    expect(audienceOf([{ level: 'novice', place: 'room' }, { level: 'averti', place: 'room' }, { level: 'intermediaire', place: 'room' }]).audience).toBe('intermediaire');
  });

  it('online only when more than half come online (a tie is in the room)', () => {
    expect(audienceOf([{ level: 'novice', place: 'online' }, { level: 'novice', place: 'room' }]).online).toBe(false);
    expect(audienceOf([{ level: 'novice', place: 'online' }, { level: 'novice', place: 'online' }, { level: 'novice', place: 'room' }]).online).toBe(true);
  });

  it('nobody registered: no audience, nothing advised', () => {
    expect(audienceOf([])).toEqual({ count: 0, levels: { novice: 0, averti: 0, intermediaire: 0 }, places: { online: 0, room: 0 } });
    const cafe = new CafeSim();
    expect(registrationAdvice(cafe.state, cafe.contributions, guideFr)).toBeUndefined();
  });
});

describe("The guide's advice for the registered public (registrationAdvice)", () => {
  const advised = (cafe: CafeSim, long?: boolean) => {
    const a = registrationAdvice(cafe.state, cafe.contributions, guideFr, long);
    return a && `${a.formulaId} ${a.variant}`;
  };

  it('all novices, a café of more than 30 minutes: Americano avec sucre', () => {
    expect(advised(registered(['novice', 'novice', 'novice'], 'americano'))).toBe('americano avec-sucre');
  });

  it('all informed: « sans sucre »', () => {
    expect(advised(registered(['averti', 'averti'], 'americano'))).toBe('americano sans-sucre');
  });

  it('a majority of intermediates: the Cappuccino', () => {
    const cafe = registered(['intermediaire', 'intermediaire', 'novice'], 'americano');
    const a = registrationAdvice(cafe.state, cafe.contributions, guideFr)!;
    expect(a).toMatchObject({ formulaId: 'cappuccino', variant: 'avec-sucre', audience: 'intermediaire', online: false });
    expect(a.planned).toEqual(expect.objectContaining({ max: expect.any(Number) }));
  });

  it('the time is the current formula\'s: a Ristretto café (30 minutes) gets a Ristretto', () => {
    expect(advised(registered(['novice'], 'ristretto'))).toBe('ristretto avec-sucre');
    expect(advised(registered(['averti'], 'ristretto'))).toBe('ristretto sans-sucre');
  });

  it('unless the facilitator says how long they have', () => {
    expect(advised(registered(['averti'], 'ristretto'), true)).toBe('americano sans-sucre');
    expect(advised(registered(['novice'], 'americano'), false)).toBe('ristretto avec-sucre');
  });

  it('says whether the public comes mostly online', () => {
    const cafe = registered(['novice', 'novice'], 'americano', ['online', 'online']);
    expect(registrationAdvice(cafe.state, cafe.contributions, guideFr)).toMatchObject({ online: true });
  });
});

describe('Adopting another formula before Commencer (reformulate)', () => {
  it('replaces the formula and variant and makes the plan anew, as a café started with it; the menu card follows', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'americano');
    const before = cafe.state;
    cafe.effects = [];
    cafe.do({ type: 'reformulate', formulaId: 'cappuccino', variant: 'avec-sucre' });
    expect(cafe.state).toMatchObject({ formulaId: 'cappuccino', variant: 'avec-sucre', status: 'menu', cursor: -1, facilitatorId: before.facilitatorId, createdAt: before.createdAt });
    expect(cafe.state.steps).toEqual(initialPlan(findFormula(guideFr, 'cappuccino', 'avec-sucre')!, guideFr));
    expect(cafe.effects).toEqual([{ type: 'update-menu' }]);
    // It then begins as usual, on the new plan.
    cafe.do({ type: 'begin' });
    expect(cafe.state.status).toBe('running');
    expect(cafe.step!.id).toBe(initialPlan(findFormula(guideFr, 'cappuccino', 'avec-sucre')!, guideFr)[0].id);
  });

  it('a café composed sur-mesure loses its own formula for the content\'s', () => {
    const custom = { ...findFormula(guideFr, 'ristretto', 'avec-sucre')!, id: 'sur-mesure', name: 'Sur mesure' };
    const cafe = new CafeSim('avec-sucre', guideFr, custom);
    expect(cafe.state.customFormula).toBeDefined();
    cafe.do({ type: 'reformulate', formulaId: 'americano', variant: 'sans-sucre' });
    expect(cafe.state.customFormula).toBeUndefined();
    expect(cafe.state.formulaId).toBe('americano');
  });

  it('a formula the content does not have is refused', () => {
    const cafe = new CafeSim();
    expect(cafe.run({ type: 'reformulate', formulaId: 'latte', variant: 'avec-sucre' })).toMatchObject({ refused: 'unknown-formula' });
    expect(cafe.state.formulaId).toBe('americano');
  });

  it('is refused to participants, like every facilitator command', () => {
    const cafe = new CafeSim();
    expect(cafe.run({ type: 'reformulate', formulaId: 'ristretto', variant: 'avec-sucre' }, lea)).toEqual({ refused: 'not-facilitator' });
  });

  it('is refused once the café has begun', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    expect(cafe.run({ type: 'reformulate', formulaId: 'ristretto', variant: 'avec-sucre' })).toEqual({ refused: 'formula-fixed' });
  });

  it('the advice, once adopted, is the current formula (it advises it again)', () => {
    const cafe = registered(['intermediaire', 'intermediaire'], 'americano');
    const a = registrationAdvice(cafe.state, cafe.contributions, guideFr)!;
    cafe.do({ type: 'reformulate', formulaId: a.formulaId, variant: a.variant });
    expect(registrationAdvice(cafe.state, cafe.contributions, guideFr)).toMatchObject({ formulaId: a.formulaId, variant: a.variant });
  });
});
