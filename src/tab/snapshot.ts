import type { Content } from '../content/schema';
import { cafeTimeZone, clockTime, currentStep, formulaOf, participants } from '../domain/lookup';
import type { CafeState, Contribution, Locale, Step, StepKind } from '../domain/types';
import { t, type MessageId } from '../i18n';
import { assertNever, stepView } from '../views';
import type { BoardSnapshot, BoardStep, BoardStepKind } from './snapshotTypes';

/** Post-its and answers the board keeps (the newest): a stage shows a few dozen at most. */
const MAX_TEXTS = 200;

/**
 * What the café board shows, from the café and its contributions: the current step with its live
 * counts and texts, or once ended the results of every poll, board and question. Anonymous: counts
 * and texts only. Pure: `now` stands for the clock; `members`, the conversation's (who is expected
 * to finish a video, as on the card), when the channel could read them.
 */
export function boardSnapshot(state: CafeState, contributions: Contribution[], content: Content, now: number, members?: readonly string[]): BoardSnapshot {
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
  if (step && state.status !== 'ended') snapshot.step = boardStep(state, step, contributions, content, L, now, members);
  if (state.status === 'ended') {
    snapshot.recap = {
      steps: state.steps
        .filter((s) => state.runtime[s.id] && IN_RECAP[s.kind])
        .map((s) => boardStep(state, s, contributions, content, L, now, members)),
    };
  }
  return snapshot;
}

// The page's own list of kinds (it cannot import the domain) must be the domain's, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const boardKindsAreStepKinds: Same<BoardStepKind, StepKind> = true;
void boardKindsAreStepKinds;

/** Whether the ended café's last view recaps a step of this kind: the results people made together. */
const IN_RECAP = {
  choose: false, poll: true, pick: false, turns: false, video: false, board: true, question: true, text: false, feedback: true,
} as const satisfies Record<StepKind, boolean>;

/** A step as the board shows it: the shared view of the step (src/views), as plain data for the page. */
function boardStep(state: CafeState, step: Step, all: Contribution[], content: Content, L: Locale, now: number, members?: readonly string[]): BoardStep {
  const view = stepView({ state, step, content, contributions: all, ...(members ? { members } : {}), viewer: { isFacilitator: false, locale: L }, now });
  const out: BoardStep = {
    id: step.id,
    index: view.index,
    total: view.total,
    kind: step.kind,
    partLabel: view.partLabel,
    title: view.kind === 'missing' && step.kind !== 'feedback' ? t(L, `choose.title.${step.part}` as MessageId) : view.title,
  };
  // What participants are asked to do, never the guide's words to the facilitator (schema: WHO SEES WHICH TEXT).
  if (view.instruction) out.instruction = view.instruction;
  if (view.timer) out.timer = { ...view.timer, ...(view.timer.dueAt !== undefined && !view.timer.paused ? { until: clockTime(view.timer.dueAt, cafeTimeZone(state)) } : {}) };
  switch (view.kind) {
    case 'poll':
      out.poll = {
        statement: view.statement,
        debate: view.debate,
        // The shared view's rule (domain showsCounts): a quiz's split is no one's on the board before the reveal.
        choices: view.choices.map((c) => ({ id: c.id, label: c.label, ...(c.count !== undefined ? { count: c.count } : {}), correct: c.correct })),
        total: view.voters,
        countsShown: view.countsShown,
        revealed: view.revealed,
        ...(view.answerText ? { answerText: view.answerText } : {}),
        ...(view.explanation ? { explanation: view.explanation } : {}),
        ...(view.arguments ? { arguments: { pour: newest(sideOf(view.arguments.items, 'pour')), contre: newest(sideOf(view.arguments.items, 'contre')) } } : {}),
      };
      break;
    case 'board':
      out.board = { columns: view.columns, kinds: view.postitKinds, postits: newest(view.postits) };
      break;
    case 'question': {
      // Once the café has ended, the board's last view gives the guide's answer too (the view holds it then).
      out.question = { text: view.statement, answers: newest(view.answers), revealed: !!view.answerText, ...(view.answerText ? { answerText: view.answerText } : {}) };
      break;
    }
    case 'pick':
      out.pick = { items: view.picked.map((i) => ({ id: i.id, label: i.label, count: i.count })) };
      break;
    case 'turns':
      out.pick = { items: view.picked, ...(view.current ? { floor: view.current.item } : {}) };
      break;
    case 'video':
      out.video = { title: view.video.title, url: view.video.url, done: view.finished, ...(view.peopleKnown ? { expected: view.people } : {}) };
      break;
    case 'text':
      out.text = { text: view.text };
      break;
    case 'choose':
      // The options that fit the earlier choices, as the choose card offers them.
      out.choose = { options: view.options.map((o) => o.label) };
      break;
    case 'feedback':
      out.feedback = { responses: view.responses, questions: view.questions };
      break;
    case 'missing':
      break;
    default:
      assertNever(view, 'step view');
  }
  return out;
}

function sideOf(items: Array<{ side: 'pour' | 'contre'; text: string }>, side: 'pour' | 'contre'): string[] {
  return items.flatMap((a) => (a.side === side ? [a.text] : []));
}

function newest<T>(items: T[]): T[] {
  return items.slice(-MAX_TEXTS);
}
