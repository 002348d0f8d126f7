import { replaces } from '../domain/contribute';
import type { CafeState, Contribution } from '../domain/types';
import { BaristaError } from '../errors';
import { parseProfileDoc, serializeProfile } from './documents';
import { deepFreeze } from './freeze';
import { outboxDrafts } from './outbox';
import type { CafeStore, ChatProfile, OutboxEffect, OutboxEntry } from './port';

/**
 * In-memory `CafeStore`, for unit tests. Same semantics as the SQLite store: one active café per
 * conversation, compare-and-set saves, idempotent contribution upserts. Everything is deep-copied
 * in and out so callers can never mutate the stored state by accident; the café that `get` and
 * `getActive` return is also deep-frozen, as KeptStore's (shared) one is, so the tests of the turn
 * reveal any code that would change a café read from the store in place.
 */
export class MemoryStore implements CafeStore {
  /** Cafés in creation order. */
  private readonly cafes = new Map<string, { state: CafeState; updatedAt: number }>();
  /** Per café: contributions keyed by (stepId, kind, key), in first-insertion order. */
  private readonly contributions = new Map<string, Map<string, Contribution>>();
  /** Per café: message key -> activity id. */
  private readonly messages = new Map<string, Map<string, string>>();
  /** Per conversation: the chat profile, as the JSON the other stores keep. */
  private readonly profiles = new Map<string, string>();
  /** The outbox, in seq order. */
  private outbox: OutboxEntry[] = [];
  private outboxSeq = 0;
  private closed = false;

  async getActive(conversationId: string): Promise<CafeState | undefined> {
    this.assertOpen();
    for (const { state } of this.cafes.values()) {
      if (state.conversationId === conversationId && state.status !== 'ended') return deepFreeze(structuredClone(state));
    }
    return undefined;
  }

  async get(cafeId: string): Promise<CafeState | undefined> {
    this.assertOpen();
    const row = this.cafes.get(cafeId);
    return row ? deepFreeze(structuredClone(row.state)) : undefined;
  }

  async listCafes(conversationId: string): Promise<CafeState[]> {
    this.assertOpen();
    return [...this.cafes.values()]
      .map(({ state }) => state)
      .filter((state) => state.conversationId === conversationId)
      .sort((a, b) => b.createdAt - a.createdAt || compareDesc(a.id, b.id))
      .map((state) => structuredClone(state));
  }

  async cafeByCode(code: string): Promise<CafeState | undefined> {
    this.assertOpen();
    const id = this.holderOf(code);
    return id === undefined ? undefined : deepFreeze(structuredClone(this.cafes.get(id)!.state));
  }

  async create(state: CafeState): Promise<boolean> {
    this.assertOpen();
    if (this.cafes.has(state.id)) throw new Error(`Café ${state.id} already exists`);
    if (state.status !== 'ended' && this.activeOf(state.conversationId) !== undefined) return false;
    if (state.joinCode !== undefined && this.holderOf(state.joinCode) !== undefined) {
      throw new BaristaError('code-taken', `the join code of café ${state.id} is already another café's`);
    }
    this.cafes.set(state.id, { state: structuredClone(state), updatedAt: Date.now() });
    return true;
  }

  async save(state: CafeState, outbox?: readonly OutboxEffect[]): Promise<boolean> {
    this.assertOpen();
    const row = this.cafes.get(state.id);
    if (!row || row.state.version !== state.version - 1) return false;
    if (state.status !== 'ended') {
      const active = this.activeOf(state.conversationId);
      if (active !== undefined && active !== state.id) {
        throw new Error(
          `Cannot save café ${state.id}: conversation ${state.conversationId} already has an active café (${active})`,
        );
      }
    }
    this.cafes.set(state.id, { state: structuredClone(state), updatedAt: Date.now() });
    for (const draft of outboxDrafts(state, outbox, Date.now())) {
      if (!this.outbox.some((e) => e.id === draft.id)) this.outbox.push({ ...draft, seq: ++this.outboxSeq });
    }
    return true;
  }

  async pendingOutbox(): Promise<OutboxEntry[]> {
    this.assertOpen();
    return structuredClone(this.outbox);
  }

