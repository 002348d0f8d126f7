import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { FeedbackView as Feedback } from '../../views';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bar, bytes, cardText, fit } from '../format';
import { stepBase, type StepBase } from './common';

const COMMENTS_BUDGET = 12_000;

export interface FeedbackView extends StepBase {
  intro: string;
  hasForm: boolean;
  questions: Array<{ id: string; label: string; placeholder: string; value: string; choices: Array<{ title: string; value: string }> }>;
  positiveLabel: string;
  positiveValue: string;
  negativeLabel: string;
  negativeValue: string;
  placeholder: string;
  sendRows: ButtonRow[];
  hasThanks: boolean;
  thanksText: string;
  responsesText: string;
  results: Array<{ title: string; lines: Array<{ label: string; bar: string }> }>;
  hasComments: boolean;
  comments: Array<{ text: string }>;
}

/**
 * The closing feedback poll's card: three quick choices (dropdowns) and two optional one-line
 * comments, anonymous. Everyone reads how many answered; the live bars and the comments are in the
 * facilitator's view only. The poll may stay live for all (issue 14), but twelve bars under the form
 * would make the card taller than a phone screen: a readability choice, not a secret (the recap and
 * the exports keep the full results). The form stays open after the café ends.
 */
export function feedbackCard(view: Feedback, L: Locale): FeedbackView {
  const my = view.mine;
  const commentLines = view.comments
    ? [
        ...view.comments.positive.map((text) => ({ text: `👍 ${cardText(text)}` })),
        ...view.comments.negative.map((text) => ({ text: `🔧 ${cardText(text)}` })),
      ]
    : [];
  const { shown, hidden } = fit(commentLines, COMMENTS_BUDGET, (c) => bytes(c.text));
  if (hidden) shown.push({ text: t(L, 'recap.more', { n: hidden }) });
  return {
    intro: t(L, 'feedback.intro'),
    hasForm: view.acceptsAnswers,
    questions: view.questions.map((q) => ({
      id: `feedback_${q.id}`, label: q.text, placeholder: t(L, 'feedback.choose'), value: my?.[q.id] ?? '', choices: q.choices.map((c) => ({ title: c.label, value: c.id })),
    })),
    positiveLabel: t(L, 'feedback.positive'),
    positiveValue: my?.positive ?? '',
    negativeLabel: t(L, 'feedback.negative'),
    negativeValue: my?.negative ?? '',
    placeholder: t(L, 'question.placeholder'),
    sendRows: view.acceptsAnswers ? rows([formButton<'feedback'>(t(L, 'feedback.send'), { verb: 'feedback', cafe: view.cafeId, step: view.stepId }, 'positive')]) : [],
    hasThanks: !!my,
    thanksText: t(L, 'feedback.thanks'),
    responsesText: t(L, 'feedback.responses', { n: view.responses }),
    results: view.responses === 0 || !view.facilitator ? [] : view.questions.map((q) => ({
      title: q.text,
      lines: q.choices.map((c) => ({ label: c.label, bar: bar(c.count, view.responses) })),
    })),
    hasComments: shown.length > 0,
    comments: shown,
    ...stepBase(view, L),
    // After the end the card is closed for the café, not for the feedback.
    isClosed: false,
  };
}
