import { feedbackSummary } from '../domain/feedback';
import { activityOf, cafeTimeZone, chooseOptions, expectedFinishers, finishedCount, participants, videoOf } from '../domain/lookup';
import { t } from '../i18n';
import { everyoneText } from '../i18n/audience';
import { labelledFeedback } from '../i18n/feedback';
import { activityViewBase, isOpen, viewBase } from './base';
import type { BoardView, ChooseView, Countdown, FeedbackView, StepInput, TextView, VideoView } from './types';

/** What "+N min" adds to a viewing pause (the guide plans 2 to 5 minutes online). */
export const EXTEND_MINUTES = 2;

/**
 * The facilitator picks a part's option (the ice breaker, the video). Everyone sees what is being
 * chosen and among what; only the facilitator chooses. Only the options that fit the earlier
 * choices are offered (never another video's quiz).
 */
export function chooseView(input: StepInput): ChooseView | undefined {
  const { state, step, content, viewer } = input;
  const offered = chooseOptions(state, content, step);
  if (!offered) return undefined;
  const chosen = offered.options.find((o) => o.id === state.runtime[step.id]?.chosen);
  return {
    ...viewBase(input, { title: t(viewer.locale, `choose.title.${step.part}`), controls: { noNext: true } }),
    kind: 'choose',
    options: offered.options.map((o) => ({ id: o.id, label: o.label, isDefault: o.id === offered.defaultOption })),
    ...(chosen ? { chosen: { id: chosen.id, label: chosen.label } } : {}),
    canChoose: viewer.isFacilitator && isOpen(state, step),
  };
}

/** The step's countdown as of `now`, from its timer. */
function countdown(input: StepInput): Countdown | undefined {
  const { state, step, now } = input;
  const timer = state.timer;
  if (!timer || timer.stepId !== step.id) return undefined;
  if (timer.firedAt !== undefined) return { state: 'elapsed' };
  if (timer.remainingMs !== undefined) return { state: 'paused', msLeft: timer.remainingMs };
  if (timer.dueAt === undefined) return undefined;
  const left = timer.dueAt - now;
  return left <= 0 ? { state: 'elapsed' } : { state: 'running', dueAt: timer.dueAt, msLeft: left };
}

/**
 * The viewing pause of the virtual café: the link, a countdown, and how many said "J'ai fini" so
 * the facilitator knows when everyone is back. The viewing advice speaks to the facilitator.
 */
export function videoView(input: StepInput): VideoView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const video = videoOf(step, content);
  const activity = activityOf(step, content);
  if (!video || activity?.kind !== 'video') return undefined;
  const open = isOpen(state, step);
  const expected = expectedFinishers(state, input.members, input.participants ?? participants(state, contributions));
  const doneIds = new Set(contributions.filter((c) => c.stepId === step.id && c.kind === 'done').map((c) => c.userId));
  const youDone = !!viewer.userId && doneIds.has(viewer.userId);
  const left = open ? countdown(input) : undefined;
  return {
    ...viewBase(input, {
      title: activity.title,
      // The virtual café's viewing advice speaks to the facilitator (« demander à tout le monde de couper son micro… »).
      facilitatorTexts: [activity.facilitatorText, activity.viewingAdvice],
      tips: [{ about: 'objectives', tips: video.objectives }, { about: 'activity', tips: activity.tips }],
      controls: { extend: EXTEND_MINUTES },
    }),
    kind: 'video',
    video: { id: video.id, title: video.title, url: video.url },
    finished: finishedCount(expected, contributions, step.id),
    people: expected.people.length,
    peopleKnown: expected.known,
    youDone,
    canSayDone: open && !youDone,
    ...(left ? { countdown: left } : {}),
    extendMinutes: EXTEND_MINUTES,
    timeZone: cafeTimeZone(state),
  };
}

/** Ma journée d'agent: the moments of the day as columns, a coloured post-it per piece of data. */
export function boardView(input: StepInput): BoardView | undefined {
  const { state, step, content, contributions } = input;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'board') return undefined;
  return {
    ...activityViewBase(input, activity),
    kind: 'board',
    columns: activity.columns.map((c) => ({ id: c.id, label: c.label })),
    postitKinds: activity.postitKinds.map((k) => ({ id: k.id, label: k.label, color: k.color })),
    postits: contributions.flatMap((c) =>
      c.stepId === step.id && c.value.kind === 'postit' ? [{ column: c.value.column, kind: c.value.postitKind, text: c.value.text }] : []),
    canPost: isOpen(state, step),
  };
}

/**
 * A text of the guide (the ouverture, a synthesis to lead) and its links. When the guide's text is
 * addressed to the facilitator (« Si vous avez encore quelques minutes… »), it is in their view
 * only and everyone else reads Barista's short line for the moment.
 */
export function textView(input: StepInput): TextView | undefined {
  const activity = activityOf(input.step, input.content);
  if (activity?.kind !== 'text') return undefined;
  return {
    ...activityViewBase(input, activity, 'text'),
    kind: 'text',
    text: everyoneText(input.viewer.locale, activity),
    links: activity.links.map((l) => ({ label: l.label, url: l.url })),
  };
}

/**
 * The closing feedback poll: three quick choices and two optional comments, anonymous. Everyone
 * sees how many answered and the counts; the comments are the facilitator's (and the export's).
 * It takes answers after the café ends.
 */
export function feedbackView(input: StepInput): FeedbackView {
  const { state, step, contributions, viewer } = input;
  const L = viewer.locale;
  const summary = feedbackSummary(contributions.filter((c) => c.stepId === step.id));
  const mine = viewer.userId ? contributions.find((c) => c.stepId === step.id && c.value.kind === 'feedback' && c.userId === viewer.userId) : undefined;
  const my = mine?.value.kind === 'feedback' ? mine.value : undefined;
  return {
    ...viewBase(input, { title: t(L, 'feedback.title') }),
    kind: 'feedback',
    responses: summary.responses,
    questions: labelledFeedback(L, summary),
    ...(viewer.isFacilitator ? { comments: { positive: summary.positive, negative: summary.negative } } : {}),
    ...(my ? { mine: { rating: my.rating, again: my.again, topic: my.topic, positive: my.positive, negative: my.negative } } : {}),
    acceptsAnswers: isOpen(state, step) || state.status === 'ended',
  };
}
