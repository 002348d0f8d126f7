import type { Activity, Content } from '../../content/schema';
import { actualMinutes, overtimeLimitMinutes } from '../../domain/decide';
import { activityOf, currentStep } from '../../domain/lookup';
import type { VoteTally } from '../../domain/tally';
import type { CafeState, Contribution, Step } from '../../domain/types';
import { t } from '../../i18n';
import { action } from '../actions';
import { button, myViewButton, rows, type ButtonRow, type ButtonView } from '../buttons';
import { partName, tipSection, type TipLine } from '../format';
import type { Viewer } from '../types';

/** What every step view is built from. `now` is passed in: cards never read the clock. */
export interface StepInput {
  state: CafeState;
  step: Step;
  content: Content;
  contributions: Contribution[];
  /**
   * The café's participants (everyone who did something, in the order they first did), when the
   * caller keeps them: then `contributions` need only hold this step's (and, for turns, its pick
   * step's). Absent: computed from `contributions`, which must then be the café's.
   */
  participants?: string[];
  /** A poll step's votes already counted (kept by the store), instead of counting `contributions` again. */
  votes?: VoteTally;
  viewer: Viewer;
  now: number;
}

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
  isClosed: boolean;
  closedText: string;
  controlRows: ButtonRow[];
  hasTips: boolean;
  tipsTitle: string;
  tipsNote: string;
  tips: TipLine[];
}

/** A step takes answers and shows buttons only while it is the café's current step. */
export function isOpen(state: CafeState, step: Step): boolean {
  return (state.status === 'running' || state.status === 'paused') && currentStep(state)?.id === step.id;
}

/** The steps of the same activity in this part, to say "3 / 11". */
function siblings(state: CafeState, step: Step): Step[] {
  return state.steps.filter((s) => s.part === step.part && s.activityId === step.activityId && s.kind === step.kind);
}

export function position(state: CafeState, step: Step): { n: number; total: number } {
  const list = siblings(state, step);
  return { n: list.findIndex((s) => s.id === step.id) + 1, total: list.length };
}

/** "Le café · 2 / 2 · ⏸ En pause". */
export function header(input: StepInput): string {
  const { state, step, viewer } = input;
  const bits = [`☕ ${partName(viewer.locale, step.part)}`];
  const { n, total } = position(state, step);
  if (step.kind !== 'choose' && total > 1) bits.push(t(viewer.locale, 'step.position', { n, total }));
  if (state.status === 'paused') bits.push(t(viewer.locale, 'step.paused'));
  return bits.join(' · ');
}

export interface BaseOptions {
  title: string;
  description?: string;
  /** The facilitator's private tips (empty for everyone else). */
  tips: TipLine[];
  /** The facilitator's controls (ignored for everyone else and on closed steps). */
  controls: ButtonView[];
  /** Rows of facilitator buttons shown above the controls (the turns). */
  extraRows?: ButtonRow[];
}

export function stepBase(input: StepInput, o: BaseOptions): StepBase {
  const { viewer } = input;
  const open = isOpen(input.state, input.step);
  const facilitator = viewer.isFacilitator;
  const tips = facilitator ? o.tips : [];
  const notices = facilitator && open ? facilitatorNotices(input) : [];
  return {
    header: header(input),
    hasFacilitatorNotice: notices.length > 0,
    facilitatorNotice: notices.join('\n\n'),
    ...boardLink(viewer, facilitator && open),
    title: o.title,
    hasDescription: !!o.description,
    description: o.description ?? '',
    isClosed: !open,
    closedText: t(viewer.locale, 'step.closed'),
    controlRows: facilitator && open
      ? [...(o.extraRows ?? []), ...rows(o.controls)]
      : open && !viewer.userId ? rows([myViewButton(viewer.locale, input.state.id, input.step.id)]) : [],
    hasTips: tips.length > 0,
    tipsTitle: t(viewer.locale, 'tips.button'),
    tipsNote: t(viewer.locale, 'tips.private'),
    tips,
  };
}

/** The board link line of the facilitator's view (none for anyone else, or without a public address). */
export function boardLink(viewer: Viewer, shown: boolean): { hasBoardLink: boolean; boardLinkText: string } {
  if (!shown || !viewer.boardUrl) return { hasBoardLink: false, boardLinkText: '' };
  return { hasBoardLink: true, boardLinkText: t(viewer.locale, 'board.link', { url: viewer.boardUrl }) };
}

