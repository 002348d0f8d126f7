import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { QuestionView as Question } from '../../views';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, cardText, fit } from '../format';
import { stepBase, type StepBase } from './common';

const ANSWERS_BUDGET = 20_000;

export interface QuestionView extends StepBase {
  statement: string;
  hasForm: boolean;
  answerLabel: string;
  answerPlaceholder: string;
  answerRequired: string;
  sendRows: ButtonRow[];
  answersTitle: string;
  answers: Array<{ text: string }>;
  /** Once revealed, the guide's answer or examples, for everyone. */
  hasGuideAnswer: boolean;
  guideAnswerTitle: string;
  guideAnswer: string;
}

/** An open question's card (the synthesis): everyone may answer in a few words; answers are shown without names. */
export function questionCard(view: Question, L: Locale): QuestionView {
  const all = view.answers.map((text) => ({ text: `💬 ${cardText(text)}` }));
  const { shown, hidden } = fit(all, ANSWERS_BUDGET, (a) => bytes(a.text));
  if (hidden) shown.push({ text: t(L, 'recap.more', { n: hidden }) });
  const revealed = view.revealed && !!view.answerText;
  return {
    statement: view.statement,
    hasForm: view.canAnswer,
    answerLabel: t(L, 'question.label'),
    answerPlaceholder: t(L, 'question.placeholder'),
    answerRequired: t(L, 'question.required'),
    sendRows: view.canAnswer ? rows([formButton<'answer'>(t(L, 'question.send'), { verb: 'answer', cafe: view.cafeId, step: view.stepId }, 'positive')]) : [],
    answersTitle: t(L, 'question.answers', { n: all.length }),
    answers: shown.length ? shown : [{ text: t(L, 'question.none') }],
    hasGuideAnswer: revealed,
    guideAnswerTitle: t(L, 'tips.answer'),
    guideAnswer: revealed ? view.answerText ?? '' : '',
    ...stepBase(view, L),
  };
}
