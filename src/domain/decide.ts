import type { Content, Variant } from '../content/schema';
import { choicesBefore, choicesOf, fittingOptions } from './choices';
import { activityOf, chooseOptions, currentStep, findFormula, formulaOf, pickStepFor, pickers } from './lookup';
import { initialPlan, optionSteps, partSteps, plannedTotal } from './plan';
import { canReveal, hasAnswer } from './reveal';
import { confirmationValid } from './turnRules';
import { FEEDBACK_STEP_ID } from './feedback';
import type { Actor, CafeState, Command, Contribution, Decision, Effect, Refusal, Step } from './types';

/** Everything a decision may depend on besides the state: passed in, never fetched. */
export interface Context {
  actor: Actor;
  content: Content;
  now: number;
  /** The Teams activity id of the command, to act once on a retried delivery. */
  activityId?: string;
  /** The café's contributions (turns need who picked what). */
  contributions: Contribution[];
}

const RECENT_IDS = 30;

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

/**
 * Creates a café in its menu state. The facilitator is whoever started it.
 */
export function startCafe(cmd: Extract<Command, { type: 'start' }>, ctx: Omit<Context, 'contributions'>): CafeState | Refusal {
  const formula = cmd.formula ?? findFormula(ctx.content, cmd.formulaId, cmd.variant);
  if (!formula) return { refused: 'unknown-formula', detail: `${cmd.formulaId} ${cmd.variant}` };
  return {
    id: cmd.cafeId,
    conversationId: cmd.conversationId,
    tenantId: cmd.tenantId,
    serviceUrl: cmd.serviceUrl,
    botId: cmd.botId,
    channelId: cmd.channelId,
    ...(cmd.meetingId ? { meetingId: cmd.meetingId } : {}),
    locale: ctx.actor.locale,
    formulaId: formula.id,
    variant: formula.variant as Variant,
    ...(cmd.formula ? { customFormula: formula } : {}),
    facilitatorId: ctx.actor.id,
    facilitatorName: ctx.actor.name,
    ...(ctx.actor.timeZone ? { timeZone: ctx.actor.timeZone } : {}),
    status: 'menu',
    createdAt: ctx.now,
    pausedMs: 0,
    steps: initialPlan(formula, ctx.content),
    cursor: -1,
    runtime: {},
    recentActivityIds: ctx.activityId ? [ctx.activityId] : [],
    version: 1,
  };
}

/**
 * The café engine: same state, command and context, same decision. Facilitator commands are
 * refused for anyone else; a command pressed on an older card (`fromStep`) is refused as stale so a
 * double click or a retried delivery never skips a step.
 */
export function decide(state: CafeState, command: Command, ctx: Context): Decision | Refusal {
  if (command.type === 'start') return { refused: 'already-running' };
  if (state.status === 'ended') return { refused: 'closed' };
  const system = command.type === 'time-up' || command.type === 'all-done';
  if (!system && !canFacilitate(state, ctx.actor)) return { refused: 'not-facilitator' };
  if (ctx.activityId && state.recentActivityIds.includes(ctx.activityId)) return { refused: 'duplicate' };

  const s: CafeState = structuredClone(state);
  if (ctx.activityId) s.recentActivityIds = [...s.recentActivityIds, ctx.activityId].slice(-RECENT_IDS);
  const effects: Effect[] = [];
  const result = apply(s, command, ctx, effects);
  if (isRefusal(result)) return result;
  checkOvertime(s, ctx, effects);
  s.version = state.version + 1;
  return { state: s, effects };
}

