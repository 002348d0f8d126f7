/**
 * Pacing shared by every instance (scale-out): what Outbound uses instead of its in-memory limiter
 * and tenant budget when several processes call Teams for the same conversations.
 *
 * Why an interface: the in-memory path (one process, SQLite) stays as it is; the Redis
 * implementation (./redisPacing.ts) is loaded only for scale-out, and tests can give a fake.
 */

/** What a shared call needs beyond its conversation. */
export interface SharedCallOptions {
  /** The message a card update writes: at most one update of it per card interval, across instances. */
  cardId?: string;
  /**
   * The place of a post in its café (e.g. a part's card: its step's index in the plan): among the
   * posts of one `key` (the café) waiting on any instance, the lowest rank goes first.
   */
  order?: { key: string; rank: number };
  /** After `fn`: true when it made no request after all (a render with nothing to show). */
  madeNoCall?: () => boolean;
}

export interface SharedPacing {
  /**
   * Runs `fn` as the one sender of its conversation across instances, once every window of the
   * conversation and its tenant's budget have room (waiting, never refusing), after the posts of
   * lower rank of the same café and, for a card update, once the card's interval since its last
   * update has passed.
   */
  run<T>(target: { conversationId: string; tenantId?: string }, fn: () => Promise<T>, options?: SharedCallOptions): Promise<T>;
  close(): Promise<void>;
}
