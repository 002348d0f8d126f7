import { activityOf, pickStepFor, pickers } from '../../domain/lookup';
import { t } from '../../i18n';
import { action } from '../actions';
import { button, rows, type ButtonView } from '../buttons';
import { plainName, tipSection } from '../format';
import { controls, isOpen, stepBase, type StepBase, type StepInput } from './common';

export interface TurnsView extends StepBase {
  floorText: string;
  hasNext: boolean;
  nextText: string;
  progressText: string;
}

/** The floor goes round the people who picked, in the order they picked (crazy jobs). */
export function turnsView(input: StepInput): TurnsView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'pick') return undefined;
  const pick = pickStepFor(state, step);
  const list = pick ? pickers(contributions, pick.id) : [];
  const turn = Math.min(Math.max(state.runtime[step.id]?.turn ?? 0, 0), Math.max(list.length - 1, 0));
  const labelOf = (id: string) => activity.items.find((i) => i.id === id)?.label ?? id;
  const current = list[turn];
  const next = list[turn + 1];
  const open = isOpen(state, step);

  const turnButtons: ButtonView[] = [];
  if (next) turnButtons.push(button(t(L, 'ctl.turnNext'), action({ verb: 'turn', cafe: state.id, step: step.id, delta: 1 }), 'positive'));
  if (turn > 0) turnButtons.push(button(t(L, 'ctl.turnBack'), action({ verb: 'turn', cafe: state.id, step: step.id, delta: -1 })));

  return {
    ...stepBase(input, {
      title: activity.title,
      tips: tipSection(L, t(L, 'tips.activity'), activity.tips),
      controls: controls(input, { backIsStep: true }),
      extraRows: turnButtons.length ? rows(turnButtons) : [],
    }),
    floorText: current ? t(L, 'turns.floor', { name: plainName(current.userName), item: labelOf(current.item) }) : t(L, 'turns.none'),
    hasNext: !!current && open,
    nextText: next ? t(L, 'turns.next', { name: plainName(next.userName), item: labelOf(next.item) }) : t(L, 'turns.last'),
    progressText: list.length ? t(L, 'turns.progress', { n: turn + 1, total: list.length }) : '',
  };
}
