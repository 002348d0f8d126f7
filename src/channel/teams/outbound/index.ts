/**
 * The one path for every outbound call to Teams.
 *
 * Why: Teams limits each bot per conversation and throttles with 429s; a café session is
 * bursty and lives in one conversation. Routing every send/update through one object gives
 * one place that paces (RateLimiter per conversation, TenantBudget per tenant), retries transient
 * failures (withRetry), merges card refreshes (CardUpdater) and counts what happened (stats, for
 * the benchmark).
 *
 * The order of the two limits: a call first takes its conversation's slot (RateLimiter), then its
 * tenant's budget (TenantBudget), then runs. The budget must be granted at the instant the call
 * starts (it counts calls from their start), so it is taken last; it waits only for time, never
 * for a slot, so there is no cycle to deadlock on. A card update waiting for the budget holds its
 * conversation's slot; so that a send queued behind it never waits for the updates of the whole
 * tenant, that update is promoted to the sends' priority while a send of its conversation waits.
 *
 * No dependency on domain code or on a botbuilder client: the actual I/O is passed in as
 * functions (`send(conversationId, () => context.sendActivity(...))`, and an
 * `updateActivity(conversationId, activityId, activity)` given at construction).
 */
import type { Activity } from 'botbuilder';
import { KeyedQueue } from '../../../bot/keyedQueue';
import { CardUpdater, type RenderCard, type UpdateIo } from './cardUpdater';
import { RateLimiter, type RateWindow } from './rateLimiter';
import { type BudgetPriority, TenantBudget } from './tenantBudget';
import { OutboundError, retryAfterMsOf, type RetryInfo, type RetryOptions, statusOf, withRetry } from './retry';
import type { SharedCallOptions, SharedPacing } from './sharedPacing';
import { type Clock, consoleLogger, type ErrorSink, logErrorSink, type OutboundLogger, realClock } from './types';

export { CardUpdater } from './cardUpdater';
export type { CardUpdaterOptions, PerformUpdate, RenderCard, UpdateIo } from './cardUpdater';
export { RateLimiter, TEAMS_RATE_LIMITS } from './rateLimiter';
export type { RateLimiterOptions, RateWindow } from './rateLimiter';
export { TEAMS_TENANT_LIMIT, TenantBudget, tenantKey } from './tenantBudget';
export type { BudgetPriority, Grant, TenantBudgetOptions } from './tenantBudget';
export { isRetryableStatus, isTransient, networkCodeOf, OutboundError, RETRYABLE_NETWORK_CODES, RETRYABLE_STATUSES, retryAfterMsOf, statusOf, withRetry } from './retry';
export type { RetryInfo, RetryOptions } from './retry';
export { addRequestTimeout, DEFAULT_REQUEST_TIMEOUT_MS, disableSdkRetries } from './sdkRetry';
export type { SharedCallOptions, SharedPacing } from './sharedPacing';
export { consoleLogger, realClock } from './types';
export type { Clock, ErrorSink, OutboundErrorContext, OutboundLogger } from './types';

/** Performs the update of one message (e.g. via `connector.conversations.updateActivity`). */
export type UpdateActivityFn = (conversationId: string, activityId: string, activity: Partial<Activity>) => Promise<unknown>;

/**
 * Where a call goes: a conversation, and the tenant it belongs to (Teams' global limit is per
 * tenant). A bare conversation id means an unknown tenant (all unknown tenants share one budget).
 */
export type OutboundTarget = string | { conversationId: string; tenantId?: string };

function targetOf(target: OutboundTarget): { conversationId: string; tenantId?: string } {
  return typeof target === 'string' ? { conversationId: target } : target;
}

export interface OutboundOptions {
  /**
   * Default I/O for card updates (e.g. `connector.conversations.updateActivity`). Optional:
   * `update()` can instead be given the I/O for its card.
   */
  updateActivity?: UpdateActivityFn;
  /** Share a limiter (e.g. with another Outbound); otherwise one is built from limits/marginMs. */
  limiter?: RateLimiter;
  /** Per-conversation windows. Default TEAMS_RATE_LIMITS (7/1 s, 8/2 s, 60/30 s, 1800/h). */
  limits?: readonly RateWindow[];
  /** Safety margin added to each window (ms), the tenant's included. Default 100. */
  marginMs?: number;
  /**
   * Scale-out: pacing shared by every instance (./redisPacing.ts). Given, every call takes its
   * conversation's windows, its tenant's budget, the conversation's lock and a card's slot from it
   * instead of this process's limiter and budget (which then stay unused).
   */
  shared?: SharedPacing;
  /** Share a tenant budget; otherwise one is built from tenantLimit/marginMs. */
  budget?: TenantBudget;
  /** Teams calls per second per tenant (all calls of this process). Default 50, Teams' global limit. */
  tenantLimit?: number;
  /** Retry tuning (maxAttempts 5, base 500 ms, cap 8 s by default). */
  retry?: Omit<RetryOptions, 'onRetry' | 'sleep' | 'now'>;
  /** Minimum spacing of updates of one card (ms). Default 1000. */
  cardIntervalMs?: number;
  /** Transient card-update failures in a row before dropping that state. Default 5. */
  maxCardFailures?: number;
  clock?: Clock;
  logger?: OutboundLogger;
  /** Sink for failures nobody awaits (background card updates). Default: logger.error. */
  onError?: ErrorSink;
}

