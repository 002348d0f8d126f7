import { feedbackSummary } from '../../domain/feedback';
import { t } from '../../i18n';
import { labelledFeedback } from '../../i18n/feedback';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bar, bytes, fit } from '../format';
import { controls, isOpen, stepBase, type StepBase, type StepInput } from './common';

const COMMENTS_BUDGET = 12_000;

export interface FeedbackView extends StepBase {
  intro: string;
  hasForm: boolean;
  questions: Array<{ id: string; label: string; value: string; choices: Array<{ title: string; value: string }> }>;
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
 * The closing feedback poll: three quick choices and two optional comments, anonymous. Everyone
 * sees how many answered and the counts; the comments go to the facilitator's view (and the
 * export, and the report to the cafés' network). The form stays open after the café ends.
 */
export function feedbackView(input: StepInput): FeedbackView {
  const { state, step, contributions, viewer } = input;
  const L = viewer.locale;
  const acceptsAnswers = isOpen(state, step) || state.status === 'ended';
  const summary = feedbackSummary(contributions.filter((c) => c.stepId === step.id));
  const questions = labelledFeedback(L, summary);
  const mine = viewer.userId ? contributions.find((c) => c.stepId === step.id && c.value.kind === 'feedback' && c.userId === viewer.userId) : undefined;
  const my = mine?.value.kind === 'feedback' ? mine.value : undefined;
  const commentLines = viewer.isFacilitator
    ? [
        ...summary.positive.map((text) => ({ text: `👍 ${text}` })),
        ...summary.negative.map((text) => ({ text: `🔧 ${text}` })),
      ]
    : [];
  const { shown, hidden } = fit(commentLines, COMMENTS_BUDGET, (c) => bytes(c.text));
  if (hidden) shown.push({ text: t(L, 'recap.more', { n: hidden }) });
  return {
    ...stepBase(input, { title: t(L, 'feedback.title'), tips: [], controls: controls(input) }),
    // After the end the card is closed for the café, not for the feedback.
    isClosed: false,
    intro: t(L, 'feedback.intro'),
    hasForm: acceptsAnswers,
    questions: questions.map((q) => ({
      id: `feedback_${q.id}`, label: q.text, value: my?.[q.id] ?? '', choices: q.choices.map((c) => ({ title: c.label, value: c.id })),
    })),
    positiveLabel: t(L, 'feedback.positive'),
    positiveValue: my?.positive ?? '',
    negativeLabel: t(L, 'feedback.negative'),
    negativeValue: my?.negative ?? '',
    placeholder: t(L, 'question.placeholder'),
    sendRows: acceptsAnswers ? rows([formButton<'feedback'>(t(L, 'feedback.send'), { verb: 'feedback', cafe: state.id, step: step.id }, 'positive')]) : [],
    hasThanks: !!my,
    thanksText: t(L, 'feedback.thanks'),
    responsesText: t(L, 'feedback.responses', { n: summary.responses }),
    results: summary.responses === 0 ? [] : questions.map((q) => ({
      title: q.text,
      lines: q.choices.map((c) => ({ label: c.label, bar: bar(c.count, summary.responses) })),
    })),
    hasComments: shown.length > 0,
    comments: shown,
  };
}
