import recapTemplate from '../../cards/recap.json';
import type { Activity, Content, Link, Minutes } from '../content/schema';
import { cafeTimeZone, formulaOf, participants } from '../domain/lookup';
import { choicesOf } from '../domain/choices';
import { plannedTotal } from '../domain/plan';
import type { CafeState, Contribution, Locale } from '../domain/types';
import { assertNever, stepView, type BoardView, type FeedbackView, type PickView, type PollView, type QuestionView, type VideoView } from '../views';
import { feedbackSummary } from '../domain/feedback';
import { labelledFeedback } from '../i18n/feedback';
import { t } from '../i18n';
import { bytes, cardText, clip, fit, markdownLink } from './format';
import { boardLegend, boardMoments } from './steps/board';
import { expand } from './render';
import type { Card } from './types';

/** The national open data platform the guide points every café to. */
export const DATA_GOUV: Link = { label: 'data.gouv.fr', url: 'https://data.gouv.fr' };

/** Byte budgets of the recap's long lists: the whole card stays under 40 KB with 60 people. */
const BUDGET = { polls: 8_000, arguments: 6_000, board: 9_000, answers: 6_000, picks: 2_000 };

export interface RecapInput {
  state: CafeState;
  content: Content;
  contributions: Contribution[];
  locale: Locale;
  now: number;
  /** The export links (Markdown, CSV, JSON), when Barista has a public address. */
  downloads?: Array<{ label: string; url: string }>;
  /** The report for the cafés network (GeoJSON, CSV), once the chat gave its organisation and town. */
  networkDownloads?: Array<{ label: string; url: string }>;
}

interface Line {
  text: string;
  isSubtle: boolean;
}
interface Section {
  title: string;
  lines: Line[];
}

const line = (text: string, isSubtle = false): Line => ({ text, isSubtle });

/**
 * The café's recap, posted when it ends: what was planned and what happened, every vote's result
 * (counts only), the debate's arguments, the board, the synthesis (all without names), then the
 * guide's closing advice and where to go further.
 */
export function recapCard({ state, content, contributions, locale: L, now, downloads, networkDownloads }: RecapInput): Card {
  const formula = formulaOf(state, content);
  const planned = plannedTotal(formula);
  const start = state.startedAt;
  const actual = start === undefined ? undefined : Math.max(0, Math.round(((state.endedAt ?? now) - start - state.pausedMs) / 60_000));
  const dateFormat = new Intl.DateTimeFormat(L === 'en' ? 'en-GB' : 'fr-FR', { timeZone: cafeTimeZone(state), dateStyle: 'full', timeStyle: 'short' });
  const views = recapViews(state, content, contributions, L, now);
  const closing = closingActivity(state, content);
  const links = dedupe([...(closing?.links ?? []), DATA_GOUV, { label: t(L, 'recap.playlist'), url: content.playlistUrl }]);

  const view = {
    title: t(L, 'recap.title'),
    facts: [
      { title: t(L, 'recap.formula'), value: `${formula.name}, ${formula.audience}` },
      { title: t(L, 'recap.date'), value: dateFormat.format(start ?? state.createdAt) },
      { title: t(L, 'recap.planned'), value: plannedText(L, planned) },
      { title: t(L, 'recap.actual'), value: actual === undefined ? t(L, 'recap.notStarted') : t(L, 'recap.minutes', { n: actual }) },
      { title: t(L, 'recap.people'), value: String(participants(state, contributions).length) },
    ],
    // In the café's order: each run of steps of one kind gives its sections where it happened.
    sections: views.order.flatMap((run) => {
      switch (run.kind) {
        case 'poll': return pollSections(L, run.views);
        case 'pick': return pickSections(L, run.views);
        case 'board': return boardSections(L, run.views);
        case 'question': return answerSections(L, run.views);
        case 'video': return videoSections(L, run.views);
        case 'feedback': return feedbackSections(L, contributions);
        default: return assertNever(run, 'recap run');
      }
    }),
    closingTitle: closing?.title ?? t(L, 'recap.closing'),
    closingText: closing?.text ?? '',
    hasClosingText: !!closing?.text,
    links: [
      ...(downloads?.length ? [{ text: `⬇️ ${t(L, 'recap.download')} ${downloads.map(markdownLink).join(' · ')}` }] : []),
      ...(networkDownloads?.length ? [
        { text: `🗺️ ${t(L, 'network.download')} ${networkDownloads.map(markdownLink).join(' · ')}` },
        // Where the report is offered, the guide's map of the cafés, word for word, with its link and contact.
        { text: `**${content.cafesMap.title}** ${content.cafesMap.text} ${content.cafesMap.links.map(markdownLink).join(' · ')}` },
      ] : []),
      ...links.map((l) => ({ text: `🔗 ${markdownLink(l)}` })),
    ],
  };
  return expand(recapTemplate, view);
}

