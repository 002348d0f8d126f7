import { canFacilitate } from './decide';
import type { Content } from '../content/schema';
import { FEEDBACK_STEP_ID } from './feedback';
import { hasAnswer } from './reveal';
import { allFinished, expectedFinishers } from './lookup';
import type { Actor, CafeState, Command, Contribution, Effect, MessageKey, Refusal } from './types';

/**
 * The rules of a turn that are not about the café's plan: who is told what and when, how long a
 * confirmation holds, what a re-delivered activity does. Pure: the adapter only carries them out.
 */

/**
 * The moments the facilitators are also told privately (an in-meeting notification), besides the
 * message everyone sees: time is up, everyone has finished the video.
 */
const ALSO_NOTIFIED: ReadonlySet<MessageKey> = new Set<MessageKey>(['timeUp', 'allDone']);

/**
 * A decision's effects with the private notices that go with them: after each chat message the
 * facilitators must also hear about, a `notify-facilitator` for the same moment.
 */
export function withNotices(effects: Effect[]): Effect[] {
  const out: Effect[] = [];
  for (const effect of effects) {
    out.push(effect);
    if (effect.type === 'say' && ALSO_NOTIFIED.has(effect.key)) out.push({ type: 'notify-facilitator', key: effect.key });
  }
  return out;
}

/** Who gets the facilitators' private notices: the facilitator, then the co-facilitators. */
export function facilitators(state: CafeState): string[] {
  return [state.facilitatorId, ...(state.coFacilitatorIds ?? [])];
}

/**
 * After a participant's contribution, the command it triggers, if any: the last "J'ai fini" of a
 * video step (everyone expected has said it: `expectedFinishers`) announces that everyone has
 * finished. `members` are the conversation's (undefined when the channel could not read them: then
 * nothing is announced), `participants` the café's, `stepContributions` the video step's.
 */
export function followUp(
  state: CafeState, record: Contribution, members: readonly string[] | undefined, participants: string[], stepContributions: Contribution[],
): Command | undefined {
  if (record.kind !== 'done') return undefined;
  const step = state.steps.find((s) => s.id === record.stepId);
  if (step?.kind !== 'video' || state.runtime[step.id]?.allDoneAnnounced) return undefined;
  const expected = expectedFinishers(state, members, participants);
  return allFinished(expected, stepContributions, step.id) ? { type: 'all-done', stepId: step.id } : undefined;
}

/** How long a confirmation card (/effacer, /fin) stays valid. */
export const CONFIRM_MS = 10 * 60_000;
/** Clocks differ a little: a confirmation "from the future" is accepted this far ahead. */
const CLOCK_SKEW_MS = 60_000;

/** Is a confirmation (/effacer's, /fin's), shown at `at`, still valid at `now`? */
export function confirmationValid(at: number, now: number): boolean {
  return now - at <= CONFIRM_MS && at <= now + CLOCK_SKEW_MS;
}

/** What /fin (or Fin) does before anything ends. */
export type EndRequest =
  /** Never started: cancelled at once (nothing to lose, nothing to recap). */
  | { kind: 'cancel' }
  /** Asks the facilitator to confirm; offers the feedback poll first when it has not been asked. */
  | { kind: 'confirm'; feedbackAsked: boolean };

/**
 * Nothing irreversible by accident: ending a café that began asks for a confirmation (valid
 * `CONFIRM_MS`), and offers to ask the closing feedback poll first when the café has not reached
 * it (the network hears nothing otherwise). Only whoever drives the café may ask or confirm.
 */
export function endRequest(state: CafeState, actor: Actor): EndRequest | Refusal {
  if (state.status === 'ended') return { refused: 'closed' };
  if (!canFacilitate(state, actor)) return { refused: 'not-facilitator' };
  if (state.status === 'menu') return { kind: 'cancel' };
  const hasFeedback = state.steps.some((s) => s.id === FEEDBACK_STEP_ID);
  return { kind: 'confirm', feedbackAsked: !hasFeedback || !!state.runtime[FEEDBACK_STEP_ID] };
}

/**
 * Whether Suivant would end the café: the last step, running, with no answer left to reveal first
 * (the first Suivant on a poll with an answer reveals it). Suivant then asks the same confirmation
 * as /fin (`endRequest`): ending is never a side effect of going on.
 */
export function nextEnds(state: CafeState, content: Content): boolean {
  if (state.status !== 'running' || state.cursor !== state.steps.length - 1) return false;
  const step = state.steps[state.cursor];
  return !(hasAnswer(step, content) && !state.runtime[step.id]?.revealed);
}

/**
 * What answers a refused command. A re-delivered activity (Teams retries what it thinks was lost)
 * already acted: a button gets the current view again, a text command nothing; any other refusal
 * is explained to the person.
 */
export function answerToRefusal(refusal: Refusal, via: 'button' | 'text'): 'view' | 'nothing' | 'explain' {
  if (refusal.refused !== 'duplicate') return 'explain';
  return via === 'button' ? 'view' : 'nothing';
}

/**
 * Is this activity one the café already acted on, delivered again? The one that started the café
 * (kept for the café's life: a re-delivered /startcafe must not show "a café is already running"
 * to the very person who started it) or a recent command's. A different activity is a genuine
 * second request.
 */
export function isRedelivery(state: CafeState, activityId: string | undefined): boolean {
  return !!activityId && (state.startActivityId === activityId || state.recentActivityIds.includes(activityId));
}

/**
 * "48.9566, 4.3631" (or with decimal commas, "48,9566 ; 4,3631") → the position; '' → undefined
 * (none given); anything else → null.
 */
export function parsePosition(raw: string): { lat: number; lon: number } | undefined | null {
  const text = raw.trim();
  if (!text) return undefined;
  const m = /^(-?\d{1,2}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1].replace(',', '.'));
  const lon = Number(m[2].replace(',', '.'));
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
  return { lat, lon };
}
