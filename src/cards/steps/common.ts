import { t } from '../../i18n';
import type { Locale } from '../../domain/types';
import { assertNever, type StepView, type TipGroup, type ViewAction } from '../../views';
import { action } from '../actions';
import { button, myViewButton, rows, type ButtonRow, type ButtonView } from '../buttons';
import { tipSection, type TipLine } from '../format';
import type { Viewer } from '../types';
import { displayCode } from '../../web/contract';

export type { StepInput } from '../../views';

/** The parts every step template shares: the header, the title, the closed line, the controls, the tips. */
export interface StepBase {
  header: string;
  /** Facilitator only: what comes next when time is up, what to shorten when the café runs late. */
  hasFacilitatorNotice: boolean;
  facilitatorNotice: string;
  /** Facilitator only: the café board's read-only link, to show on screen or open in a browser. */
  hasBoardLink: boolean;
  boardLinkText: string;
  title: string;
  hasDescription: boolean;
  description: string;
  /** Facilitator only: the guide's words addressed to the facilitator (content `facilitator…` fields). */
  hasFacilitatorText: boolean;
  facilitatorTextTitle: string;
  facilitatorTexts: Array<{ text: string }>;
  isClosed: boolean;
  closedText: string;
  controlRows: ButtonRow[];
  hasTips: boolean;
  tipsTitle: string;
  tipsNote: string;
  tips: TipLine[];
}

/** The step kind a view stands for (a missing activity keeps its step's kind). */
function kindOf(view: StepView) {
  return view.kind === 'missing' ? view.stepKind : view.kind;
}

/** "☕ Le café · 2 / 2 · ⏸ En pause". */
export function header(view: StepView, L: Locale): string {
  const bits = [`☕ ${view.partLabel}`];
  const { n, total } = view.series;
  if (kindOf(view) !== 'choose' && total > 1) bits.push(t(L, 'step.position', { n, total }));
  if (view.paused) bits.push(t(L, 'step.paused'));
  return bits.join(' · ');
}

/** The facilitator's tips panel, from the view's groups (empty for everyone else: the view has none). */
export function tipLines(L: Locale, groups: TipGroup[]): TipLine[] {
  return groups.flatMap((g) => (g.about === 'answer'
    ? [{ text: `**${t(L, 'tips.answer')}**\n\n${g.text}`, weight: 'Default' as const }]
    : tipSection(L, t(L, `tips.${g.about}`), g.tips)));
}

/** A view's action as a Teams button: its label, its style, and the café it acts on. */
function actionButton(view: StepView, L: Locale, a: ViewAction): ButtonView {
  const cafe = view.cafeId;
  switch (a.verb) {
    case 'turn':
      return a.delta === 1
        ? button(t(L, 'ctl.turnNext'), action({ verb: 'turn', cafe, step: a.step, delta: 1 }), 'positive')
        : button(t(L, 'ctl.turnBack'), action({ verb: 'turn', cafe, step: a.step, delta: -1 }));
    case 'reveal':
      return button(t(L, kindOf(view) === 'question' ? 'ctl.revealAnswer' : 'ctl.reveal'), action({ verb: 'reveal', cafe, step: a.step }), 'positive');
    case 'next':
      // Révéler comes first where there is one: then Suivant is not the button to press.
      // A poll's or question's Suivant says whether its card showed the answer: the first press reveals, a double click does not skip past it.
      return button(t(L, 'ctl.next'), action({ verb: 'next', cafe, step: a.step, ...(view.kind === 'poll' || view.kind === 'question' ? { revealed: view.revealed } : {}) }), view.controls.some((c) => c.verb === 'reveal') ? 'default' : 'positive');
    case 'back':
      // Turns steps already have a "Précédent" (turn −1): the step's one is called "Étape précédente".
      // One word for one action: « Précédent » goes back a step on every card (the turns card's person has its own).
      return button(t(L, 'ctl.back'), action({ verb: 'back', cafe, step: a.step }));
    case 'extend':
      return button(t(L, 'ctl.extend', { minutes: a.minutes }), action({ verb: 'extend', cafe, minutes: a.minutes }));
    case 'pause':
      return button(t(L, 'ctl.pause'), action({ verb: 'pause', cafe }));
    case 'resume':
      return button(t(L, 'ctl.resume'), action({ verb: 'resume', cafe }), 'positive');
    case 'end':
      return button(t(L, 'ctl.end'), action({ verb: 'end', cafe, step: view.stepId }), 'destructive');
    case 'refresh':
      return myViewButton(L, cafe, a.step);
    default:
      return assertNever(a, 'view action');
  }
}

/** The view's controls as rows of buttons: the turns on their own row, above the pacing. */
function controlRows(view: StepView, L: Locale): ButtonRow[] {
  const turns = view.controls.filter((a) => a.verb === 'turn').map((a) => actionButton(view, L, a));
  const others = view.controls.filter((a) => a.verb !== 'turn').map((a) => actionButton(view, L, a));
  return [...(turns.length ? rows(turns) : []), ...rows(others)];
}

/** The template fields every step card shares, from the view (whose facilitator part only the facilitator's view has). */
export function stepBase(view: StepView, L: Locale): StepBase {
  const f = view.facilitator;
  const notices = f?.notices ?? [];
  const tips = tipLines(L, f?.tips ?? []);
  const texts = (f?.texts ?? []).map((text) => ({ text }));
  return {
    header: header(view, L),
    hasFacilitatorNotice: notices.length > 0,
    facilitatorNotice: notices.join('\n\n'),
    ...boardLink({ isFacilitator: !!f, locale: L, boardUrl: f?.boardUrl, ...(f?.web ? { web: f.web } : {}) }, !!f?.boardUrl || !!f?.web),
    title: view.title,
    hasDescription: !!view.description,
    description: view.description ?? '',
    hasFacilitatorText: texts.length > 0,
    facilitatorTextTitle: t(L, 'tips.facilitatorText'),
    facilitatorTexts: texts,
    isClosed: !view.open,
    closedText: t(L, 'step.closed'),
    controlRows: controlRows(view, L),
    hasTips: tips.length > 0,
    tipsTitle: t(L, 'tips.button'),
    tipsNote: t(L, 'tips.private'),
    tips,
  };
}

/** The board link line of the facilitator's view (none for anyone else, or without a public address). */
export function boardLink(viewer: Viewer, shown: boolean): { hasBoardLink: boolean; boardLinkText: string } {
  if (!shown || (!viewer.boardUrl && !viewer.web)) return { hasBoardLink: false, boardLinkText: '' };
  const lines = [
    ...(viewer.boardUrl ? [t(viewer.locale, 'board.link', { url: viewer.boardUrl })] : []),
    // The web door: people without Teams (guests, a phone, the room) join with the code; the console drives from a browser.
    ...(viewer.web ? [t(viewer.locale, 'web.link', { joinUrl: viewer.web.joinUrl, code: displayCode(viewer.web.code), consoleUrl: viewer.web.consoleUrl })] : []),
  ];
  return { hasBoardLink: true, boardLinkText: lines.join('\n\n') };
}
