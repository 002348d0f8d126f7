/**
 * The views layer: what one person sees of a step, as channel-neutral data (./types). Pure: the
 * café, its contributions, the content, the viewer and `now` in; a StepView out. The Teams cards
 * (src/cards/steps) and the café board (src/tab/snapshot.ts) render it; a new channel renders it
 * too, and never applies the audience rules again.
 */
import type { StepKind } from '../domain/types';
import { activityOf } from '../domain/lookup';
import { partLabel, viewBase } from './base';
import { assertNever } from './kinds';
import { pickView, turnsView } from './picks';
import { pollView, questionView } from './polls';
import { boardView, chooseView, feedbackView, textView, videoView } from './others';
import type { MissingView, StepInput, StepView } from './types';

export * from './types';
export { STEP_KINDS, assertNever } from './kinds';
export { isOpen, position } from './base';
export { EXTEND_MINUTES } from './others';

/** The view of one step for one viewer; `missing` when the content no longer has the step's activity. */
export function stepView(input: StepInput): StepView {
  return byKind(input, input.step.kind) ?? missing(input);
}

function byKind(input: StepInput, kind: StepKind): StepView | undefined {
  switch (kind) {
    case 'choose': return chooseView(input);
    case 'poll': return pollView(input);
    case 'pick': return pickView(input);
    case 'turns': return turnsView(input);
    case 'video': return videoView(input);
    case 'board': return boardView(input);
    case 'question': return questionView(input);
    case 'text': return textView(input);
    case 'feedback': return feedbackView(input);
    default: return assertNever(kind, 'step kind');
  }
}

function missing(input: StepInput): MissingView {
  const { step, content, viewer } = input;
  const title = activityOf(step, content)?.title ?? partLabel(viewer.locale, step.part);
  return { ...viewBase(input, { title, controls: {} }), kind: 'missing', stepKind: step.kind };
}
