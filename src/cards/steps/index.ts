import boardTemplate from '../../../cards/step-board.json';
import chooseTemplate from '../../../cards/step-choose.json';
import feedbackTemplate from '../../../cards/step-feedback.json';
import pickTemplate from '../../../cards/step-pick.json';
import pollTemplate from '../../../cards/step-poll.json';
import questionTemplate from '../../../cards/step-question.json';
import textTemplate from '../../../cards/step-text.json';
import turnsTemplate from '../../../cards/step-turns.json';
import videoTemplate from '../../../cards/step-video.json';
import type { Locale } from '../../domain/types';
import { assertNever, stepView, type MissingView, type StepInput, type StepView } from '../../views';
import { refreshFor } from '../buttons';
import { expand, withRefresh } from '../render';
import type { Card } from '../types';
import { boardCard } from './board';
import { chooseCard } from './choose';
import { stepBase } from './common';
import { feedbackCard } from './feedback';
import { pickCard } from './pick';
import { pollCard } from './poll';
import { questionCard } from './question';
import { textCard } from './text';
import { turnsCard } from './turns';
import { videoCard } from './video';

export type { StepInput } from './common';

/**
 * The card of one step of the café, for one viewer: the step's view (src/views) rendered to its
 * template. While the step is open the card carries a refresh block so each person's Teams client
 * asks for their own view (their choice, or the facilitator's controls); a closed step is the same
 * for everyone and has no button.
 */
export function stepCard(input: StepInput): Card {
  const view = stepView(input);
  return withRefresh(renderView(view, input.viewer.locale), view.open ? refreshFor(input.state, input.contributions, input.step.id, input.participants) : undefined);
}

/** A step view as an Adaptive Card: one template per step kind, and a missing activity as a text card. */
export function renderView(view: StepView, L: Locale): Card {
  switch (view.kind) {
    case 'choose': return expand(chooseTemplate, chooseCard(view, L));
    case 'poll': return expand(pollTemplate, pollCard(view, L));
    case 'pick': return expand(pickTemplate, pickCard(view, L));
    case 'turns': return expand(turnsTemplate, turnsCard(view, L));
    case 'video': return expand(videoTemplate, videoCard(view, L));
    case 'board': return expand(boardTemplate, boardCard(view, L));
    case 'question': return expand(questionTemplate, questionCard(view, L));
    case 'text': return expand(textTemplate, textCard(view, L));
    case 'feedback': return expand(feedbackTemplate, feedbackCard(view, L));
    case 'missing': return expand(textTemplate, missing(view, L));
    default: return assertNever(view, 'step view');
  }
}

/** The content no longer has this step's activity (a content pack changed mid-café): a card that still lets the facilitator move on. */
function missing(view: MissingView, L: Locale): object {
  return { text: view.stepId, hasLinks: false, links: [], ...stepBase(view, L) };
}
