import boardTemplate from '../../../cards/step-board.json';
import chooseTemplate from '../../../cards/step-choose.json';
import feedbackTemplate from '../../../cards/step-feedback.json';
import pickTemplate from '../../../cards/step-pick.json';
import pollTemplate from '../../../cards/step-poll.json';
import questionTemplate from '../../../cards/step-question.json';
import textTemplate from '../../../cards/step-text.json';
import turnsTemplate from '../../../cards/step-turns.json';
import videoTemplate from '../../../cards/step-video.json';
import { refreshFor } from '../buttons';
import { expand, withRefresh } from '../render';
import type { Card } from '../types';
import { activityTitle, controls, isOpen, stepBase, type StepInput } from './common';
import { boardView } from './board';
import { chooseView } from './choose';
import { feedbackView } from './feedback';
import { pickView } from './pick';
import { pollView } from './poll';
import { questionView } from './question';
import { textView } from './text';
import { turnsView } from './turns';
import { videoView } from './video';

export type { StepInput } from './common';

const byKind = {
  choose: [chooseTemplate, chooseView],
  poll: [pollTemplate, pollView],
  pick: [pickTemplate, pickView],
  turns: [turnsTemplate, turnsView],
  video: [videoTemplate, videoView],
  board: [boardTemplate, boardView],
  question: [questionTemplate, questionView],
  text: [textTemplate, textView],
  feedback: [feedbackTemplate, feedbackView],
} as const satisfies Record<StepInput['step']['kind'], readonly [object, (input: StepInput) => object | undefined]>;

/**
 * The card of one step of the café, for one viewer. While the step is open the card carries a
 * refresh block so each person's Teams client asks for their own view (their choice, or the
 * facilitator's controls); a closed step is the same for everyone and has no button.
 */
export function stepCard(input: StepInput): Card {
  const [template, build] = byKind[input.step.kind];
  const view = (build as (i: StepInput) => object | undefined)(input);
  const card = view ? expand(template, view) : expand(textTemplate, missing(input));
  return withRefresh(card, isOpen(input.state, input.step) ? refreshFor(input.state, input.contributions, input.step.id, input.participants) : undefined);
}

/** The content no longer has this step's activity (a content pack changed mid-café): a card that still lets the facilitator move on. */
function missing(input: StepInput): object {
  return {
    ...stepBase(input, { title: activityTitle(input), tips: [], controls: controls(input) }),
    text: input.step.id,
    hasLinks: false,
    links: [],
  };
}
