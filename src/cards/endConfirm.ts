import confirmTemplate from '../../cards/erase.json';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { action } from './actions';
import { button, rows } from './buttons';
import { expand } from './render';
import type { Card } from './types';

export interface EndConfirmInput {
  locale: Locale;
  cafeId: string;
  /** When the confirmation was shown: an old one is refused (domain `confirmationValid`). */
  at: number;
  /** The feedback poll was asked already: no need to offer it. */
  feedbackAsked: boolean;
  /** The step card this confirmation stands in for (Fin pressed on it), given back once answered. */
  step?: string;
  /** Once answered: what happened (no buttons then). */
  outcome?: 'ended' | 'feedback' | 'kept';
}

/**
 * /fin (or Fin): nothing irreversible by accident. The café ends only once its facilitator confirms;
 * when the feedback poll has not been asked, it is offered first (the network hears nothing otherwise).
 * Same card template as /effacer's confirmation.
 */
export function endConfirmCard({ locale: L, cafeId, at, feedbackAsked, step, outcome }: EndConfirmInput): Card {
  if (outcome) {
    const text = outcome === 'ended' ? 'end.done' : outcome === 'feedback' ? 'end.feedbackLaunched' : 'end.kept';
    return expand(confirmTemplate, { title: t(L, 'end.title'), text: t(L, text), hasNote: false, note: '', rows: [] });
  }
  const data = (confirm: 'feedback' | 'end' | 'cancel') => action({ verb: 'end', cafe: cafeId, confirm, at, ...(step ? { step } : {}) });
  const buttons = feedbackAsked
    ? [button(t(L, 'end.yes'), data('end'), 'destructive'), button(t(L, 'end.no'), data('cancel'), 'default')]
    : [
      button(t(L, 'end.withFeedback'), data('feedback'), 'positive'),
      button(t(L, 'end.withoutFeedback'), data('end'), 'destructive'),
      button(t(L, 'end.no'), data('cancel'), 'default'),
    ];
  return expand(confirmTemplate, {
    title: t(L, 'end.title'),
    text: feedbackAsked ? t(L, 'end.confirm') : `${t(L, 'end.confirm')} ${t(L, 'end.feedbackNotAsked')}`,
    hasNote: true,
    note: t(L, 'end.note'),
    rows: rows(buttons),
  });
}
