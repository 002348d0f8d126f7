import type { Activity } from '../content/schema';
import type { Locale } from '../domain/types';
import { t } from './index';

// What participants read where the guide's own words are the facilitator's (content schema:
// WHO SEES WHICH TEXT). Shared by the cards and the café board.

/** The step kinds whose card has a line of Barista's for participants when the guide's words there are the facilitator's. */
export type ParticipantLineKind = 'poll' | 'question' | 'pick' | 'text';

/**
 * What everyone reads under the title of an activity: the guide's `description` (meant for
 * participants), or, when the guide's only words there are addressed to the facilitator
 * (`facilitatorText`), Barista's own short line for the step; then, when Barista runs the activity
 * otherwise than the guide, the line that says so (content `adaptation`). A series of polls or
 * questions says the first two on its first card only, the adaptation on every card.
 */
export function everyoneDescription(L: Locale, activity: Activity, kind?: ParticipantLineKind, first = true): string | undefined {
  const own = !first ? undefined
    : activity.description ?? (activity.facilitatorText && kind && kind !== 'text' ? t(L, `participants.${kind}`) : undefined);
  const adaptation = activity.adaptation ? t(L, `adaptation.${activity.adaptation}`) : undefined;
  const lines = [own, adaptation].filter((l): l is string => !!l);
  return lines.length ? lines.join('\n\n') : undefined;
}

/** The body of a text step for everyone: the guide's `text`, or Barista's line when the guide's text is the facilitator's. */
export function everyoneText(L: Locale, activity: Extract<Activity, { kind: 'text' }>): string {
  return activity.text ?? t(L, 'participants.text');
}
