import type { Content } from '../content/schema';
import { FEEDBACK_QUESTIONS, isFeedbackChoice } from './feedback';
import { activityOf, currentStep, questionOf, stepById } from './lookup';
import { registration } from './registration';
import type { Actor, CafeState, Contribution, ContributionValue, Refusal } from './types';

/** Longest free text kept (post-its, arguments, answers): a card stays small and readable. */
export const MAX_TEXT = 280;

export interface ContributionInput {
  stepId: string;
  value: ContributionValue;
  /** The Teams activity id: the key of multi-valued contributions, so a retry adds nothing. */
  activityId: string;
  /**
   * When the person acted, as the channel says (Teams' activity `timestamp`, epoch ms); absent when
   * it says nothing. The record's `at` is `actedAt(at, now)`.
   */
  at?: number;
}

/**
 * How far ahead of the receive clock an activity's time is believed (the service's clock and ours
 * differ a little); a time further ahead is taken as now + this, so a wrong or forged timestamp
 * cannot pin an answer above the person's later ones for long.
 */
export const MAX_CLOCK_SKEW_MS = 5_000;

/**
 * The time a contribution is ordered by: when the person acted, as the channel says, clamped to
 * `now + MAX_CLOCK_SKEW_MS`; the receive clock `now` when the channel gives no valid time.
 */
export function actedAt(stamp: number | undefined, now: number): number {
  if (stamp === undefined || !Number.isFinite(stamp) || stamp <= 0) return now;
  return Math.min(Math.trunc(stamp), now + MAX_CLOCK_SKEW_MS);
}

/** Kinds that hold one answer per person (keyed by the user id): a newer answer replaces the older. */
export const SINGLE_VALUED: ReadonlySet<Contribution['kind']> = new Set(['vote', 'pick', 'done', 'feedback', 'registration']);

/**
 * Does `incoming` replace `stored`, the record already kept under the same (café, step, kind, key)?
 * The rule every store applies, so that a person's newest answer wins whatever order the deliveries
 * arrive in (Teams re-delivers an invoke whose answer was slow), and a duplicate counts once:
 * - a multi-valued kind (post-it, argument, answer) is keyed by its activity: the same key is the
 *   same activity delivered again, never replaced (it keeps its place too);
 * - the same activity delivered again (same `activityId`) changes nothing;
 * - an older answer (`at` before the stored one's) does not replace a newer one;
 * - two answers of the same instant: the later delivery wins (with Teams' millisecond timestamps a
 *   person does not act twice in one; without a timestamp, the receive clock, delivery order is
 *   all there is to go by).
 */
export function replaces(incoming: Contribution, stored: Contribution): boolean {
  if (!SINGLE_VALUED.has(incoming.kind)) return false;
  if (incoming.activityId !== undefined && incoming.activityId === stored.activityId) return false;
  return incoming.at >= stored.at;
}

/**
 * Checks a participant's contribution against the café and turns it into the record to upsert.
 * Only the current step takes contributions (and the feedback step, after the end too); a poll
 * takes votes until it is revealed.
 */
