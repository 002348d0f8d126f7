import { clockTime, DEFAULT_TIME_ZONE } from '../../domain/lookup';
import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import { assertNever, type Countdown, type VideoView as Video } from '../../views';
import { action } from '../actions';
import { button, rows, type ButtonRow } from '../buttons';
import { minutesLeft } from '../format';
import { stepBase, type StepBase } from './common';

export { EXTEND_MINUTES } from '../../views';

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


/** "Temps restant : 4 min", "⏸ En pause (3 min restantes)" or "⏰ Temps écoulé", from the view's countdown. */
export function countdownText(L: Locale, countdown: Countdown, timeZone = DEFAULT_TIME_ZONE): string {
  switch (countdown.state) {
    case 'elapsed':
      return t(L, 'video.elapsed');
    case 'paused':
      return t(L, 'video.paused', { minutes: minutesLeft(countdown.msLeft) });
    case 'running': {
      // A card is not redrawn every minute: the end time stays true, the minutes left are as of the last update.
      const until = clockTime(countdown.dueAt, timeZone);
      if (countdown.msLeft < 60_000) return t(L, 'video.remainingUnderOne', { until });
      return t(L, 'video.remaining', { minutes: minutesLeft(countdown.msLeft), until });
    }
    default:
      return assertNever(countdown, 'countdown');
  }
}

/** The viewing pause's card: the link, a countdown and "J'ai fini" so the facilitator knows when everyone is back. */
export function videoCard(view: Video, L: Locale): VideoView {
  const left = view.countdown ? countdownText(L, view.countdown, view.timeZone) : undefined;
  return {
    videoTitle: `🎬 ${view.video.title}`,
    videoUrl: view.video.url,
    watchTitle: t(L, 'video.watch'),
    hasWatch: view.open,
    advice: t(L, 'video.instruction'),
    hasCountdown: !!left,
    countdownText: left ?? '',
    doneText: view.peopleKnown ? t(L, 'video.doneCount', { done: view.finished, total: view.people }) : t(L, 'video.doneSoFar', { done: view.finished }),
    doneRows: view.canSayDone ? rows([button(t(L, 'video.done'), action({ verb: 'done', cafe: view.cafeId, step: view.stepId }), 'positive')]) : [],
    hasYouDone: view.youDone,
    youDoneText: t(L, 'video.youDone'),
    ...stepBase(view, L),
  };
}
