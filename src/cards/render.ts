import { expandTemplate } from './template';
import type { Card } from './types';

/**
 * Expands a template of the top-level cards/ folder with its view model. Templates only bind
 * values (`${...}`, `$when`, `$data`); everything computed (bars, labels, countdowns, buttons'
 * data) is done by the view builders, so a designer can edit the layout in the Adaptive Cards
 * Designer without touching logic. Values are inserted as data and never re-evaluated, so a
 * participant typing `${...}` in a post-it stays plain text.
 */
export function expand(template: object, view: object): Card {
  return expandTemplate(template, view as Record<string, unknown>) as Card;
}

/** The Universal Actions refresh block: which users get their own view of the card. */
export interface Refresh {
  action: { type: 'Action.Execute'; verb: 'refresh'; data: { verb: 'refresh'; cafe: string; step?: string } };
  userIds: string[];
}

/** Puts the refresh block right after the card's header fields (order only matters to a human reader). */
export function withRefresh(card: Card, refresh: Refresh | undefined): Card {
  if (!refresh) return card;
  const { type, $schema, version, ...rest } = card;
  return { type, $schema, version, refresh, ...rest };
}
