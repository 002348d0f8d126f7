/**
 * A fake Bot Connector / Teams service for integration tests.
 *
 * Why: the bot talks to Teams only through botbuilder's ConnectorClient, over HTTP, at the
 * `serviceUrl` of each conversation. Pointing that `serviceUrl` at this real local HTTP server
 * lets tests exercise the real SDK serialisation, URL-encoding and error paths, and lets us
 * enforce Teams' per-conversation rate limits and its global limit per app per tenant (answering
 * 429 like Teams does) and inject faults (502/503, slow responses), deterministically.
 *
 * The tenant of a call is the `conversation.tenantId` of its body when it has one (sends, replies,
 * updates: the bot writes its conversation reference into each), else the tenant last seen for
 * its conversation (deletes, member fetches), else the `tenantId` of its query (meeting
 * participants), else `setTenant`'s; calls of no known tenant share one key.
 *
 * It is deliberately independent of src/channel/teams/outbound (it does not reuse the limiter code),
 * so that `violations()` is a genuine cross-check of the bot's rate limiting.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, ChannelAccount } from 'botbuilder';
import { prng } from './prng';

/** One sliding-window limit: at most `limit` calls in any `windowMs` span. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' documented per-bot, per-conversation limits for sending/updating messages. */
export const TEAMS_LIMITS: readonly RateWindow[] = Object.freeze([
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
]);

/** Teams' documented global limit: "50 Requests Per Second (RPS)" per app per tenant, every request counted. */
export const TEAMS_TENANT_LIMIT: RateWindow = Object.freeze({ limit: 50, windowMs: 1_000 });

/** The key under which calls of no known tenant are counted together. */
export const UNKNOWN_TENANT = '(no tenant)';

export type ConnectorOperation =
  | 'send' // POST /v3/conversations/{id}/activities
  | 'reply' // POST /v3/conversations/{id}/activities/{activityId}
  | 'update' // PUT  /v3/conversations/{id}/activities/{activityId}
  | 'delete' // DELETE /v3/conversations/{id}/activities/{activityId}
  | 'getMembers' // GET /v3/conversations/{id}/members
  | 'getMember' // GET /v3/conversations/{id}/members/{userId}
  | 'getPagedMembers' // GET /v3/conversations/{id}/pagedmembers
  | 'getMeeting' // GET /v1/meetings/{meetingId}
  | 'getParticipant' // GET /v1/meetings/{meetingId}/participants/{participantId}
  | 'meetingNotification' // POST /v1/meetings/{meetingId}/notification
  | 'unknown';

export type CallOutcome = 'ok' | 'throttled' | 'fault' | 'notFound' | 'badRequest';

/** Everything the fake saw about one HTTP call, in arrival order. */
export interface RecordedCall {
  seq: number;
  method: string;
  /** Raw (still URL-encoded) path, without the query string and without `basePath`. */
  path: string;
  query: Record<string, string>;
  op: ConnectorOperation;
  /** Decoded conversation id (for /v3/conversations/... routes). */
  conversationId?: string;
  /** Decoded activity id from the path (reply target, updated or deleted activity). */
  activityId?: string;
  /** Id the fake assigned to a newly posted activity (send/reply). */
  assignedId?: string;
  userId?: string;
  meetingId?: string;
  participantId?: string;
  /** The tenant the call was counted for (see the header), lower-cased; UNKNOWN_TENANT when none is known. */
  tenantId: string;
  /** Parsed JSON body (undefined when empty; the raw string when not JSON). */
  body: unknown;
  /** Date.now() when the request body had been fully received (the instant limits are judged). */
  time: number;
  /** HTTP status the fake answered. */
  status: number;
  outcome: CallOutcome;
  /** Retry-After (seconds) sent with a 429, if any. */
  retryAfterSeconds?: number;
  authorization?: string;
}

export type MeetingRole = 'Organizer' | 'Presenter' | 'Attendee';

export type Member = ChannelAccount & Record<string, unknown>;

/** A posted or updated activity as the fake stores it: the body, with `id` set to its id. */
export type RecordedActivity = Partial<Activity> & { id: string };

export interface Violation {
  call: RecordedCall;
  /** Which limit was broken: the conversation's (default), the tenant's, or a card's (updates of one message). */
  scope: 'conversation' | 'tenant' | 'card';
  window: RateWindow;
  /** Accepted calls in the window ending at `call.time`, including `call`. */
  count: number;
}