function apply(s: CafeState, c: Command, ctx: Context, fx: Effect[]): void | Refusal {
  const step = currentStep(s);
  const stale = (from?: string) => from !== undefined && from !== (step?.id ?? 'menu');
  switch (c.type) {
    case 'begin': {
      if (s.status !== 'menu') return { refused: 'stale-step' };
      s.status = 'running';
      s.startedAt = ctx.now;
      fx.push({ type: 'update-menu' });
      return enter(s, 0, ctx, fx);
    }
    case 'choose': {
      if (!runningNav(s)) return { refused: notRunning(s) };
      if (!step || step.id !== c.stepId || step.kind !== 'choose') return { refused: 'stale-step' };
      return choose(s, step, c.option, ctx, fx);
    }
    case 'next': {
      if (!runningNav(s)) return { refused: s.status === 'paused' ? 'paused' : 'stale-step' };
      if (!step || stale(c.fromStep)) return { refused: 'stale-step' };
      if (step.kind === 'choose') {
        const offered = chooseOptions(s, ctx.content, step);
        if (!offered) return { refused: 'invalid', detail: 'option' };
        return choose(s, step, offered.defaultOption, ctx, fx);
      }
      if (step.kind === 'turns') {
        const pick = pickStepFor(s, step);
        const count = pick ? pickers(ctx.contributions, pick.id).length : 0;
        const rt = s.runtime[step.id];
        if ((rt.turn ?? 0) < count - 1) return turn(s, step, 1, ctx, fx);
      }
      // Reveal, then next: the first Suivant on a poll or question with an answer shows it (with the
      // guide's explanation) on the card everyone is looking at; the next one moves on.
      if (hasAnswer(step, ctx.content)) {
        if (!s.runtime[step.id].revealed) return reveal(s, step, fx);
        if (c.shownRevealed === false) return { refused: 'duplicate' };
      }
      if (s.cursor >= s.steps.length - 1) return end(s, ctx, fx);
      leave(s, step, ctx, fx);
      return enter(s, s.cursor + 1, ctx, fx);
    }
    case 'back': {
      if (!runningNav(s)) return { refused: s.status === 'paused' ? 'paused' : s.status === 'menu' ? 'not-started' : 'stale-step' };
      if (!step || stale(c.fromStep)) return { refused: 'stale-step' };
      if (s.cursor === 0) return { refused: 'first-step' };
      return back(s, step, ctx, fx);
    }
    case 'reveal': {
      if (!step || step.id !== c.stepId || !canReveal(step, ctx.content)) return { refused: 'stale-step' };
      if (s.runtime[step.id].revealed) return { refused: 'closed' };
      return reveal(s, step, fx);
    }
    case 'turn': {
      if (!step || step.id !== c.stepId || step.kind !== 'turns') return { refused: 'stale-step' };
      return turn(s, step, c.delta, ctx, fx);
    }
    case 'pause': {
      if (s.status !== 'running') return { refused: notRunning(s) };
      s.status = 'paused';
      s.pausedAt = ctx.now;
      if (s.timer?.dueAt !== undefined && !s.timer.firedAt) {
        s.timer = { ...s.timer, remainingMs: Math.max(0, s.timer.dueAt - ctx.now), dueAt: undefined };
        fx.push({ type: 'cancel-timer' });
      }
      fx.push({ type: 'say', key: 'paused' });
      if (step) fx.push({ type: 'update-step', stepId: step.id });
      return;
    }
    case 'resume': {
      if (s.status !== 'paused') return { refused: s.status === 'menu' ? 'not-started' : 'not-paused' };
      s.status = 'running';
      s.pausedMs += ctx.now - (s.pausedAt ?? ctx.now);
      s.pausedAt = undefined;
      if (s.timer?.remainingMs !== undefined) {
        s.timer = { stepId: s.timer.stepId, dueAt: ctx.now + s.timer.remainingMs };
        fx.push({ type: 'arm-timer', stepId: s.timer.stepId, dueAt: s.timer.dueAt! });
      }
      fx.push({ type: 'say', key: 'resumed' });
      if (step) fx.push({ type: 'update-step', stepId: step.id });
      return;
    }
    case 'extend': {
      if (!s.timer || !step || s.timer.stepId !== step.id) return { refused: s.status === 'menu' ? 'not-started' : 'no-timer' };
      const add = c.minutes * 60_000;
      if (s.timer.remainingMs !== undefined) s.timer.remainingMs += add;
      else {
        const base = s.timer.firedAt ? ctx.now : s.timer.dueAt ?? ctx.now;
        s.timer = { stepId: step.id, dueAt: base + add };
        fx.push({ type: 'arm-timer', stepId: step.id, dueAt: s.timer.dueAt! });
      }
      fx.push({ type: 'say', key: 'extended', params: { minutes: c.minutes } });
      fx.push({ type: 'update-step', stepId: step.id });
      return;
    }
    case 'end': {
      // Never started: nothing happened, so there is nothing to recap; the café is cancelled.
      if (s.status === 'menu') return cancel(s, ctx, fx);
      // A confirmation (endRequest's card) holds a while, and never before the café it ends existed.
      if (c.confirmedAt !== undefined && !(confirmationValid(c.confirmedAt, ctx.now) && c.confirmedAt >= s.createdAt)) return { refused: 'expired', detail: 'end' };
      const feedback = s.steps.findIndex((x) => x.id === FEEDBACK_STEP_ID);
      if (c.thenFeedback && feedback >= 0 && !s.runtime[FEEDBACK_STEP_ID]) {
        if (step) leave(s, step, ctx, fx);
        return enter(s, feedback, ctx, fx);
      }
      return end(s, ctx, fx);
    }
    case 'hand-over': {
      if (c.to.id === s.facilitatorId) return { refused: 'same-person' };
      s.coFacilitatorIds = (s.coFacilitatorIds ?? []).filter((id) => id !== c.to.id);
      s.facilitatorId = c.to.id;
      s.facilitatorName = c.to.name;
      fx.push({ type: 'say', key: 'handedOver', params: { name: c.to.name } });
      fx.push(s.status === 'menu' ? { type: 'update-menu' } : { type: 'update-step', stepId: currentStep(s)!.id });
      return;
    }
    case 'add-cofacilitator': {
      if (c.who.id === s.facilitatorId || s.coFacilitatorIds?.includes(c.who.id)) return { refused: 'duplicate' };
      s.coFacilitatorIds = [...(s.coFacilitatorIds ?? []), c.who.id].slice(0, 10);
      fx.push({ type: 'say', key: 'coFacilitatorAdded', params: { name: c.who.name } });
      return;
    }
    case 'reformulate': {
      if (s.status !== 'menu') return { refused: 'formula-fixed' };
      const formula = findFormula(ctx.content, c.formulaId, c.variant);
      if (!formula) return { refused: 'unknown-formula', detail: `${c.formulaId} ${c.variant}` };
      // The same plan Commencer would start from had the café been started with this formula.
      s.formulaId = formula.id;
      s.variant = formula.variant as Variant;
      delete s.customFormula;
      s.steps = initialPlan(formula, ctx.content);
      s.cursor = -1;
      s.runtime = {};
      fx.push({ type: 'update-menu' });
      return;
    }
    case 'time-up': {
      const t = s.timer;
      if (s.status !== 'running' || !t || t.stepId !== c.stepId || t.firedAt || t.dueAt === undefined || t.dueAt > ctx.now) {
        return { refused: 'stale-step' };
      }
      t.firedAt = ctx.now;
      fx.push({ type: 'say', key: 'timeUp' });
      fx.push({ type: 'update-step', stepId: c.stepId });
      return;
    }
    case 'all-done': {
      if (!step || step.id !== c.stepId || step.kind !== 'video') return { refused: 'stale-step' };
      const rt = s.runtime[step.id];
      if (rt.allDoneAnnounced) return { refused: 'duplicate' };
      rt.allDoneAnnounced = true;
      fx.push({ type: 'say', key: 'allDone' });
      fx.push({ type: 'update-step', stepId: step.id });
      return;
    }
  }
}

