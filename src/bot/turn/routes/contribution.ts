import type { ActionData } from '../../../cards/actions';
import { cardStepOf, contribute, followUp, isRefusal, REGISTRATION_STEP_ID, type Actor, type CafeState, type ContributionValue } from '../../../domain';
import { BaristaError } from '../../../errors';
import { t } from '../../../i18n';
import { onCafe, type Route } from '../route';

/**
 * A participant's vote, pick, post-it…: checked by the engine, upserted as its own record (never
 * by rewriting the café), answered with the person's own view. Per contribution: one café read,
 * one write, one read of the step's contributions (the café's participants are kept).
 *
 * The record carries when the person acted (the activity's time, `actedAt`); the store keeps a
 * person's newest answer (`replaces`). A late re-delivery of an older answer, or a duplicate, is
 * not stored: nothing changed, so the shared card is not updated and no follow-up runs, and the
 * person is answered with their view as stored — their newest answer, not the stale one.
 */

type Action<V extends ActionData['verb']> = Extract<ActionData, { verb: V }>;

function contribution<V extends ActionData['verb']>(valueOf: (data: Action<V>) => ContributionValue): Route<Action<V> & { cafe: string; step: string }> {
  return onCafe(false, async (kit, turn, data, state: CafeState) => {
    const { store, reads, effects } = kit;
    const input = { stepId: data.step, value: valueOf(data), activityId: turn.activityId ?? kit.newId(), ...(turn.at !== undefined ? { at: turn.at } : {}) };
    const record = contribute(state, input, turn.actor, kit.content, kit.now());
    if (isRefusal(record)) {
      // Pressed on a part's card whose step has moved on (the person's card was not refreshed yet).
      const shown = cardStepOf(state, data.step);
      if (record.refused === 'closed' && state.status !== 'ended' && shown && shown.id !== data.step) return { message: t(turn.actor.locale, 'refusal.moved-on') };
      return kit.refusal(record, turn.actor, state);
    }
    const stored = await store.putContribution(record);
    if (!stored) return { scene: await kit.stepView(state, data.step, turn.actor) };
    reads.note(state.id, [record]);
    kit.deps.onChange?.(state);
    const view = await kit.stepView(state, data.step, turn.actor);
    effects.updateStep(state, data.step);
    if (view?.kind === 'step') {
      const command = followUp(state, record, view.members, view.participants ?? [], view.contributions);
      if (command) {
        const system: Actor = { id: 'barista:video', name: 'Barista', locale: state.locale };
        void kit.command(state.id, () => command, system)
          .catch((err) => kit.deps.sink(new BaristaError('effect-failed', 'a follow-up command failed', err), { where: command.type, cafeId: state.id }));
      }
    }
    return { scene: view };
  });
}

export const vote = contribution<'vote'>((d) => ({ kind: 'vote', choice: d.choice }));
export const pick = contribution<'pick'>((d) => ({ kind: 'pick', item: d.item }));
export const done = contribution<'done'>(() => ({ kind: 'done' }));
export const postit = contribution<'postit'>((d) => ({ kind: 'postit', column: d.postitColumn, postitKind: d.postitKind, text: d.postitText }));
export const argument = contribution<'argument'>((d) => ({ kind: 'argument', side: d.side, text: d.argumentText }));
export const answer = contribution<'answer'>((d) => ({ kind: 'answer', text: d.answerText }));
export const feedback = contribution<'feedback'>((d) => ({
  kind: 'feedback', rating: d.feedback_rating || undefined, again: d.feedback_again || undefined, topic: d.feedback_topic || undefined,
  positive: d.feedback_positive || undefined, negative: d.feedback_negative || undefined,
}));

/**
 * A registration before the café begins (its level, online or in the room): upserted as the
 * person's one registration (a newer answer replaces theirs), answered with their view of the menu.
 * It makes nobody a participant, so no step card changes; the pages follow the store (`onChange`).
 */
export const register: Route<Action<'register'>> = onCafe(false, async (kit, turn, data, state) => {
  const input = {
    stepId: REGISTRATION_STEP_ID, value: { kind: 'registration', level: data.level, place: data.place } as ContributionValue,
    activityId: turn.activityId ?? kit.newId(), ...(turn.at !== undefined ? { at: turn.at } : {}),
  };
  const record = contribute(state, input, turn.actor, kit.content, kit.now());
  if (isRefusal(record)) return kit.refusal(record, turn.actor, state);
  if (await kit.store.putContribution(record)) kit.deps.onChange?.(state);
  return { scene: await kit.viewFor(state, undefined, turn.actor) };
});
