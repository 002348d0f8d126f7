import { findActivity, findFormula, findVideo } from '../content/find';
import type { Activity, Content, Formula, OpenQuestion, Part, PartOption, Question, Video } from '../content/schema';
import { choicesBefore, choicesOf, defaultOptionOf, fittingOptions } from './choices';
import type { CafeState, Contribution, Step } from './types';

/** Small pure lookups shared by the engine and the views. */

export { findFormula };

export function formulaOf(state: CafeState, content: Content): Formula {
  const f = state.customFormula ?? findFormula(content, state.formulaId, state.variant);
  if (!f) throw new Error(`formula ${state.formulaId} ${state.variant} of café ${state.id} is not in the content`);
  return f;
}

/** Where no time zone is known: the cafés are French public agents'. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** The time zone of the café's clock times: the facilitator's when they started it, else Paris. */
export function cafeTimeZone(state: Pick<CafeState, 'timeZone'>): string {
  return state.timeZone ?? DEFAULT_TIME_ZONE;
}

/** A clock time ("15:16") of an instant in a time zone, the same on the card and the board. */
export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/** Of a chat's cafés (newest first), the one that speaks for the chat: the running café, else the last one. */
export function chatCafe(cafes: CafeState[]): CafeState | undefined {
  return cafes.find((c) => c.status !== 'ended') ?? cafes[0];
}

/**
 * What a choose step offers: its part, the options that fit what was chosen before (the quiz of the
 * video shown), and the one preselected among them.
 */
export function chooseOptions(state: CafeState, content: Content, step: Step): { part: Part; options: PartOption[]; defaultOption: string } | undefined {
  const formula = formulaOf(state, content);
  const index = Number(step.ref);
  const part = formula.parts[index];
  if (!part) return undefined;
  const before = choicesBefore(formula, index, choicesOf(formula, state.steps, state.runtime));
  return { part, options: fittingOptions(part, before), defaultOption: defaultOptionOf(part, before) };
}

export function currentStep(state: CafeState): Step | undefined {
  return state.cursor >= 0 ? state.steps[state.cursor] : undefined;
}

export function stepById(state: CafeState, stepId: string): Step | undefined {
  return state.steps.find((s) => s.id === stepId);
}

export function activityOf(step: Step, content: Content): Activity | undefined {
  return findActivity(content, step.activityId);
}

export function questionOf(step: Step, content: Content): Question | undefined {
  const a = activityOf(step, content);
  return a?.kind === 'polls' ? a.questions.find((q) => q.id === step.ref) : undefined;
}

export function openQuestionOf(step: Step, content: Content): OpenQuestion | undefined {
  const a = activityOf(step, content);
  return a?.kind === 'questions' ? a.questions.find((q) => q.id === step.ref) : undefined;
}

export function videoOf(step: Step, content: Content): Video | undefined {
  return step.kind === 'video' ? findVideo(content, step.ref) : undefined;
}

/**
 * People taking part: everyone who did something in the café, the facilitator aside. A
 * registration (before the café) is not taking part: it says who means to come (`countsAsTakingPart`).
 */
export function participants(state: CafeState, contributions: Contribution[]): string[] {
  return takingPart(state, contributions.filter(countsAsTakingPart).map((c) => c.userId));
}

/** Does this contribution make its author a participant? Everything done in the café does; a registration does not. */
export function countsAsTakingPart(c: Contribution): boolean {
  return c.kind !== 'registration';
}

/** The people among `ids` who take part (the facilitator aside), once each, in order: the one rule for who is counted. */
export function takingPart(state: CafeState, ids: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const id of ids) if (id !== state.facilitatorId) out.add(id);
  return [...out];
}

/** Who picked what in a pick step, in the order they first picked: the order of turns. */
export function pickers(contributions: Contribution[], pickStepId: string): Array<{ userId: string; userName: string; item: string }> {
  return contributions
    .filter((c) => c.stepId === pickStepId && c.value.kind === 'pick')
    .map((c) => ({ userId: c.userId, userName: c.userName ?? '', item: c.value.kind === 'pick' ? c.value.item : '' }));
}

/** The pick step a turns step gives the floor for (the step just before it, same activity). */
export function pickStepFor(state: CafeState, turnsStep: Step): Step | undefined {
  return state.steps.find((s) => s.kind === 'pick' && s.activityId === turnsStep.activityId && s.part === turnsStep.part);
}

/** Vote counts of a poll step, by choice id. */
export function voteCounts(contributions: Contribution[], stepId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of contributions) {
    if (c.stepId === stepId && c.value.kind === 'vote') counts[c.value.choice] = (counts[c.value.choice] ?? 0) + 1;
  }
  return counts;
}

/**
 * Who is expected to finish a video step, by one rule for the card, the board and the export.
 * `members` are the conversation's members as the channel read them (Teams: the chat's roster, the
 * meeting's participants), Barista itself left out by the channel; undefined when the channel
 * could not read them. Known: the members, the facilitator aside (they run the pause, they are not
 * expected to watch). Unknown: the people who did something in the café (`contributors`), the
 * facilitator aside — a floor, not the room, so `known` is false and nobody may claim "everyone".
 * Someone who left the conversation is not expected any more, even if they took part.
 */
export interface ExpectedFinishers {
  people: string[];
  known: boolean;
}

export function expectedFinishers(state: CafeState, members: readonly string[] | undefined, contributors: Iterable<string>): ExpectedFinishers {
  if (members) return { people: takingPart(state, members.filter((id) => id !== state.botId)), known: true };
  return { people: takingPart(state, [...contributors].filter((id) => id !== state.botId)), known: false };
}

/** How many of the expected people said "J'ai fini" on this step. */
export function finishedCount(expected: ExpectedFinishers, contributions: Contribution[], stepId: string): number {
  const done = doneIds(contributions, stepId);
  return expected.people.filter((p) => done.has(p)).length;
}

/**
 * Has everyone expected said "J'ai fini" on this step? Only when the members are known and at
 * least one is expected: without the roster, Barista never says everyone finished.
 * `contributions` need hold only the step's.
 */
export function allFinished(expected: ExpectedFinishers, contributions: Contribution[], stepId: string): boolean {
  if (!expected.known || expected.people.length === 0) return false;
  const done = doneIds(contributions, stepId);
  return expected.people.every((p) => done.has(p));
}

/** Has everyone expected (the conversation's `members`, when known) said they finished this video step? */
export function everyoneDone(state: CafeState, contributions: Contribution[], stepId: string, members?: readonly string[]): boolean {
  return allFinished(expectedFinishers(state, members, participants(state, contributions)), contributions, stepId);
}

function doneIds(contributions: Contribution[], stepId: string): Set<string> {
  return new Set(contributions.filter((c) => c.stepId === stepId && c.kind === 'done').map((c) => c.userId));
}
