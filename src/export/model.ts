import type { Content, PartId, Variant } from '../content/schema';
import { actualMinutes } from '../domain/decide';
import { activityOf, formulaOf, participants, questionOf } from '../domain/lookup';
import { plannedTotal } from '../domain/plan';
import { feedbackSummary, type FeedbackQuestionId } from '../domain/feedback';
import { labelledFeedback } from '../i18n/feedback';
import type { CafeState, Contribution, Step } from '../domain/types';
import { assertNever, stepView } from '../views';

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
  /**
   * Each choice's votes, absent while a quiz's split waits for its reveal (domain `showsCounts`:
   * a running café's export is no way around it).
   */
  choices: Array<{ id: string; label: string; count?: number; correct: boolean }>;
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
  /** How many participants said they had finished watching: the card's figure (the facilitator is not counted). */
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
export function exportJson(state: CafeState, contributions: Contribution[], content: Content, now: number, members?: readonly string[]): CafeExport {
  const formula = formulaOf(state, content);
  const steps: StepExport[] = [];
  for (const step of state.steps) {
    if (!state.runtime[step.id]) continue;
    const s = stepExport(state, step, of(contributions, step.id), content, now, { participants: participants(state, contributions), ...(members ? { members } : {}) });
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

/**
 * One step's export, from the step's shared view (src/views): what the café produced there, as
 * everyone saw it, with the guide's answer key from the content (the export is read after the café).
 * Every kind is named: the choices, turns, texts and the feedback (exported whole, apart) have no
 * step entry.
 */
function stepExport(
  state: CafeState, step: Step, mine: Contribution[], content: Content, now: number, people: { participants: string[]; members?: readonly string[] },
): StepExport | undefined {
  const activity = activityOf(step, content);
  if (!activity) return undefined;
  const base: StepBase = { stepId: step.id, part: step.part, activityId: activity.id, activity: activity.title };
  const view = stepView({ state, step, content, contributions: mine, ...people, viewer: { isFacilitator: false, locale: 'fr' }, now });
  switch (view.kind) {
    case 'poll': {
      const q = questionOf(step, content);
      if (!q) return undefined;
      const correct = new Set(q.correct);
      const out: PollExport = {
        ...base, kind: 'poll', statement: view.statement,
        choices: view.choices.map((c) => ({ id: c.id, label: c.label, ...(c.count !== undefined ? { count: c.count } : {}), correct: correct.has(c.id) })),
        correct: [...q.correct],
        ...(q.answerText ? { answerText: q.answerText } : {}),
      };
      if (view.arguments) {
        const args = { pour: [] as string[], contre: [] as string[] };
        for (const a of view.arguments.items) args[a.side].push(a.text);
        out.arguments = args;
      }
      return out;
    }
    case 'pick':
      return { ...base, kind: 'pick', items: view.picked.map((i) => ({ id: i.id, label: i.label, count: i.count })) };
    case 'question':
      return { ...base, kind: 'question', question: view.statement, answers: view.answers };
    case 'board': {
      const columns = new Map(view.columns.map((c) => [c.id, c.label]));
      const kinds = new Map(view.postitKinds.map((k) => [k.id, k.label]));
      const postits = view.postits.map((p) => ({
        column: p.column, columnLabel: columns.get(p.column) ?? p.column, kind: p.kind, kindLabel: kinds.get(p.kind) ?? p.kind, text: p.text,
      }));
      // grouped by moment of the day, in the board's order (stable within a column)
      const order = new Map(view.columns.map((c, i) => [c.id, i]));
      postits.sort((a, b) => (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
      return { ...base, kind: 'board', postits };
    }
    case 'video':
      return { ...base, kind: 'video', videoId: step.ref, title: view.video.title, finished: view.finished };
    case 'choose': case 'turns': case 'text': case 'feedback': case 'missing':
      return undefined;
    default:
      return assertNever(view, 'step view');
  }
}
