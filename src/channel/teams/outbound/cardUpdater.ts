/**
 * Coalesces updates of one Adaptive Card message.
 *
 * Why: the café's live cards (who has voted, the timer, the round…) change many times per
 * second when people click together; sending each change would burn the conversation's
 * Teams budget (updates count like sends) and get throttled. What users need is only that
 * the card soon shows the LATEST state. So, per card:
 * - at most one update per `intervalMs` (default 1 s), and one at a time;
 * - requests arriving meanwhile are merged: the last render wins, and it is called at send
 *   time (inside the rate-limiter slot, on every retry), so the card never shows a state
 *   older than one already sent;
 * - a transient final failure (429/412/5xx, a network error) is retried after the next interval
 *   with the then-latest render, and never dropped: after `maxConsecutiveFailures` in a row it is
 *   reported to `onError` (an operator sees it) and retried ever less often (up to once a minute)
 *   until the card shows the latest state; a permanent one (400/403/404…) is dropped and reported.
 *   Nobody awaits a background update; `request`'s `onSettled` says when one covering the request
 *   was sent (or skipped, or dropped for good), e.g. to acknowledge a durable outbox entry.
 */
import type { Activity } from 'botbuilder';
import { isTransient, OutboundError, statusOf } from './retry';
import { Clock, consoleLogger, ErrorSink, logErrorSink, OutboundLogger, realClock, report } from './types';

/**
 * Builds the card's current activity (text/attachments). Called at send time.
 * Returning undefined means "nothing to show": the update is skipped.
 */
export type RenderCard = () => Promise<Partial<Activity> | undefined> | Partial<Activity> | undefined;

/** The I/O that writes one activity over the message (optional per-card override). */
export type UpdateIo = (activity: Partial<Activity>) => Promise<unknown>;

/**
 * Performs ONE logical update (limiter + retries included) and resolves when done.
 * It must call `render()` to get the activity, as late as possible (ideally inside the
 * limiter slot, once per attempt): `render` always yields the latest requested state
 * (undefined = skip). `io` is the latest per-card I/O given to `request`, if any.
 */
export type PerformUpdate = (
  conversationId: string,
  activityId: string,
  render: () => Promise<Partial<Activity> | undefined>,
  io: UpdateIo | undefined,
  tenantId: string | undefined,
) => Promise<unknown>;

export interface CardUpdaterOptions {
  perform: PerformUpdate;
  /** Minimum spacing between the end of one update and the start of the next, per card. Default 1000. */
  intervalMs?: number;
  /** Transient failures in a row before they are reported (the card is still retried, less often). Default 5. */
  maxConsecutiveFailures?: number;
  /** Whether a failed update is worth retrying later. Default: retryable OutboundError or 429/412/5xx status. */
  isRetryable?: (err: unknown) => boolean;
  clock?: Clock;
  logger?: OutboundLogger;
  onError?: ErrorSink;
}

interface CardState {
  conversationId: string;
  activityId: string;
  render: RenderCard;
  io: UpdateIo | undefined;
  /** The tenant of the card's conversation (Teams' per-tenant budget), as last given. */
  tenantId: string | undefined;
  /** Incremented by each request. */
  requested: number;
  /** Highest request number sent (or given up on). */
  settled: number;
  lastEndAt: number;
  failures: number;
  worker: Promise<void> | undefined;
  /** Callers waiting for a request number to be settled. */
  waiters: Array<{ n: number; done: () => void }>;
}

/** The longest pause between two attempts of a card that keeps failing transiently. */
const MAX_BACKOFF_MS = 60_000;

const SWEEP_EVERY_MS = 60_000;

function defaultIsRetryable(err: unknown): boolean {
  return isTransient(err);
}

/** Per-card coalescing of updates: ≤ 1 per interval, last render wins (see the file header). */
export class CardUpdater {
  private readonly perform: PerformUpdate;
  private readonly intervalMs: number;
  private readonly maxFailures: number;
  private readonly isRetryable: (err: unknown) => boolean;
  private readonly clock: Clock;
  private readonly logger: OutboundLogger;
  private readonly onError: ErrorSink;
  private readonly cards = new Map<string, CardState>();
  private lastSweep: number;

  constructor(options: CardUpdaterOptions) {
    this.perform = options.perform;
    this.intervalMs = Math.max(0, options.intervalMs ?? 1_000);
    this.maxFailures = Math.max(1, options.maxConsecutiveFailures ?? 5);
    this.isRetryable = options.isRetryable ?? defaultIsRetryable;
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
    this.onError = options.onError ?? logErrorSink(this.logger);
    this.lastSweep = this.clock.now();
  }

