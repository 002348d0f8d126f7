import type { ActionData } from '../../../cards/actions';
import { answerToRefusal, isRefusal, type CafeState, type Command } from '../../../domain';
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

export const textNext = onActive<'next'>((_c, s) => (s.status === 'menu' ? { type: 'begin' } : { type: 'next' }));
export const textBack = onActive<'back'>(() => ({ type: 'back' }));
export const textPause = onActive<'pause'>(() => ({ type: 'pause' }));
export const textResume = onActive<'resume'>(() => ({ type: 'resume' }));
export const textExtend = onActive<'extend'>((c) => ({ type: 'extend', minutes: c.minutes }));
export const textEnd = onActive<'end'>(() => ({ type: 'end' }));
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
export const choose = button<'choose'>((d) => ({ type: 'choose', stepId: d.step, option: d.option }));
export const next = button<'next'>((d) => ({ type: 'next', fromStep: d.step }));
export const back = button<'back'>((d) => ({ type: 'back', fromStep: d.step }));
export const reveal = button<'reveal'>((d) => ({ type: 'reveal', stepId: d.step }));
export const turnFloor = button<'turn'>((d) => ({ type: 'turn', stepId: d.step, delta: d.delta }));
export const pause = button<'pause'>(() => ({ type: 'pause' }));
export const resume = button<'resume'>(() => ({ type: 'resume' }));
export const extend = button<'extend'>((d) => ({ type: 'extend', minutes: d.minutes }));
export const end = button<'end'>(() => ({ type: 'end' }));

/** Universal Actions refresh (and 🔄 Ma vue): the person's own view of a card. */
export const refresh: Route<Action<'refresh'>> = onCafe(true, async (kit, turn, data, state) => ({ scene: await kit.viewFor(state, data.step, turn.actor) }));
