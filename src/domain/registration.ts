import type { Content } from '../content/schema';
import { formulaOf, takingPart } from './lookup';
import { plannedTotal } from './plan';
import { recommend, SHORT_CAFE_MINUTES, type MenuAudience, type Proposal } from './recommend';
import type { Actor, CafeState, Contribution, ContributionValue, Refusal } from './types';

/**
 * Registration before the café. The guide's ASTUCE (L224): « identifiez le niveau de votre audience
 * en posant la question dans votre formulaire d'inscription » — and, for the virtual café, « lors de
 * l'inscription à votre café en ligne, demandez aux participants et participantes leur niveau pour
 * mieux adapter votre animation ». A café not begun yet (its menu) takes registrations; their
 * aggregate is the audience the guide's tree (`recommend`) is asked about.
 *
 * Registering does not make anyone a café participant (`participants`): a registration says who
 * means to come, not who took part, so the counts of people (the card, the board, the recap, the
 * export) and who is expected to finish a video stay about what people did in the café itself.
 */

/** The key of registrations' records: no step of the plan (a café's step ids never take it). */
export const REGISTRATION_STEP_ID = 'registration';

export const REGISTRATION_LEVELS = ['novice', 'averti', 'intermediaire'] as const satisfies readonly MenuAudience[];
export const REGISTRATION_PLACES = ['online', 'room'] as const;

type RegistrationValue = Extract<ContributionValue, { kind: 'registration' }>;

/** Checks a registration against the café (its menu only) and turns it into the record to upsert, one per person. */
export function registration(
  state: CafeState, input: { stepId: string; activityId: string }, value: RegistrationValue, actor: Actor, at: number,
): Contribution | Refusal {
  if (state.status !== 'menu') return { refused: 'registration-closed' };
  if (input.stepId !== REGISTRATION_STEP_ID) return { refused: 'invalid', detail: 'step' };
  if (!(REGISTRATION_LEVELS as readonly string[]).includes(value.level) || !(REGISTRATION_PLACES as readonly string[]).includes(value.place)) {
    return { refused: 'invalid', detail: 'registration' };
  }
  return {
    cafeId: state.id, stepId: REGISTRATION_STEP_ID, kind: 'registration', key: actor.id, userId: actor.id,
    value: { kind: 'registration', level: value.level, place: value.place }, at, activityId: input.activityId,
  };
}

/** The café's registrations, one per person (the newest), the facilitators' own left out: they are not the audience. */
export function registrationsOf(state: CafeState, contributions: Contribution[]): Array<{ userId: string; level: MenuAudience; place: 'online' | 'room' }> {
  const newest = new Map<string, Contribution>();
  for (const c of contributions) {
    if (c.kind !== 'registration' || c.value.kind !== 'registration') continue;
    const kept = newest.get(c.userId);
    if (!kept || c.at >= kept.at) newest.set(c.userId, c);
  }
  const drivers = new Set([state.facilitatorId, ...(state.coFacilitatorIds ?? [])]);
  return takingPart(state, newest.keys())
    .filter((id) => !drivers.has(id))
    .map((id) => {
      const v = newest.get(id)!.value as RegistrationValue;
      return { userId: id, level: v.level, place: v.place };
    });
}

export interface Audience {
  count: number;
  levels: Record<MenuAudience, number>;
  places: { online: number; room: number };
  /** The level the guide's tree is asked about; undefined when nobody registered. */
  audience?: MenuAudience;
  /** Whether the café is mostly online; undefined when nobody registered. */
  online?: boolean;
}

/**
 * The registrations' aggregate, and the audience it makes for the guide's tree:
 * - a level more than half the people registered gave is the public's level;
 * - without such a majority the public is mixed (novices and people already informed, or every
 *   level): it is taken as intermediate, the guide's level between the two, whose Cappuccino
 *   formulas it writes for a public neither new to the subject nor informed;
 * - the café is online when more than half come online (a tie: in the room, the guide's default).
 */
export function audienceOf(registrations: ReadonlyArray<{ level: MenuAudience; place: 'online' | 'room' }>): Audience {
  const levels: Record<MenuAudience, number> = { novice: 0, averti: 0, intermediaire: 0 };
  const places = { online: 0, room: 0 };
  for (const r of registrations) {
    levels[r.level] += 1;
    places[r.place] += 1;
  }
  const count = registrations.length;
  if (count === 0) return { count, levels, places };
  const majority = REGISTRATION_LEVELS.find((l) => levels[l] * 2 > count);
  return { count, levels, places, audience: majority ?? 'intermediaire', online: places.online * 2 > count };
}

/** What the registrations advise: the formula and variant the guide's tree names for them, and its planned time. */
export interface RegistrationAdvice extends Proposal {
  audience: MenuAudience;
  online: boolean;
}

/**
 * The formula the guide recommends for the registered public (`recommend`, first proposal), or
 * undefined when nobody registered. The tree's other answers are the facilitator's: they organise
 * the café (organise = true), and they have more than 30 minutes (`long`) when they say so, else
 * when the café's current formula is planned longer than that.
 */
export function registrationAdvice(state: CafeState, contributions: Contribution[], content: Content, long?: boolean): RegistrationAdvice | undefined {
  const audience = audienceOf(registrationsOf(state, contributions));
  if (!audience.audience) return undefined;
  const isLong = long ?? plannedTotal(formulaOf(state, content)).max > SHORT_CAFE_MINUTES;
  const advice = recommend({ organise: true, long: isLong, audience: audience.audience, online: audience.online }, content);
  const first = advice.proposals[0];
  return first ? { ...first, audience: audience.audience, online: !!audience.online } : undefined;
}