/** The views of the steps a recap shows, as runs of one kind in the café's order: every kind is named, so a new one is a decision, not an omission. */
type RecapRun =
  | { kind: 'poll'; views: PollView[] }
  | { kind: 'pick'; views: PickView[] }
  | { kind: 'board'; views: BoardView[] }
  | { kind: 'question'; views: QuestionView[] }
  | { kind: 'video'; views: VideoView[] }
  | { kind: 'feedback'; views: FeedbackView[] };
interface RecapViews {
  order: RecapRun[];
}

/** The shared views of the steps the café reached, in its order, grouped in runs of one kind. */
function recapViews(state: CafeState, content: Content, contributions: Contribution[], L: Locale, now: number): RecapViews {
  const out: RecapViews = { order: [] };
  const push = <K extends RecapRun['kind']>(kind: K, view: Extract<RecapRun, { kind: K }>['views'][number]) => {
    const last = out.order[out.order.length - 1];
    if (last?.kind === kind) (last.views as unknown[]).push(view);
    else out.order.push({ kind, views: [view] } as RecapRun);
  };
  for (const step of state.steps) {
    if (!state.runtime[step.id]) continue;
    const view = stepView({ state, step, content, contributions, viewer: { isFacilitator: false, locale: L }, now });
    switch (view.kind) {
      case 'poll': push('poll', view); break;
      case 'pick': push('pick', view); break;
      case 'board': push('board', view); break;
      case 'question': push('question', view); break;
      // Which video was watched, and how many said they had finished.
      case 'video': push('video', view); break;
      // The feedback's counts (the comments go to the export and the network's report).
      case 'feedback': push('feedback', view); break;
      // The choices made, the turns and the texts are the café's path, not its results.
      case 'choose': case 'turns': case 'text': case 'missing': break;
      default: assertNever(view, 'step view');
    }
  }
  return out;
}

function videoSections(L: Locale, videos: VideoView[]): Section[] {
  return videos.map((view) => ({
    title: `🎬 ${view.video.title}`,
    lines: [line(view.peopleKnown ? t(L, 'video.doneCount', { done: view.finished, total: view.people }) : t(L, 'video.doneSoFar', { done: view.finished }), true)],
  }));
}

/** The feedback poll's counts, anonymous: how many answered, and each question's choices. */
function feedbackSections(L: Locale, contributions: Contribution[]): Section[] {
  const summary = feedbackSummary(contributions);
  const lines = [line(t(L, 'feedback.responses', { n: summary.responses }), true)];
  if (summary.responses) {
    for (const q of labelledFeedback(L, summary)) {
      lines.push(line(`**${q.text}**`), line(q.choices.filter((c) => c.count).map((c) => `${c.label} ${c.count}`).join(' · ') || '—', true));
    }
  }
  return [{ title: t(L, 'recap.feedback'), lines }];
}