/** Why a command that needs the café running is refused: paused (/reprendre), or not begun yet. */
function notRunning(s: CafeState): 'paused' | 'not-started' {
  return s.status === 'paused' ? 'paused' : 'not-started';
}

function runningNav(s: CafeState): boolean {
  return s.status === 'running';
}

/**
 * Expands the chosen option of a part right after its choose step, replacing an earlier choice;
 * the later parts whose options follow it (the quiz of the video) are expanded again to fit.
 * An option that does not fit what was chosen before (another video's quiz) is refused.
 */
function choose(s: CafeState, step: Step, optionId: string, ctx: Context, fx: Effect[]): void | Refusal {
  const offered = chooseOptions(s, ctx.content, step);
  if (!offered?.options.some((o) => o.id === optionId)) return { refused: 'invalid', detail: 'option' };
  const { part } = offered;
  const at = s.cursor;
  let endOfPart = at + 1;
  while (endOfPart < s.steps.length && s.steps[endOfPart].part === step.part && s.steps[endOfPart].kind !== 'choose' && s.steps[endOfPart].kind !== 'feedback') endOfPart++;
  s.steps.splice(at + 1, endOfPart - at - 1, ...optionSteps(part, optionId, ctx.content));
  s.runtime[step.id] = { ...s.runtime[step.id], chosen: optionId };
  refollow(s, Number(step.ref), ctx.content);
  leave(s, step, ctx, fx);
  if (at + 1 >= s.steps.length) return end(s, ctx, fx);
  return enter(s, at + 1, ctx, fx);
}

