import { activityOf, pickers } from '../../domain/lookup';
import { t } from '../../i18n';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, fit, plainName } from '../format';
import { activityBase, isOpen, type StepBase, type StepInput } from './common';

const PICKS_BUDGET = 12_000;

export interface PickView extends StepBase {
  hasForm: boolean;
  itemLabel: string;
  itemRequired: string;
  items: Array<{ title: string; value: string }>;
  myItem: string;
  pickRows: ButtonRow[];
  hasMyPick: boolean;
  myPickText: string;
  sameText: string;
  whoTitle: string;
  who: Array<{ text: string }>;
}

/**
 * Everyone picks one item, several may pick the same. Where the guide then gives the floor to each
 * in turn (crazy jobs, photo-langage: `turns`), this is the one card that shows names, who picked
 * what. Without turns (the Cappuccino's level board, crosses on a board: L830–840) it shows counts
 * per item, never names.
 */
export function pickView(input: StepInput): PickView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'pick') return undefined;
  const open = isOpen(state, step);
  const picks = pickers(contributions, step.id);
  const mine = viewer.userId ? picks.find((p) => p.userId === viewer.userId) : undefined;
  const labelOf = (id: string) => activity.items.find((i) => i.id === id)?.label ?? id;

  const byItem = activity.items
    .map((item) => ({ item, names: picks.filter((p) => p.item === item.id).map((p) => plainName(p.userName)) }))
    .filter((g) => g.names.length > 0)
    .map((g) => ({ text: activity.turns ? `**${g.item.label}** : ${g.names.join(', ')}` : `**${g.item.label}** : ${g.names.length}` }));
  const listed = fit(byItem, PICKS_BUDGET, (l) => bytes(l.text));
  const who = listed.shown;
  if (listed.hidden) who.push({ text: t(L, 'recap.more', { n: listed.hidden }) });

  return {
    ...activityBase(input, activity, 'pick'),
    hasForm: open,
    itemLabel: t(L, 'pick.label'),
    itemRequired: t(L, 'pick.required'),
    items: activity.items.map((i) => ({ title: i.detail ? `${i.label} (${i.detail})` : i.label, value: i.id })),
    myItem: mine?.item ?? '',
    pickRows: open ? rows([formButton<'pick'>(t(L, 'pick.button'), { verb: 'pick', cafe: state.id, step: step.id }, 'positive')]) : [],
    hasMyPick: !!mine,
    myPickText: mine ? t(L, 'pick.yours', { item: labelOf(mine.item) }) : '',
    sameText: activity.turns ? t(L, 'pick.same') : `${t(L, 'pick.same')} ${t(L, 'pick.anonymous')}`,
    whoTitle: `${t(L, activity.turns ? 'pick.who' : 'pick.counts')} (${picks.length})`,
    who: who.length ? who : [{ text: t(L, 'pick.none') }],
  };
}
