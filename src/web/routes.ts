import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { TurnPipeline } from '../bot/turn';
import type { Turn } from '../bot/turn/types';
import { addressOf } from '../bot/turn/effects';
import { ActionDataSchema, type ActionData } from '../cards/actions';
import { chatToPlain } from '../channel/web/plain';
import type { Address, Reply } from '../channel/port';
import { canFacilitate } from '../domain/decide';
import { participants } from '../domain/lookup';
import type { Actor, CafeState, Locale } from '../domain/types';
import { isStoreUnreachable, type ErrorSink } from '../errors';
import { t, type MessageId } from '../i18n';
import type { CafeStore } from '../store/port';
import {
  ActBody, HandBody, JoinBody, Paths, StartBody, WEB_CHANNEL_ID,
  type ActAnswer, type ApiError, type HandAnswer, type JoinAnswer, type StartAnswer, type WebView,
} from './contract';
import { isBlocked, take, type WebLimits } from './limits';
import { openEventStream } from '../http/sse';
import { requestLocale } from '../http/locale';
import type { WebLive, WebViewer } from './live';
import {
  CONSOLE_TOKEN_HOURS, PARTICIPANT_ID_PREFIX, PARTICIPANT_TOKEN_HOURS, newParticipantId, readWebToken, webToken,
  type WebScope,
} from './tokens';

export interface WebApiDeps {
  pipeline: TurnPipeline;
  store: CafeStore;
  live: WebLive;
  limits: WebLimits;
  /** Signs the web tokens (the same on every instance). */
  secret: string;
  sink: ErrorSink;
  now: () => number;
  /** Barista's public address ("https://barista.example.fr"), where the links point. */
  publicBase: () => string;
  /** The most people one café takes through the web door (WEB_MAX_PARTICIPANTS). */
  maxParticipants: number;
  /** A web café was erased: what this process keeps of its conversation in memory goes too (its notices). */
  onErased?: (conversationId: string) => void;
  /** The client's address, for the limits (behind a proxy: the operator's choice of header). */
  clientAddress?: (req: Request) => string;
}

/** Cafés whose admitted participants are remembered (the oldest are forgotten first). */
const JOINED_CAFES = 10_000;

/** The verbs a web page may send: a café's own buttons. The chat's (start, erase, network…) have their own way in. */
const WEB_VERBS = new Set<ActionData['verb']>([
  'begin', 'choose', 'next', 'back', 'reveal', 'turn', 'pause', 'resume', 'extend', 'end',
  'vote', 'pick', 'done', 'postit', 'argument', 'answer', 'feedback', 'refresh',
  // Before the café begins: registrations, and the formula they advise.
  'register', 'reformulate',
]);

const WEB_POSTS: string[] = [Paths.start, Paths.join, Paths.act, Paths.hand];

/**
 * Before the body parser: a POST to the web API whose content type is not JSON is answered 415
 * (a form another site posts, which needs no preflight, never reaches the café).
 */
export function webJsonOnly(req: Request, res: Response, next: (err?: false) => void): void {
  if (req.method !== 'POST' || !WEB_POSTS.includes(req.getPath())) return next();
  const type = req.headers['content-type'];
  if (typeof type === 'string' && /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type.trim())) return next();
  sendError(res, 415, 'unsupported-media-type', requestLocale(req));
  next(false);
}

/**
 * The web door's API (src/web/contract.ts): a facilitator starts a café and drives it from the
 * console, participants join by code and act from their page, both follow it live. Every action
 * is a turn of the same pipeline as Teams', with the café's own address: a vote from the web on a
 * Teams café updates the Teams card.
 */
