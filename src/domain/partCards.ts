import type { PartId } from '../content/schema';
import { currentStep, stepById } from './lookup';
import type { CafeState, Step } from './types';

/**
 * How a café reads in a busy chat: one card per part of the formula (la tasse, le café, le carré
 * de chocolat, le sucre), whose steps advance in place, instead of a card per step. Pure: the
 * adapter keeps the message of each part under `partCardKey` and renders `shownStep` in it.
 */

/** The key under which a part's card (its chat message) is remembered. */
export function partCardKey(part: PartId): string {
  return `part:${part}`;
}

/**
 * The step a part's card shows: the current step while the café is in that part; else the step of
 * the part the café left last (its closed card), else the part's first visited step.
 */
export function shownStep(state: CafeState, part: PartId): Step | undefined {
  const current = currentStep(state);
  if (current?.part === part) return current;
  let shown: Step | undefined;
  let left = -Infinity;
  for (const step of state.steps) {
    if (step.part !== part) continue;
    const rt = state.runtime[step.id];
    if (!rt) continue;
    const at = rt.endedAt ?? rt.startedAt;
    if (!shown || at >= left) {
      shown = step;
      left = at;
    }
  }
  return shown ?? state.steps.find((s) => s.part === part);
}

/**
 * Whether entering `stepId` opens its part in the chat: no other step of the part was visited
 * before (the part's card is posted then, and only then). Decided on the state the step was
 * entered in, so that two instances never both post a part's card: a later step of the part
 * updates the card, whose post (maybe still on its way from another instance) shows the latest state.
 */
export function entersPart(state: CafeState, stepId: string): boolean {
  const step = stepById(state, stepId);
  if (!step) return false;
  return !state.steps.some((s) => s.part === step.part && s.id !== stepId && state.runtime[s.id]);
}

/** The step shown now by the card that showed `stepId` (the same step, or the one its part moved on to). */
export function cardStepOf(state: CafeState, stepId: string): Step | undefined {
  const step = stepById(state, stepId);
  return step ? shownStep(state, step.part) : undefined;
}

/** The message keys a café may have posted: the menu, the parts' cards, the recap and the network's questions. */
export function messageKeys(state: CafeState): string[] {
  const parts = [...new Set(state.steps.map((s) => s.part))];
  return ['menu', ...parts.map(partCardKey), 'recap', 'network'];
}
