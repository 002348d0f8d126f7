import { z } from 'zod';

/**
 * The data every card button carries, and its zod schema. Cards put it in `Action.Execute.data`
 * (and in the `Action.Submit` fallback, where Teams merges the card's inputs into it); the bot
 * parses it with `ActionDataSchema` before anything reaches the engine, so a forged or stale
 * payload is refused at the edge.
 */

const Id = z.string().min(1).max(200);
const Short = z.string().min(1).max(100);
/** Inputs are bounded generously here; the engine applies the real text limit with a polite refusal. */
const FreeText = z.string().max(5000).default('');

const cafe = { cafe: Id };
const step = { cafe: Id, step: Id };

export const ActionDataSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('begin'), ...cafe }),
  z.object({ verb: z.literal('choose'), ...step, option: Short }),
  /** `revealed`: whether the card showed the step's answer when pressed (a double click never skips past the reveal). */
  z.object({ verb: z.literal('next'), ...step, revealed: z.boolean().optional() }),
  z.object({ verb: z.literal('back'), ...step }),
  z.object({ verb: z.literal('reveal'), ...step }),
  z.object({ verb: z.literal('turn'), ...step, delta: z.union([z.literal(1), z.literal(-1)]) }),
  z.object({ verb: z.literal('pause'), ...cafe }),
  z.object({ verb: z.literal('resume'), ...cafe }),
  z.object({ verb: z.literal('extend'), ...cafe, minutes: z.coerce.number().int().min(1).max(30) }),
  /**
   * Fin: without `confirm`, asks for the confirmation (the step card pressed, if any, in `step`);
   * from the confirmation card, `confirm` (ask the feedback poll first, end, or keep going) and `at`,
   * which dates the confirmation: an old one is refused.
   */
  z.object({
    verb: z.literal('end'), ...cafe, step: Id.optional(),
    confirm: z.enum(['feedback', 'end', 'cancel']).optional(), at: z.coerce.number().int().nonnegative().optional(),
  }),
  z.object({ verb: z.literal('vote'), ...step, choice: Short }),
  z.object({ verb: z.literal('pick'), ...step, item: Short }),
  z.object({ verb: z.literal('done'), ...step }),
  z.object({ verb: z.literal('postit'), ...step, postitColumn: Short, postitKind: Short, postitText: FreeText }),
  z.object({ verb: z.literal('argument'), ...step, side: z.enum(['pour', 'contre']), argumentText: FreeText }),
  z.object({ verb: z.literal('answer'), ...step, answerText: FreeText }),
  /** The closing feedback poll: choice ids (empty when not answered) and two optional comments. */
  z.object({
    verb: z.literal('feedback'), ...step,
    feedback_rating: z.string().max(100).default(''),
    feedback_again: z.string().max(100).default(''),
    feedback_topic: z.string().max(100).default(''),
    feedback_positive: FreeText,
    feedback_negative: FreeText,
  }),
  /** Universal Actions refresh: the per-user view of a card. */
  z.object({ verb: z.literal('refresh'), cafe: Id, step: Id.optional() }),
  /** The guide's decision tree (/menu): the answers so far travel in the buttons, no state kept. */
  z.object({
    verb: z.literal('advise'),
    organise: z.enum(['oui', 'non']).optional(),
    long: z.enum(['oui', 'non']).optional(),
    audience: z.enum(['novice', 'averti', 'intermediaire']).optional(),
    online: z.enum(['oui', 'non']).optional(),
  }),
  /** /startcafe sur-mesure: the element chosen for each part (`formula.variant.option`, empty to skip). */
  z.object({
    verb: z.literal('compose'),
    composeTasse: z.string().max(200).default(''),
    composeCafe: z.string().max(200).default(''),
    composeChocolat: z.string().max(200).default(''),
    composeSucre: z.string().max(200).default(''),
  }),
  /** /effacer: the facilitator confirms (or not) erasing the chat's cafés; `at` dates the request. */
  z.object({ verb: z.literal('erase'), confirm: z.enum(['oui', 'non']), at: z.coerce.number().int().nonnegative() }),
  /** What the cafés network asks once per chat: organisation, town, and optionally "lat, lon". */
  z.object({
    verb: z.literal('network'),
    cafe: Id.optional(),
    networkOrganisation: FreeText,
    networkTown: FreeText,
    networkPosition: z.string().max(200).default(''),
  }),
  /**
   * Before the café begins: a person registers, with their level (the guide's three publics) and
   * whether they come online or in the room (domain/registration.ts).
   */
  z.object({ verb: z.literal('register'), ...cafe, level: z.enum(['novice', 'averti', 'intermediaire']), place: z.enum(['online', 'room']) }),
  /** Before the café begins: the facilitator adopts another formula (the one the registrations advise). */
  z.object({ verb: z.literal('reformulate'), ...cafe, formula: Short, variant: z.enum(['avec-sucre', 'sans-sucre']) }),
  /** Start a formula from a card (the list of formulas, the menu). */
  z.object({ verb: z.literal('start'), formula: Short, variant: z.enum(['avec-sucre', 'sans-sucre']) }),
]);
export type ActionData = z.infer<typeof ActionDataSchema>;
export type Verb = ActionData['verb'];

/** Builds the data of a button; typed so a card cannot emit a payload the bot would refuse. */
export function action<V extends Verb>(data: Extract<ActionData, { verb: V }>): Extract<ActionData, { verb: V }> {
  return data;
}
