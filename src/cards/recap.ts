import recapTemplate from '../../cards/recap.json';
import type { Activity, Content, Link, Minutes } from '../content/schema';
import { activityOf, formulaOf, openQuestionOf, participants, pickers, questionOf, voteCounts } from '../domain/lookup';
import { choicesOf } from '../domain/choices';
import { plannedTotal } from '../domain/plan';
import type { CafeState, Contribution, Locale, Step } from '../domain/types';
import { t } from '../i18n';
import { bytes, clip, fit, markdownLink } from './format';
import { boardColumns, boardLegend } from './steps/board';
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
  const dateFormat = new Intl.DateTimeFormat(L === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
  const visited = state.steps.filter((s) => state.runtime[s.id]);
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
    sections: [
      ...pollSections(L, visited, content, contributions),
      ...pickSections(L, visited, content, contributions),
      ...boardSections(L, visited, content, contributions),
      ...answerSections(L, visited, content, contributions),
    ],
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

/** Each poll activity: its statements with the votes (and, for a debate, the arguments). */
function pollSections(L: Locale, steps: Step[], content: Content, contributions: Contribution[]): Section[] {
  const sections = new Map<string, Section>();
  let pollBytes = 0;
  let argBytes = 0;
  let hiddenPolls = 0;
  for (const step of steps) {
    const q = questionOf(step, content);
    const activity = activityOf(step, content);
    if (step.kind !== 'poll' || !q || !activity) continue;
    const counts = voteCounts(contributions, step.id);
    const correct = new Set(q.correct);
    const votes = q.choices.map((c) => `${correct.has(c.id) ? '✅ ' : ''}${c.label} ${counts[c.id] ?? 0}`).join(' · ');
    const any = q.choices.some((c) => counts[c.id]);
    const answer = q.answerText ?? q.choices.filter((c) => correct.has(c.id)).map((c) => c.label).join(' / ');
    const lines = [line(`**${q.text}**`), line(any ? votes : t(L, 'recap.noVote'), true)];
    if (answer) lines.push(line(t(L, 'recap.answer', { answer }), true));
    if (q.arguments) {
      const args = contributions.flatMap((c) => (c.stepId === step.id && c.value.kind === 'argument' ? [c.value] : []));
      const texts = args.map((a) => `${a.side === 'pour' ? '➕' : '➖'} ${clip(a.text, 200)}`);
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
    const title = activity.kind === 'polls' && q.arguments ? `${t(L, 'recap.debate')} : ${activity.title}` : activity.title;
    const section = sections.get(activity.id) ?? { title, lines: [] };
    section.lines.push(...lines);
    sections.set(activity.id, section);
  }
  const out = [...sections.values()];
  if (hiddenPolls && out.length) out[out.length - 1].lines.push(line(t(L, 'recap.morePolls', { n: hiddenPolls }), true));
  return out;
}

function pickSections(L: Locale, steps: Step[], content: Content, contributions: Contribution[]): Section[] {
  return steps.flatMap((step) => {
    const activity = activityOf(step, content);
    if (step.kind !== 'pick' || activity?.kind !== 'pick') return [];
    const picks = pickers(contributions, step.id);
    const lines = activity.items
      .map((item) => ({ item, n: picks.filter((p) => p.item === item.id).length }))
      .filter((x) => x.n > 0)
      .map((x) => line(`${x.item.label} × ${x.n}`));
    const { shown, hidden } = fit(lines, BUDGET.picks, (l) => bytes(l.text));
    if (hidden) shown.push(line(t(L, 'recap.more', { n: hidden }), true));
    return [{ title: `${t(L, 'recap.picks')} : ${activity.title}`, lines: shown.length ? shown : [line(t(L, 'pick.none'), true)] }];
  });
}

function boardSections(L: Locale, steps: Step[], content: Content, contributions: Contribution[]): Section[] {
  return steps.flatMap((step) => {
    const activity = activityOf(step, content);
    if (step.kind !== 'board' || activity?.kind !== 'board') return [];
    const columns = boardColumns(L, activity, contributions, step.id, BUDGET.board);
    return [{
      title: activity.title,
      lines: [line(boardLegend(activity), true), ...columns.flatMap((c) => [line(c.title), line(c.text)])],
    }];
  });
}

function answerSections(L: Locale, steps: Step[], content: Content, contributions: Contribution[]): Section[] {
  const sections = new Map<string, Section>();
  let used = 0;
  for (const step of steps) {
    const q = openQuestionOf(step, content);
    const activity = activityOf(step, content);
    if (step.kind !== 'question' || !q || !activity) continue;
    const answers = contributions.flatMap((c) => (c.stepId === step.id && c.value.kind === 'answer' ? [`💬 ${clip(c.value.text, 200)}`] : []));
    const { shown, hidden } = fit(answers, Math.max(0, BUDGET.answers - used), bytes);
    used += shown.reduce((n, s) => n + bytes(s) + 16, 0);
    const section = sections.get(activity.id) ?? { title: `${t(L, 'recap.answers')} : ${activity.title}`, lines: [] };
    section.lines.push(line(`**${q.text}**`), ...shown.map((s) => line(s)));
    if (hidden) section.lines.push(line(t(L, 'recap.more', { n: hidden }), true));
    if (!answers.length) section.lines.push(line(t(L, 'question.none'), true));
    sections.set(activity.id, section);
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
