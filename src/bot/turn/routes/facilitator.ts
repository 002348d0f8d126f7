import type { ActionData } from '../../../cards/actions';
import { answerToRefusal, canFacilitate, canReveal, currentStep, endRequest, isRefusal, nextEnds, type CafeState, type Command } from '../../../domain';
import type { Reply } from '../../../channel/port';
import { t } from '../../../i18n';
import type { TextCommand } from '../../parse';
import type { Kit } from '../kit';
import { onCafe, type Route } from '../route';
import type { Turn } from '../types';

/** What the facilitator does to the running café, by text command or by a card's button. */

type Text<K extends TextCommand['type']> = Extract<TextCommand, { type: K }>;
type Action<V extends ActionData['verb']> = Extract<ActionData, { verb: V }>;

/**
 * A text command for the chat's running café: decided, saved, its effects queued. The person hears
 * back only when it is refused (a re-delivered command: nothing).
 */
function onActive<K extends TextCommand['type']>(toCommand: (cmd: Text<K>, state: CafeState) => Command, needsPerson = false): Route<Text<K>> {
  return {
    drives: true,
    async run(kit, turn, cmd) {
      const active = await kit.store.getActive(turn.address.conversationId);
      if (!active) return { message: t(turn.actor.locale, 'refusal.no-cafe') };
      // /animateur and /coanimateur need someone mentioned.
      if (needsPerson && !('person' in cmd && cmd.person)) return { message: t(turn.actor.locale, 'mentionSomeone') };
      const result = await kit.command(active.id, (s) => toCommand(cmd, s), turn.actor, turn.activityId, active);
      if (isRefusal(result) && answerToRefusal(result, 'text') === 'explain') return kit.refusal(result, turn.actor, active);
      return undefined;
    },
  };
}

const goOn = onActive<'next'>((_c, s) => (s.status === 'menu' ? { type: 'begin' } : { type: 'next' }));
/** /suivant: the next step; on the last one it asks, like /fin, before the café ends. */
export const textNext: Route<Text<'next'>> = {
  drives: true,
  async run(kit, turn, cmd) {
    const active = await kit.store.getActive(turn.address.conversationId);
    if (active && nextEnds(active, kit.content) && canFacilitate(active, turn.actor)) return askEnd(kit, turn, active);
    return goOn.run(kit, turn, cmd);
  },
};
export const textBack = onActive<'back'>(() => ({ type: 'back' }));
export const textPause = onActive<'pause'>(() => ({ type: 'pause' }));
export const textResume = onActive<'resume'>(() => ({ type: 'resume' }));
export const textExtend = onActive<'extend'>((c) => ({ type: 'extend', minutes: c.minutes }));

/** /reveler: the current poll's (or question's) answer; a step with nothing to reveal is told so. */
export const textReveal: Route<Text<'reveal'>> = {
  drives: true,
  async run(kit, turn, cmd) {
    const active = await kit.store.getActive(turn.address.conversationId);
    const step = active && currentStep(active);
    if (active && step && canFacilitate(active, turn.actor) && active.status !== 'menu' && !canReveal(step, kit.content)) {
      return { message: t(turn.actor.locale, 'reveal.nothing') };
    }
    return revealCurrent.run(kit, turn, cmd);
  },
};
const revealCurrent = onActive<'reveal'>((_c, s) => ({ type: 'reveal', stepId: currentStep(s)?.id ?? 'menu' }));

/**
 * /fin or Fin: nothing ends by accident (domain `endRequest`). A café that began asks its
 * facilitator to confirm (offering the feedback poll first when it was not asked); one that never
 * began is cancelled at once, without an empty recap.
 */
async function askEnd(kit: Kit, turn: Turn, state: CafeState, step?: string): Promise<Reply> {
  const request = endRequest(state, turn.actor);
  if (isRefusal(request)) return kit.refusal(request, turn.actor, state);
  if (request.kind === 'confirm') {
    return { scene: { kind: 'end-confirm', locale: turn.actor.locale, cafeId: state.id, at: kit.now(), feedbackAsked: request.feedbackAsked, ...(step ? { step } : {}) } };
  }
  const result = await kit.command(state.id, () => ({ type: 'end' }), turn.actor, turn.activityId, state);
  if (isRefusal(result) && answerToRefusal(result, 'text') === 'explain') return kit.refusal(result, turn.actor, state);
  return undefined;
}

export const textEnd: Route<Text<'end'>> = {
  drives: true,
  async run(kit, turn) {
    const active = await kit.store.getActive(turn.address.conversationId);
    if (!active) return { message: t(turn.actor.locale, 'refusal.no-cafe') };
    return askEnd(kit, turn, active);
  },
};
export const handover = onActive<'handover'>((c) => ({ type: 'hand-over', to: c.person! }), true);
export const cofacilitator = onActive<'cofacilitator'>((c) => ({ type: 'add-cofacilitator', who: c.person! }), true);