export function registerWebApi(server: Server, deps: WebApiDeps): { closeStreams(): void } {
  const streams = new Set<Response>();
  // The participants this process let in, per café (the cap counts them before they act).
  const joined = new Map<string, Set<string>>();
  const admit = (cafeId: string, participantId: string) => {
    let ids = joined.get(cafeId);
    if (!ids) {
      if (joined.size >= JOINED_CAFES) joined.delete(joined.keys().next().value!);
      ids = new Set();
      joined.set(cafeId, ids);
    }
    ids.add(participantId);
  };
  /**
   * A handler whose failure (the store out of reach, a bug) ends in the one error sink and answers
   * a coded JSON error the page can say (503 when the store is unreachable, 500 otherwise), never
   * restify's own page; an event stream already open is simply closed.
   */
  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      const unreachable = isStoreUnreachable(err);
      deps.sink(err, { where: 'web', path: req.getPath() });
      if (res.headersSent) {
        if (!res.writableEnded) res.end();
        return;
      }
      sendError(res, unreachable ? 503 : 500, 'unavailable', requestLocale(req), {}, unreachable ? 5 : undefined);
    }
  };
  const addressOfReq = deps.clientAddress ?? ((req: Request) => req.socket?.remoteAddress ?? 'unknown');
  const base = () => deps.publicBase().replace(/\/+$/, '');

  server.post(Paths.start, guarded(async (req, res) => {
    const body = StartBody.safeParse(req.body);
    const locale = body.success ? body.data.locale : requestLocale(req);
    if (!body.success) return sendError(res, 400, 'bad-request', locale);
    const limited = await take(deps.limits.start, addressOfReq(req));
    if (!limited.ok) return sendError(res, 429, 'too-many', locale, {}, limited.retryAfterS);
    const { formula, variant, name, compose } = body.data;
    const actorId = `web:f:${newParticipantId().slice(PARTICIPANT_ID_PREFIX.length)}`;
    const actor: Actor = { id: actorId, name: name?.trim() || '', locale };
    const address: Address = { conversationId: `web:${randomUUID()}`, serviceUrl: '', botId: 'barista', channelId: WEB_CHANNEL_ID };
    const data: ActionData = formula === 'sur-mesure'
      ? { verb: 'compose', composeTasse: compose?.tasse ?? '', composeCafe: compose?.cafe ?? '', composeChocolat: compose?.chocolat ?? '', composeSucre: compose?.sucre ?? '' }
      : { verb: 'start', formula, variant: variant ?? 'avec-sucre' };
    const reply = await deps.pipeline.run({ input: { kind: 'action', data, via: 'execute' }, actor, address, activityId: `web:${randomUUID()}`, at: deps.now() });
    const state = await deps.store.getActive(address.conversationId);
    if (!state) {
      // An unknown formula (the pipeline answered with the list) or a composition with nothing in it.
      const message = reply && 'message' in reply ? chatToPlain(reply.message) : t(locale, 'web.badRequest');
      return json(res, 400, { code: 'bad-request', message } satisfies ApiError);
    }
    const token = webToken({ kind: 'console', cafeId: state.id, actorId }, deps.now() + CONSOLE_TOKEN_HOURS * 3_600_000, deps.secret);
    const code = state.joinCode ?? '';
    json(res, 201, { cafeId: state.id, code, consoleUrl: consoleUrl(base(), state.id, token), joinUrl: `${base()}${Paths.joinPage}/${code}` } satisfies StartAnswer);
  }));

  server.post(Paths.join, guarded(async (req, res) => {
    const body = JoinBody.safeParse(req.body);
    const locale = body.success ? body.data.locale : requestLocale(req);
    const who = addressOfReq(req);
    // Guessing codes: an address that typed too many wrong ones waits, whatever it sends now.
    const blocked = await isBlocked(deps.limits.wrongCode, who);
    if (blocked.blocked) return sendError(res, 429, 'too-many', locale, {}, blocked.retryAfterS);
    if (!body.success) {
      await take(deps.limits.wrongCode, who);
      return sendError(res, 400, 'bad-request', locale);
    }
    const limited = await take(deps.limits.join, who);
    if (!limited.ok) return sendError(res, 429, 'too-many', locale, {}, limited.retryAfterS);
    const state = await deps.store.cafeByCode(body.data.code);
    if (!state) {
      await take(deps.limits.wrongCode, who);
      return sendError(res, 404, 'not-found', locale);
    }
    const name = body.data.name?.replace(/\s+/g, ' ').trim() || undefined;
    // The same browser again: the same participant (their votes are theirs), with a fresh token.
    const back = body.data.token ? readWebToken(body.data.token, deps.secret, deps.now()) : undefined;
    let participantId: string;
    if (back?.ok && back.scope.kind === 'participant' && back.scope.cafeId === state.id) participantId = back.scope.participantId;
    else {
      const people = await webPeople(deps, state);
      for (const id of joined.get(state.id) ?? []) people.add(id);
      if (people.size >= deps.maxParticipants) return sendError(res, 409, 'full', locale, { max: deps.maxParticipants });
      participantId = newParticipantId();
    }
    admit(state.id, participantId);
    const token = webToken(
      { kind: 'participant', cafeId: state.id, participantId, locale, ...(name ? { name } : {}) },
      deps.now() + PARTICIPANT_TOKEN_HOURS * 3_600_000,
      deps.secret,
    );
    json(res, 200, { token, cafeId: state.id, participantId } satisfies JoinAnswer);
  }));

  server.post(Paths.act, guarded(async (req, res) => {
    const who = await authorised(req, res);
    if (!who) return;
    const { scope, viewer } = who;
    const body = ActBody.safeParse(req.body);
    const data = body.success ? ActionDataSchema.safeParse(body.data.data) : undefined;
    if (data?.success && data.data.verb === 'erase') return eraseFromConsole(req, res, who, data.data);
    if (!data?.success || !WEB_VERBS.has(data.data.verb)) return sendError(res, 400, 'bad-request', viewer.locale);
    // A button of another café (a forged or mixed-up payload): nothing changes.
    if (!('cafe' in data.data) || data.data.cafe !== scope.cafeId) return sendError(res, 400, 'bad-request', viewer.locale);
    const limited = await take(deps.limits.act, viewer.id);
    if (!limited.ok) return sendError(res, 429, 'too-many', viewer.locale, {}, limited.retryAfterS);
    const state = await deps.store.get(scope.cafeId);
    if (!state) return sendError(res, 404, 'not-found', viewer.locale);
    const reply = await deps.pipeline.run(turnOf(state, viewer, { kind: 'action', data: data.data, via: 'execute' }, deps.now()));
    const view = await deps.live.view(scope.cafeId, viewer);
    if (!view) return sendError(res, 404, 'not-found', viewer.locale);
    json(res, 200, answerOf(reply, view));
  }));

  server.post(Paths.hand, guarded(async (req, res) => {
    const who = await authorised(req, res);
    if (!who) return;
    const { scope, viewer } = who;
    const body = HandBody.safeParse(req.body);
    if (!body.success || scope.kind !== 'console') return sendError(res, 400, 'bad-request', viewer.locale);
    const state = await deps.store.get(scope.cafeId);
    if (!state) return sendError(res, 404, 'not-found', viewer.locale);
    const person = { id: `web:f:${newParticipantId().slice(PARTICIPANT_ID_PREFIX.length)}`, name: body.data.name?.trim() || t(viewer.locale, 'web.coName') };
    const command = body.data.mode === 'co' ? { type: 'cofacilitator' as const, person } : { type: 'handover' as const, person };
    const reply = await deps.pipeline.run(turnOf(state, viewer, { kind: 'text', command }, deps.now()));
    const after = await deps.store.get(scope.cafeId);
    if (!after || !canFacilitate(after, { id: person.id, name: person.name, locale: viewer.locale })) {
      const message = reply && 'message' in reply ? chatToPlain(reply.message) : t(viewer.locale, 'web.badRequest');
      return json(res, 403, { code: 'unauthorised', message } satisfies ApiError);
    }
    const token = webToken({ kind: 'console', cafeId: scope.cafeId, actorId: person.id }, deps.now() + CONSOLE_TOKEN_HOURS * 3_600_000, deps.secret);
    json(res, 200, { consoleUrl: consoleUrl(base(), scope.cafeId, token), ...(reply && 'message' in reply ? { message: chatToPlain(reply.message) } : {}) } satisfies HandAnswer);
  }));

  server.get(Paths.view, guarded(async (req, res) => {
    const who = await authorised(req, res, String(req.query?.t ?? ''));
    if (!who) return;
    const view = await deps.live.view(who.scope.cafeId, who.viewer);
    if (!view) return sendError(res, 404, 'not-found', who.viewer.locale);
    json(res, 200, view);
  }));

  /** Server-sent events: the viewer's view now, then at every change it shows; `expired` when the token ends, `gone` when the café is erased. */
  server.get(Paths.events, guarded(async (req, res) => {
    const who = await authorised(req, res, String(req.query?.t ?? ''));
    if (!who) return;
    openEventStream(req, res, {
      expiresAt: who.expiresAt, now: deps.now, streams,
      watch: (stream) => deps.live.watch(who.scope.cafeId, {
        viewer: who.viewer,
        send: (view) => (view ? stream.send('view', JSON.stringify(view)) : stream.send('gone', '{}')),
      }),
    });
  }));

  /**
   * « Effacer ce café », from a web café's console: the chat's /effacer for its one conversation
   * (its café, records and timers; the route checks the facilitator and the confirmation's date).
   * A Teams café is erased from its chat, where /effacer says what it erases: not from here.
   */
  async function eraseFromConsole(_req: Request, res: Response, who: { scope: WebScope; viewer: WebViewer }, data: Extract<ActionData, { verb: 'erase' }>): Promise<void> {
    const { scope, viewer } = who;
    const state = await deps.store.get(scope.cafeId);
    if (!state) return sendError(res, 404, 'not-found', viewer.locale);
    if (scope.kind !== 'console' || state.channelId !== WEB_CHANNEL_ID) return json(res, 400, { code: 'bad-request', message: t(viewer.locale, 'web.notHere') } satisfies ApiError);
    const reply = await deps.pipeline.run(turnOf(state, viewer, { kind: 'action', data, via: 'execute' }, deps.now()));
    const erased = !(await deps.store.get(scope.cafeId));
    if (!erased) {
      const view = await deps.live.view(scope.cafeId, viewer);
      return json(res, 200, { ...(reply && 'message' in reply ? { message: chatToPlain(reply.message) } : {}), ...(view ? { view } : {}) } satisfies ActAnswer);
    }
    deps.onErased?.(state.conversationId);
    json(res, 200, { erased: true, message: t(viewer.locale, 'web.erased') } satisfies ActAnswer);
  }

  /** The token of a request (Bearer, or `?t=` for the event stream): its scope and viewer, or an answer already sent. */
  async function authorised(req: Request, res: Response, fromQuery?: string): Promise<{ scope: WebScope; viewer: WebViewer; expiresAt: number } | undefined> {
    const bearer = /^Bearer ([^\s]+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const check = readWebToken(fromQuery || bearer, deps.secret, deps.now());
    const locale = requestLocale(req);
    if (!check.ok) {
      sendError(res, check.reason === 'expired' ? 410 : 401, check.reason === 'expired' ? 'expired' : 'unauthorised', locale);
      return undefined;
    }
    const { scope } = check;
    const viewer: WebViewer = scope.kind === 'console'
      ? { id: scope.actorId, role: 'facilitator', locale }
      : { id: scope.participantId, role: 'participant', locale: scope.locale, ...(scope.name ? { name: scope.name } : {}) };
    return { scope, viewer, expiresAt: check.expiresAt };
  }

  return {
    closeStreams() {
      for (const res of streams) if (!res.writableEnded) res.end();
      streams.clear();
    },
  };
}

