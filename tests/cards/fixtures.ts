import { ContentSchema, type Content, type Variant } from '../../src/content/schema';
import { guideFr } from '../../src/content/guide.fr';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { currentStep } from '../../src/domain/lookup';
import type { Actor, CafeState, Command, Contribution, ContributionValue, Step } from '../../src/domain/types';

/**
 * Cafés as the engine makes them (startCafe + decide), at any step, with as many participants as
 * a meeting chat allows. The content is the guide itself (src/content/guide.fr.ts).
 */
export const content: Content = ContentSchema.parse(guideFr);

/** 14 October 2025, 10:00 in Paris. */
export const T0 = Date.UTC(2025, 9, 14, 8, 0, 0);
export const FACILITATOR: Actor = { id: '29:facilitatrice-camille', name: 'Camille Facilitatrice', locale: 'fr' };

/** Participant i: an id and a name that must never show up on a shared card (except the crazy jobs picks). */
export function person(i: number): { id: string; name: string } {
  return { id: `29:participant-${String(i).padStart(2, '0')}`, name: `Dominique Zébulon${i}` };
}
export const people = (n: number) => Array.from({ length: n }, (_, i) => person(i + 1));

/** A long free text (280 characters, accents: two bytes each in UTF-8). */
export function longText(i: number): string {
  const base = `Idée n°${i} : données de géolocalisation récupérées à l'arrêt de bus, horaires consultés, badge pointé à l'entrée, café payé par carte sans contact, réservation d'une salle, courriel chiffré envoyé à l'équipe, données sensibles de santé déclarées à la médecine du travail… `;
  return base.repeat(3).slice(0, 280);
}

let seq = 0;
function contribution(state: CafeState, stepId: string, userId: string, value: ContributionValue, userName?: string): Contribution {
  seq += 1;
  const single = value.kind === 'vote' || value.kind === 'pick' || value.kind === 'done' || value.kind === 'feedback';
  return { cafeId: state.id, stepId, kind: value.kind, key: single ? userId : `act-${seq}`, userId, value, at: T0 + seq, ...(userName ? { userName } : {}) };
}

export const vote = (s: CafeState, stepId: string, i: number, choice: string) => contribution(s, stepId, person(i).id, { kind: 'vote', choice });
export const pick = (s: CafeState, stepId: string, i: number, item: string) => contribution(s, stepId, person(i).id, { kind: 'pick', item }, person(i).name);
export const done = (s: CafeState, stepId: string, i: number) => contribution(s, stepId, person(i).id, { kind: 'done' });
export const postit = (s: CafeState, stepId: string, i: number, column: string, postitKind: string, text: string) =>
  contribution(s, stepId, person(i).id, { kind: 'postit', column, postitKind, text });
export const argument = (s: CafeState, stepId: string, i: number, side: 'pour' | 'contre', text: string) =>
  contribution(s, stepId, person(i).id, { kind: 'argument', side, text });
export const answer = (s: CafeState, stepId: string, i: number, text: string) => contribution(s, stepId, person(i).id, { kind: 'answer', text });
export const feedback = (s: CafeState, stepId: string, i: number, value: Omit<Extract<ContributionValue, { kind: 'feedback' }>, 'kind'>) =>
  contribution(s, stepId, person(i).id, { kind: 'feedback', ...value });

/** Runs a facilitator command through the engine (as the bot would), failing loudly on a refusal. */
export function run(state: CafeState, command: Command, contributions: Contribution[] = [], now = T0, using: Content = content): CafeState {
  const d = decide(state, command, { actor: FACILITATOR, content: using, now, contributions });
  if (isRefusal(d)) throw new Error(`${command.type} refused: ${d.refused} ${d.detail ?? ''}`);
  return d.state;
}

/** A café of the Americano in its menu state. */
export function newCafe(variant: Variant = 'avec-sucre'): CafeState {
  const s = startCafe(
    { type: 'start', formulaId: 'americano', variant, cafeId: `cafe-${variant}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(s)) throw new Error(s.refused);
  return s;
}

/**
 * The café started and moved on with "Suivant" (each choose step takes its default, or the
 * option given in `choose`) until `until` says the current step is the one wanted.
 */
export function cafeAt(variant: Variant, until: (step: Step) => boolean, o: { choose?: Record<string, string>; contributions?: Contribution[] } = {}): CafeState {
  let s = run(newCafe(variant), { type: 'begin' });
  for (let guard = 0; guard < 100; guard++) {
    const step = currentStep(s)!;
    if (until(step)) return s;
    const option = o.choose?.[step.part];
    s = step.kind === 'choose' && option
      ? run(s, { type: 'choose', stepId: step.id, option }, o.contributions, T0 + guard * 1000)
      : run(s, { type: 'next' }, o.contributions, T0 + guard * 1000);
  }
  throw new Error('step not reached');
}

export const byId = (id: string) => (step: Step) => step.id === id;
