import type { BoardStep } from '../snapshotTypes';
import { renderFeedback } from './renderCharts';
import { renderChoose, renderPick, renderPoll, renderPostits, renderQuestion, renderText, renderVideo } from './renderContent';
import type { RenderCtx } from './renderCtx';

/** Every content block the step carries, in a fixed order (the kind mostly decides which exist). */
export function renderStepBody(ctx: RenderCtx, step: BoardStep): string {
  return [
    step.text ? renderText(ctx, step.text.text) : '',
    step.choose ? renderChoose(ctx, step.choose.options) : '',
    step.poll ? renderPoll(ctx, step.poll) : '',
    step.pick ? renderPick(ctx, step.pick) : '',
    step.question ? renderQuestion(ctx, step.question) : '',
    step.board ? renderPostits(ctx, step.board) : '',
    step.video ? renderVideo(ctx, step.video) : '',
    step.feedback ? renderFeedback(ctx, step.feedback) : '',
  ].join('');
}