/** A web page's turn: the café's own address, so its messages go where the café lives (Teams or the web). */
function turnOf(state: CafeState, viewer: WebViewer, input: Turn['input'], now: number): Turn {
  const actor: Actor = { id: viewer.id, name: viewer.name ?? anonymousName(viewer), locale: viewer.locale };
  return { input, actor, address: addressOf(state), activityId: `web:${randomUUID()}`, at: now };
}

/** A participant who gave no first name: "Participant·e 4F2K", distinct, and nobody's name. */
function anonymousName(viewer: WebViewer): string {
  if (viewer.role === 'facilitator') return '';
  return t(viewer.locale, 'web.anonymousName', { tag: viewer.id.slice(PARTICIPANT_ID_PREFIX.length).replace(/[^A-Za-z0-9]/g, '').slice(-4).toUpperCase() });
}

/** The web participants of a café: those who acted, and those on its pages now. */
async function webPeople(deps: WebApiDeps, state: CafeState): Promise<Set<string>> {
  const acted = participants(state, await deps.store.listContributions(state.id)).filter((id) => id.startsWith(PARTICIPANT_ID_PREFIX));
  const watching = (deps.live.members(state.conversationId) ?? []).filter((id) => id.startsWith(PARTICIPANT_ID_PREFIX));
  return new Set([...acted, ...watching]);
}