  /**
   * Asks for the card to show the state `render` produces. Returns at once; the update is
   * sent when the card's interval allows, merged with any later request (last one wins).
   * `io`, when given, replaces the I/O used for this card (the latest one given wins); so does
   * `tenantId`, handed to `perform` with it.
   */
  request(conversationId: string, activityId: string, render: RenderCard, io?: UpdateIo, tenantId?: string, onSettled?: () => void): void {
    this.maybeSweep();
    const key = `${conversationId}\u0000${activityId}`;
    let card = this.cards.get(key);
    if (!card) {
      card = {
        conversationId,
        activityId,
        render,
        io,
        tenantId,
        requested: 0,
        settled: 0,
        lastEndAt: Number.NEGATIVE_INFINITY,
        failures: 0,
        worker: undefined,
        waiters: [],
      };
      this.cards.set(key, card);
    }
    card.render = render;
    if (io) card.io = io;
    if (tenantId !== undefined) card.tenantId = tenantId;
    card.requested++;
    if (onSettled) card.waiters.push({ n: card.requested, done: onSettled });
    if (!card.worker) {
      const state = card;
      // Start on a microtask: request() never does I/O synchronously, and a burst of
      // synchronous requests is merged before the first render.
      state.worker = Promise.resolve()
        .then(() => this.work(state))
        .catch((err: unknown) => {
          // Only a throwing logger/isRetryable can get here; never leave flush() hanging on it.
          report(this.onError, this.logger, err, {
            op: 'cardUpdate',
            conversationId: state.conversationId,
            activityId: state.activityId,
            gaveUp: true,
          });
        });
    }
  }

  /** Resolves when no card has a pending or in-flight update (for shutdown and tests). */
  async flush(): Promise<void> {
    for (;;) {
      const workers = [...this.cards.values()].map((c) => c.worker).filter((w): w is Promise<void> => w !== undefined);
      if (workers.length === 0) return;
      await Promise.all(workers);
    }
  }

  /** Cards with an update pending or in flight. */
  pending(): number {
    let n = 0;
    for (const c of this.cards.values()) if (c.worker) n++;
    return n;
  }

  private async work(card: CardState): Promise<void> {
    try {
      for (;;) {
        if (card.requested <= card.settled) {
          // Cleared in the same synchronous step as the check, so a request arriving
          // afterwards always starts a new worker (no lost wake-up).
          card.worker = undefined;
          return;
        }
        const wait = card.lastEndAt + this.delayAfter(card.failures) - this.clock.now();
        if (wait > 0) {
          await this.clock.sleep(wait);
          continue;
        }
        let rendered = card.requested;
        const renderLatest = async (): Promise<Partial<Activity> | undefined> => {
          rendered = card.requested;
          return card.render();
        };
        try {
          await this.perform(card.conversationId, card.activityId, renderLatest, card.io, card.tenantId);
          card.settled = Math.max(card.settled, rendered);
          card.failures = 0;
        } catch (err) {
          this.failed(card, err, rendered);
        } finally {
          card.lastEndAt = this.clock.now();
          this.wake(card);
        }
      }
    } catch (err) {
      card.worker = undefined;
      throw err;
    }
  }

  private failed(card: CardState, err: unknown, rendered: number): void {
    card.failures++;
    const retryable = this.isRetryable(err);
    const context = {
      op: 'cardUpdate' as const,
      conversationId: card.conversationId,
      activityId: card.activityId,
      failures: card.failures,
      status: statusOf(err),
      attempts: err instanceof OutboundError ? err.attempts : undefined,
    };
    if (retryable) {
      // Never dropped: the card must end up showing the latest state. Reported once the failures
      // pile up (and again every maxFailures), so an operator sees a card that cannot be updated.
      if (card.failures % this.maxFailures === 0) report(this.onError, this.logger, err, { ...context, gaveUp: false, retryable });
      else this.logger.warn({ err, ...context }, `card update failed; retrying after ${this.delayAfter(card.failures)} ms with the latest state`);
      return;
    }
    // Give up on what was rendered; a newer request (if any) is still sent by the loop.
    card.settled = Math.max(card.settled, rendered);
    card.failures = 0;
    report(this.onError, this.logger, err, { ...context, gaveUp: true, retryable });
  }

  /** The pause before the next attempt: the interval, growing after the failures reported (capped). */
  private delayAfter(failures: number): number {
    const rounds = Math.floor(failures / this.maxFailures);
    return rounds === 0 ? this.intervalMs : Math.min(MAX_BACKOFF_MS, Math.max(this.intervalMs, 1_000) * 2 ** rounds);
  }

  /** Tells the callers whose request is now settled. */
  private wake(card: CardState): void {
    if (card.waiters.length === 0) return;
    const done = card.waiters.filter((w) => w.n <= card.settled);
    if (done.length === 0) return;
    card.waiters = card.waiters.filter((w) => w.n > card.settled);
    for (const w of done) {
      try {
        w.done();
      } catch (err) {
        report(this.onError, this.logger, err, { op: 'cardUpdate', conversationId: card.conversationId, activityId: card.activityId });
      }
    }
  }

  private maybeSweep(): void {
    const now = this.clock.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, c] of this.cards) {
      if (!c.worker && c.requested === c.settled && now - c.lastEndAt > this.intervalMs) this.cards.delete(key);
    }
  }
}