/**
 * What the facilitator alone is told on the current card: when the countdown is over, what comes
 * next; when the café runs late, what is left that can be shortened.
 */
function facilitatorNotices(input: StepInput): string[] {
  const { state, step, content, viewer } = input;
  const out: string[] = [];
  if (state.timer?.stepId === step.id && state.timer.firedAt) {
    const next = state.steps[state.cursor + 1];
    const title = next ? activityOf(next, content)?.title ?? t(viewer.locale, `choose.title.${next.part}`) : undefined;
    out.push(title ? t(viewer.locale, 'timeUp.next', { next: `${partName(viewer.locale, next!.part)} : ${title}` }) : t(viewer.locale, 'timeUp.last'));
  }
  if (state.overtimeAt) out.push(overtimeText(input));
  return out;
}

/** "⏱ Le café dépasse 45 min… Encore au programme : …" from the steps still to come. */
function overtimeText(input: StepInput): string {
  const { state, content, viewer } = input;
  const L = viewer.locale;
  const left = new Map<string, string>();
  for (const s of state.steps.slice(state.cursor + 1)) {
    const title = activityOf(s, content)?.title ?? t(L, `choose.title.${s.part}`);
    left.set(`${s.part}|${title}`, `${partName(L, s.part)} : ${title}`);
  }
  return t(L, 'overtime.card', {
    limit: overtimeLimitMinutes(state, content),
    actual: Math.round(actualMinutes(state, input.now)),
    left: left.size ? [...left.values()].join(' · ') : t(L, 'overtime.nothingLeft'),
  });
}

/**
 * The base of a step that is one activity of the guide: its title and description, its tips for the
 * facilitator, and the usual controls.
 */
export function activityBase(input: StepInput, activity: Activity): StepBase {
  const L = input.viewer.locale;
  return stepBase(input, {
    title: activity.title,
    description: activity.description,
    tips: tipSection(L, t(L, 'tips.activity'), activity.tips),
    controls: controls(input),
  });
}

export interface ControlOptions {
  /** Poll not revealed yet: Révéler first. */
  reveal?: boolean;
  /** The reveal button's label (polls: Révéler; open questions: the guide's answer). */
  revealLabel?: 'ctl.reveal' | 'ctl.revealAnswer';
  /** Minutes a "+N min" button adds to the step's timer. */
  extend?: number;
  /** Turns steps already have a "Précédent" (turn −1): the step's one is called "Étape précédente". */
  backIsStep?: boolean;
}

/** Révéler, Suivant, Précédent, Pause/Reprendre, Fin: the facilitator's pacing of the café. */
export function controls(input: StepInput, o: ControlOptions = {}): ButtonView[] {
  const { state, step, viewer } = input;
  const L = viewer.locale;
  const cafe = state.id;
  const out: ButtonView[] = [];
  if (o.reveal) out.push(button(t(L, o.revealLabel ?? 'ctl.reveal'), action({ verb: 'reveal', cafe, step: step.id }), 'positive'));
  const last = state.cursor >= state.steps.length - 1;
  if (!last) out.push(button(t(L, 'ctl.next'), action({ verb: 'next', cafe, step: step.id }), o.reveal ? 'default' : 'positive'));
  if (state.cursor > 0) out.push(button(t(L, o.backIsStep ? 'ctl.backStep' : 'ctl.back'), action({ verb: 'back', cafe, step: step.id })));
  if (o.extend && state.timer?.stepId === step.id) {
    out.push(button(t(L, 'ctl.extend', { minutes: o.extend }), action({ verb: 'extend', cafe, minutes: o.extend })));
  }
  out.push(state.status === 'paused'
    ? button(t(L, 'ctl.resume'), action({ verb: 'resume', cafe }), 'positive')
    : button(t(L, 'ctl.pause'), action({ verb: 'pause', cafe })));
  out.push(button(t(L, 'ctl.end'), action({ verb: 'end', cafe }), 'destructive'));
  return out;
}

/** The activity's title, or the part's name when the content no longer has the activity. */
export function activityTitle(input: StepInput): string {
  return activityOf(input.step, input.content)?.title ?? partName(input.viewer.locale, input.step.part);
}
