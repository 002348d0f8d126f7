import { activityOf, openQuestionOf, questionOf, voteCounts } from '../domain/lookup';
import { isRevealed, showsCounts } from '../domain/reveal';
import { everyoneDescription } from '../i18n/audience';
import { isOpen, position, viewBase } from './base';
import type { PollView, QuestionView, StepInput } from './types';

/**
 * A poll (Madonna, placement, debate, quiz): the statement, the counts for everyone (never who
 * voted what; a quiz's only once revealed, the facilitator's always), the viewer's own vote, and
 * once revealed the guide's answer with its right choices.
 */
export function pollView(input: StepInput): PollView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const question = questionOf(step, content);
  const activity = activityOf(step, content);
  if (!question || activity?.kind !== 'polls') return undefined;
  const open = isOpen(state, step);
  const revealed = isRevealed(state, step);
  const countsShown = showsCounts(state, step, content, viewer);
  // Counted once by the store when it keeps them (a vote then costs the same in any café), else here.
  const counts = input.votes?.counts ?? voteCounts(contributions, step.id);
  const total = question.choices.reduce((n, c) => n + (counts[c.id] ?? 0), 0);
  const myChoice = !viewer.userId ? undefined : input.votes
    ? input.votes.choiceOf(viewer.userId)
    : (contributions.find((c) => c.stepId === step.id && c.value.kind === 'vote' && c.userId === viewer.userId)?.value as { choice: string } | undefined)?.choice;
  const mine = myChoice !== undefined ? question.choices.find((c) => c.id === myChoice) : undefined;
  const correct = new Set(question.correct);
  const answer = question.answerText ?? question.choices.filter((c) => correct.has(c.id)).map((c) => c.label).join(' / ');
  const first = position(state, step).n === 1;
  const args = (input.votes?.others ?? contributions).flatMap((c) => (c.stepId === step.id && c.value.kind === 'argument' ? [{ side: c.value.side, text: c.value.text }] : []));
  // The kind's fields first, the shared ones spread last (V8 builds the object at once then).
  return {
    kind: 'poll',
    statement: question.text,
    bonus: question.bonus,
    debate: question.arguments,
    choices: question.choices.map((c) => {
      const count = counts[c.id] ?? 0;
      const figures = countsShown ? { count, percent: total ? Math.round((count * 100) / total) : 0 } : {};
      return { id: c.id, label: c.label, ...figures, correct: revealed && correct.has(c.id) };
    }),
    voters: total,
    countsShown,
    revealed,
    ...(revealed && answer ? { answer } : {}),
    ...(revealed && question.answerText ? { answerText: question.answerText } : {}),
    ...(revealed && question.explanation ? { explanation: question.explanation } : {}),
    ...(mine ? { mine: { id: mine.id, label: mine.label } } : {}),
    ...(revealed ? {} : previousResult(input)),
    canVote: open && !revealed,
    canArgue: question.arguments && open,
    ...(question.arguments ? { arguments: { items: args, listed: viewer.isFacilitator } } : {}),
    ...viewBase(input, {
      title: activity.title,
      description: everyoneDescription(L, activity, 'poll', first),
      facilitatorTexts: first ? [activity.facilitatorText] : [],
      tips: [{ about: 'question', tips: question.tips }, { about: 'activity', tips: activity.tips }],
      controls: { reveal: !revealed },
    }),
  };
}

/**
 * An open question (the definitions round, a synthesis): everyone may answer in a few words,
 * answers are anonymous; the guide's answer is the facilitator's until they reveal it.
 */
export function questionView(input: StepInput): QuestionView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  const question = openQuestionOf(step, content);
  if (!question || activity?.kind !== 'questions') return undefined;
  const first = position(state, step).n === 1;
  const revealed = isRevealed(state, step) && !!question.answerText;
  return {
    ...viewBase(input, {
      title: activity.title,
      description: everyoneDescription(L, activity, 'question', first),
      // The guide's words to the facilitator, and its answer when it speaks to them (never revealed).
      facilitatorTexts: [first ? activity.facilitatorText : undefined, question.facilitatorAnswer],
      tips: [
        ...(question.answerText && !revealed ? [{ about: 'answer' as const, text: question.answerText }] : []),
        { about: 'question', tips: question.tips },
        { about: 'activity', tips: activity.tips },
      ],
      controls: { reveal: !!question.answerText && !revealed },
    }),
    kind: 'question',
    statement: question.text,
    answers: contributions.flatMap((c) => (c.stepId === step.id && c.value.kind === 'answer' ? [c.value.text] : [])),
    // The guide's answer reaches everyone's view only once it is theirs: revealed, or the café over (the board's last view).
    ...(question.answerText && (revealed || state.status === 'ended') ? { answerText: question.answerText } : {}),
    revealed,
    canAnswer: isOpen(state, step),
  };
}

/** The statement just before this one in its series, revealed, with the guide's answer (none when the guide gives none). */
function previousResult({ state, step, content }: StepInput): { previous?: { statement: string; answer: string } } {
  const before = state.steps[state.steps.findIndex((s) => s.id === step.id) - 1];
  if (!before || before.kind !== 'poll' || before.part !== step.part || before.activityId !== step.activityId) return {};
  if (!state.runtime[before.id]?.revealed) return {};
  const question = questionOf(before, content);
  if (!question) return {};
  const correct = new Set(question.correct);
  const answer = question.answerText ?? question.choices.filter((c) => correct.has(c.id)).map((c) => c.label).join(' / ');
  return answer ? { previous: { statement: question.text, answer } } : {};
}
