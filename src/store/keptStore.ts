import type { VoteTally } from '../domain/tally';
import type { CafeState, Contribution } from '../domain/types';
import { deepFreeze } from './freeze';
import type { CafeStore, ChatProfile, OutboxEffect, OutboxEntry } from './port';

/** How many cafés are kept in memory at most (the least recently used go first). */
const MAX_CAFES = 2_000;

interface KeptCafe {
  state: CafeState;
  /** Contributions by step, as the inner store lists them, loaded on first need. */
  steps: Map<string, KeptStep>;
  /** Message ids by key; `null` means "read: none". */
  messages: Map<string, string | null>;
}

interface KeptStep {
  /** By contribution key (kind, key). */
  byKey: Map<string, Contribution>;
  /** Each key's row rank (its first insertion), to order records of the same instant. */
  rank: Map<string, number>;
  rankOf: WeakMap<Contribution, number>;
  /** The records in the inner store's (at, row) order. */
  sorted: Contribution[];
  /** The votes counted, once asked for (then kept up to date by every vote written). */
  votes?: { counts: Record<string, number>; byUser: Map<string, string>; others: Contribution[] };
}

const keyOf = (c: Contribution): string => `${c.kind}\u0000${c.key}`;

/**
 * A store decorator that keeps the cafés this process serves in memory between turns: the café
 * document, its contributions by step and its message ids, read once and then kept up to date by
 * this process's own writes (write-through: the inner store is always written first).
 *
 * Only for a process that is its store's only writer (SQLite, one process): with Redis, other
 * instances write too, and a kept café would go stale — server.ts does not use it there.
 * Cafés are copied in (create, save) and kept deep-frozen: a read returns the kept café itself,
 * shared, not a copy (a copy of the whole document at every vote was a twentieth of the process's
 * CPU). Kept contributions are frozen and shared too (a poll with 2,000 votes is not copied at every
 * vote). A caller that tried to change either throws; the domain builds a new café instead
 * (`decide` works on its own copy).
 */
export class KeptStore implements CafeStore {
  private readonly cafes = new Map<string, KeptCafe>();
  /** conversationId → its active café's id (or null: none), for getActive. */
  private readonly active = new Map<string, string | null>();
  /** Join code → the id of the kept café that has it, for cafeByCode (only kept cafés are in it). */
  private readonly codes = new Map<string, string>();

  constructor(readonly inner: CafeStore, private readonly maxCafes = MAX_CAFES) {}

  async getActive(conversationId: string): Promise<CafeState | undefined> {
    const id = this.active.get(conversationId);
    if (id === null) return undefined;
    if (id !== undefined) {
      const kept = this.cafes.get(id);
      if (kept && kept.state.status !== 'ended') return kept.state;
    }
    const state = await this.inner.getActive(conversationId);
    this.active.set(conversationId, state?.id ?? null);
    if (state) this.keep(state);
    return state;
  }

  async get(cafeId: string): Promise<CafeState | undefined> {
    const kept = this.touch(cafeId);
    if (kept) return kept.state;
    const state = await this.inner.get(cafeId);
    if (state) this.keep(state);
    return state;
  }

  /** A kept café is served from memory; another is read from the inner store, then kept. */
  async cafeByCode(code: string): Promise<CafeState | undefined> {
    const id = this.codes.get(code);
    if (id !== undefined) {
      const kept = this.touch(id);
      if (kept?.state.joinCode === code) return kept.state;
    }
    const state = await this.inner.cafeByCode(code);
    if (state) this.keep(state);
    return state;
  }

  listCafes(conversationId: string): Promise<CafeState[]> {
    return this.inner.listCafes(conversationId);
  }

  async create(state: CafeState): Promise<boolean> {
    const created = await this.inner.create(state);
    if (created) {
      this.keep(structuredClone(state));
      if (state.status !== 'ended') this.active.set(state.conversationId, state.id);
    } else {
      this.active.delete(state.conversationId);
    }
    return created;
  }