/**
 * A card button for the card's café: decided, saved, and answered with the person's refreshed view
 * of the card they pressed (a re-delivered press: the same view again).
 */
function button<V extends ActionData['verb']>(toCommand: (data: Action<V>) => Command): Route<Action<V> & { cafe: string }> {
  return onCafe(true, async (kit: Kit, turn: Turn, data: Action<V> & { cafe: string }, state: CafeState) => {
    const stepId = 'step' in data ? (data.step as string) : undefined;
    const result = await kit.command(state.id, () => toCommand(data), turn.actor, turn.activityId, state);
    if (isRefusal(result)) {
      if (answerToRefusal(result, 'button') === 'view') return { scene: await kit.viewFor(state, stepId, turn.actor) };
      return kit.refusal(result, turn.actor, state);
    }
    return { scene: await kit.viewFor(result, stepId, turn.actor) };
  });
}

export const begin = button<'begin'>(() => ({ type: 'begin' }));
/** Before Commencer: the café takes the formula the registrations advise (or any of the content's); the menu card shows it. */
export const reformulate = button<'reformulate'>((d) => ({ type: 'reformulate', formulaId: d.formula, variant: d.variant }));
export const choose = button<'choose'>((d) => ({ type: 'choose', stepId: d.step, option: d.option }));
const goOnButton = button<'next'>((d) => ({ type: 'next', fromStep: d.step, ...(d.revealed !== undefined ? { shownRevealed: d.revealed } : {}) }));
/** Suivant pressed: the next step; on the card of the last step it asks, like Fin, before the café ends. */
export const next: Route<Action<'next'> & { cafe: string }> = onCafe(true, async (kit, turn, data, state) => {
  if (nextEnds(state, kit.content) && canFacilitate(state, turn.actor) && currentStep(state)?.id === data.step) return askEnd(kit, turn, state, data.step);
  return goOnButton.run(kit, turn, data);
});
export const back = button<'back'>((d) => ({ type: 'back', fromStep: d.step }));
export const reveal = button<'reveal'>((d) => ({ type: 'reveal', stepId: d.step }));
export const turnFloor = button<'turn'>((d) => ({ type: 'turn', stepId: d.step, delta: d.delta }));
export const pause = button<'pause'>(() => ({ type: 'pause' }));
export const resume = button<'resume'>(() => ({ type: 'resume' }));
export const extend = button<'extend'>((d) => ({ type: 'extend', minutes: d.minutes }));
/**
 * Fin pressed (a step card, the "already running" card): the confirmation stands in for the card
 * pressed. Its buttons: keep going, end, or ask the feedback poll first. Only the facilitator may
 * answer (a participant is refused politely, nothing changes); an expired or forged confirmation
 * changes nothing. Answered from a step card, the person gets that card back.
 */
export const end: Route<Action<'end'>> = onCafe(true, async (kit, turn, data, state) => {
  if (!data.confirm) return askEnd(kit, turn, state, data.step);
  const L = turn.actor.locale;
  const outcome = (o: 'ended' | 'feedback' | 'kept', s: CafeState): Promise<Reply> | Reply => (data.step
    ? kit.viewFor(s, data.step, turn.actor).then((scene) => ({ scene }))
    : { scene: { kind: 'end-confirm', locale: L, cafeId: s.id, at: data.at ?? 0, feedbackAsked: true, outcome: o } });
  if (!canFacilitate(state, turn.actor)) return kit.refusal({ refused: 'not-facilitator' }, turn.actor, state);
  if (data.confirm === 'cancel') return outcome('kept', state);
  if (data.at === undefined) return kit.refusal({ refused: 'expired' }, turn.actor, state);
  const result = await kit.command(state.id, () => ({ type: 'end', confirmedAt: data.at, thenFeedback: data.confirm === 'feedback' }), turn.actor, turn.activityId, state);
  if (isRefusal(result)) {
    if (answerToRefusal(result, 'button') === 'view') return outcome(state.status === 'ended' ? 'ended' : 'kept', state);
    return kit.refusal(result, turn.actor, state);
  }
  return outcome(result.status === 'ended' ? 'ended' : 'feedback', result);
});

/** Universal Actions refresh (and 🔄 Ma vue): the person's own view of a card. */
export const refresh: Route<Action<'refresh'>> = onCafe(true, async (kit, turn, data, state) => ({ scene: await kit.viewFor(state, data.step, turn.actor) }));