/** Each poll activity: its statements with the votes (and, for a debate, the arguments). */
function pollSections(L: Locale, polls: PollView[]): Section[] {
  const sections = new Map<string, Section>();
  let pollBytes = 0;
  let argBytes = 0;
  let hiddenPolls = 0;
  for (const view of polls) {
    // A recap's poll always says the guide's right answers (the café is over).
    const votes = view.choices.map((c) => `${c.correct ? '✅ ' : ''}${c.label} ${c.count}`).join(' · ');
    const any = view.choices.some((c) => c.count);
    // A statement nobody voted on takes one line (issue 14): the statement and the guide's answer.
    const lines = any
      ? [line(`**${view.statement}**`), line(votes, true), ...(view.answer ? [line(t(L, 'recap.answer', { answer: view.answer }), true)] : [])]
      : [line(`**${view.statement}** — ${view.answer ? t(L, 'recap.noVoteAnswer', { answer: view.answer }) : t(L, 'recap.noVote')}`)];
    if (view.arguments) {
      const texts = view.arguments.items.map((a) => `${a.side === 'pour' ? '➕' : '➖'} ${cardText(clip(a.text, 200))}`);
      const room = Math.max(0, BUDGET.arguments - argBytes);
      const { shown, hidden } = fit(texts, room, bytes);
      argBytes += shown.reduce((n, s) => n + bytes(s) + 16, 0);
      lines.push(...shown.map((s) => line(s)));
      if (hidden) lines.push(line(t(L, 'recap.more', { n: hidden }), true));
    }
    const size = lines.reduce((n, l) => n + bytes(l.text) + 40, 0);
    if (pollBytes + size > BUDGET.polls) {
      hiddenPolls++;
      continue;
    }
    pollBytes += size;
    const title = view.debate ? `${t(L, 'recap.debate')} : ${view.title}` : view.title;
    const section = sections.get(view.activityId) ?? { title, lines: [] };
    section.lines.push(...lines);
    sections.set(view.activityId, section);
  }
  const out = [...sections.values()];
  if (hiddenPolls && out.length) out[out.length - 1].lines.push(line(t(L, 'recap.morePolls', { n: hiddenPolls }), true));
  return out;
}

function pickSections(L: Locale, picks: PickView[]): Section[] {
  return picks.map((view) => {
    const lines = view.picked.map((x) => line(`${x.label} × ${x.count}`));
    const { shown, hidden } = fit(lines, BUDGET.picks, (l) => bytes(l.text));
    if (hidden) shown.push(line(t(L, 'recap.more', { n: hidden }), true));
    return { title: `${t(L, 'recap.picks')} : ${view.title}`, lines: shown.length ? shown : [line(t(L, 'pick.none'), true)] };
  });
}

/** Each board: its legend, the moments that hold post-its, the empty ones named on one line. */
function boardSections(L: Locale, boards: BoardView[]): Section[] {
  return boards.map((view) => {
    const { columns, emptyLine } = boardMoments(L, view, BUDGET.board, false);
    return {
      title: view.title,
      lines: [line(boardLegend(view), true), ...columns.flatMap((c) => [line(c.title), line(c.text)]), ...(emptyLine ? [line(emptyLine, true)] : [])],
    };
  });
}

function answerSections(L: Locale, questions: QuestionView[]): Section[] {
  const sections = new Map<string, Section>();
  let used = 0;
  for (const view of questions) {
    const answers = view.answers.map((text) => `💬 ${cardText(clip(text, 200))}`);
    const { shown, hidden } = fit(answers, Math.max(0, BUDGET.answers - used), bytes);
    used += shown.reduce((n, s) => n + bytes(s) + 16, 0);
    const section = sections.get(view.activityId) ?? { title: `${t(L, 'recap.answers')} : ${view.title}`, lines: [] };
    section.lines.push(line(`**${view.statement}**`), ...shown.map((s) => line(s)));
    if (hidden) section.lines.push(line(t(L, 'recap.more', { n: hidden }), true));
    if (!answers.length) section.lines.push(line(t(L, 'question.none'), true));
    sections.set(view.activityId, section);
  }
  return [...sections.values()];
}

/** The café's planned time: the guide's, or Barista's estimate said as such. */
function plannedText(L: Locale, planned: Minutes): string {
  const value = planned.min === planned.max ? t(L, 'recap.minutes', { n: planned.max }) : t(L, 'recap.range', { min: planned.min, max: planned.max });
  return planned.estimate ? t(L, 'recap.estimated', { value }) : value;
}

/** The formula's "sucre": the text activity of the option chosen (or the default one). */
function closingActivity(state: CafeState, content: Content): Extract<Activity, { kind: 'text' }> | undefined {
  const formula = formulaOf(state, content);
  const part = formula.parts.find((p) => p.part === 'sucre');
  if (!part) return undefined;
  const optionId = choicesOf(formula, state.steps, state.runtime).sucre ?? part.defaultOption;
  const option = part.options.find((o) => o.id === optionId) ?? part.options[0];
  for (const id of option.activities) {
    const a = content.activities.find((x) => x.id === id);
    if (a?.kind === 'text') return a;
  }
  return undefined;
}

function dedupe(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = l.url.replace(/\/+$/, '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