/** Counters for the benchmark and for health logs. */
export interface OutboundStats {
  /** send() calls that succeeded. */
  sent: number;
  /** Card updates that succeeded (each may stand for many merged requests). */
  updated: number;
  /** update() requests received. */
  updateRequests: number;
  /** Retries performed (attempts beyond the first). */
  retried: number;
  /** 429 answers received. */
  got429: number;
  /** Logical calls (sends and card updates) that finally failed. */
  failed: number;
}

export interface SendOptions {
  /**
   * Keep this send in order with the conversation's other ordered sends (default true):
   * it starts only after the previous one has succeeded or finally failed, even across
   * retries. Use false for calls whose order does not matter (e.g. a delete).
   */
  ordered?: boolean;
  /** With shared pacing: the post's place in its café (see SharedCallOptions.order). */
  order?: SharedCallOptions['order'];
}

/**
 * Front door of the outbound path: `send` (paced, retried, ordered per conversation),
 * `update` (coalesced card refreshes), `flush` (shutdown/tests) and `stats` (benchmark).
 */
export class Outbound {
  readonly limiter: RateLimiter;
  readonly cards: CardUpdater;
  readonly budget: TenantBudget;
  private readonly updateActivity: UpdateActivityFn | undefined;
  private readonly retry: Omit<RetryOptions, 'onRetry' | 'sleep' | 'now'>;
  private readonly clock: Clock;
  private readonly logger: OutboundLogger;
  private readonly counters: OutboundStats = { sent: 0, updated: 0, updateRequests: 0, retried: 0, got429: 0, failed: 0 };
  /** The ordered sends of each conversation, one after the other. */
  private readonly lanes = new KeyedQueue();
  /** Sends waiting for their conversation's slot, per conversation (absent: none). */
  private readonly sendsWaiting = new Map<string, number>();
  private readonly shared: SharedPacing | undefined;