  async ackOutbox(entries: ReadonlyArray<Pick<OutboxEntry, 'id' | 'cafeId'>>): Promise<void> {
    this.assertOpen();
    const ids = new Set(entries.map((e) => e.id));
    this.outbox = this.outbox.filter((e) => !ids.has(e.id));
  }

  async putContribution(c: Contribution): Promise<boolean> {
    this.assertOpen();
    let byKey = this.contributions.get(c.cafeId);
    if (!byKey) {
      byKey = new Map();
      this.contributions.set(c.cafeId, byKey);
    }
    const key = JSON.stringify([c.stepId, c.kind, c.key]);
    const stored = byKey.get(key);
    if (stored && !replaces(c, stored)) return false;
    // Map.set on an existing key keeps its position, like an upsert keeps its rowid.
    byKey.set(key, structuredClone(c));
    return true;
  }

  async listContributions(cafeId: string, stepId?: string): Promise<Contribution[]> {
    this.assertOpen();
    const all = [...(this.contributions.get(cafeId)?.values() ?? [])];
    return all
      .filter((c) => stepId === undefined || c.stepId === stepId)
      .sort((a, b) => a.at - b.at) // stable: ties keep first-insertion order
      .map((c) => structuredClone(c));
  }

  async setMessageId(cafeId: string, key: string, activityId: string): Promise<void> {
    this.assertOpen();
    let byKey = this.messages.get(cafeId);
    if (!byKey) {
      byKey = new Map();
      this.messages.set(cafeId, byKey);
    }
    byKey.set(key, activityId);
  }

  async getMessageId(cafeId: string, key: string): Promise<string | undefined> {
    this.assertOpen();
    return this.messages.get(cafeId)?.get(key);
  }

  async listTimed(): Promise<CafeState[]> {
    this.assertOpen();
    return [...this.cafes.values()]
      .filter(({ state }) => state.status !== 'ended' && state.timer != null)
      .map(({ state }) => structuredClone(state));
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /**
   * Erases ended cafés that ended before `ts` (epoch ms; `endedAt`, or the last save when unset),
   * with their contributions and message ids. Returns how many cafés were erased.
   */
  async purgeEndedBefore(ts: number): Promise<number> {
    this.assertOpen();
    const ids = [...this.cafes.entries()]
      .filter(([, { state, updatedAt }]) => state.status === 'ended' && (state.endedAt ?? updatedAt) < ts)
      .map(([id]) => id);
    for (const id of ids) this.eraseNow(id);
    return ids.length;
  }

  /** Erases a café, its contributions and its message ids. Returns whether the café existed. */
  async eraseCafe(cafeId: string): Promise<boolean> {
    this.assertOpen();
    return this.eraseNow(cafeId);
  }

  /** Erases every café of the conversation and its chat profile. Returns how many cafés were erased. */
  async eraseConversation(conversationId: string): Promise<number> {
    this.assertOpen();
    const ids = [...this.cafes.values()].filter(({ state }) => state.conversationId === conversationId).map(({ state }) => state.id);
    for (const id of ids) this.eraseNow(id);
    this.profiles.delete(conversationId);
    return ids.length;
  }

  async getProfile(conversationId: string): Promise<ChatProfile | undefined> {
    this.assertOpen();
    const doc = this.profiles.get(conversationId);
    return doc === undefined ? undefined : parseProfileDoc(conversationId, doc);
  }

  async setProfile(conversationId: string, profile: ChatProfile): Promise<void> {
    this.assertOpen();
    this.profiles.set(conversationId, serializeProfile(conversationId, profile));
  }

  private eraseNow(cafeId: string): boolean {
    this.contributions.delete(cafeId);
    this.messages.delete(cafeId);
    this.outbox = this.outbox.filter((e) => e.cafeId !== cafeId);
    return this.cafes.delete(cafeId);
  }

  /** The id of the café whose join code is `code`, if any. */
  private holderOf(code: string): string | undefined {
    for (const { state } of this.cafes.values()) if (state.joinCode !== undefined && state.joinCode === code) return state.id;
    return undefined;
  }

  private activeOf(conversationId: string): string | undefined {
    for (const { state } of this.cafes.values()) {
      if (state.conversationId === conversationId && state.status !== 'ended') return state.id;
    }
    return undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryStore is closed');
  }
}

/** Descending string order by UTF-16 code units (the same as SQLite's and Redis's byte order for ASCII ids). */
function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