/** Expands again, after the part at `from` was chosen, every later part with an option that follows an earlier one. */
function refollow(s: CafeState, from: number, content: Content): void {
  const formula = formulaOf(s, content);
  formula.parts.forEach((part, index) => {
    if (index <= from || !part.options.some((o) => o.follows)) return;
    const before = choicesBefore(formula, index, choicesOf(formula, s.steps, s.runtime));
    const fresh = partSteps(formula, index, before, content);
    const first = s.steps.findIndex((x) => x.part === part.part && x.kind !== 'feedback');
    const current = s.steps.filter((x) => x.part === part.part && x.kind !== 'feedback');
    if (current.length === fresh.length && current.every((x, i) => x.id === fresh[i].id)) return;
    // Still a choice to make there, and what was picked (if anything) still fits: keep it.
    if (fresh.length === 1 && fresh[0].kind === 'choose' && current[0]?.id === fresh[0].id) {
      const picked = s.runtime[fresh[0].id]?.chosen;
      if (!picked || fittingOptions(part, before).some((o) => o.id === picked)) return;
    }
    // A new choice among the options that fit now: the former pick is forgotten.
    for (const x of current) if (x.kind === 'choose') delete s.runtime[x.id];
    if (first >= 0) s.steps.splice(first, current.length, ...fresh);
    else {
      const later = s.steps.findIndex((x) => x.kind === 'feedback' || formula.parts.findIndex((p) => p.part === x.part) > index);
      s.steps.splice(later < 0 ? s.steps.length : later, 0, ...fresh);
    }
  });
}

/** What the chat calls a picked item: its label in the guide (« Plombier·e de flux »), never its id. */
function itemLabel(step: Step, itemId: string, content: Content): string {
  const activity = activityOf(step, content);
  return (activity?.kind === 'pick' ? activity.items.find((i) => i.id === itemId)?.label : undefined) ?? itemId;
}

function turn(s: CafeState, step: Step, delta: 1 | -1, ctx: Context, fx: Effect[]): void | Refusal {
  const pick = pickStepFor(s, step);
  const list = pick ? pickers(ctx.contributions, pick.id) : [];
  const rt = s.runtime[step.id];
  const next = (rt.turn ?? 0) + delta;
  if (next < 0 || next >= list.length) return { refused: 'invalid', detail: 'turn' };
  rt.turn = next;
  fx.push({ type: 'say', key: 'floorTo', params: { name: list[next].userName, item: itemLabel(step, list[next].item, ctx.content) } });
  fx.push({ type: 'update-step', stepId: step.id });
}

/** The step's answer is shown and its vote closed; the card everyone looks at says it. */
function reveal(s: CafeState, step: Step, fx: Effect[]): void {
  s.runtime[step.id].revealed = true;
  fx.push({ type: 'update-step', stepId: step.id });
}

/** Closes the current step (a poll closed so is revealed: `isRevealed`). */
function leave(s: CafeState, step: Step, ctx: Context, fx: Effect[]): void {
  const rt = s.runtime[step.id];
  rt.endedAt = ctx.now;
  if (s.timer) {
    s.timer = undefined;
    fx.push({ type: 'cancel-timer' });
  }
  fx.push({ type: 'update-step', stepId: step.id });
}

/**
 * Back: the step left goes back to not reached (never revealed nor closed with its answer: its
 * contributions stay, and count again if the café comes back to it), and the previous step is
 * reopened as it was (revealed or not, the same floor), on its own card: `reopen-step`, no new post.
 */
function back(s: CafeState, step: Step, ctx: Context, fx: Effect[]): void {
  delete s.runtime[step.id];
  if (s.timer) {
    s.timer = undefined;
    fx.push({ type: 'cancel-timer' });
  }
  fx.push({ type: 'update-step', stepId: step.id });
  // The step the café was at before: the last one reached (the feedback poll asked from /fin skips steps).
  let at = s.cursor - 1;
  while (at > 0 && !s.runtime[s.steps[at].id]) at--;
  const previous = s.steps[at];
  if (!s.runtime[previous.id]) return enter(s, at, ctx, fx);
  s.cursor = at;
  s.runtime[previous.id] = { ...s.runtime[previous.id], endedAt: undefined };
  armVideo(s, previous, ctx, fx);
  fx.push({ type: 'reopen-step', stepId: previous.id });
}

