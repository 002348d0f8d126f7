import type { Activity } from 'botbuilder';
import * as cards from '../../cards';
import type { Content } from '../../content/schema';
import type { Scene, SceneKind } from '../port';

type Card = cards.Card;

/**
 * Scene → Adaptive Card: the Teams side of the channel port. One entry per scene kind; a new kind
 * that is not rendered here is a compile error (`satisfies Record<SceneKind, …>`).
 */
const renderers = {
  step: (s, content) => cards.stepCard({ ...s, content }),
  menu: (s, content) => cards.menuCard({ state: s.state, content, viewer: s.viewer }),
  recap: (s, content) => cards.recapCard({ ...s, content }),
  'menu-tree': (s, content) => cards.menuTreeCard({ answers: s.answers, content, locale: s.locale }),
  help: (s) => cards.helpCard({ locale: s.locale, isFacilitator: s.isFacilitator, retentionDays: s.retentionDays }),
  formulas: (s, content) => cards.formulasCard({ content, locale: s.locale, input: s.input }),
  'already-running': (s, content) => cards.alreadyRunningCard({ state: s.state, content, locale: s.locale }),
  compose: (s, content) => cards.composeCard({ content, locale: s.locale }),
  'erase-confirm': (s) => cards.eraseConfirmCard({ locale: s.locale, count: s.count, at: s.at, days: s.days }),
  erased: (s) => cards.erasedCard({ locale: s.locale, count: s.count, cancelled: s.cancelled }),
  'end-confirm': (s) => cards.endConfirmCard(s),
  network: (s, content) => cards.networkCard({ locale: s.locale, map: content.cafesMap, profile: s.profile, cafeId: s.cafeId, saved: s.saved, links: s.links }),
} satisfies { [K in SceneKind]: (scene: Extract<Scene, { kind: K }>, content: Content) => Card };

/** The Adaptive Card that shows `scene` in Teams. */
export function renderScene(scene: Scene, content: Content): Card {
  return (renderers[scene.kind] as (s: Scene, c: Content) => Card)(scene, content);
}

/** A message carrying one Adaptive Card. */
export function cardActivity(card: Card): Partial<Activity> {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}