  constructor(options: OutboundOptions) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
    const onError = options.onError ?? logErrorSink(this.logger);
    this.updateActivity = options.updateActivity;
    this.retry = options.retry ?? {};
    this.shared = options.shared;
    this.limiter =
      options.limiter ?? new RateLimiter({ windows: options.limits, marginMs: options.marginMs, clock: this.clock });
    this.budget =
      options.budget ?? new TenantBudget({ limit: options.tenantLimit, marginMs: options.marginMs, clock: this.clock });
    this.cards = new CardUpdater({
      perform: (conversationId, activityId, render, io, tenantId) =>
        this.performUpdate({ conversationId, tenantId }, activityId, render, io),
      intervalMs: options.cardIntervalMs,
      maxConsecutiveFailures: options.maxCardFailures,
      clock: this.clock,
      logger: this.logger,
      onError,
    });
  }

  /**
   * Sends through the limiter with retries; resolves with fn's result (e.g. the
   * ResourceResponse) or rejects with an OutboundError. `fn` may be called several times
   * (once per attempt), so it must be safe to repeat: build the activity inside or before it,
   * never consume state in it.
   */
  send<T>(target: OutboundTarget, fn: () => Promise<T>, options: SendOptions = {}): Promise<T> {
    const { conversationId } = targetOf(target);
    const run = (): Promise<T> =>
      this.call(targetOf(target), fn, { op: 'send', order: options.order }).then((result) => {
        this.counters.sent++;
        return result;
      });
    if (options.ordered === false) return run();
    // The lane goes on whatever this send's outcome: the caller gets the error via the result.
    return this.lanes.run(conversationId, run);
  }

  /**
   * Asks for a card (message `activityId`) to show the state built by `render`. Returns at
   * once; updates are merged per card (≤ 1 per cardIntervalMs, last render wins, rendered at
   * send time; a render returning undefined skips the update). Failures go to the logger /
   * onError sink. `io` writes the activity for this card (e.g. `a => gateway.update(channel, id, a)`);
   * without it, the `updateActivity` given at construction is used. Card updates spend the
   * tenant's budget after its sends, the card that has waited longest first.
   */
  update(target: OutboundTarget, activityId: string, render: RenderCard, io?: UpdateIo, onSettled?: () => void): void {
    this.counters.updateRequests++;
    const { conversationId, tenantId } = targetOf(target);
    this.cards.request(conversationId, activityId, render, io, tenantId, onSettled);
  }

  /** Waits until every ordered send and every pending card update is done (shutdown, tests). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.lanes.size === 0 && this.cards.pending() === 0) return;
      await this.lanes.idle();
      await this.cards.flush();
    }
  }

  /** A snapshot of the counters. */
  stats(): OutboundStats {
    return { ...this.counters };
  }

  private async performUpdate(
    target: { conversationId: string; tenantId?: string },
    activityId: string,
    render: () => Promise<Partial<Activity> | undefined>,
    io: UpdateIo | undefined,
  ): Promise<void> {
    const { conversationId } = target;
    const fallback = this.updateActivity;
    const write: UpdateIo | undefined =
      io ?? (fallback ? (activity) => fallback(conversationId, activityId, activity) : undefined);
    if (!write) {
      throw new OutboundError('No update I/O: pass updateActivity to Outbound or io to update()', {
        attempts: 0,
        retryable: false,
      });
    }
    let skipped = false;
    await this.call(
      target,
      async () => {
        skipped = false;
        const activity = await render();
        skipped = activity === undefined;
        return activity === undefined ? undefined : write(activity);
      },
      { op: 'cardUpdate', activityId, madeNoCall: () => skipped },
    );
    if (!skipped) this.counters.updated++;
  }

  /**
   * One logical call: retried attempts, each paced by the conversation's limiter, then by the
   * tenant's budget (see the file header for the order).
   */
  private async call<T>(
    target: { conversationId: string; tenantId?: string },
    fn: () => Promise<T>,
    context: { op: 'send' | 'cardUpdate'; activityId?: string; madeNoCall?: () => boolean; order?: SharedCallOptions['order'] },
  ): Promise<T> {
    const { conversationId, tenantId } = target;
    const { madeNoCall, order, ...logged } = context;
    const isSend = context.op === 'send';
    const shared = this.shared;
    if (shared) {
      const cardId = context.op === 'cardUpdate' ? context.activityId : undefined;
      return this.retried(conversationId, logged, () => shared.run(target, fn, { cardId, order, madeNoCall }));
    }
    const priority = (): BudgetPriority => (isSend || this.sendsWaiting.has(conversationId) ? 'send' : 'update');
    const attempt = (): Promise<T> => {
      if (isSend) this.sendsWaiting.set(conversationId, (this.sendsWaiting.get(conversationId) ?? 0) + 1);
      return this.limiter.schedule(conversationId, () => {
        if (isSend) {
          const left = (this.sendsWaiting.get(conversationId) ?? 1) - 1;
          if (left > 0) this.sendsWaiting.set(conversationId, left);
          else this.sendsWaiting.delete(conversationId);
        }
        return this.budget.run(tenantId, priority, async (grant) => {
          try {
            return await this.throttleAware(conversationId, fn);
          } finally {
            // A render with nothing new to show made no request: Teams counted nothing.
            if (madeNoCall?.()) grant.unused();
          }
        });
      });
    };
    return this.retried(conversationId, logged, attempt);
  }

  /** Retries the attempts of one logical call (withRetry), counting what happened. */
  private async retried<T>(conversationId: string, logged: { op: string; activityId?: string }, attempt: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(attempt, {
        ...this.retry,
        sleep: (ms) => this.clock.sleep(ms),
        now: () => this.clock.now(),
        onRetry: (info) => this.onRetry(conversationId, logged, info),
      });
    } catch (err) {
      this.counters.failed++;
      if (err instanceof OutboundError && err.status === 429) this.counters.got429++;
      throw err;
    }
  }

  /**
   * Runs one attempt inside its limiter slot. On a 429 the conversation is held at once,
   * before the limiter releases the next queued call (Retry-After, else the backoff base);
   * onRetry later extends the hold to the actual retry delay.
   */
  private async throttleAware<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (statusOf(err) === 429) {
        this.limiter.holdOff(conversationId, retryAfterMsOf(err, this.clock.now()) ?? this.retry.baseDelayMs ?? 500);
      }
      throw err;
    }
  }

  private onRetry(conversationId: string, context: { op: string; activityId?: string }, info: RetryInfo): void {
    this.counters.retried++;
    if (info.status === 429) {
      this.counters.got429++;
      // The whole conversation is throttled, not just this call: hold the queue too.
      this.limiter.holdOff(conversationId, info.delayMs);
    }
    this.logger.debug?.(
      { ...context, conversationId, attempt: info.attempt, status: info.status, delayMs: info.delayMs, retryAfterMs: info.retryAfterMs },
      'outbound call will be retried',
    );
  }
}
