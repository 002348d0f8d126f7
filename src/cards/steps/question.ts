import { activityOf, openQuestionOf } from '../../domain/lookup';
import { t } from '../../i18n';
import { everyoneDescription } from '../../i18n/audience';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, fit, tipSection } from '../format';
import { controls, isOpen, position, stepBase, type StepBase, type StepInput } from './common';

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

/** An open question (the synthesis): everyone may answer in a few words; answers are shown without names. */
export function questionView(input: StepInput): QuestionView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  const question = openQuestionOf(step, content);
  if (!question || activity?.kind !== 'questions') return undefined;
  const open = isOpen(state, step);
  const all = contributions.flatMap((c) => (c.stepId === step.id && c.value.kind === 'answer' ? [{ text: `💬 ${c.value.text}` }] : []));
  const { shown, hidden } = fit(all, ANSWERS_BUDGET, (a) => bytes(a.text));
  if (hidden) shown.push({ text: t(L, 'recap.more', { n: hidden }) });
  const first = position(state, step).n === 1;
  const revealed = !!state.runtime[step.id]?.revealed && !!question.answerText;
  return {
    ...stepBase(input, {
      title: activity.title,
      description: everyoneDescription(L, activity, 'question', first),
      // The guide's words to the facilitator, and its answer when it speaks to them (never revealed).
      facilitatorTexts: [first ? activity.facilitatorText : undefined, question.facilitatorAnswer],
      tips: [
        ...(question.answerText && !revealed ? [{ text: `**${t(L, 'tips.answer')}**\n\n${question.answerText}`, weight: 'Default' as const }] : []),
        ...tipSection(L, t(L, 'tips.question'), question.tips),
        ...tipSection(L, t(L, 'tips.activity'), activity.tips),
      ],
      controls: controls(input, { reveal: !!question.answerText && !revealed, revealLabel: 'ctl.revealAnswer' }),
    }),
    statement: question.text,
    hasForm: open,
    answerLabel: t(L, 'question.label'),
    answerPlaceholder: t(L, 'question.placeholder'),
    answerRequired: t(L, 'question.required'),
    sendRows: open ? rows([formButton<'answer'>(t(L, 'question.send'), { verb: 'answer', cafe: state.id, step: step.id }, 'positive')]) : [],
    answersTitle: t(L, 'question.answers', { n: all.length }),
    answers: shown.length ? shown : [{ text: t(L, 'question.none') }],
    hasGuideAnswer: revealed,
    guideAnswerTitle: t(L, 'tips.answer'),
    guideAnswer: question.answerText ?? '',
  };
}