export interface FakeConnectorOptions {
  host?: string;
  /** 0 (default) lets the OS choose; read `port` / `url` after `start()`. */
  port?: number;
  /** Optional path prefix of the serviceUrl, e.g. '/amer' (like smba.trafficmanager.net/amer/). */
  basePath?: string;
  /** Per-conversation limits to enforce; `false` disables enforcement. Default TEAMS_LIMITS. */
  limits?: readonly RateWindow[] | false;
  /** Operations that count toward (and are refused by) the limits. Default send, reply, update, delete. */
  limitedOperations?: readonly ConnectorOperation[];
  /** Per-tenant limit on every call (all operations); `false` disables it. Default TEAMS_TENANT_LIMIT (50 per 1 s). */
  tenantLimit?: RateWindow | false;
  /**
   * Updates of one message: at least this long between two accepted ones (Teams: one update per
   * card per second), judged on arrival like the other limits; `false` disables it. Default 1000.
   */
  cardIntervalMs?: number | false;
  /** Share (0..1) of 429 answers carrying a Retry-After header. Default 0.5. */
  retryAfterShare?: number;
  /** Fixed Retry-After seconds; default: computed (ceil of the time until a slot frees, ≥ 1). */
  retryAfterSeconds?: number;
  /** Share (0..1) of calls failed with one of `faultStatuses`. Default 0. */
  faultRate?: number;
  faultStatuses?: readonly number[];
  /** Operations eligible for faults. Default: all. */
  faultOperations?: readonly ConnectorOperation[];
  /** Seed of the pseudo-random generators (faults, Retry-After share). Default 42. */
  seed?: number;
  /** Delay before answering (ms), fixed or per call. Limits are judged on arrival, before the delay. */
  delayMs?: number | ((call: RecordedCall) => number);
  /** Members returned for conversations without `setMembers`. */
  members?: Member[];
  /** Status of GET …/members and …/pagedmembers (default 200): e.g. 403 for a roster Teams will not give. */
  membersStatus?: number;
  /**
   * How a targeted message (POST …/activities?isTargetedActivity=true, seen by its recipient only) is
   * answered: 'accept' (default) or the status of a refusal (e.g. 400, as where Teams does not offer them).
   */
  targeted?: 'accept' | number;
  /** Role of participants without `setRole`. Default 'Attendee'. */
  defaultRole?: MeetingRole;
  /** Status for POST /v1/meetings/{id}/notification. Default 202. */
  notificationStatus?: number;
  /** Body for the notification answer (e.g. a 207 MeetingNotificationResponse). */
  notificationBody?: unknown;
  /** Answer 404 to update/delete/reply of activity ids the fake never issued. Default false. */
  strictActivityIds?: boolean;
}

type ResolvedOptions = Required<Omit<FakeConnectorOptions, 'members' | 'notificationBody'>> & {
  members: Member[];
  notificationBody: unknown;
};

const DEFAULT_MEMBERS: Member[] = [
  { id: '29:user-1', name: 'Ada Lovelace', aadObjectId: 'aad-user-1', userPrincipalName: 'ada@example.com' },
  { id: '29:user-2', name: 'Alan Turing', aadObjectId: 'aad-user-2', userPrincipalName: 'alan@example.com' },
];

function resolveOptions(o: FakeConnectorOptions): ResolvedOptions {
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    basePath: (o.basePath ?? '').replace(/\/+$/, ''),
    limits: o.limits === undefined ? TEAMS_LIMITS : o.limits,
    limitedOperations: o.limitedOperations ?? ['send', 'reply', 'update', 'delete'],
    tenantLimit: o.tenantLimit === undefined ? TEAMS_TENANT_LIMIT : o.tenantLimit,
    cardIntervalMs: o.cardIntervalMs === undefined ? 1_000 : o.cardIntervalMs,
    retryAfterShare: o.retryAfterShare ?? 0.5,
    retryAfterSeconds: o.retryAfterSeconds ?? -1,
    faultRate: o.faultRate ?? 0,
    faultStatuses: o.faultStatuses ?? [502, 503],
    faultOperations: o.faultOperations ?? [],
    seed: o.seed ?? 42,
    delayMs: o.delayMs ?? 0,
    members: o.members ?? DEFAULT_MEMBERS,
    membersStatus: o.membersStatus ?? 200,
    targeted: o.targeted ?? 'accept',
    defaultRole: o.defaultRole ?? 'Attendee',
    notificationStatus: o.notificationStatus ?? 202,
    notificationBody: o.notificationBody,
    strictActivityIds: o.strictActivityIds ?? false,
  };
}

