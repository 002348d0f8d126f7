/**
 * Per-conversation scheduler that keeps the bot under Teams' rate limits.
 *
 * Why: Teams throttles each bot per conversation (thread) — 7 calls per 1 s, 8 per 2 s,
 * 60 per 30 s, 1800 per hour — and answers 429 beyond that. Facilitating a café means bursts
 * (a round opens: a message, a card, several card refreshes…) into ONE conversation, so we
 * must pace calls ourselves instead of discovering the limits through 429s.
 *
 * How:
 * - one FIFO queue per conversation; conversations never wait for each other;
 * - one call in flight per conversation (so messages also ARRIVE in order);
 * - a call is accounted at its COMPLETION time: the service saw it at or before that
 *   instant, so spacing the next call from completions is safe whatever the network latency;
 *   `marginMs` is added to every window on top of that, for clock/processing slack;
 * - memory is bounded: at most max(limit) timestamps per conversation, and conversations
 *   idle longer than `idleForgetMs` (≥ the longest window, default 1 h) are forgotten.
 */
import { Clock, realClock } from './types';

/** One sliding-window limit: at most `limit` calls in any `windowMs` span. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' per-bot, per-conversation limits for posting/updating messages. */
export const TEAMS_RATE_LIMITS: readonly RateWindow[] = Object.freeze([
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
]);

export interface RateLimiterOptions {
  /** Windows to respect. Default TEAMS_RATE_LIMITS. */
  windows?: readonly RateWindow[];
  /** Safety margin added to every window length (ms). Default 100. */
  marginMs?: number;
  /** Forget conversations idle for longer than this (ms). Default 1 h; never below the longest window. */
  idleForgetMs?: number;
  clock?: Clock;
}

interface Task {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface ConversationState {
  queue: Task[];
  /** Completion times of past calls, ascending, trimmed to what the windows can still need. */
  stamps: number[];
  running: boolean;
  blockedUntil: number;
  lastActivity: number;
}

const SWEEP_EVERY_MS = 60_000;

/** Paces calls per conversation under sliding-window limits (see the file header for why/how). */
export class RateLimiter {
  private readonly windows: readonly RateWindow[];
  private readonly marginMs: number;
  private readonly idleForgetMs: number;
  private readonly keepStamps: number;
  private readonly longestMs: number;
  private readonly clock: Clock;
  private readonly states = new Map<string, ConversationState>();
  private lastSweep: number;

  constructor(options: RateLimiterOptions = {}) {
    const windows = options.windows ?? TEAMS_RATE_LIMITS;
    if (windows.length === 0) throw new Error('RateLimiter: at least one window is required');
    for (const w of windows) {
      if (!(Number.isInteger(w.limit) && w.limit >= 1 && w.windowMs > 0)) {
        throw new Error(`RateLimiter: invalid window ${JSON.stringify(w)}`);
      }
    }
    this.windows = windows.map((w) => ({ ...w }));
    this.marginMs = Math.max(0, options.marginMs ?? 100);
    this.longestMs = Math.max(...windows.map((w) => w.windowMs)) + this.marginMs;
    this.idleForgetMs = Math.max(options.idleForgetMs ?? 3_600_000, this.longestMs);
    this.keepStamps = Math.max(...windows.map((w) => w.limit));
    this.clock = options.clock ?? realClock;
    this.lastSweep = this.clock.now();
  }

  /**
   * Runs `fn` as soon as the conversation has a free slot, after every call scheduled
   * earlier for that conversation has completed. Resolves/rejects with fn's outcome.
   * A failed call still counts toward the limits (the service may have counted it).
   */
  schedule<T>(conversationId: string, fn: () => Promise<T> | T): Promise<T> {
    this.maybeSweep();
    const state = this.stateOf(conversationId);
    const promise = new Promise<T>((resolve, reject) => {
      state.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    });
    if (!state.running) {
      state.running = true;
      void this.pump(state);
    }
    return promise;
  }

  /**
   * Holds every call of a conversation for `ms` (e.g. the service answered 429 with
   * Retry-After): queued calls would only be refused too.
   */
  holdOff(conversationId: string, ms: number): void {
    if (!(ms > 0)) return;
    const state = this.stateOf(conversationId);
    state.blockedUntil = Math.max(state.blockedUntil, this.clock.now() + ms);
  }

  /** Calls waiting (not yet started) for one conversation, or for all. */
  pending(conversationId?: string): number {
    if (conversationId !== undefined) return this.states.get(conversationId)?.queue.length ?? 0;
    let n = 0;
    for (const s of this.states.values()) n += s.queue.length;
    return n;
  }

  /** Number of conversations currently remembered (for memory-bound checks). */
  get conversations(): number {
    return this.states.size;
  }

  /** Earliest time a new call could start in this conversation (now if free). */
  nextSlotAt(conversationId: string): number {
    const state = this.states.get(conversationId);
    const now = this.clock.now();
    return state ? Math.max(now, this.readyAt(state)) : now;
  }

  /** Forgets conversations idle for more than `idleForgetMs`. Called automatically. */
  sweep(): void {
    const now = this.clock.now();
    this.lastSweep = now;
    for (const [id, s] of this.states) {
      if (!s.running && s.queue.length === 0 && now - s.lastActivity > this.idleForgetMs && now >= s.blockedUntil) {
        this.states.delete(id);
      }
    }
  }

  private maybeSweep(): void {
    if (this.clock.now() - this.lastSweep >= SWEEP_EVERY_MS) this.sweep();
  }

  private stateOf(conversationId: string): ConversationState {
    let state = this.states.get(conversationId);
    if (!state) {
      state = { queue: [], stamps: [], running: false, blockedUntil: 0, lastActivity: this.clock.now() };
      this.states.set(conversationId, state);
    }
    return state;
  }

  /** Earliest instant at which one more call fits every window. */
  private readyAt(state: ConversationState): number {
    let at = state.blockedUntil;
    const n = state.stamps.length;
    for (const w of this.windows) {
      if (n >= w.limit) {
        // The w.limit-th most recent call must be out of the (margin-widened) window.
        at = Math.max(at, state.stamps[n - w.limit] + w.windowMs + this.marginMs);
      }
    }
    return at;
  }

  private async pump(state: ConversationState): Promise<void> {
    while (state.queue.length > 0) {
      const now = this.clock.now();
      const at = this.readyAt(state);
      if (at > now) {
        await this.clock.sleep(at - now);
        continue; // re-check: holdOff may have moved the goalposts meanwhile
      }
      const task = state.queue.shift() as Task;
      try {
        task.resolve(await task.fn());
      } catch (err) {
        task.reject(err);
      } finally {
        this.record(state, this.clock.now());
      }
    }
    state.running = false;
    state.lastActivity = this.clock.now();
  }

  private record(state: ConversationState, at: number): void {
    const stamps = state.stamps;
    stamps.push(at);
    state.lastActivity = at;
    if (stamps.length > this.keepStamps) stamps.splice(0, stamps.length - this.keepStamps);
    let drop = 0;
    while (drop < stamps.length && stamps[drop] <= at - this.longestMs) drop++;
    if (drop > 0) stamps.splice(0, drop);
  }
}
