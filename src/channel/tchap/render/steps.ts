import { isQuiz } from '../../../domain/reveal';
import type { Content } from '../../../content/schema';
import type { Locale, Step } from '../../../domain/types';
import { t } from '../../../i18n';
import { COLOR_EMOJI, boardLegend } from '../../../cards/steps/board';
import { header } from '../../../cards/steps/common';
import { bytes, fit, markdownLink, minutesLeft } from '../../../cards/format';
import { clockTime } from '../../../domain/lookup';
import {
  assertNever, type BoardView, type ChooseView, type Countdown, type FeedbackView, type PickView, type PollView,
  type QuestionView, type StepView, type TextView, type TurnsView, type VideoView,
} from '../../../views';
import { pollStartContent } from '../polls';
import type { Slot } from '../out';
import { personName, said, stepMeta, textSlot, within } from './text';

/** Bytes of people's text one message lists (a Matrix event holds 64 KiB, body and HTML together). */
export const BUDGET = { board: 18_000, answers: 18_000, arguments: 16_000, comments: 12_000, picks: 8_000 };

/**
 * A step as the room sees it (the shared view): Matrix polls where people vote or pick, text
 * messages where they reply in the thread, each event marked with what an answer to it means.
 * Only this step's slots: the part's message moving from step to step is the channel's.
 */
export function sharedStepSlots(view: StepView, step: Step, content: Content, L: Locale): Slot[] {
  switch (view.kind) {
    case 'poll': return pollSlots(view, step, content, L);
    case 'pick': return pickSlots(view, L);
    case 'choose': return [textSlot(`text:${view.stepId}`, [...head(view, L), chooseLines(view, L, false)], stepMeta(view))];
    case 'video': return [videoSlot(view, L)];
    case 'board': return [boardSlot(view, L)];
    case 'question': return questionSlots(view, L);
    case 'turns': return [textSlot(`text:${view.stepId}`, [...head(view, L), ...turnsLines(view, L)], stepMeta(view))];
    case 'text': return [textSlot(`text:${view.stepId}`, [...head(view, L), ...textLines(view)], stepMeta(view))];
    case 'feedback': return feedbackSlots(view, L);
    case 'missing': return [textSlot(`text:${view.stepId}`, head(view, L), stepMeta(view))];
    default: return assertNever(view, 'step view');
  }
}

/** "☕ La tasse · 2 / 3 · ⏸ En pause", the title, the line for everyone, and « Étape terminée. » once closed. */
export function head(view: StepView, L: Locale): string[] {
  return [`${header(view, L)}\n**${view.title}**`, view.description ?? '', view.open || view.kind === 'feedback' ? '' : t(L, 'step.closed')];
}

function pollSlots(view: PollView, step: Step, content: Content, L: Locale): Slot[] {
  const question = `${view.bonus ? `${t(L, 'poll.bonus')} · ` : ''}${view.statement}`;
  const closed = view.revealed || !view.open;
  const poll: Slot = {
    key: `poll:${view.stepId}`,
    // A quiz's split waits for the reveal (the client hides it until the poll ends); other polls are live.
    out: { type: 'poll', content: pollStartContent({ question, choices: view.choices.map((c) => ({ id: c.id, label: c.label })), disclosed: !isQuiz(step, content) }), meta: stepMeta(view, 'vote') },
    ...(closed ? { ended: { text: view.answer ? t(L, 'tchap.vote.ended', { answer: view.answer }) : t(L, 'tchap.vote.closed') } } : {}),
  };
  const intro = textSlot(`text:${view.stepId}`, [
    ...head(view, L),
    view.previous ? t(L, 'poll.previous', { statement: view.previous.statement, answer: view.previous.answer }) : '',
    view.canVote ? t(L, 'tchap.vote.hint') : '',
  ], stepMeta(view));
  const out = [intro, poll];
  if (view.debate) {
    const pour = view.arguments?.items.filter((a) => a.side === 'pour').length ?? 0;
    const contre = (view.arguments?.items.length ?? 0) - pour;
    out.push(textSlot(`argument:${view.stepId}`, [view.canArgue ? t(L, 'tchap.arg.invite') : '', t(L, 'arg.counts', { pour, contre })], stepMeta(view, 'argument')));
  }
  if (view.revealed && view.answer) {
    out.push(textSlot(`answer:${view.stepId}`, [
      `${t(L, 'tchap.answer.title')}\n${view.statement}`,
      t(L, 'poll.answer', { answer: view.answer }),
      view.explanation,
      results(view, L),
    ], stepMeta(view)));
  }
  return out;
}

