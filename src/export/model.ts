import type { Content, PartId, Variant } from '../content/schema';
import { actualMinutes } from '../domain/decide';
import { activityOf, formulaOf, openQuestionOf, participants, questionOf, videoOf, voteCounts } from '../domain/lookup';
import { plannedTotal } from '../domain/plan';
import { feedbackSummary, type FeedbackQuestionId } from '../domain/feedback';
import { labelledFeedback } from '../i18n/feedback';
import type { CafeState, Contribution, Step } from '../domain/types';

/**
 * The café's data as an anonymous, typed document: what was planned, what happened, every vote's
 * count and every text — never who said or voted what (no user id, no name).
 */
export interface CafeExport {
  /** Format version of this document. */
  version: 1;
  formula: { id: string; variant: Variant; name: string };
  /** ISO 8601 (UTC) of when the café began; null if it never began. */
  date: string | null;
  /** ISO 8601 of when it ended; null while it runs. */
  endedAt: string | null;
  duration: {
    /** The guide's planned time; `estimate` when it is Barista's (a composed café whose parts the guide does not time). */
    planned: { min: number; max: number; estimate?: true };
    /** Minutes the café ran, pauses left out (rounded). */
    actualMinutes: number;
  };
  participants: number;
  steps: StepExport[];
  /** The closing feedback poll: counts, and the comments as written (anonymous). */
  feedback: FeedbackExport;
}

export interface FeedbackExport {
  responses: number;
  questions: Array<{ id: FeedbackQuestionId; question: string; choices: Array<{ id: string; label: string; count: number }> }>;
  positive: string[];
  negative: string[];
}

interface StepBase {
  stepId: string;
  part: PartId;
  activityId: string;
  activity: string;
}

export interface PollExport extends StepBase {
  kind: 'poll';
  statement: string;
  choices: Array<{ id: string; label: string; count: number; correct: boolean }>;
  /** The guide's right choices (empty for opinion polls). */
  correct: string[];
  answerText?: string;
  /** Debates: the arguments for and against, texts only. */
  arguments?: { pour: string[]; contre: string[] };
}

export interface PickExport extends StepBase {
  kind: 'pick';
  /** Items picked at least once, in the content's order, with how many picked each. */
  items: Array<{ id: string; label: string; count: number }>;
}

export interface QuestionExport extends StepBase {
  kind: 'question';
  question: string;
  answers: string[];
}

export interface BoardExport extends StepBase {
  kind: 'board';
  postits: Array<{ column: string; columnLabel: string; kind: string; kindLabel: string; text: string }>;
}

export interface VideoExport extends StepBase {
  kind: 'video';
  videoId: string;
  title: string;
  /** How many participants said they had finished watching. */
  finished: number;
}

export type StepExport = PollExport | PickExport | QuestionExport | BoardExport | VideoExport;

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** Contributions of one step, facilitator's included (they may post-it too) — counted, never named. */
function of(contributions: Contribution[], stepId: string): Contribution[] {
  return contributions.filter((c) => c.stepId === stepId);
}

/**
 * Builds the anonymous export of a café. Pure: `now` stands for the clock (actual duration of a
 * café that has not ended). Only steps the café reached are exported, in the plan's order.
 */
export function exportJson(state: CafeState, contributions: Contribution[], content: Content, now: number): CafeExport {
  const formula = formulaOf(state, content);
  const steps: StepExport[] = [];
  for (const step of state.steps) {
    if (!state.runtime[step.id]) continue;
    const s = stepExport(step, of(contributions, step.id), content);
    if (s) steps.push(s);
  }
  return {
    version: 1,
    formula: { id: formula.id, variant: formula.variant, name: formula.name },
    date: iso(state.startedAt),
    endedAt: iso(state.endedAt),
    duration: { planned: plannedTotal(formula), actualMinutes: Math.round(actualMinutes(state, now)) },
    participants: participants(state, contributions).length,
    steps,
    feedback: feedbackExport(contributions),
  };
}

/** The feedback's counts and comments, labelled in French like the rest of the export. */
function feedbackExport(contributions: Contribution[]): FeedbackExport {
  const summary = feedbackSummary(contributions);
  return {
    responses: summary.responses,
    questions: labelledFeedback('fr', summary).map(({ id, text, choices }) => ({ id, question: text, choices })),
    positive: summary.positive,
    negative: summary.negative,
  };
}

function stepExport(step: Step, mine: Contribution[], content: Content): StepExport | undefined {
  const activity = activityOf(step, content);
  if (!activity) return undefined;
  const base: StepBase = { stepId: step.id, part: step.part, activityId: activity.id, activity: activity.title };
  switch (step.kind) {
    case 'poll': {
      const q = questionOf(step, content);
      if (!q) return undefined;
      const counts = voteCounts(mine, step.id);
      const correct = new Set(q.correct);
      const out: PollExport = {
        ...base, kind: 'poll', statement: q.text,
        choices: q.choices.map((c) => ({ id: c.id, label: c.label, count: counts[c.id] ?? 0, correct: correct.has(c.id) })),
        correct: [...q.correct],
        ...(q.answerText ? { answerText: q.answerText } : {}),
      };
      if (q.arguments) {
        const args = { pour: [] as string[], contre: [] as string[] };
        for (const c of mine) if (c.value.kind === 'argument') args[c.value.side].push(c.value.text);
        out.arguments = args;
      }
      return out;
    }
    case 'pick': {
      if (activity.kind !== 'pick') return undefined;
      const counts = new Map<string, number>();
      for (const c of mine) if (c.value.kind === 'pick') counts.set(c.value.item, (counts.get(c.value.item) ?? 0) + 1);
      const items = activity.items.filter((i) => counts.has(i.id)).map((i) => ({ id: i.id, label: i.label, count: counts.get(i.id)! }));
      return { ...base, kind: 'pick', items };
    }
    case 'question': {
      const q = openQuestionOf(step, content);
      if (!q) return undefined;
      return { ...base, kind: 'question', question: q.text, answers: mine.flatMap((c) => (c.value.kind === 'answer' ? [c.value.text] : [])) };
    }
    case 'board': {
      if (activity.kind !== 'board') return undefined;
      const columns = new Map(activity.columns.map((c) => [c.id, c.label]));
      const kinds = new Map(activity.postitKinds.map((k) => [k.id, k.label]));
      const postits = mine.flatMap((c) => (c.value.kind === 'postit'
        ? [{ column: c.value.column, columnLabel: columns.get(c.value.column) ?? c.value.column, kind: c.value.postitKind, kindLabel: kinds.get(c.value.postitKind) ?? c.value.postitKind, text: c.value.text }]
        : []));
      // grouped by moment of the day, in the board's order (stable within a column)
      const order = new Map(activity.columns.map((c, i) => [c.id, i]));
      postits.sort((a, b) => (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
      return { ...base, kind: 'board', postits };
    }
    case 'video': {
      const v = videoOf(step, content);
      const done = new Set(mine.filter((c) => c.value.kind === 'done').map((c) => c.userId));
      return { ...base, kind: 'video', videoId: step.ref, title: v?.title ?? step.ref, finished: done.size };
    }
    default:
      return undefined;
  }
}
