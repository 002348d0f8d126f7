import { countsAsTakingPart, pickStepFor, stepById, type CafeState, type Contribution, type Step, type StepKind, type VoteTally } from '../../domain';
import type { CafeStore } from '../../store/port';

/** How long a kept participant list is trusted when other processes write too (Redis). */
const SHARED_TTL_MS = 5_000;
const MAX_KEPT = 5_000;

const itself = (_state: CafeState, step: Step): string[] => [step.id];

/**
 * Whose contributions the view of a step needs, by kind: its own, and for a turns step the pick
 * step that gives the floor. A new step kind must say it here (or it does not compile).
 */
const viewNeeds = {
  choose: itself,
  poll: itself,
  pick: itself,
  video: itself,
  board: itself,
  question: itself,
  text: itself,
  feedback: itself,
  turns: (state: CafeState, step: Step): string[] => {
    const pick = pickStepFor(state, step);
    return pick ? [step.id, pick.id] : [step.id];
  },
} satisfies Record<StepKind, (state: CafeState, step: Step) => string[]>;

interface Kept {
  ids: string[];
  set: Set<string>;
  at: number;
}

/**
 * Reads that follow the work: a turn reads the contributions of the step it is about (and, for a
 * turns step, of the pick step that orders it), never the whole café; the café's participants
 * (who did anything, in the order they first did) are kept per café and grown by every write and
 * step read of this process, so a vote does not list the café again.
 */
export class TurnReads {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly store: CafeStore,
    private readonly now: () => number,
    private readonly singleWriter: boolean,
  ) {}

  /** The steps whose contributions a step's view needs: itself, and a turns step's pick step. */
  static stepsOf(state: CafeState, stepId: string): string[] {
    const step = stepById(state, stepId);
    return step ? viewNeeds[step.kind](state, step) : [stepId];
  }

  /** The contributions a step's view (and the follow-ups of a contribution to it) need. */
  async forStep(state: CafeState, stepId: string): Promise<Contribution[]> {
    const ids = TurnReads.stepsOf(state, stepId);
    const lists = await Promise.all(ids.map((id) => this.store.listContributions(state.id, id)));
    const out = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.at - b.at);
    // Other processes write too: who they saw take part shows in what is read.
    if (!this.singleWriter) this.note(state.id, out);
    return out;
  }

  /** A poll step's votes, when the store keeps them counted (SQLite): a vote then costs the same in any café. */
  votes(state: CafeState, stepId: string): VoteTally | undefined {
    return stepById(state, stepId)?.kind === 'poll' ? this.store.voteTally?.(state.id, stepId) : undefined;
  }

  /** The contributions a decision may need: those of the café's pick steps (turns give the floor by them). */
  async forDecision(state: CafeState): Promise<Contribution[]> {
    const picks = state.steps.filter((s) => s.kind === 'pick').map((s) => s.id);
    if (picks.length === 0) return [];
    const lists = await Promise.all(picks.map((id) => this.store.listContributions(state.id, id)));
    const out = lists.flat().sort((a, b) => a.at - b.at);
    this.note(state.id, out);
    return out;
  }

  /** The café's participants, kept; read in full once (and again now and then when others write too). */
  async participants(cafeId: string): Promise<string[]> {
    const hit = this.kept.get(cafeId);
    if (hit && (this.singleWriter || this.now() - hit.at < SHARED_TTL_MS)) return hit.ids;
    const all = await this.store.listContributions(cafeId);
    const ids: string[] = [];
    const set = new Set<string>();
    for (const c of all) if (countsAsTakingPart(c) && !set.has(c.userId)) (set.add(c.userId), ids.push(c.userId));
    if (!hit && this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(cafeId, { ids, set, at: this.now() });
    return ids;
  }

  /** A contribution this process wrote (or read): its author takes part. */
  note(cafeId: string, contributions: Contribution[]): void {
    const kept = this.kept.get(cafeId);
    if (!kept) return;
    for (const c of contributions) if (countsAsTakingPart(c) && !kept.set.has(c.userId)) (kept.set.add(c.userId), kept.ids.push(c.userId));
  }

  /** The café is gone (erased, purged): nothing of it is kept. */
  forget(cafeId: string): void {
    this.kept.delete(cafeId);
  }
}
