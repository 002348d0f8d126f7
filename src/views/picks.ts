import { activityOf, pickers, pickStepFor } from '../domain/lookup';
import { activityViewBase, isOpen, viewBase } from './base';
import type { PickView, StepInput, TurnsView } from './types';

/**
 * Everyone picks one item, several may pick the same. Where the guide then gives the floor to each
 * in turn (crazy jobs, photo-langage), the view names who picked what; otherwise (the Cappuccino's
 * level board, L830–840) it counts, never names.
 */
export function pickView(input: StepInput): PickView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'pick') return undefined;
  const picks = pickers(contributions, step.id);
  const mine = viewer.userId ? picks.find((p) => p.userId === viewer.userId) : undefined;
  const labelOf = (id: string) => activity.items.find((i) => i.id === id)?.label ?? id;
  return {
    ...activityViewBase(input, activity, 'pick'),
    kind: 'pick',
    turns: activity.turns,
    options: activity.items.map((i) => ({ id: i.id, label: i.label, ...(i.detail ? { detail: i.detail } : {}) })),
    picked: activity.items.flatMap((item) => {
      const names = picks.filter((p) => p.item === item.id).map((p) => p.userName);
      return names.length ? [{ id: item.id, label: item.label, count: names.length, ...(activity.turns ? { names } : {}) }] : [];
    }),
    pickers: picks.length,
    ...(mine ? { mine: { id: mine.item, label: labelOf(mine.item) } } : {}),
    canPick: isOpen(state, step),
  };
}

/** The floor goes round the people who picked, in the order they picked (crazy jobs). */
export function turnsView(input: StepInput): TurnsView | undefined {
  const { state, step, content, contributions } = input;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'pick') return undefined;
  const pick = pickStepFor(state, step);
  const list = pick ? pickers(contributions, pick.id) : [];
  const turn = Math.min(Math.max(state.runtime[step.id]?.turn ?? 0, 0), Math.max(list.length - 1, 0));
  const labelOf = (id: string) => activity.items.find((i) => i.id === id)?.label ?? id;
  const who = (p: (typeof list)[number] | undefined) => (p ? { name: p.userName, item: labelOf(p.item) } : undefined);
  const current = who(list[turn]);
  const next = who(list[turn + 1]);
  return {
    ...viewBase(input, {
      title: activity.title,
      tips: [{ about: 'activity', tips: activity.tips }],
      controls: {},
      turnActions: [
        ...(list[turn + 1] ? [{ verb: 'turn' as const, step: step.id, delta: 1 as const }] : []),
        ...(turn > 0 ? [{ verb: 'turn' as const, step: step.id, delta: -1 as const }] : []),
      ],
    }),
    kind: 'turns',
    ...(current ? { current } : {}),
    ...(next ? { next } : {}),
    turn,
    count: list.length,
    picked: activity.items.flatMap((i) => {
      const count = list.filter((p) => p.item === i.id).length;
      return count ? [{ id: i.id, label: i.label, count }] : [];
    }),
  };
}