function armVideo(s: CafeState, step: Step, ctx: Context, fx: Effect[]): void {
  const activity = activityOf(step, ctx.content);
  if (step.kind === 'video' && activity?.kind === 'video') {
    s.timer = { stepId: step.id, dueAt: ctx.now + activity.viewingMinutes * 60_000 };
    fx.push({ type: 'arm-timer', stepId: step.id, dueAt: s.timer.dueAt! });
  }
}

function enter(s: CafeState, index: number, ctx: Context, fx: Effect[]): void {
  s.cursor = index;
  const step = s.steps[index];
  const previous = s.runtime[step.id];
  s.runtime[step.id] = previous
    ? { ...previous, endedAt: undefined }
    : { startedAt: ctx.now, ...(step.kind === 'turns' ? { turn: 0 } : {}) };
  armVideo(s, step, ctx, fx);
  fx.push({ type: 'post-step', stepId: step.id });
  if (step.kind === 'turns') {
    const pick = pickStepFor(s, step);
    const first = pick ? pickers(ctx.contributions, pick.id)[0] : undefined;
    if (first) fx.push({ type: 'say', key: 'floorTo', params: { name: first.userName, item: itemLabel(step, first.item, ctx.content) } });
  }
}

/** /fin before Commencer: the café is cancelled, its menu card says so, and no (empty) recap is posted. */
function cancel(s: CafeState, ctx: Context, fx: Effect[]): void {
  s.status = 'ended';
  s.endedAt = ctx.now;
  fx.push({ type: 'update-menu' });
  fx.push({ type: 'say', key: 'cancelled' });
}

function end(s: CafeState, ctx: Context, fx: Effect[]): void {
  const step = currentStep(s);
  if (step && s.runtime[step.id] && !s.runtime[step.id].endedAt) leave(s, step, ctx, fx);
  if (s.timer) {
    s.timer = undefined;
    fx.push({ type: 'cancel-timer' });
  }
  if (s.status === 'paused') s.pausedMs += ctx.now - (s.pausedAt ?? ctx.now);
  s.status = 'ended';
  s.pausedAt = undefined;
  s.endedAt = ctx.now;
  if (!s.startedAt) fx.push({ type: 'update-menu' });
  fx.push({ type: 'post-recap' });
}

/**
 * Who drives the café: the facilitator (whoever started it, or was handed the role), the
 * co-facilitators they added, and in a meeting its organizers and presenters.
 */
export function canFacilitate(state: CafeState, actor: Actor): boolean {
  return actor.id === state.facilitatorId
    || !!state.coFacilitatorIds?.includes(actor.id)
    || actor.meetingRole === 'Organizer' || actor.meetingRole === 'Presenter';
}

/**
 * The time after which the facilitator is told the café runs late: its own planned maximum (the
 * guide's "Combien de temps ?"). The guide's 45 minutes for an online café is advice given before
 * the café (the menu card), not a late alert: a Cappuccino planned for 75 minutes is not late at 46.
 */
export function overtimeLimitMinutes(state: CafeState, content: Content): number {
  return plannedTotal(formulaOf(state, content)).max;
}

/** Minutes the café has run, pauses left out. */
export function actualMinutes(state: CafeState, now: number): number {
  if (!state.startedAt) return 0;
  const end = state.endedAt ?? now;
  const paused = state.pausedMs + (state.status === 'paused' && state.pausedAt ? end - state.pausedAt : 0);
  return Math.max(0, (end - state.startedAt - paused) / 60_000);
}

function checkOvertime(s: CafeState, ctx: Context, fx: Effect[]): void {
  if (s.status !== 'running' || s.overtimeAt || actualMinutes(s, ctx.now) <= overtimeLimitMinutes(s, ctx.content)) return;
  s.overtimeAt = ctx.now;
  fx.push({ type: 'notify-facilitator', key: 'overtime' });
  const step = currentStep(s);
  if (step) fx.push({ type: 'update-step', stepId: step.id });
}
