import type { VoteTally } from '../domain/tally';
import type { CafeState, Contribution, Effect } from '../domain/types';

/** The effects that reach people (timers are durable on their own): what the outbox keeps. */
export type OutboxEffect = Exclude<Effect, { type: 'arm-timer' } | { type: 'cancel-timer' }>;

/**
 * An effect saved in the same write as the decision that made it (the durable outbox): carried
 * out in `seq` order per conversation, acknowledged (deleted) once done, replayed after a crash.
 */
export interface OutboxEntry {
  /** `${cafeId}/${version}/${index}`: the save that made it (a version is saved once) and its place. */
  id: string;
  /** Increasing in the store's write order: the order entries are carried out in. */
  seq: number;
  cafeId: string;
  conversationId: string;
  /** Epoch ms of the save. */
  at: number;
  effect: OutboxEffect;
}

/**
 * What the facilitator tells the cafés network once per chat (who organises, where), remembered
 * per conversation. Not personal data: retention keeps it; only erasing the conversation drops it.
 */
export interface ChatProfile {
  organisation: string;
  town: string;
  /** The town's position (WGS 84 degrees), when known. */
  lat?: number;
  lon?: number;
  /** Epoch ms of the last change. */
  updatedAt: number;
}

/**
 * Persistence port. The café is one document saved with optimistic concurrency; contributions
 * (votes, post-its…) are records of their own, upserted idempotently, so concurrent participants
 * never overwrite each other and a retried delivery counts once.
 *
 * A café read (`get`, `getActive`) belongs to the store: it may be shared between turns and
 * deep-frozen (KeptStore, and MemoryStore so the tests catch offenders). Never change it in place;
 * build the next state as a new object (`decide` works on its own copy).
 */
export interface CafeStore {
  /** The café of a conversation that is not ended, if any. */
  getActive(conversationId: string): Promise<CafeState | undefined>;
  get(cafeId: string): Promise<CafeState | undefined>;
  /**
   * Every café of a conversation, active and ended, newest first: ordered by (createdAt, id)
   * descending, so cafés created in the same millisecond come by id, the greater first.
   */
  listCafes(conversationId: string): Promise<CafeState[]>;
  /**
   * The café (active or ended; not erased or purged) whose `joinCode` is `code`, exactly (codes
   * are stored normalised: normalise what a person typed first). A café without a code is never
   * found, by any string.
   */
  cafeByCode(code: string): Promise<CafeState | undefined>;
  /**
   * Inserts a new café (version 1). Returns false, and stores nothing, when the conversation
   * already has a café that is not ended. Throws a BaristaError 'code-taken', storing nothing,
   * when its `joinCode` is already another stored café's: the caller draws a new code and tries
   * again. A café keeps its code for life: `save` must not change it.
   */
  create(state: CafeState): Promise<boolean>;
  /**
   * Saves `state` if the stored version is still `state.version - 1`; returns false on conflict
   * (someone saved in between: reload, decide again). `outbox`: the decision's effects that reach
   * people, stored in the same write (all or nothing with the café) as entries `${id}/${version}/i`.
   */
  save(state: CafeState, outbox?: readonly OutboxEffect[]): Promise<boolean>;
  /** Every outbox entry not acknowledged yet, in `seq` order (oldest first). */
  pendingOutbox(): Promise<OutboxEntry[]>;
  /** Deletes carried-out entries (unknown ones are ignored: a repeat is harmless). */
  ackOutbox(entries: ReadonlyArray<Pick<OutboxEntry, 'id' | 'cafeId'>>): Promise<void>;
  /**
   * Upserts a contribution keyed by (cafeId, stepId, kind, key): a new key adds a record (another
   * post-it); under a key already kept, the record is replaced only if the domain's `replaces`
   * says so (a person's newer answer: a changed vote), atomically with the read of the kept one,
   * so a late re-delivery of an older answer, or a duplicate, changes nothing. Resolves to whether
   * the record was stored (false: the store kept what it had).
   */
  putContribution(c: Contribution): Promise<boolean>;
  /** Contributions of a café, oldest first; of one step when `stepId` is given. */
  listContributions(cafeId: string, stepId?: string): Promise<Contribution[]>;
  /**
   * Optional: the votes of a step as counted so far, when the store keeps them (KeptStore, for the
   * steps it keeps); undefined otherwise, and the caller counts the contributions itself.
   */
  voteTally?(cafeId: string, stepId: string): VoteTally | undefined;
  /** Remembers the Teams activity id of a card (key: 'menu', a step id, 'recap'). */
  setMessageId(cafeId: string, key: string, activityId: string): Promise<void>;
  getMessageId(cafeId: string, key: string): Promise<string | undefined>;
  /** Cafés that are not ended and have a timer, to re-arm timers at start. */
  listTimed(): Promise<CafeState[]>;
  /**
   * Deletes the cafés that ended before `ts`, with their contributions, message ids and outbox entries (the
   * retention period: personal data is kept no longer than needed). Returns how many went.
   */
  purgeEndedBefore(ts: number): Promise<number>;
  /** Deletes one café with its contributions, message ids and outbox entries; says whether it existed. */
  eraseCafe(cafeId: string): Promise<boolean>;
  /**
   * The chat's "/effacer": deletes, all or nothing, every café of the conversation (the active one
   * too) with their contributions and message ids, and the chat profile. Returns how many cafés went.
   */
  eraseConversation(conversationId: string): Promise<number>;
  /**
   * The conversation's chat profile, if one was set. A stored profile that is not valid throws an
   * error naming the conversation (like a corrupted café), never a half-read profile.
   */
  getProfile(conversationId: string): Promise<ChatProfile | undefined>;
  /** Sets (replaces) the conversation's chat profile; throws, storing nothing, if it is not valid. */
  setProfile(conversationId: string, profile: ChatProfile): Promise<void>;
  /** Is the store reachable? */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
