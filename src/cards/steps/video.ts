import { activityOf, participants, videoOf } from '../../domain/lookup';
import { t } from '../../i18n';
import { action } from '../actions';
import { button, rows, type ButtonRow } from '../buttons';
import { minutesLeft, tipSection } from '../format';
import { controls, isOpen, stepBase, type StepBase, type StepInput } from './common';

/** What "+N min" adds to a viewing pause (the guide plans 2 to 5 minutes online). */
export const EXTEND_MINUTES = 2;

export interface VideoView extends StepBase {
  videoTitle: string;
  videoUrl: string;
  watchTitle: string;
  hasWatch: boolean;
  advice: string;
  hasCountdown: boolean;
  countdownText: string;
  doneText: string;
  doneRows: ButtonRow[];
  hasYouDone: boolean;
  youDoneText: string;
}

/** The café's clock time (Paris: the cafés are French public agents') of an instant, "15:16". */
function clock(at: number): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/** "Temps restant : 4 min", "⏸ En pause (3 min restantes)" or "⏰ Temps écoulé", from the step's timer. */
export function countdown(input: StepInput): string | undefined {
  const { state, step, viewer, now } = input;
  const timer = state.timer;
  if (!timer || timer.stepId !== step.id) return undefined;
  const L = viewer.locale;
  if (timer.firedAt !== undefined) return t(L, 'video.elapsed');
  if (timer.remainingMs !== undefined) return t(L, 'video.paused', { minutes: minutesLeft(timer.remainingMs) });
  if (timer.dueAt === undefined) return undefined;
  const left = timer.dueAt - now;
  if (left <= 0) return t(L, 'video.elapsed');
  // A card is not redrawn every minute: the end time stays true, the minutes left are as of the last update.
  const until = clock(timer.dueAt);
  if (left < 60_000) return t(L, 'video.remainingUnderOne', { until });
  return t(L, 'video.remaining', { minutes: minutesLeft(left), until });
}

/**
 * The viewing pause of the virtual café: the link, the guide's advice, a countdown and
 * "J'ai fini" so the facilitator knows when everyone is back.
 */
export function videoView(input: StepInput): VideoView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const video = videoOf(step, content);
  const activity = activityOf(step, content);
  if (!video || activity?.kind !== 'video') return undefined;
  const open = isOpen(state, step);
  const people = input.participants?.filter((id) => id !== state.facilitatorId) ?? participants(state, contributions);
  const doneIds = new Set(contributions.filter((c) => c.stepId === step.id && c.kind === 'done').map((c) => c.userId));
  const done = people.filter((p) => doneIds.has(p)).length;
  const youDone = !!viewer.userId && doneIds.has(viewer.userId);
  const left = open ? countdown(input) : undefined;
  return {
    ...stepBase(input, {
      title: activity.title,
      tips: [
        ...tipSection(L, t(L, 'tips.objectives'), video.objectives),
        ...tipSection(L, t(L, 'tips.activity'), activity.tips),
      ],
      controls: controls(input, { extend: EXTEND_MINUTES }),
    }),
    videoTitle: `🎬 ${video.title}`,
    videoUrl: video.url,
    watchTitle: t(L, 'video.watch'),
    hasWatch: open,
    advice: activity.viewingAdvice,
    hasCountdown: !!left,
    countdownText: left ?? '',
    doneText: t(L, 'video.doneCount', { done, total: people.length }),
    doneRows: open && !youDone ? rows([button(t(L, 'video.done'), action({ verb: 'done', cafe: state.id, step: step.id }), 'positive')]) : [],
    hasYouDone: youDone,
    youDoneText: t(L, 'video.youDone'),
  };
}