function answerOf(reply: Reply, view: WebView): ActAnswer {
  if (reply && 'message' in reply) return { message: chatToPlain(reply.message), view };
  if (reply && 'scene' in reply && reply.scene.kind === 'end-confirm' && !reply.scene.outcome) {
    return { view, confirmEnd: { at: reply.scene.at, feedbackAsked: reply.scene.feedbackAsked } };
  }
  return { view };
}

/** The console's link: its token in the fragment, which no browser sends to a server or in a Referer. */
function consoleUrl(base: string, cafeId: string, token: string): string {
  return `${base}${Paths.consolePage}/${encodeURIComponent(cafeId)}#t=${token}`;
}

const ERROR_TEXT: Record<ApiError['code'], MessageId> = {
  'bad-request': 'web.badRequest',
  unauthorised: 'web.unauthorised',
  expired: 'web.expired',
  'not-found': 'web.notFound',
  full: 'web.full',
  'too-many': 'web.tooMany',
  'unsupported-media-type': 'web.unsupported',
  'too-large': 'web.badRequest',
  ended: 'web.expired',
  unavailable: 'error.storeUnavailable',
};

function sendError(res: Response, status: number, code: ApiError['code'], locale: Locale, params: Record<string, string | number> = {}, retryAfterS?: number): void {
  json(res, status, { code, message: t(locale, ERROR_TEXT[code], params) } satisfies ApiError, retryAfterS ? { 'retry-after': String(retryAfterS) } : {});
}

function json(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(JSON.stringify(body));
}