  async save(state: CafeState, outbox?: readonly OutboxEffect[]): Promise<boolean> {
    const saved = await this.inner.save(state, outbox);
    if (saved) {
      const kept = this.cafes.get(state.id);
      if (kept) kept.state = deepFreeze(structuredClone(state));
      else this.keep(structuredClone(state));
      this.active.set(state.conversationId, state.status === 'ended' ? null : state.id);
    } else {
      // Someone saved in between (should not happen with one writer): read it again next time.
      this.drop(state.id);
    }
    return saved;
  }

  async putContribution(c: Contribution): Promise<boolean> {
    // The inner store decides (its conditional upsert): what it did not store is not kept either,
    // so a stale re-delivery moves neither the kept records nor the vote tally.
    if (!(await this.inner.putContribution(c))) return false;
    const step = this.cafes.get(c.cafeId)?.steps.get(c.stepId);
    if (!step) return true;
    const key = keyOf(c);
    const copy = frozen(c);
    const previous = step.byKey.get(key);
    step.byKey.set(key, copy);
    let rank = step.rank.get(key);
    if (rank === undefined) step.rank.set(key, (rank = step.rank.size));
    step.rankOf.set(copy, rank);
    place(step.sorted, previous, copy, step.rankOf);
    if (step.votes) {
      if (copy.value.kind === 'vote') {
        const before = step.votes.byUser.get(copy.userId);
        if (before !== undefined) step.votes.counts[before]--;
        step.votes.counts[copy.value.choice] = (step.votes.counts[copy.value.choice] ?? 0) + 1;
        step.votes.byUser.set(copy.userId, copy.value.choice);
      } else {
        place(step.votes.others, previous, copy, step.rankOf);
      }
    }
    return true;
  }

  async listContributions(cafeId: string, stepId?: string): Promise<Contribution[]> {
    if (stepId === undefined) return this.inner.listContributions(cafeId);
    const kept = this.touch(cafeId);
    if (!kept) return this.inner.listContributions(cafeId, stepId);
    const step = kept.steps.get(stepId);
    if (step) return step.sorted.slice();
    const list = await this.inner.listContributions(cafeId, stepId);
    // The café may have been dropped while the list was read.
    if (this.cafes.get(cafeId) !== kept) return list;
    const sorted = list.map(frozen);
    // Ranks follow the list's (at, row) order: the rows' order among records of one instant. Two
    // records read at different instants and both changed later in the same millisecond may come
    // in their first instants' order rather than their rows' (harmless: the same instant).
    const rank = new Map(sorted.map((c, i) => [keyOf(c), i]));
    const rankOf = new WeakMap(sorted.map((c, i) => [c, i]));
    kept.steps.set(stepId, { byKey: new Map(sorted.map((c) => [keyOf(c), c])), rank, rankOf, sorted });
    return list;
  }

