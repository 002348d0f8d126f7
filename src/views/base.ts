import type { Activity } from '../content/schema';
import { actualMinutes, overtimeLimitMinutes } from '../domain/decide';
import { activityOf, currentStep } from '../domain/lookup';
import type { CafeState, Step, StepKind } from '../domain/types';
import { t } from '../i18n';
import { everyoneDescription, type ParticipantLineKind } from '../i18n/audience';
import type { FacilitatorPart, StepInput, StepViewBase, TipGroup, ViewAction } from './types';

/** A step takes answers and has controls only while it is the café's current step. */
export function isOpen(state: CafeState, step: Step): boolean {
  return (state.status === 'running' || state.status === 'paused') && currentStep(state)?.id === step.id;
}

/** The steps of the same activity in this part, to say "3 / 11". */
function siblings(state: CafeState, step: Step): Step[] {
  return state.steps.filter((s) => s.part === step.part && s.activityId === step.activityId && s.kind === step.kind);
}

/** Place of a step among the steps of the same activity in its part. */
export function position(state: CafeState, step: Step): { n: number; total: number } {
  const list = siblings(state, step);
  return { n: list.findIndex((s) => s.id === step.id) + 1, total: list.length };
}

/** The part's name in a language. */
export function partLabel(L: StepInput['viewer']['locale'], part: Step['part']): string {
  return t(L, `part.${part}`);
}

export interface BaseOptions {
  title: string;
  /** What everyone reads under the title in a stream of messages. */
  description?: string;
  /** The guide's texts addressed to the facilitator: in the facilitator's view only. */
  facilitatorTexts?: Array<string | undefined>;
  /** The facilitator's tips (dropped from everyone else's view). */
  tips?: TipGroup[];
  /** The controls' options (ignored for everyone else and on closed steps). */
  controls?: ControlOptions;
  /** The turn actions, before the controls. */
  turnActions?: ViewAction[];
}

/** Per step kind, Barista's line for participants on a screen when the guide's words there are the facilitator's (none: the guide's description only). */
const LINE_KIND = {
  choose: undefined, poll: 'poll', pick: 'pick', turns: undefined, video: undefined, board: undefined, question: 'question', text: undefined, feedback: undefined,
} as const satisfies Record<StepKind, ParticipantLineKind | undefined>;

function lineKind(kind: StepKind): ParticipantLineKind | undefined {
  return LINE_KIND[kind];
}

/** What every step view holds, with the audience rules applied: the facilitator's part only for the facilitator. */
export function viewBase(input: StepInput, o: BaseOptions): StepViewBase {
  const { state, step, viewer, content } = input;
  const L = viewer.locale;
  const open = isOpen(state, step);
  const activity = activityOf(step, content);
  const instruction = activity ? everyoneDescription(L, activity, lineKind(step.kind)) : undefined;
  const base: StepViewBase = {
    cafeId: state.id,
    stepId: step.id,
    activityId: step.activityId,
    part: step.part,
    partLabel: partLabel(L, step.part),
    index: state.steps.indexOf(step) + 1,
    total: state.steps.length,
    series: position(state, step),
    title: o.title,
    ...(o.description ? { description: o.description } : {}),
    ...(instruction ? { instruction } : {}),
    open,
    paused: state.status === 'paused',
    ended: state.status === 'ended',
    ...(state.timer?.stepId === step.id ? {
      timer: {
        ...(state.timer.dueAt !== undefined ? { dueAt: state.timer.dueAt } : {}),
        ...(state.timer.remainingMs !== undefined ? { remainingMs: state.timer.remainingMs } : {}),
        ...(state.timer.firedAt !== undefined ? { firedAt: state.timer.firedAt } : {}),
        paused: state.status === 'paused',
      },
    } : {}),
    controls: !open ? [] : viewer.isFacilitator ? [...(o.turnActions ?? []), ...controls(input, o.controls)] : viewer.userId ? [] : [{ verb: 'refresh', step: step.id }],
  };
  if (viewer.isFacilitator) base.facilitator = facilitatorPart(input, o, open);
  return base;
}

function facilitatorPart(input: StepInput, o: BaseOptions, open: boolean): FacilitatorPart {
  const tips = (o.tips ?? []).filter((g) => g.about === 'answer' || g.tips.length > 0);
  return {
    texts: (o.facilitatorTexts ?? []).filter((text): text is string => !!text),
    tips,
    notices: open ? notices(input) : [],
    ...(open && input.viewer.boardUrl ? { boardUrl: input.viewer.boardUrl } : {}),
    ...(open && input.viewer.web ? { web: input.viewer.web } : {}),
  };
}

/**
 * What the facilitator alone is told on the current step: when the countdown is over, what comes
 * next; when the café runs late, what is left that can be shortened.
 */
function notices(input: StepInput): string[] {
  const { state, step, content, viewer } = input;
  const out: string[] = [];
  if (state.timer?.stepId === step.id && state.timer.firedAt) {
    const next = state.steps[state.cursor + 1];
    const title = next ? activityOf(next, content)?.title ?? t(viewer.locale, `choose.title.${next.part}`) : undefined;
    out.push(title ? t(viewer.locale, 'timeUp.next', { next: `${partLabel(viewer.locale, next!.part)} : ${title}` }) : t(viewer.locale, 'timeUp.last'));
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
    left.set(`${s.part}|${title}`, `${partLabel(L, s.part)} : ${title}`);
  }
  return t(L, 'overtime.card', {
    limit: overtimeLimitMinutes(state, content),
    actual: Math.round(actualMinutes(state, input.now)),
    left: left.size ? [...left.values()].join(' · ') : t(L, 'overtime.nothingLeft'),
  });
}

/** The base of a step that is one activity of the guide: its title and description, the guide's words to the facilitator, their tips, the usual controls. */
export function activityViewBase(input: StepInput, activity: Activity, kind?: ParticipantLineKind): StepViewBase {
  return viewBase(input, {
    title: activity.title,
    description: everyoneDescription(input.viewer.locale, activity, kind),
    facilitatorTexts: [activity.facilitatorText],
    tips: [{ about: 'activity', tips: activity.tips }],
  });
}

export interface ControlOptions {
  /** Not revealed yet: Révéler first. */
  reveal?: boolean;
  /** Minutes a "+N min" adds to the step's timer. */
  extend?: number;
  /** A choose step moves on by choosing: no "next". */
  noNext?: boolean;
}

/** Révéler, Suivant, Précédent, +N min, Pause/Reprendre, Fin: the facilitator's pacing of the café. */
function controls(input: StepInput, o: ControlOptions = {}): ViewAction[] {
  const { state, step } = input;
  const out: ViewAction[] = [];
  if (o.reveal) out.push({ verb: 'reveal', step: step.id });
  const last = state.cursor >= state.steps.length - 1;
  if (!last && !o.noNext) out.push({ verb: 'next', step: step.id });
  if (state.cursor > 0) out.push({ verb: 'back', step: step.id });
  if (o.extend && state.timer?.stepId === step.id) out.push({ verb: 'extend', minutes: o.extend });
  out.push(state.status === 'paused' ? { verb: 'resume' } : { verb: 'pause' });
  out.push({ verb: 'end' });
  return out;
}
