import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { TurnsView as Turns } from '../../views';
import { plainName } from '../format';
import { stepBase, type StepBase } from './common';

export interface TurnsView extends StepBase {
  floorText: string;
  hasNext: boolean;
  nextText: string;
  progressText: string;
}

/** The turns' card: who has the floor, who is next, in the order they picked (crazy jobs). */
export function turnsCard(view: Turns, L: Locale): TurnsView {
  const { current, next } = view;
  return {
    floorText: current ? t(L, 'turns.floor', { name: plainName(current.name), item: current.item }) : t(L, 'turns.none'),
    hasNext: !!current && view.open,
    nextText: next ? t(L, 'turns.next', { name: plainName(next.name), item: next.item }) : t(L, 'turns.last'),
    progressText: view.count ? t(L, 'turns.progress', { n: view.turn + 1, total: view.count }) : '',
    ...stepBase(view, L),
  };
}