  voteTally(cafeId: string, stepId: string): VoteTally | undefined {
    const step = this.cafes.get(cafeId)?.steps.get(stepId);
    if (!step) return undefined;
    if (!step.votes) {
      const votes = { counts: {} as Record<string, number>, byUser: new Map<string, string>(), others: [] as Contribution[] };
      for (const c of step.sorted) {
        if (c.value.kind !== 'vote') {
          votes.others.push(c);
          continue;
        }
        votes.counts[c.value.choice] = (votes.counts[c.value.choice] ?? 0) + 1;
        votes.byUser.set(c.userId, c.value.choice);
      }
      step.votes = votes;
    }
    const { counts, byUser, others } = step.votes;
    // Counts and the other records as of now (copies: a few of each); a voter's choice as of when it is asked.
    return { counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)), choiceOf: (userId) => byUser.get(userId), others: others.slice() };
  }

  async setMessageId(cafeId: string, key: string, activityId: string): Promise<void> {
    await this.inner.setMessageId(cafeId, key, activityId);
    this.cafes.get(cafeId)?.messages.set(key, activityId);
  }

  async getMessageId(cafeId: string, key: string): Promise<string | undefined> {
    const kept = this.cafes.get(cafeId);
    const hit = kept?.messages.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const id = await this.inner.getMessageId(cafeId, key);
    if (kept && this.cafes.get(cafeId) === kept) kept.messages.set(key, id ?? null);
    return id;
  }

  listTimed(): Promise<CafeState[]> {
    return this.inner.listTimed();
  }

  /** Not kept: read at start and when a conversation's queue is re-drained (rare). */
  pendingOutbox(): Promise<OutboxEntry[]> {
    return this.inner.pendingOutbox();
  }

  ackOutbox(entries: ReadonlyArray<Pick<OutboxEntry, 'id' | 'cafeId'>>): Promise<void> {
    return this.inner.ackOutbox(entries);
  }

  async purgeEndedBefore(ts: number): Promise<number> {
    const n = await this.inner.purgeEndedBefore(ts);
    if (n > 0) this.clear();
    return n;
  }

  async eraseCafe(cafeId: string): Promise<boolean> {
    const kept = this.cafes.get(cafeId);
    const erased = await this.inner.eraseCafe(cafeId);
    this.drop(cafeId);
    if (kept) this.active.delete(kept.state.conversationId);
    return erased;
  }

  async eraseConversation(conversationId: string): Promise<number> {
    const n = await this.inner.eraseConversation(conversationId);
    for (const [id, kept] of this.cafes) if (kept.state.conversationId === conversationId) this.drop(id);
    this.active.delete(conversationId);
    return n;
  }

  getProfile(conversationId: string): Promise<ChatProfile | undefined> {
    return this.inner.getProfile(conversationId);
  }

  setProfile(conversationId: string, profile: ChatProfile): Promise<void> {
    return this.inner.setProfile(conversationId, profile);
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    this.clear();
    await this.inner.close();
  }

  /** Keeps `state`, deep-frozen: the caller gives up the right to change it (a copy, or what the inner store read). */
  private keep(state: CafeState): void {
    if (this.active.size > this.maxCafes * 4) this.active.clear();
    this.cafes.set(state.id, { state: deepFreeze(state), steps: new Map(), messages: new Map() });
    if (state.joinCode !== undefined) this.codes.set(state.joinCode, state.id);
    if (this.cafes.size > this.maxCafes) this.drop(this.cafes.keys().next().value!);
  }

  /** A kept café, moved to the most recently used end. */
  private touch(cafeId: string): KeptCafe | undefined {
    const kept = this.cafes.get(cafeId);
    if (!kept) return undefined;
    this.cafes.delete(cafeId);
    this.cafes.set(cafeId, kept);
    return kept;
  }

  private drop(cafeId: string): void {
    const kept = this.cafes.get(cafeId);
    this.cafes.delete(cafeId);
    if (kept) this.active.delete(kept.state.conversationId);
    if (kept?.state.joinCode !== undefined && this.codes.get(kept.state.joinCode) === cafeId) this.codes.delete(kept.state.joinCode);
  }

  private clear(): void {
    this.cafes.clear();
    this.active.clear();
    this.codes.clear();
  }
}

/** A deep-frozen copy of a contribution. */
function frozen(c: Contribution): Contribution {
  const copy = structuredClone(c);
  Object.freeze(copy.value);
  return Object.freeze(copy);
}

/**
 * Puts `copy` (replacing `previous`, the same key's record) at its place in (at, row) order: an
 * upsert keeps its row and takes the new instant. Found by halves; usually the end.
 */
function place(list: Contribution[], previous: Contribution | undefined, copy: Contribution, rankOf: WeakMap<Contribution, number>): void {
  if (previous) {
    const i = list.indexOf(previous);
    if (i >= 0) list.splice(i, 1);
  }
  const rank = rankOf.get(copy)!;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid];
    if (m.at < copy.at || (m.at === copy.at && rankOf.get(m)! < rank)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, copy);
}