interface Route {
  op: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  userId?: string;
  meetingId?: string;
  participantId?: string;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed %-encoding: keep the raw segment so the call is still recorded and answered.
    return segment;
  }
}

function route(method: string, path: string): Route {
  const seg = path.split('/').filter((s) => s.length > 0);
  if (seg[0] === 'v3' && seg[1] === 'conversations' && seg.length >= 3) {
    const conversationId = decode(seg[2]);
    if (seg[3] === 'activities') {
      if (seg.length === 4 && method === 'POST') return { op: 'send', conversationId };
      if (seg.length === 5) {
        const activityId = decode(seg[4]);
        if (method === 'POST') return { op: 'reply', conversationId, activityId };
        if (method === 'PUT') return { op: 'update', conversationId, activityId };
        if (method === 'DELETE') return { op: 'delete', conversationId, activityId };
      }
    }
    if (seg[3] === 'members' && method === 'GET') {
      if (seg.length === 4) return { op: 'getMembers', conversationId };
      if (seg.length === 5) return { op: 'getMember', conversationId, userId: decode(seg[4]) };
    }
    if (seg[3] === 'pagedmembers' && seg.length === 4 && method === 'GET') {
      return { op: 'getPagedMembers', conversationId };
    }
    return { op: 'unknown', conversationId };
  }
  if (seg[0] === 'v1' && seg[1] === 'meetings' && seg.length >= 3) {
    const meetingId = decode(seg[2]);
    if (seg.length === 3 && method === 'GET') return { op: 'getMeeting', meetingId };
    if (seg[3] === 'participants' && seg.length === 5 && method === 'GET') {
      return { op: 'getParticipant', meetingId, participantId: decode(seg[4]) };
    }
    if (seg[3] === 'notification' && seg.length === 4 && method === 'POST') {
      return { op: 'meetingNotification', meetingId };
    }
    return { op: 'unknown', meetingId };
  }
  return { op: 'unknown' };
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The fake connector. Typical use:
 *
 *   const fake = new FakeConnector();
 *   await fake.start();
 *   // serviceUrl = fake.url
 *   ...
 *   expect(fake.sent(convId)).toHaveLength(3);
 *   expect(fake.violations()).toEqual([]);
 *   await fake.stop();
 */
export class FakeConnector {
  /** Every call, in the order the fake judged it. */
  readonly calls: RecordedCall[] = [];
  /** Number of calls refused with 429 because they would have broken a limit. */
  overLimit = 0;

  private opts: ResolvedOptions;
  private server: Server | undefined;
  private boundPort = 0;
  private seq = 0;
  private idCounter = 0;
  private faultRng: () => number;
  private retryAfterRng: () => number;
  /** Accepted, limit-counted call times per conversation (pruned to the longest window). */
  private windows = new Map<string, number[]>();
  /** Accepted call times per tenant (pruned to the tenant window). */
  private tenantWindows = new Map<string, number[]>();
  /** When each message was last updated (accepted), by conversation and activity id. */
  private cardUpdatedAt = new Map<string, number>();
  /** The tenant of each conversation, as its calls' bodies (or setTenant) said. */
  private tenantOf = new Map<string, string>();
  private issuedIds = new Set<string>();
  private membersByConversation = new Map<string, Member[]>();
  private roles = new Map<string, MeetingRole>();
  private meetings = new Map<string, unknown>();
  private waiters = new Set<() => void>();
  /**
   * Network failures, set at runtime: `resetNext(n, ops)` destroys the connection of the next `n`
   * calls of those operations before answering (the bot sees ECONNRESET; nothing was accepted);
   * `holdCalls(ops)` keeps those calls unanswered until `releaseHeld()` drops them (their
   * connections destroyed) or the client goes away (a killed process): neither is recorded.
   */
  private resets = { left: 0, ops: [] as ConnectorOperation[] };
  private holding: ConnectorOperation[] = [];
  private held = new Set<IncomingMessage>();
  /** Connections destroyed by `resetNext`, and calls held by `holdCalls` so far. */
  resetCount = 0;
  heldCount = 0;

  resetNext(n: number, ops: ConnectorOperation[] = ['send']): void {
    this.resets = { left: n, ops };
  }

  holdCalls(ops: ConnectorOperation[]): void {
    this.holding = ops;
  }

  /** Stops holding calls; those held are dropped (their connections destroyed, nothing recorded). */
  releaseHeld(): void {
    this.holding = [];
    for (const req of this.held) req.socket.destroy();
    this.held.clear();
  }

  constructor(options: FakeConnectorOptions = {}) {
    this.opts = resolveOptions(options);
    this.faultRng = prng(this.opts.seed);
    this.retryAfterRng = prng(this.opts.seed ^ 0x5bd1e995);
  }

  /** Starts listening (port 0 → OS-chosen port). Resolves with the port and serviceUrl. */
  async start(): Promise<{ port: number; url: string }> {
    if (this.server) return { port: this.port, url: this.url };
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // Last-resort guard: a bug in the fake must surface as a 500 the test can see.
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
        }
        res.end(JSON.stringify({ error: { code: 'FakeConnectorBug', message: String(err) } }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    return { port: this.port, url: this.url };
  }

  /** Stops the server and drops open keep-alive connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  }

  get port(): number {
    if (!this.server) throw new Error('FakeConnector not started');
    return this.boundPort;
  }

  /** The serviceUrl to give the bot, with a trailing slash (e.g. http://127.0.0.1:54321/). */
  get url(): string {
    return `http://${this.opts.host}:${this.port}${this.opts.basePath}/`;
  }

  /** Changes options at runtime (e.g. switch faults on mid-test). */
  configure(options: Partial<FakeConnectorOptions>): void {
    const seedChanged = options.seed !== undefined && options.seed !== this.opts.seed;
    const merged: FakeConnectorOptions = { ...this.opts, ...options };
    if (merged.retryAfterSeconds === -1) delete merged.retryAfterSeconds;
    this.opts = resolveOptions(merged);
    if (seedChanged) {
      this.faultRng = prng(this.opts.seed);
      this.retryAfterRng = prng(this.opts.seed ^ 0x5bd1e995);
    }
  }

  /** Declares the tenant of a conversation (when its calls' bodies do not say it). */
  setTenant(conversationId: string, tenantId: string): void {
    this.tenantOf.set(conversationId, tenantId.toLowerCase());
  }

  /** Accepted calls per tenant in the busiest `windowMs` span (default 1 s), for each tenant. */
  busiestWindowPerTenant(windowMs = 1_000): Map<string, number> {
    return busiestWindowPerTenant(this.calls, windowMs);
  }

  setMembers(conversationId: string, members: Member[]): void {
    this.membersByConversation.set(conversationId, members);
  }

  /** Role of a participant, in one meeting or (meetingId omitted) in every meeting. */
  setRole(participantId: string, role: MeetingRole, meetingId?: string): void {
    this.roles.set(meetingId === undefined ? `*\u0000${participantId}` : `${meetingId}\u0000${participantId}`, role);
  }

  /** Body returned by GET /v1/meetings/{meetingId}. */
  setMeeting(meetingId: string, info: unknown): void {
    this.meetings.set(meetingId, info);
  }

  /** Targeted messages accepted in a conversation (seen by their `recipient` only), in order. */
  targetedSent(conversationId: string): RecordedActivity[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId && c.op === 'send' && c.query.isTargetedActivity === 'true' && c.outcome === 'ok')
      .map((c) => ({ ...(c.body as Partial<Activity>), id: c.assignedId as string }));
  }

  /** Activities posted to a conversation (send and reply), in order, with their assigned ids. */
  sent(conversationId: string): RecordedActivity[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId && (c.op === 'send' || c.op === 'reply') && c.outcome === 'ok')
      .map((c) => ({ ...(c.body as Partial<Activity>), id: c.assignedId as string }));
  }

  /** Accepted updates (PUT) in a conversation, optionally of one activity, in order. */
  updates(conversationId: string, activityId?: string): RecordedActivity[] {
    return this.calls
      .filter(
        (c) =>
          c.conversationId === conversationId &&
          c.op === 'update' &&
          c.outcome === 'ok' &&
          (activityId === undefined || c.activityId === activityId),
      )
      .map((c) => ({ ...(c.body as Partial<Activity>), id: c.activityId as string }));
  }

  /** The last content of a message: its latest accepted update, else what was posted. */
  latest(conversationId: string, activityId: string): RecordedActivity | undefined {
    const ups = this.updates(conversationId, activityId);
    if (ups.length > 0) return ups[ups.length - 1];
    return this.sent(conversationId).find((a) => a.id === activityId);
  }

  /** Whether an activity was deleted (accepted DELETE). */
  isDeleted(conversationId: string, activityId: string): boolean {
    return this.calls.some(
      (c) => c.conversationId === conversationId && c.op === 'delete' && c.activityId === activityId && c.outcome === 'ok',
    );
  }

  /** Payloads posted to /v1/meetings/{meetingId}/notification (all meetings if omitted). */
  notifications(meetingId?: string): unknown[] {
    return this.calls
      .filter((c) => c.op === 'meetingNotification' && (meetingId === undefined || c.meetingId === meetingId))
      .map((c) => c.body);
  }

  /** Calls answered 429 because of the limits. */
  rejected429(): RecordedCall[] {
    return this.calls.filter((c) => c.outcome === 'throttled');
  }

  /** Calls answered with an injected fault (502/503…). */
  faults(): RecordedCall[] {
    return this.calls.filter((c) => c.outcome === 'fault');
  }

  /**
   * Consistency check: accepted calls that broke a limit, recomputed from the call log
   * (independently of the gate that refuses them). Should always be empty. When enforcement
   * is off, it reports what would have broken TEAMS_LIMITS (or the `limits` argument).
   */
  violations(limits?: readonly RateWindow[]): Violation[] {
    const windows = limits ?? (this.opts.limits === false ? TEAMS_LIMITS : this.opts.limits);
    const byConversation = new Map<string, RecordedCall[]>();
    for (const c of this.calls) {
      if (c.conversationId === undefined || c.outcome !== 'ok' || !this.opts.limitedOperations.includes(c.op)) continue;
      const list = byConversation.get(c.conversationId) ?? [];
      list.push(c);
      byConversation.set(c.conversationId, list);
    }
    const out: Violation[] = [];
    for (const list of byConversation.values()) {
      for (let i = 0; i < list.length; i++) {
        const t = list[i].time;
        for (const w of windows) {
          let count = 0;
          for (let j = i; j >= 0 && list[j].time > t - w.windowMs; j--) count++;
          if (count > w.limit) out.push({ call: list[i], scope: 'conversation', window: w, count });
        }
      }
    }
    const tenantWindow = this.opts.tenantLimit === false ? TEAMS_TENANT_LIMIT : this.opts.tenantLimit;
    const byTenant = new Map<string, RecordedCall[]>();
    for (const c of this.calls) {
      if (c.outcome === 'throttled' || c.outcome === 'fault') continue;
      const list = byTenant.get(c.tenantId) ?? [];
      list.push(c);
      byTenant.set(c.tenantId, list);
    }
    for (const list of byTenant.values()) {
      let first = 0;
      for (let i = 0; i < list.length; i++) {
        while (list[first].time <= list[i].time - tenantWindow.windowMs) first++;
        const count = i - first + 1;
        if (count > tenantWindow.limit) out.push({ call: list[i], scope: 'tenant', window: tenantWindow, count });
      }
    }
    const cardInterval = this.opts.cardIntervalMs === false ? 1_000 : this.opts.cardIntervalMs;
    const lastUpdate = new Map<string, RecordedCall>();
    for (const c of this.calls) {
      if (c.op !== 'update' || c.outcome !== 'ok') continue;
      const key = `${c.conversationId}\u0000${c.activityId}`;
      const previous = lastUpdate.get(key);
      if (previous && c.time - previous.time < cardInterval) out.push({ call: c, scope: 'card', window: { limit: 1, windowMs: cardInterval }, count: 2 });
      lastUpdate.set(key, c);
    }
    return out;
  }

  /**
   * Resolves when `predicate(this)` holds (checked now, after every call, and every 10 ms);
   * rejects after `timeoutMs` with a summary of what was recorded.
   */
  waitFor(predicate: (fake: FakeConnector) => boolean, timeoutMs = 5_000): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const check = (): void => {
        if (settled) return;
        let ok = false;
        try {
          ok = predicate(this);
        } catch (err) {
          finish(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (ok) finish();
      };
      const finish = (err?: Error): void => {
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(
        () =>
          finish(
            new Error(
              `FakeConnector.waitFor timed out after ${timeoutMs} ms; ${this.calls.length} calls recorded ` +
                `(${this.rejected429().length} throttled, ${this.faults().length} faults)`,
            ),
          ),
        timeoutMs,
      );
      const poll = setInterval(check, 10);
      this.waiters.add(check);
      check();
    });
  }

  /** Forgets recorded calls, activities, windows and counters; keeps configuration; re-seeds. */
  reset(): void {
    this.calls.length = 0;
    this.overLimit = 0;
    this.seq = 0;
    this.windows.clear();
    this.tenantWindows.clear();
    this.cardUpdatedAt.clear();
    this.issuedIds.clear();
    this.faultRng = prng(this.opts.seed);
    this.retryAfterRng = prng(this.opts.seed ^ 0x5bd1e995);
  }

  // ---------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const time = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const full = new URL(req.url ?? '/', 'http://fake.invalid');
    let path = full.pathname;
    if (this.opts.basePath && path.startsWith(this.opts.basePath)) path = path.slice(this.opts.basePath.length) || '/';
    const query: Record<string, string> = {};
    full.searchParams.forEach((v, k) => {
      query[k] = v;
    });
    const r = route(method, path);
    if (this.resets.left > 0 && this.resets.ops.includes(r.op)) {
      this.resets.left--;
      this.resetCount++;
      req.socket.destroy();
      for (const w of [...this.waiters]) w();
      return;
    }
    if (this.holding.includes(r.op)) {
      this.held.add(req);
      this.heldCount++;
      for (const w of [...this.waiters]) w();
      await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      this.held.delete(req);
      return;
    }
    const body = parseBody(raw);
    const call: RecordedCall = {
      seq: ++this.seq,
      method,
      path,
      query,
      ...r,
      tenantId: this.tenantOfCall(r, body, query),
      body,
      time,
      status: 0,
      outcome: 'ok',
      authorization: req.headers.authorization,
    };
    const reply = this.decide(call);
    call.status = reply.status;
    this.calls.push(call);
    for (const w of [...this.waiters]) w();

    const delay = typeof this.opts.delayMs === 'function' ? this.opts.delayMs(call) : this.opts.delayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body !== undefined) {
      const text = JSON.stringify(reply.body);
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = String(Buffer.byteLength(text));
      res.writeHead(reply.status, headers);
      res.end(text);
    } else {
      headers['content-length'] = '0';
      res.writeHead(reply.status, headers);
      res.end();
    }
  }

  /** Decides the answer synchronously, so limits are judged in a well-defined order. */
  private decide(call: RecordedCall): Reply {
    const o = this.opts;
    // 1. Injected faults (not counted toward limits: the service did not accept the call).
    if (o.faultRate > 0 && (o.faultOperations.length === 0 || o.faultOperations.includes(call.op))) {
      if (this.faultRng() < o.faultRate) {
        const status = o.faultStatuses[Math.floor(this.faultRng() * o.faultStatuses.length)] ?? 503;
        call.outcome = 'fault';
        return { status, body: { error: { code: 'ServiceError', message: `Injected fault ${status}` } } };
      }
    }
    // 2. The per-tenant limit (every call counts), then the per-conversation limits.
    if (o.tenantLimit !== false) {
      const stamps = this.tenantWindows.get(call.tenantId) ?? [];
      const waitMs = this.blockedFor(stamps, call.time, [o.tenantLimit]);
      if (waitMs > 0) return this.throttle(call, waitMs, 'Too many requests for this tenant (fake connector)');
    }
    if (o.limits !== false && call.conversationId !== undefined && o.limitedOperations.includes(call.op)) {
      const stamps = this.windows.get(call.conversationId) ?? [];
      const waitMs = this.blockedFor(stamps, call.time, o.limits);
      if (waitMs > 0) return this.throttle(call, waitMs, 'Too many requests for this conversation (fake connector)');
    }
    const cardKey = `${call.conversationId}\u0000${call.activityId}`;
    if (o.cardIntervalMs !== false && call.op === 'update') {
      const last = this.cardUpdatedAt.get(cardKey);
      if (last !== undefined && call.time - last < o.cardIntervalMs) {
        return this.throttle(call, last + o.cardIntervalMs - call.time, 'Too many updates of this message (fake connector)');
      }
    }
    // 3. The operation itself (a call answered, even 4xx, counts toward the tenant's limit).
    const reply = this.perform(call);
    if (o.tenantLimit !== false) {
      const stamps = this.tenantWindows.get(call.tenantId) ?? [];
      stamps.push(call.time);
      while (stamps.length > 0 && stamps[0] <= call.time - o.tenantLimit.windowMs) stamps.shift();
      this.tenantWindows.set(call.tenantId, stamps);
    }
    if (reply.status >= 200 && reply.status < 300) {
      if (call.op === 'update') this.cardUpdatedAt.set(cardKey, call.time);
      if (o.limits !== false && call.conversationId !== undefined && o.limitedOperations.includes(call.op)) {
        const stamps = this.windows.get(call.conversationId) ?? [];
        stamps.push(call.time);
        const longest = Math.max(...o.limits.map((w) => w.windowMs));
        while (stamps.length > 0 && stamps[0] <= call.time - longest) stamps.shift();
        this.windows.set(call.conversationId, stamps);
      }
    }
    return reply;
  }

  /** A 429 like Teams': Retry-After (seconds) on a share of them. */
  private throttle(call: RecordedCall, waitMs: number, message: string): Reply {
    const o = this.opts;
    this.overLimit++;
    call.outcome = 'throttled';
    const headers: Record<string, string> = {};
    if (this.retryAfterRng() < o.retryAfterShare) {
      const seconds = o.retryAfterSeconds >= 0 ? o.retryAfterSeconds : Math.max(1, Math.ceil(waitMs / 1000));
      headers['retry-after'] = String(seconds);
      call.retryAfterSeconds = seconds;
    }
    return { status: 429, headers, body: { error: { code: 'Throttled', message } } };
  }

  /** The tenant a call counts for (see the file header), remembering each conversation's. */
  private tenantOfCall(r: Route, body: unknown, query: Record<string, string>): string {
    const b = typeof body === 'object' && body !== null ? (body as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } }) : {};
    const fromBody = b.conversation?.tenantId ?? b.channelData?.tenant?.id;
    if (typeof fromBody === 'string' && fromBody) {
      const tenant = fromBody.toLowerCase();
      if (r.conversationId !== undefined) this.tenantOf.set(r.conversationId, tenant);
      return tenant;
    }
    const known = r.conversationId !== undefined ? this.tenantOf.get(r.conversationId) : undefined;
    if (known) return known;
    if (query.tenantId) return query.tenantId.toLowerCase();
    return UNKNOWN_TENANT;
  }

  /** ms until one more call would fit every window (0 = fits now). */
  private blockedFor(stamps: number[], now: number, limits: readonly RateWindow[]): number {
    let wait = 0;
    for (const w of limits) {
      let count = 0;
      let idx = stamps.length - 1;
      for (; idx >= 0 && stamps[idx] > now - w.windowMs; idx--) count++;
      if (count >= w.limit) {
        // The oldest call that must leave the window for a slot to free up.
        const oldest = stamps[stamps.length - w.limit];
        wait = Math.max(wait, oldest + w.windowMs - now + 1);
      }
    }
    return wait;
  }

  private perform(call: RecordedCall): Reply {
    const o = this.opts;
    const notFound = (code: string, message: string): Reply => {
      call.outcome = 'notFound';
      return { status: 404, body: { error: { code, message } } };
    };
    const needsKnownActivity = call.op === 'reply' || call.op === 'update' || call.op === 'delete';
    if (needsKnownActivity && o.strictActivityIds && !this.issuedIds.has(`${call.conversationId}\u0000${call.activityId}`)) {
      return notFound('ActivityNotFoundInConversation', `Unknown activity ${call.activityId}`);
    }
    switch (call.op) {
      case 'send':
      case 'reply': {
        if (call.query.isTargetedActivity === 'true' && o.targeted !== 'accept') {
          call.outcome = 'badRequest';
          return { status: o.targeted, body: { error: { code: 'BadArgument', message: 'Targeted activities are not supported in this conversation' } } };
        }
        if (typeof call.body !== 'object' || call.body === null) {
          call.outcome = 'badRequest';
          return { status: 400, body: { error: { code: 'BadArgument', message: 'Activity body required' } } };
        }
        const id = `fake-${++this.idCounter}`;
        call.assignedId = id;
        this.issuedIds.add(`${call.conversationId}\u0000${id}`);
        return { status: 200, body: { id } };
      }
      case 'update':
        return { status: 200, body: { id: call.activityId } };
      case 'delete':
        return { status: 200 };
      case 'getMembers':
      case 'getPagedMembers': {
        if (o.membersStatus !== 200) {
          call.outcome = o.membersStatus === 404 ? 'notFound' : 'badRequest';
          return { status: o.membersStatus, body: { error: { code: 'Forbidden', message: 'The roster cannot be read' } } };
        }
        const all = this.membersOf(call.conversationId as string);
        if (call.op === 'getMembers') return { status: 200, body: all };
        // Pages as Teams gives them: pageSize (default 200), then a continuation token while more remain.
        const size = Math.max(1, Number(call.query.pageSize) || 200);
        const from = Number(call.query.continuationToken ?? 0) || 0;
        const more = from + size < all.length;
        return { status: 200, body: { members: all.slice(from, from + size), ...(more ? { continuationToken: String(from + size) } : {}) } };
      }
      case 'getMember': {
        const m = this.membersOf(call.conversationId as string).find(
          (x) => x.id === call.userId || x.aadObjectId === call.userId,
        );
        return m ? { status: 200, body: m } : notFound('MemberNotFoundInConversation', `Unknown member ${call.userId}`);
      }
      case 'getMeeting':
        return { status: 200, body: this.meetingInfo(call.meetingId as string) };
      case 'getParticipant': {
        const meetingId = call.meetingId as string;
        const participantId = call.participantId as string;
        const role =
          this.roles.get(`${meetingId}\u0000${participantId}`) ?? this.roles.get(`*\u0000${participantId}`) ?? o.defaultRole;
        const member = o.members.find((m) => m.id === participantId || m.aadObjectId === participantId);
        return {
          status: 200,
          body: {
            user: { id: participantId, name: member?.name ?? participantId, aadObjectId: member?.aadObjectId ?? participantId },
            meeting: { role, inMeeting: true },
            conversation: { id: `meeting-conversation-${meetingId}`, isGroup: true },
          },
        };
      }
      case 'meetingNotification':
        return { status: o.notificationStatus, body: o.notificationBody };
      default:
        return notFound('NotFound', `Fake connector has no route for ${call.method} ${call.path}`);
    }
  }

  private membersOf(conversationId: string): Member[] {
    return this.membersByConversation.get(conversationId) ?? this.opts.members;
  }

  private meetingInfo(meetingId: string): unknown {
    const configured = this.meetings.get(meetingId);
    if (configured !== undefined) return configured;
    return {
      details: {
        id: meetingId,
        msGraphResourceId: `graph-${meetingId}`,
        scheduledStartTime: '2025-01-01T09:00:00Z',
        scheduledEndTime: '2025-01-01T10:00:00Z',
        joinUrl: `https://teams.example.com/meet/${encodeURIComponent(meetingId)}`,
        title: 'Fake meeting',
        type: 'Scheduled',
      },
      conversation: { id: `meeting-conversation-${meetingId}`, isGroup: true, conversationType: 'groupChat' },
      organizer: { id: '29:organizer', aadObjectId: 'aad-organizer' },
    };
  }
}

/**
 * For each tenant, the most calls within any `windowMs` span: by default the calls the fake
 * accepted (429s and injected faults excluded), what its limit judges; with `made`, every call
 * that reached it, refused or not (what the bot asked for). Works on any call log (the
 * benchmark's, with bodies dropped, too: the tenant is recorded on each call).
 */
export function busiestWindowPerTenant(calls: readonly RecordedCall[], windowMs = 1_000, made = false): Map<string, number> {
  const byTenant = new Map<string, number[]>();
  for (const c of calls) {
    if (!made && (c.outcome === 'throttled' || c.outcome === 'fault')) continue;
    const list = byTenant.get(c.tenantId) ?? [];
    list.push(c.time);
    byTenant.set(c.tenantId, list);
  }
  const out = new Map<string, number>();
  for (const [tenant, times] of byTenant) {
    times.sort((a, b) => a - b);
    let max = 0;
    let first = 0;
    for (let i = 0; i < times.length; i++) {
      while (times[first] <= times[i] - windowMs) first++;
      max = Math.max(max, i - first + 1);
    }
    out.set(tenant, max);
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // Not JSON: record the raw text; the test will see exactly what was sent.
    return raw;
  }
}
