import { join } from 'node:path';
import type { Response, Server } from 'restify';
import { z } from 'zod';
import type { Gateway } from '../channel/teams/gateway';
import { canFacilitate } from '../domain/decide';
import type { ErrorSink } from '../errors';
import type { CafeStore } from '../store/port';
import { currentCafe, type LiveBoard } from './live';
import { BOARD_CSP, boardPage, deniedPage, TEAMS_CSP } from './pages';
import { SsoError, type SsoVerifier } from './sso';
import { boardToken, readBoardToken, type BoardScope } from './token';
import { packageRoot, serveBuilt } from '../http/assets';
import { requestLocale } from '../http/locale';
import { openEventStream } from '../http/sse';

/** How long the meeting tab's session lasts before the page asks Teams again (a meeting's length). */
export const TAB_SESSION_MS = 12 * 3_600_000;

export interface BoardRoutesDeps {
  store: CafeStore;
  live: LiveBoard;
  gateway: Gateway;
  secret: string;
  sink: ErrorSink;
  now: () => number;
  /** Teams single sign-on for the meeting tab; without it (no app id or no PUBLIC_URL) the tab explains why. */
  sso?: SsoVerifier;
  /** Where the bundled pages (app.js, teams.js, app.css) are; default: public/tab of the package. */
  assetsDir?: string;
}

const SessionBody = z.object({ conversationId: z.string().min(1).max(500), locale: z.string().max(20).optional() });

/**
 * The café board's routes: the pages (read-only link, meeting tab, tab configuration), their
 * bundle, the live event stream and the meeting tab's session.
 */
export function registerBoardRoutes(server: Server, deps: BoardRoutesDeps): { closeStreams(): void } {
  const assets = deps.assetsDir ?? join(packageRoot(), 'public', 'tab');
  const streams = new Set<Response>();

  const html = (res: Response, status: number, body: string, csp = BOARD_CSP) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };

  server.get('/board/:cafe', (req, res, next) => {
    const locale = requestLocale(req);
    const check = readBoardToken(req.query?.t, deps.secret, deps.now());
    if (!check.ok) html(res, check.reason === 'expired' ? 410 : 403, deniedPage(locale, check.reason));
    else if (check.scope.kind !== 'cafe' || check.scope.cafeId !== req.params.cafe) html(res, 403, deniedPage(locale, 'invalid'));
    else html(res, 200, boardPage({ mode: 'browser', token: String(req.query.t), locale }));
    next();
  });
  server.get('/tab', (req, res, next) => {
    html(res, 200, boardPage({ mode: 'teams', locale: requestLocale(req) }), TEAMS_CSP);
    next();
  });
  server.get('/tab/config', (req, res, next) => {
    html(res, 200, boardPage({ mode: 'config', locale: requestLocale(req) }), TEAMS_CSP);
    next();
  });
  serveBuilt(server, '/tab/', assets, ['app.js', 'teams.js', 'app.css']);

  /** One snapshot (for a page that cannot hold an event stream, and for scripts). */
  server.get('/tab/api/snapshot', async (req, res) => {
    const check = readBoardToken(req.query?.t, deps.secret, deps.now());
    if (!check.ok) return json(res, check.reason === 'expired' ? 410 : 403, { error: check.reason });
    const snapshot = await deps.live.snapshot(check.scope);
    json(res, snapshot ? 200 : 404, snapshot ?? { error: 'no-cafe' });
  });

  /** Server-sent events: a snapshot now, then one at every change; `expired` when the token ends. */
  server.get('/tab/api/events', async (req, res) => {
    const check = readBoardToken(req.query?.t, deps.secret, deps.now());
    if (!check.ok) return json(res, check.reason === 'expired' ? 410 : 403, { error: check.reason });
    openEventStream(req, res, {
      expiresAt: check.expiresAt, now: deps.now, streams,
      watch: (stream) => deps.live.watch(check.scope, {
        send: (snapshot) => (snapshot ? stream.send('snapshot', JSON.stringify(snapshot)) : stream.send('waiting', '{}')),
      }),
    });
  });

  /**
   * The meeting tab's session: a Teams single sign-on token in, a board token for this
   * conversation out — when the person is a member of the conversation. `canShare` (share to the
   * meeting stage) for the café's facilitator and co-facilitators.
   */
  server.post('/tab/api/session', async (req, res) => {
    if (!deps.sso) return json(res, 501, { error: 'sso-not-configured' });
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    if (!auth) return json(res, 401, { error: 'no-token' });
    const body = SessionBody.safeParse(req.body);
    if (!body.success) return json(res, 400, { error: 'bad-request' });
    let who;
    try {
      who = await deps.sso(auth[1]);
    } catch (err) {
      if (err instanceof SsoError) return json(res, 401, { error: 'invalid-token' });
      throw err;
    }
    const state = await currentCafe(deps.store, body.data.conversationId);
    // No café has begun in this chat: nobody to check membership against yet. The page waits.
    if (!state) return json(res, 404, { error: 'no-cafe' });
    if (state.tenantId && state.tenantId.toLowerCase() !== who.tid) return json(res, 403, { error: 'not-a-member' });
    let member;
    try {
      member = await deps.gateway.member(state, who.oid);
    } catch (err) {
      deps.sink(err, { where: 'board-session' });
      return json(res, 503, { error: 'teams-unavailable' });
    }
    if (!member) return json(res, 403, { error: 'not-a-member' });
    const canShare = canFacilitate(state, { id: member.id, name: '', locale: 'fr' });
    const scope: BoardScope = { kind: 'conversation', conversationId: state.conversationId, canShare };
    json(res, 200, { token: boardToken(scope, deps.now() + TAB_SESSION_MS, deps.secret), canShare });
  });

  return {
    /** Ends the open event streams (shutdown: the browsers reconnect to another instance, or to this one once restarted). */
    closeStreams() {
      for (const res of streams) if (!res.writableEnded) res.end();
      streams.clear();
    },
  };
}

function json(res: Response, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}


