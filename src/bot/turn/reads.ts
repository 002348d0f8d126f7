import { pickStepFor, stepById, type CafeState, type Contribution } from '../../domain';
import type { CafeStore } from '../../store/port';

/** How long a kept participant list is trusted when other processes write too (Redis). */
const SHARED_TTL_MS = 5_000;
const MAX_KEPT = 5_000;

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
    const pick = step?.kind === 'turns' ? pickStepFor(state, step) : undefined;
    return pick ? [stepId, pick.id] : [stepId];
  }

  /** The contributions a step's view (and the follow-ups of a contribution to it) need. */
  async forStep(state: CafeState, stepId: string): Promise<Contribution[]> {
    const ids = TurnReads.stepsOf(state, stepId);
    const lists = await Promise.all(ids.map((id) => this.store.listContributions(state.id, id)));
    const out = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.at - b.at);
    this.note(state.id, out);
    return out;
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
    for (const c of all) if (!set.has(c.userId)) (set.add(c.userId), ids.push(c.userId));
    if (!hit && this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(cafeId, { ids, set, at: this.now() });
    return ids;
  }

  /** A contribution this process wrote (or read): its author takes part. */
  note(cafeId: string, contributions: Contribution[]): void {
    const kept = this.kept.get(cafeId);
    if (!kept) return;
    for (const c of contributions) if (!kept.set.has(c.userId)) (kept.set.add(c.userId), kept.ids.push(c.userId));
  }

  /** The café is gone (erased, purged): nothing of it is kept. */
  forget(cafeId: string): void {
    this.kept.delete(cafeId);
  }
}