/** The split with bars, ✅ on the guide's answers: the reveal's, or the facilitator's before it. */
export function results(view: PollView, L: Locale): string {
  if (!view.countsShown) return t(L, view.voters === 1 ? 'poll.voters.one' : view.voters ? 'poll.voters.other' : 'poll.voters.zero', { n: view.voters });
  const lines = view.choices.map((c) => `${c.correct ? '✅ ' : ''}${c.label} : ${c.count ?? 0} (${c.percent ?? 0} %)`);
  return [...lines, t(L, view.voters === 1 ? 'poll.voters.one' : view.voters ? 'poll.voters.other' : 'poll.voters.zero', { n: view.voters })].join('\n');
}

function pickSlots(view: PickView, L: Locale): Slot[] {
  const who = within(L, view.picked.map((g) => (g.names ? `**${g.label}** : ${g.names.map(personName).join(', ')}` : `**${g.label}** : ${g.count}`)), BUDGET.picks);
  const intro = textSlot(`text:${view.stepId}`, [
    ...head(view, L),
    view.options.some((o) => o.detail) ? [`**${t(L, 'pick.details')}**`, ...view.options.flatMap((o) => (o.detail ? [`**${o.label}** — ${o.detail}`] : []))].join('\n') : '',
    view.canPick ? `${t(L, 'tchap.pick.hint')} ${view.turns ? t(L, 'pick.same') : `${t(L, 'pick.same')} ${t(L, 'pick.anonymous')}`}` : '',
    `**${t(L, view.turns ? 'pick.who' : 'pick.counts')} (${view.pickers})**\n${who.length ? who.join('\n') : t(L, 'pick.none')}`,
  ], stepMeta(view));
  const poll: Slot = {
    key: `poll:${view.stepId}`,
    out: { type: 'poll', content: pollStartContent({ question: view.title, choices: view.options.map((o) => ({ id: o.id, label: o.label })), disclosed: true }), meta: stepMeta(view, 'pick') },
    ...(view.open ? {} : { ended: { text: t(L, 'tchap.pick.ended') } }),
  };
  return [intro, poll];
}

/** The options numbered (★ the default), the choice once made, and for the facilitator `!choisir N`. */
export function chooseLines(view: ChooseView, L: Locale, facilitator: boolean): string {
  if (view.chosen) return t(L, 'choose.chosen', { label: view.chosen.label });
  const options = view.options.map((o, i) => t(L, 'tchap.choose.option', { n: i + 1, label: o.isDefault ? t(L, 'choose.default', { label: o.label }) : o.label })).join('\n');
  if (facilitator && view.canChoose) return [t(L, 'choose.prompt'), options, t(L, 'tchap.choose.command')].join('\n');
  return [view.open ? t(L, `choose.waiting.${view.part}`) : '', options].filter(Boolean).join('\n');
}

/** « Fin prévue à 14 h 32 (encore 5 min) » in the café's time zone; the channel renders again every minute. */
export function countdownLine(L: Locale, countdown: Countdown, timeZone: string): string {
  switch (countdown.state) {
    case 'elapsed': return t(L, 'video.elapsed');
    case 'paused': return t(L, 'video.paused', { minutes: minutesLeft(countdown.msLeft) });
    case 'running': {
      const clock = clockTime(countdown.dueAt, timeZone);
      const until = L === 'fr' ? clock.replace(':', ' h ') : clock;
      return countdown.msLeft < 60_000 ? t(L, 'tchap.video.underOne', { until }) : t(L, 'tchap.video.until', { until, minutes: minutesLeft(countdown.msLeft) });
    }
    default: return assertNever(countdown, 'countdown');
  }
}

function videoSlot(view: VideoView, L: Locale): Slot {
  return textSlot(`text:${view.stepId}`, [
    ...head(view, L),
    `🎬 ${markdownLink({ label: view.video.title, url: view.video.url })}`,
    view.canSayDone ? t(L, 'tchap.video.instruction') : '',
    view.countdown ? countdownLine(L, view.countdown, view.timeZone) : '',
    view.peopleKnown ? t(L, 'video.doneCount', { done: view.finished, total: view.people }) : t(L, 'video.doneSoFar', { done: view.finished }),
  ], stepMeta(view, 'done'));
}

