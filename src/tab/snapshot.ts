import type { Content } from '../content/schema';
import { feedbackSummary } from '../domain/feedback';
import {
  activityOf, chooseOptions, currentStep, formulaOf, openQuestionOf, participants, pickers, pickStepFor, questionOf, videoOf, voteCounts,
} from '../domain/lookup';
import type { CafeState, Contribution, Locale, Step } from '../domain/types';
import { t, type MessageId } from '../i18n';
import { everyoneDescription, everyoneText, type ParticipantLineKind } from '../i18n/audience';
import { labelledFeedback } from '../i18n/feedback';
import type { BoardSnapshot, BoardStep } from './snapshotTypes';

/** Post-its and answers the board keeps (the newest): a stage shows a few dozen at most. */
const MAX_TEXTS = 200;

/**
 * What the café board shows, from the café and its contributions: the current step with its live
 * counts and texts, or once ended the results of every poll, board and question. Anonymous: counts
 * and texts only. Pure: `now` stands for the clock.
 */
export function boardSnapshot(state: CafeState, contributions: Contribution[], content: Content, now: number): BoardSnapshot {
  const formula = formulaOf(state, content);
  const L = state.locale;
  const snapshot: BoardSnapshot = {
    v: 1,
    serverNow: now,
    cafe: {
      id: state.id,
      formula: formula.name,
      variant: formula.variant,
      status: state.status,
      locale: L,
      participants: participants(state, contributions).length,
    },
  };
  const step = currentStep(state);
  if (step && state.status !== 'ended') snapshot.step = boardStep(state, step, contributions, content, L);
  if (state.status === 'ended') {
    snapshot.recap = {
      steps: state.steps
        .filter((s) => state.runtime[s.id] && (s.kind === 'poll' || s.kind === 'board' || s.kind === 'question' || s.kind === 'feedback'))
        .map((s) => boardStep(state, s, contributions, content, L)),
    };
  }
  return snapshot;
}

function boardStep(state: CafeState, step: Step, all: Contribution[], content: Content, L: Locale): BoardStep {
  const mine = all.filter((c) => c.stepId === step.id);
  const activity = activityOf(step, content);
  const out: BoardStep = {
    id: step.id,
    index: state.steps.indexOf(step) + 1,
    total: state.steps.length,
    kind: step.kind,
    partLabel: t(L, `part.${step.part}`),
    title: step.kind === 'feedback' ? t(L, 'feedback.title') : activity?.title ?? t(L, `choose.title.${step.part}` as MessageId),
  };
  // What participants are asked to do, never the guide's words to the facilitator (schema: WHO SEES WHICH TEXT).
  const instruction = activity ? everyoneDescription(L, activity, participantLineKind(step.kind)) : undefined;
  if (instruction) out.instruction = instruction;
  if (state.timer?.stepId === step.id) {
    out.timer = {
      ...(state.timer.dueAt !== undefined ? { dueAt: state.timer.dueAt } : {}),
      ...(state.timer.remainingMs !== undefined ? { remainingMs: state.timer.remainingMs } : {}),
      ...(state.timer.firedAt !== undefined ? { firedAt: state.timer.firedAt } : {}),
      paused: state.status === 'paused',
    };
  }
  const revealed = !!state.runtime[step.id]?.revealed || state.status === 'ended';
  switch (step.kind) {
    case 'poll': {
      const q = questionOf(step, content);
      if (!q) break;
      const counts = voteCounts(mine, step.id);
      const correct = new Set(q.correct);
      const texts = (side: 'pour' | 'contre') => newest(mine.flatMap((c) => (c.value.kind === 'argument' && c.value.side === side ? [c.value.text] : [])));
      out.poll = {
        statement: q.text,
        debate: q.arguments,
        choices: q.choices.map((c) => ({ id: c.id, label: c.label, count: counts[c.id] ?? 0, correct: revealed && correct.has(c.id) })),
        total: q.choices.reduce((n, c) => n + (counts[c.id] ?? 0), 0),
        revealed,
        ...(revealed && q.answerText ? { answerText: q.answerText } : {}),
        ...(revealed && q.explanation ? { explanation: q.explanation } : {}),
        ...(q.arguments ? { arguments: { pour: texts('pour'), contre: texts('contre') } } : {}),
      };
      break;
    }
    case 'board': {
      if (activity?.kind !== 'board') break;
      out.board = {
        columns: activity.columns.map((c) => ({ id: c.id, label: c.label })),
        kinds: activity.postitKinds.map((k) => ({ id: k.id, label: k.label, color: k.color })),
        postits: mine.flatMap((c) => (c.value.kind === 'postit' ? [{ column: c.value.column, kind: c.value.postitKind, text: c.value.text }] : [])).slice(-MAX_TEXTS),
      };
      break;
    }
    case 'question': {
      const q = openQuestionOf(step, content);
      if (!q) break;
      const shown = revealed && !!q.answerText;
      out.question = {
        text: q.text,
        answers: newest(mine.flatMap((c) => (c.value.kind === 'answer' ? [c.value.text] : []))),
        revealed: shown,
        ...(shown ? { answerText: q.answerText } : {}),
      };
      break;
    }
    case 'pick':
    case 'turns': {
      const pickStep = step.kind === 'pick' ? step : pickStepFor(state, step);
      if (activity?.kind !== 'pick' || !pickStep) break;
      const picked = pickers(all, pickStep.id);
      const count = (id: string) => picked.filter((p) => p.item === id).length;
      const label = (id: string) => activity.items.find((i) => i.id === id)?.label ?? id;
      const floor = step.kind === 'turns' ? picked[state.runtime[step.id]?.turn ?? 0] : undefined;
      out.pick = {
        items: activity.items.filter((i) => count(i.id) > 0).map((i) => ({ id: i.id, label: i.label, count: count(i.id) })),
        ...(floor ? { floor: label(floor.item) } : {}),
      };
      break;
    }
    case 'video': {
      const v = videoOf(step, content);
      out.video = { title: v?.title ?? step.ref, url: v?.url ?? content.playlistUrl, done: new Set(mine.filter((c) => c.kind === 'done').map((c) => c.userId)).size };
      break;
    }
    case 'text':
      if (activity?.kind === 'text') out.text = { text: everyoneText(L, activity) };
      break;
    case 'choose': {
      // The options that fit the earlier choices, as the choose card offers them.
      out.choose = { options: chooseOptions(state, content, step)?.options.map((o) => o.label) ?? [] };
      break;
    }
    case 'feedback': {
      const summary = feedbackSummary(mine);
      out.feedback = { responses: summary.responses, questions: labelledFeedback(L, summary) };
      break;
    }
  }
  return out;
}

/** The step kinds whose board shows Barista's line for participants when the guide's words there are the facilitator's. */
function participantLineKind(kind: Step['kind']): ParticipantLineKind | undefined {
  return kind === 'poll' || kind === 'question' || kind === 'pick' ? kind : undefined;
}

function newest(texts: string[]): string[] {
  return texts.slice(-MAX_TEXTS);
}
