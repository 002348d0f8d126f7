import type { Locale } from '../../../domain/types';
import { t } from '../../../i18n';
import { bar } from '../../../cards/format';
import { boardLink, header, tipLines } from '../../../cards/steps/common';
import { assertNever, type FeedbackView, type PollView, type StepView } from '../../../views';
import type { Slot } from '../out';
import { BUDGET, chooseLines, countdownLine, results, turnsLines } from './steps';
import { controlsBlock, personName, said, stepMeta, textSlot, within } from './text';

/**
 * A step as its facilitator reads it in their direct-message room with Barista: text only (no
 * poll to answer there). The guide's words to them, the notices, what the room has done so far
 * that only they see (a quiz's split before the reveal, the debate's arguments, the feedback's
 * comments), the controls as commands; the guide's tips in a message of their own.
 */
export function guideSlots(view: StepView, L: Locale): Slot[] {
  const f = view.facilitator;
  const links = boardLink({ isFacilitator: true, locale: L, ...(f?.boardUrl ? { boardUrl: f.boardUrl } : {}), ...(f?.web ? { web: f.web } : {}) }, !!f?.boardUrl || !!f?.web);
  const guide = textSlot(`guide:${view.stepId}`, [
    `${t(L, 'tchap.guideTitle', { title: view.title })}\n${header(view, L)}`,
    view.open ? '' : t(L, 'step.closed'),
    ...(f?.notices ?? []),
    f?.texts.length ? [`**${t(L, 'tips.facilitatorText')}**`, ...f.texts].join('\n\n') : '',
    ...progress(view, L),
    links.hasBoardLink ? links.boardLinkText : '',
    controlsBlock(view, L),
  ], stepMeta(view));
  const tips = tipLines(L, f?.tips ?? []);
  if (!tips.length) return [guide];
  return [guide, textSlot(`tips:${view.stepId}`, [t(L, 'tchap.tipsTitle', { title: view.title }), ...tips.map((l) => (l.weight === 'Bolder' ? `**${l.text}**` : l.text))], stepMeta(view))];
}

/** Where the step stands, as only the facilitator sees it. */
function progress(view: StepView, L: Locale): string[] {
  switch (view.kind) {
    case 'poll': return [`**${view.statement}**`, `${view.revealed ? `**${t(L, 'poll.final')}**` : t(L, 'tchap.split')}\n${results(view, L)}`, ...debate(view, L)];
    case 'choose': return [chooseLines(view, L, true)];
    case 'pick': return [`**${t(L, view.turns ? 'pick.who' : 'pick.counts')} (${view.pickers})**\n${view.picked.length
      ? within(L, view.picked.map((g) => `**${g.label}** : ${g.names ? g.names.map(personName).join(', ') : g.count}`), BUDGET.picks).join('\n')
      : t(L, 'pick.none')}`];
    case 'turns': return turnsLines(view, L);
    case 'video': return [
      view.countdown ? countdownLine(L, view.countdown, view.timeZone) : '',
      view.peopleKnown ? t(L, 'video.doneCount', { done: view.finished, total: view.people }) : t(L, 'video.doneSoFar', { done: view.finished }),
    ];
    case 'board': return [t(L, 'board.count', { n: view.postits.length })];
    case 'question': return [`**${view.statement}**`, t(L, 'question.answers', { n: view.answers.length })];
    case 'text': case 'missing': return [];
    case 'feedback': return feedback(view, L);
    default: return assertNever(view, 'step view');
  }
}

/** The debate's arguments, for and against (the guide asks the facilitator to note the main ones). */
function debate(view: PollView, L: Locale): string[] {
  if (!view.arguments) return [];
  const side = (which: 'pour' | 'contre') => view.arguments!.items.filter((a) => a.side === which).map((a) => `• ${said(a.text)}`);
  const pour = within(L, side('pour'), BUDGET.arguments / 2);
  const contre = within(L, side('contre'), BUDGET.arguments / 2);
  const count = (which: 'pour' | 'contre') => view.arguments!.items.filter((a) => a.side === which).length;
  return [
    t(L, 'arg.note'),
    `**${t(L, 'arg.headingPour')}** (${count('pour')})\n${pour.length ? pour.join('\n') : t(L, 'arg.none')}`,
    `**${t(L, 'arg.headingContre')}** (${count('contre')})\n${contre.length ? contre.join('\n') : t(L, 'arg.none')}`,
  ];
}

/** The feedback's counts by question and its comments. */
function feedback(view: FeedbackView, L: Locale): string[] {
  const counts = view.responses === 0 ? [] : view.questions.map((q) => [`**${q.text}**`, ...q.choices.map((c) => `${c.label} ${bar(c.count, view.responses)}`)].join('\n'));
  const comments = view.comments ? [...view.comments.positive.map((c) => `👍 ${said(c)}`), ...view.comments.negative.map((c) => `🔧 ${said(c)}`)] : [];
  return [t(L, 'feedback.responses', { n: view.responses }), ...counts, comments.length ? [t(L, 'tchap.feedback.commentsTitle'), ...within(L, comments, BUDGET.comments)].join('\n') : ''];
}
