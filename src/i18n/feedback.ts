import { FEEDBACK_QUESTIONS, type FeedbackQuestionId, type FeedbackSummary } from '../domain/feedback';
import type { Locale } from '../domain/types';
import { t, type MessageId } from './index';

export interface LabelledFeedbackQuestion {
  id: FeedbackQuestionId;
  text: string;
  choices: Array<{ id: string; label: string; count: number }>;
}

/** The feedback poll's questions and choices in a locale, with their counts (the card, the export, the board). */
export function labelledFeedback(locale: Locale, summary?: FeedbackSummary): LabelledFeedbackQuestion[] {
  return FEEDBACK_QUESTIONS.map((q) => ({
    id: q.id,
    text: t(locale, `feedback.q.${q.id}`),
    choices: q.choices.map((c) => ({ id: c, label: t(locale, `feedback.${q.id}.${c}` as MessageId), count: summary?.counts[q.id][c] ?? 0 })),
  }));
}