function boardSlot(view: BoardView, L: Locale): Slot {
  const kindOf = (id: string) => view.postitKinds.find((k) => k.id === id);
  // The budget is shared by the columns, in the order the post-its came.
  const lines = view.postits.map((p) => ({ column: p.column, line: `${COLOR_EMOJI[kindOf(p.kind)?.color ?? 'yellow']} ${said(p.text)}` }));
  const { shown } = fit(lines, BUDGET.board, (p) => bytes(p.line));
  const columns = view.columns.map((col, i) => {
    const all = lines.filter((p) => p.column === col.id).length;
    const postits = shown.filter((p) => p.column === col.id).map((p) => p.line);
    if (all > postits.length) postits.push(t(L, 'board.more', { n: all - postits.length }));
    return `**${i + 1}. ${col.label}** (${all})\n${postits.length ? postits.join('\n') : t(L, 'board.empty')}`;
  });
  const example = `${view.columns.length > 1 ? 2 : 1} ${view.postitKinds[0]?.label ?? ''} : …`;
  return textSlot(`text:${view.stepId}`, [
    ...head(view, L),
    t(L, 'tchap.board.columns', { columns: view.columns.map((c, i) => `${i + 1}. ${c.label}`).join(' · ') }),
    t(L, 'tchap.board.kinds', { kinds: boardLegend(view) }),
    view.canPost ? t(L, 'tchap.board.invite', { example }) : '',
    ...columns,
  ], stepMeta(view, 'postit'));
}

function questionSlots(view: QuestionView, L: Locale): Slot[] {
  const out = [textSlot(`text:${view.stepId}`, [
    ...head(view, L),
    `**${view.statement}**`,
    view.canAnswer ? t(L, 'tchap.question.invite') : '',
    `**${t(L, 'question.answers', { n: view.answers.length })}**\n${view.answers.length ? within(L, view.answers.map((a) => `💬 ${said(a)}`), BUDGET.answers).join('\n') : t(L, 'question.none')}`,
  ], stepMeta(view, 'answer'))];
  if (view.answerText && (view.revealed || view.ended)) {
    out.push(textSlot(`answer:${view.stepId}`, [`${t(L, 'tchap.answer.title')}\n${view.statement}`, view.answerText], stepMeta(view)));
  }
  return out;
}

export function turnsLines(view: TurnsView, L: Locale): string[] {
  const name = personName;
  const { current, next } = view;
  return [
    current ? t(L, 'turns.floor', { name: name(current.name), item: current.item }) : t(L, 'turns.none'),
    current && view.open ? (next ? t(L, 'turns.next', { name: name(next.name), item: next.item }) : t(L, 'turns.last')) : '',
    view.count ? t(L, 'turns.progress', { n: view.turn + 1, total: view.count }) : '',
  ];
}

function textLines(view: TextView): string[] {
  return [view.text, view.links.map((l) => `🔗 ${markdownLink(l)}`).join('\n')];
}

/** The feedback's three questions as polls, and its message whose thread takes the comments. */
function feedbackSlots(view: FeedbackView, L: Locale): Slot[] {
  const polls: Slot[] = view.questions.map((q) => ({
    key: `feedback:${q.id}:${view.stepId}`,
    out: { type: 'poll', content: pollStartContent({ question: q.text, choices: q.choices.map((c) => ({ id: c.id, label: c.label })), disclosed: true }), meta: stepMeta(view, `feedback:${q.id}`) },
    ...(view.acceptsAnswers ? {} : { ended: { text: t(L, 'tchap.feedback.ended') } }),
  }));
  return [
    textSlot(`text:${view.stepId}`, [...head(view, L), t(L, 'feedback.intro')], stepMeta(view)),
    ...polls,
    textSlot(`feedback:comments:${view.stepId}`, [view.acceptsAnswers ? t(L, 'tchap.feedback.comments') : t(L, 'tchap.feedback.ended'), t(L, 'feedback.responses', { n: view.responses })], stepMeta(view, 'feedback:comments')),
  ];
}
