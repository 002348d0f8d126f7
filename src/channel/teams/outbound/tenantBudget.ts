/**
 * Tenant-wide budget of Teams calls: at most `limit` calls in any `windowMs` (+ margin) per tenant.
 *
 * Why: besides its per-conversation limits (RateLimiter), Teams limits each app per tenant: "The
 * global limit per app per tenant is 50 Requests Per Second (RPS)", and every request counts
 * (sends, updates, deletes, roster fetches). Five hundred cafés of one organisation refreshing
 * their cards at one update per card per second ask for ten times that; Teams would answer 429
 * to most of them. So the outbound path spends the tenant's budget itself, and spends it on what
 * matters first.
 *
 * How:
 * - one state per tenant (an unknown tenant shares one key), with the completion times of recent
 *   calls and the number in flight. A call counts from the instant it is granted until
 *   `windowMs + marginMs` after it completed, like the limiter: whenever Teams saw it, it was
 *   inside that span, so no window Teams judges ever holds more than `limit` granted calls;
 * - waiters are served by priority, then first come first served: 'send' (posts, replies,
 *   deletes, notifications: a person waits for them) before 'update' (coalesced card refreshes).
 *   A waiter's priority is read at each grant, so a card update that holds its conversation's
 *   slot is promoted as soon as a send queues behind it (see Outbound: no send waits behind a
 *   starved update);
 * - among updates, the oldest waiter goes first: the card that has waited longest. A card has at
 *   most one waiter (CardUpdater runs one update per card at a time), and while it waits its
 *   later requests merge into it (render happens at send time, after the grant);
 * - memory is bounded: at most `limit` stamps per tenant, and tenants idle (nothing waiting or in
 *   flight) for longer than `idleForgetMs` are forgotten.
 *
 * The budget waits only for time and for calls in flight to end, never for a conversation's slot,
 * so it cannot take part in a deadlock whatever order the caller takes the two limits in.
 */
import { Clock, realClock } from './types';

/** Teams' documented global limit: calls per app per tenant per second. */
export const TEAMS_TENANT_LIMIT = Object.freeze({ limit: 50, windowMs: 1_000 });

/** 'send' (a person waits for it) goes before 'update' (a coalesced card refresh). */
export type BudgetPriority = 'send' | 'update';

export interface TenantBudgetOptions {
  /** Calls allowed per window per tenant. Default 50. */
  limit?: number;
  /** Window length (ms). Default 1000. */
  windowMs?: number;
  /** Safety margin added to the window (ms), as the limiter's. Default 100. */
  marginMs?: number;
  /** Forget tenants idle for longer than this (ms). Default 60 s; never below the window. */
  idleForgetMs?: number;
  clock?: Clock;
}

/** Given to the call run under the budget. */
export interface Grant {
  /** The call made no request after all (e.g. a card update that had nothing new to show): its place is given back. */
  unused(): void;
}

interface Waiter {
  priority: () => BudgetPriority;
  grant: () => void;
}

interface TenantState {
  waiters: Waiter[];
  /** Completion times of recent calls, ascending, at most `limit`. */
  stamps: number[];
  inFlight: number;
  pumping: boolean;
  /** Wakes the pump when a call in flight ends. */
  wake: (() => void) | undefined;
  lastActivity: number;
}

const SWEEP_EVERY_MS = 60_000;
const UNKNOWN_TENANT = '(unknown tenant)';

/** The key of a tenant: ids compared case-insensitively; an absent one shares one key. */
export function tenantKey(tenantId: string | undefined): string {
  const t = tenantId?.trim().toLowerCase();
  return t ? t : UNKNOWN_TENANT;
}

/** Spends each tenant's budget of Teams calls, sends first (see the file header for why/how). */
export class TenantBudget {
  readonly limit: number;
  readonly windowMs: number;
  private readonly spanMs: number;
  private readonly idleForgetMs: number;
  private readonly clock: Clock;
  private readonly states = new Map<string, TenantState>();
  private lastSweep: number;

