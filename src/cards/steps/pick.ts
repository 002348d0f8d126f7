import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { PickView as Pick } from '../../views';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, fit, plainName } from '../format';
import { stepBase, type StepBase } from './common';

const PICKS_BUDGET = 12_000;

export interface PickView extends StepBase {
  hasForm: boolean;
  itemLabel: string;
  itemRequired: string;
  items: Array<{ title: string; value: string }>;
  /** The items' summaries (the photo-langage's films), behind a button: the list stays readable at a glance. */
  hasDetails: boolean;
  detailsTitle: string;
  details: Array<{ text: string }>;
  myItem: string;
  pickRows: ButtonRow[];
  hasMyPick: boolean;
  myPickText: string;
  sameText: string;
  whoTitle: string;
  who: Array<{ text: string }>;
}

/**
 * A pick's card. Where the guide then gives the floor to each in turn (crazy jobs, photo-langage)
 * this is the one card that shows names, who picked what; otherwise counts per item, never names.
 */
export function pickCard(view: Pick, L: Locale): PickView {
  const byItem = view.picked.map((g) => ({ text: g.names ? `**${g.label}** : ${g.names.map(plainName).join(', ')}` : `**${g.label}** : ${g.count}` }));
  const listed = fit(byItem, PICKS_BUDGET, (l) => bytes(l.text));
  const who = listed.shown;
  if (listed.hidden) who.push({ text: t(L, 'recap.more', { n: listed.hidden }) });
  return {
    hasForm: view.canPick,
    itemLabel: t(L, 'pick.label'),
    itemRequired: t(L, 'pick.required'),
    items: view.options.map((i) => ({ title: i.label, value: i.id })),
    hasDetails: view.options.some((i) => i.detail),
    detailsTitle: t(L, 'pick.details'),
    details: view.options.flatMap((i) => (i.detail ? [{ text: `**${i.label}** — ${i.detail}` }] : [])),
    myItem: view.mine?.id ?? '',
    pickRows: view.canPick ? rows([formButton<'pick'>(t(L, 'pick.button'), { verb: 'pick', cafe: view.cafeId, step: view.stepId }, 'positive')]) : [],
    hasMyPick: !!view.mine,
    myPickText: view.mine ? t(L, 'pick.yours', { item: view.mine.label }) : '',
    sameText: view.turns ? t(L, 'pick.same') : `${t(L, 'pick.same')} ${t(L, 'pick.anonymous')}`,
    whoTitle: `${t(L, view.turns ? 'pick.who' : 'pick.counts')} (${view.pickers})`,
    who: who.length ? who : [{ text: t(L, 'pick.none') }],
    ...stepBase(view, L),
  };
}
