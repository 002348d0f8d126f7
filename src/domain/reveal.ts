import type { Content } from '../content/schema';
import { activityOf, openQuestionOf, questionOf } from './lookup';
import type { CafeState, Step } from './types';

/**
 * What a poll or an open question shows, and when: its answer once revealed, and a quiz's counts.
 * One place for the rule, read by the engine (Suivant reveals first), the views, the café board
 * and the export.
 */

/**
 * Has the step an answer the facilitator reveals? A poll with right choices, the guide's answer or
 * an explanation (a quiz, Madonna); an open question with the guide's answer. An opinion poll (a
 * debate, the placement) has none: it closes when the café moves on.
 */
export function hasAnswer(step: Step, content: Content): boolean {
  if (step.kind === 'poll') {
    const q = questionOf(step, content);
    return !!q && (q.correct.length > 0 || !!q.answerText || !!q.explanation);
  }
  if (step.kind === 'question') return !!openQuestionOf(step, content)?.answerText;
  return false;
}

/** Can Révéler (/reveler) act on this step? Any poll (an opinion poll's vote closes), a question with an answer. */
export function canReveal(step: Step, content: Content): boolean {
  return step.kind === 'poll' || (step.kind === 'question' && hasAnswer(step, content));
}

/**
 * Is the step's answer everyone's? The facilitator revealed it, or the café moved on past it (a step
 * closed by Suivant), or the café ended. A step never reached, or left by going back, is not.
 */
export function isRevealed(state: CafeState, step: Step): boolean {
  const rt = state.runtime[step.id];
  if (!rt) return false;
  if (rt.revealed || state.status === 'ended') return true;
  return rt.endedAt !== undefined;
}

/**
 * Is this poll a quiz, whose answers are for thinking, not for following the crowd? A series of
 * polls with right answers, outside the ice breaker (la tasse: Madonna is played for fun, its
 * counts stay live). Opinion polls (debates, placement) and the feedback poll are no quiz.
 */
export function isQuiz(step: Step, content: Content): boolean {
  if (step.kind !== 'poll' || step.part === 'tasse') return false;
  const activity = activityOf(step, content);
  return activity?.kind === 'polls' && activity.questions.some((q) => q.correct.length > 0);
}

/**
 * May this viewer see how the votes split? The facilitator always; everyone else, in a quiz, only
 * once the answer is revealed (until then: how many answered). Other polls are live for everyone.
 */
export function showsCounts(state: CafeState, step: Step, content: Content, viewer: { isFacilitator: boolean }): boolean {
  return viewer.isFacilitator || !isQuiz(step, content) || isRevealed(state, step);
}