  constructor(options: TenantBudgetOptions = {}) {
    const limit = options.limit ?? TEAMS_TENANT_LIMIT.limit;
    const windowMs = options.windowMs ?? TEAMS_TENANT_LIMIT.windowMs;
    if (!(Number.isInteger(limit) && limit >= 1 && windowMs > 0)) {
      throw new Error(`TenantBudget: invalid limit ${JSON.stringify({ limit, windowMs })}`);
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.spanMs = windowMs + Math.max(0, options.marginMs ?? 100);
    this.idleForgetMs = Math.max(options.idleForgetMs ?? 60_000, this.spanMs);
    this.clock = options.clock ?? realClock;
    this.lastSweep = this.clock.now();
  }

  /**
   * Runs `fn` once the tenant's budget has room for it, before waiters of lower priority and
   * after earlier ones of the same priority. The call counts until a window after it ended
   * (failed calls too: Teams may have counted them). `priority` may be a function, read at each
   * grant (a waiting update can be promoted). A call that made no request may say so
   * (`grant.unused()`): it then does not count.
   */
  async run<T>(
    tenantId: string | undefined,
    priority: BudgetPriority | (() => BudgetPriority),
    fn: (grant: Grant) => Promise<T> | T,
  ): Promise<T> {
    this.maybeSweep();
    const state = this.stateOf(tenantKey(tenantId));
    await new Promise<void>((grant) => {
      state.waiters.push({ priority: typeof priority === 'function' ? priority : () => priority, grant });
      if (!state.pumping) {
        state.pumping = true;
        void this.pump(state);
      }
    });
    let used = true;
    try {
      return await fn({ unused: () => void (used = false) });
    } finally {
      const now = this.clock.now();
      state.inFlight--;
      if (used) state.stamps.push(now);
      if (state.stamps.length > this.limit) state.stamps.splice(0, state.stamps.length - this.limit);
      state.lastActivity = now;
      const wake = state.wake;
      state.wake = undefined;
      wake?.();
    }
  }

  /** Calls waiting for a tenant's budget (or for all tenants'). */
  pending(tenantId?: string): number {
    if (tenantId !== undefined) return this.states.get(tenantKey(tenantId))?.waiters.length ?? 0;
    let n = 0;
    for (const s of this.states.values()) n += s.waiters.length;
    return n;
  }

  /** Calls granted and not yet ended, for one tenant. */
  inFlight(tenantId?: string): number {
    return this.states.get(tenantKey(tenantId))?.inFlight ?? 0;
  }

  /** Number of tenants currently remembered (for memory-bound checks). */
  get tenants(): number {
    return this.states.size;
  }

  /** Forgets tenants with nothing waiting or in flight, idle for more than `idleForgetMs`. Called automatically. */
  sweep(): void {
    const now = this.clock.now();
    this.lastSweep = now;
    for (const [key, s] of this.states) {
      if (!s.pumping && s.waiters.length === 0 && s.inFlight === 0 && now - s.lastActivity > this.idleForgetMs) {
        this.states.delete(key);
      }
    }
  }

  private maybeSweep(): void {
    if (this.clock.now() - this.lastSweep >= SWEEP_EVERY_MS) this.sweep();
  }

  private stateOf(key: string): TenantState {
    let state = this.states.get(key);
    if (!state) {
      state = { waiters: [], stamps: [], inFlight: 0, pumping: false, wake: undefined, lastActivity: this.clock.now() };
      this.states.set(key, state);
    }
    return state;
  }

  /**
   * When one more call fits: 0 if now; a time if only ended calls must leave the window;
   * undefined if calls in flight must end first.
   */
  private freeAt(state: TenantState, now: number): number | undefined {
    const stamps = state.stamps;
    let drop = 0;
    while (drop < stamps.length && stamps[drop] <= now - this.spanMs) drop++;
    if (drop > 0) stamps.splice(0, drop);
    const room = this.limit - state.inFlight;
    if (room <= 0) return undefined;
    if (stamps.length < room) return 0;
    // `room` slots free once the stamp `room`-th from the end leaves the window.
    return stamps[stamps.length - room] + this.spanMs;
  }

  private async pump(state: TenantState): Promise<void> {
    while (state.waiters.length > 0) {
      const now = this.clock.now();
      const at = this.freeAt(state, now);
      if (at === undefined || at > now) {
        const ended = new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        await (at === undefined ? ended : Promise.race([ended, this.clock.sleep(at - now)]));
        continue;
      }
      let index = state.waiters.findIndex((w) => w.priority() === 'send');
      if (index < 0) index = 0;
      const [waiter] = state.waiters.splice(index, 1);
      state.inFlight++;
      state.lastActivity = now;
      waiter.grant();
    }
    state.pumping = false;
    state.wake = undefined;
  }
}