export function contribute(state: CafeState, input: ContributionInput, actor: Actor, content: Content, now: number): Contribution | Refusal {
  // Registrations come before the café begins, on no step of its plan.
  if (input.value.kind === 'registration') return registration(state, input, input.value, actor, actedAt(input.at, now));
  // Feedback is also taken once the café has ended: people answer as they leave.
  const lateFeedback = input.value.kind === 'feedback' && state.status === 'ended';
  if (state.status !== 'running' && state.status !== 'paused' && !lateFeedback) return { refused: state.status === 'ended' ? 'closed' : 'not-running' };
  const step = stepById(state, input.stepId);
  if (!step) return { refused: 'invalid', detail: 'step' };
  if (currentStep(state)?.id !== step.id && !lateFeedback) return { refused: 'closed' };
  const v = input.value;
  const activity = activityOf(step, content);
  const record = (key: string, value: ContributionValue): Contribution => ({
    cafeId: state.id, stepId: step.id, kind: value.kind, key, userId: actor.id, value, at: actedAt(input.at, now), activityId: input.activityId,
    // A name is kept only where the guide gives each person the floor in turn (crazy jobs,
    // photo-langage); the level board (no turns) is crosses on a board, anonymous.
    ...(v.kind === 'pick' && activity?.kind === 'pick' && activity.turns ? { userName: actor.name } : {}),
  });
  switch (v.kind) {
    case 'vote': {
      const q = questionOf(step, content);
      if (step.kind !== 'poll' || !q) return { refused: 'invalid', detail: 'step' };
      if (state.runtime[step.id]?.revealed) return { refused: 'closed' };
      if (!q.choices.some((c) => c.id === v.choice)) return { refused: 'invalid', detail: 'choice' };
      return record(actor.id, v);
    }
    case 'pick': {
      if (step.kind !== 'pick' || activity?.kind !== 'pick') return { refused: 'invalid', detail: 'step' };
      if (!activity.items.some((i) => i.id === v.item)) return { refused: 'invalid', detail: 'item' };
      return record(actor.id, v);
    }
    case 'done':
      if (step.kind !== 'video') return { refused: 'invalid', detail: 'step' };
      return record(actor.id, v);
    case 'postit': {
      if (step.kind !== 'board' || activity?.kind !== 'board') return { refused: 'invalid', detail: 'step' };
      if (!activity.columns.some((c) => c.id === v.column) || !activity.postitKinds.some((k) => k.id === v.postitKind)) {
        return { refused: 'invalid', detail: 'postit' };
      }
      const text = checkedText(v.text);
      if (typeof text !== 'string') return text;
      return record(input.activityId, { ...v, text });
    }
    case 'argument': {
      const q = questionOf(step, content);
      if (step.kind !== 'poll' || !q?.arguments) return { refused: 'invalid', detail: 'step' };
      const text = checkedText(v.text);
      if (typeof text !== 'string') return text;
      return record(input.activityId, { ...v, text });
    }
    case 'answer': {
      if (step.kind !== 'question') return { refused: 'invalid', detail: 'step' };
      const text = checkedText(v.text);
      if (typeof text !== 'string') return text;
      return record(input.activityId, { ...v, text });
    }
    case 'feedback': {
      if (step.kind !== 'feedback') return { refused: 'invalid', detail: 'step' };
      const value: Extract<ContributionValue, { kind: 'feedback' }> = { kind: 'feedback' };
      for (const q of FEEDBACK_QUESTIONS) {
        const choice = v[q.id];
        if (choice === undefined || choice === '') continue;
        if (!isFeedbackChoice(q.id, choice)) return { refused: 'invalid', detail: 'choice' };
        value[q.id] = choice;
      }
      for (const side of ['positive', 'negative'] as const) {
        const raw = v[side];
        if (raw === undefined || !cleanText(raw)) continue;
        const text = checkedText(raw);
        if (typeof text !== 'string') return text;
        value[side] = text;
      }
      if (Object.keys(value).length === 1) return { refused: 'invalid', detail: 'empty' };
      // One answer per person: a new one replaces the earlier one.
      return record(actor.id, value);
    }
  }
}

/**
 * A participant's free text as it may be shown to everyone: no markup (HTML tags, Markdown links
 * and emphasis characters that would change the card), no control characters, folded spaces.
 */
export function cleanText(raw: string): string {
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~#>|]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text;
}

/** A cleaned free text, or why it cannot be kept (empty, longer than MAX_TEXT). */
function checkedText(raw: string): string | Refusal {
  const text = cleanText(raw.length > MAX_TEXT * 4 ? raw.slice(0, MAX_TEXT * 4) : raw);
  if (!text) return { refused: 'invalid', detail: 'empty' };
  if (text.length > MAX_TEXT) return { refused: 'too-long', detail: String(MAX_TEXT) };
  return text;
}
