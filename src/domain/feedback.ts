import type { Contribution, Step } from './types';

/**
 * The short feedback poll that closes every café: how it was, whether people would come again,
 * which topic next (the DATAcculturation team asks facilitators for "le nombre de participants,
 * les commentaires positifs ou négatifs"), and two optional comments. Its texts are Barista's own
 * (i18n `feedback.*`), not the guide's.
 */

export const FEEDBACK_STEP_ID = 'feedback';

export const FEEDBACK_QUESTIONS = [
  { id: 'rating', choices: ['tres-bien', 'bien', 'moyen', 'decevant'] },
  { id: 'again', choices: ['oui', 'peut-etre', 'non'] },
  { id: 'topic', choices: ['donnee', 'donnees-personnelles', 'open-data-collectivites', 'ia', 'autre'] },
] as const;

export type FeedbackQuestionId = (typeof FEEDBACK_QUESTIONS)[number]['id'];

/**
 * The last step of every plan. It belongs to the last part of the café (le sucre, the opening),
 * but takes none of its planned time: it is Barista's, answered as the café ends and still open after.
 */
export function feedbackStep(): Step {
  return { id: FEEDBACK_STEP_ID, part: 'sucre', kind: 'feedback', activityId: 'feedback', ref: 'feedback', plannedMinutes: 0 };
}

export function isFeedbackChoice(question: FeedbackQuestionId, choice: string): boolean {
  return (FEEDBACK_QUESTIONS.find((q) => q.id === question)?.choices as readonly string[] | undefined)?.includes(choice) ?? false;
}

export interface FeedbackSummary {
  /** People who answered (one answer each: a new answer replaces the earlier one). */
  responses: number;
  counts: Record<FeedbackQuestionId, Record<string, number>>;
  /** The comments, anonymous, oldest first. */
  positive: string[];
  negative: string[];
}

/** Counts and comments of a café's feedback. */
export function feedbackSummary(contributions: Contribution[]): FeedbackSummary {
  const counts = Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q.id, Object.fromEntries(q.choices.map((c) => [c, 0]))])) as FeedbackSummary['counts'];
  const summary: FeedbackSummary = { responses: 0, counts, positive: [], negative: [] };
  for (const c of contributions) {
    if (c.value.kind !== 'feedback') continue;
    summary.responses++;
    for (const q of FEEDBACK_QUESTIONS) {
      const answer = c.value[q.id];
      if (answer !== undefined && answer in counts[q.id]) counts[q.id][answer]++;
    }
    if (c.value.positive) summary.positive.push(c.value.positive);
    if (c.value.negative) summary.negative.push(c.value.negative);
  }
  return summary;
}
