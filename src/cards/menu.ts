import menuTemplate from '../../cards/menu.json';
import type { Content, Formula, Minutes, Part } from '../content/schema';
import { formulaOf } from '../domain/lookup';
import { plannedTotal } from '../domain/plan';
import type { CafeState, Locale } from '../domain/types';
import { t } from '../i18n';
import { action } from './actions';
import { button, myViewButton, rows, type ButtonRow } from './buttons';
import { partName, tipSection, type TipLine } from './format';
import { expand, withRefresh, type Refresh } from './render';
import { boardLink } from './steps/common';
import type { Card, Viewer } from './types';

export interface MenuInput {
  state: CafeState;
  content: Content;
  viewer: Viewer;
}

interface MenuView {
  kicker: string;
  formulaText: string;
  durationText: string;
  peopleText: string;
  partsTitle: string;
  parts: Array<{ title: string; value: string }>;
  totalText: string;
  hasEstimateNote: boolean;
  estimateNote: string;
  hasVirtualText: boolean;
  virtualText: string;
  statusText: string;
  hasBoardLink: boolean;
  boardLinkText: string;
  beginRows: ButtonRow[];
  hasTips: boolean;
  tipsTitle: string;
  tipsNote: string;
  tips: TipLine[];
}

/**
 * The café's first message: the formula, its four parts with their planned minutes (the guide's,
 * or Barista's estimate said as such), and (in the facilitator's view only) the Commencer button,
 * the guide's tips and, when the formula plans more than the guide's 45 minutes for an online
 * café (L1044), that advice, before the café rather than as a late alert during it.
 */
export function menuCard({ state, content, viewer }: MenuInput): Card {
  const L = viewer.locale;
  const formula = formulaOf(state, content);
  const total = plannedTotal(formula);
  const waiting = state.status === 'menu';
  const facilitator = viewer.isFacilitator && waiting;
  const status = state.status === 'ended' ? t(L, 'menu.ended')
    : !waiting ? t(L, 'menu.started')
      : t(L, viewer.isFacilitator ? 'menu.youFacilitate' : 'menu.waiting');
  const tips = facilitator
    ? [
      ...materialSection(L, formula, content),
      ...tipSection(L, t(L, 'tips.general'), content.generalTips),
      ...tipSection(L, t(L, 'tips.formula'), formula.tips),
      ...tipSection(L, t(L, 'tips.virtual'), content.virtual.advice),
    ]
    : [];
  const view: MenuView = {
    kicker: t(L, 'menu.kicker'),
    formulaText: t(L, 'menu.formula', { name: formula.name, audience: formula.audience }),
    durationText: t(L, 'menu.duration', { duration: formula.duration }),
    peopleText: t(L, 'menu.people', { people: formula.people }),
    partsTitle: t(L, 'menu.partsHeading'),
    parts: formula.parts.map((p) => ({ title: partName(L, p.part), value: partValue(L, p) })),
    totalText: estimated(L, total, t(L, total.min === total.max ? 'menu.totalFixed' : 'menu.total', { min: total.min, max: total.max })),
    // The note explains "(estimation)": shown where some minutes say it.
    hasEstimateNote: total.estimate === true || formula.parts.some((p) => p.planned.estimate && p.planned.max > 0),
    estimateNote: t(L, 'menu.estimateNote'),
    hasVirtualText: facilitator && total.max > content.virtual.maxMinutes,
    virtualText: t(L, 'menu.virtualLonger', { max: content.virtual.maxMinutes, planned: t(L, 'recap.minutes', { n: total.max }) }),
    statusText: status,
    ...boardLink(viewer, facilitator),
    beginRows: facilitator
      ? rows([button(t(L, 'menu.begin'), action({ verb: 'begin', cafe: state.id }), 'positive')])
      : waiting && !viewer.userId ? rows([myViewButton(L, state.id, MENU_STEP)]) : [],
    hasTips: tips.length > 0,
    tipsTitle: t(L, 'tips.button'),
    tipsNote: t(L, 'tips.private'),
    tips,
  };
  return withRefresh(expand(menuTemplate, view), waiting ? menuRefresh(state) : undefined);
}

/**
 * The guide's « Matériel » for the facilitator's preparation: the formula's, that of each activity
 * it may run (Ma journée d'agent), and the virtual café's (a café in Teams is online).
 */
function materialSection(L: Locale, formula: Formula, content: Content): TipLine[] {
  const ids = new Set(formula.parts.flatMap((p) => p.options.flatMap((o) => o.activities)));
  const lines = [
    ...(formula.material ? [{ name: formula.name, material: formula.material }] : []),
    ...content.activities.flatMap((a) => (ids.has(a.id) && a.material ? [{ name: a.title, material: a.material }] : [])),
    ...(content.virtual.material ? [{ name: t(L, 'tips.materialOnline'), material: content.virtual.material }] : []),
  ];
  if (!lines.length) return [];
  return [{ text: t(L, 'tips.material'), weight: 'Bolder' }, ...lines.map((l) => ({ text: t(L, 'tips.materialLine', l), weight: 'Default' as const }))];
}

/** A part's options and planned minutes; "if time is left" for a part planned for none. */
function partValue(L: Locale, p: Part): string {
  const options = p.options.map((o) => o.label).join(t(L, 'menu.or'));
  if (p.planned.max === 0) return t(L, 'menu.partValueIfTime', { options });
  const value = t(L, p.planned.min === p.planned.max ? 'menu.partValueFixed' : 'menu.partValue', { options, min: p.planned.min, max: p.planned.max });
  return estimated(L, p.planned, value);
}

/** Barista's estimate is said to be one, never shown as the guide's. */
function estimated(L: Locale, minutes: Minutes, value: string): string {
  return minutes.estimate ? t(L, 'menu.estimated', { value }) : value;
}

/** The menu's per-user view: only the facilitator's differs (Commencer, the tips). */
function menuRefresh(state: CafeState): Refresh {
  return {
    action: { type: 'Action.Execute', verb: 'refresh', data: { verb: 'refresh', cafe: state.id, step: MENU_STEP } },
    userIds: [state.facilitatorId, ...(state.coFacilitatorIds ?? [])],
  };
}

/** The `step` of the menu card's refresh data (no step of a café has this id). */
export const MENU_STEP = 'menu';
