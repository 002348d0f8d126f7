import { randomBytes } from 'node:crypto';
import * as restify from 'restify';
import pino, { type Logger } from 'pino';
import type { TurnContext } from 'botbuilder';
import { TurnPipeline } from './bot/turn';
import { addressOf } from './bot/turn/effects';
import type { CafeState } from './domain/types';
import { CloudGateway, MeetingRoles, noticePage, Outbound, TeamsChannel, TeamsInbound, type Gateway } from './channel/teams';
import { botAuthentication } from './channel/teams/cachedAuth';
import { HttpAdapter, jsonOnly } from './channel/teams/httpAdapter';
import { exportRoute, exportToken } from './export';
import { readConfig, type Config } from './config';
import { keepAliveBehindLoadBalancer, Lifecycle, stopOnSignals } from './lifecycle';
import { loadContent } from './content';
import { BaristaError, makeErrorSink } from './errors';
import { KeptStore } from './store/keptStore';
import { SqliteStore } from './store/sqliteStore';
import type { CafeStore } from './store/port';
import { startRetention } from './store/retention';
import { LiveBoard } from './tab/live';
import { registerBoardRoutes } from './tab/routes';
import { ssoVerifier, type SsoVerifier } from './tab/sso';
import { boardToken } from './tab/token';
import { ChannelRouter } from './channel/router';
import { WebChannel } from './channel/web/channel';
import { WEB_CHANNEL_ID, type WebNotice } from './web/contract';
import { webLimits } from './web/limits';
import { WebLive } from './web/live';
import { registerWebApi, webJsonOnly } from './web/routes';
import { webToken } from './web/tokens';
import type { WebLinks } from './views/types';
import { registerCatalogue } from './web/catalogue';
import { registerStartPage } from './web/startPage';
import { registerWebPages } from './web/pageRoutes';
import { openTchapDoor, TCHAP_CHANNEL_ID, TchapElsewhere, type TchapDoor } from './channel/tchap/door';
import type { DoorLease } from './channel/tchap/doorLease';
import { InProcessTimers } from './timers/inProcess';
import type { OnFire, Timers } from './timers/port';

/**
 * The one wiring file: config, logger, content, store, timers, CloudAdapter, restify routes.
 * Everything else receives what it needs from here.
 *
 * One process (default): SQLite in DATA_DIR + in-process timers re-armed from the stored due times.
 * Scale-out (REDIS_URL set): Redis store + BullMQ timers, shared by every instance.
 */
/** The bot as the server runs it: Teams turns in, timers, and a drain for shutdown and tests. */
export interface Bot {
  onTurn(ctx: TurnContext): Promise<void>;
  onTimer(cafeId: string, stepId: string): Promise<void>;
  /** Waits for every queued command, effect and Teams call. */
  drain(): Promise<void>;
}

export interface Barista {
  server: restify.Server;
  bot: Bot;
  store: CafeStore;
  url: string;
  /** 'sqlite' or 'redis'. */
  storeKind: 'sqlite' | 'redis';
  /** The Tchap door, when configured. */
  tchap?: TchapDoor;
  /**
   * Graceful stop (src/lifecycle.ts): says draining and refuses changes (503 + Retry-After) for the
   * grace period, lets the turns in flight finish and their Teams calls go out, stops this process's
   * timers (due times stay in the store; BullMQ jobs stay in Redis), closes the server and the store.
   */
  stop(): Promise<void>;
}

/** How often the outbox's pending entries (a call that failed for good) are tried again. */
const OUTBOX_SWEEP_MS = 30_000;
/** With several instances, an entry younger than this may still be carried out by the one that saved it. */
const OUTBOX_MIN_AGE_MS = 60_000;

/** How often the BullMQ timers are re-armed from the store (see `sweep`). */
const TIMER_SWEEP_MS = 60_000;

export interface StartOptions {
  config?: Config;
  logger?: Logger;
  /** Replaces the Teams gateway (tests). */
  gateway?: Gateway;
  now?: () => number;
  /** Checks the meeting tab's Teams single sign-on tokens (tests); default: against Microsoft Entra ID. */
  sso?: SsoVerifier;
  /** Wraps the store everything uses (tests count its calls). */
  wrapStore?: (store: CafeStore) => CafeStore;
  /** How often the outbox's pending entries are carried out again (default OUTBOX_SWEEP_MS; tests). */
  outboxSweepMs?: number;
  /** The Tchap channel's pacing (tests: edits and countdown ticks sooner). */
  tchapPacing?: { editGapMs?: number; tickMs?: number };
}

export async function startBarista(options: StartOptions = {}): Promise<Barista> {
  const config = options.config ?? readConfig();
  const log = options.logger ?? pino({ level: config.logLevel, base: { app: 'barista', pid: process.pid } });
  const sink = makeErrorSink(log);
  // Export links are signed with EXPORT_SECRET (the same on every instance), else a secret of this process.
  const exportSecret = config.exportSecret ?? randomBytes(32).toString('hex');
  const content = loadContent(config.contentDir, config.videoLinks);
  const clock = options.now ?? Date.now;

  // The Tchap door (Matrix): its device and keys restored, its channel ready before the pipeline;
  // it starts syncing once the server listens. A wrong homeserver, account or token stops the start
  // (before anything else is opened).
  const facilitatorViewer = (state: CafeState, userId: string) => ({
    ...(config.publicUrl ? { boardUrl: boardLink(config.publicUrl, state.id, exportSecret, clock(), true) } : {}),
    ...(config.publicUrl && state.joinCode ? { web: webLinks(config.publicUrl, state, userId, exportSecret, clock()) } : {}),
  });
  // With several instances, the one holding the door's lease in Redis runs it (src/channel/tchap/doorLease.ts).
  const leased: DoorLease | { heldBy: string } | undefined = config.tchap && config.redisUrl
    ? await (await import('./channel/tchap/doorLease')).takeDoorLease({
        url: config.redisUrl, prefix: config.redisPrefix ?? 'barista:', userId: config.tchap.userId,
        onError: oncePerOutage(log, 'tchap-lease'),
        onLost: (holder) => log.error({ holder }, 'the Tchap door lease was taken by another instance while Redis was away: two instances may be reading Tchap'),
      })
    : undefined;
  const lease = leased && 'release' in leased ? leased : undefined;
  if (leased && 'heldBy' in leased) {
    log.warn({ heldBy: leased.heldBy }, 'the Tchap door runs on another instance: this one hands its Tchap messages over through the outbox');
  }
  const tchap: TchapDoor | undefined = config.tchap && (!leased || lease)
    ? await openTchapDoor({
        config: config.tchap, content, sink, facilitatorViewer, logger: log,
        boardLink: config.publicUrl ? (cafeId) => boardLink(config.publicUrl!, cafeId, exportSecret, clock(), true) : undefined,
        ...options.tchapPacing,
      }).catch(async (err: unknown) => {
        // The start stops here: the lease goes back at once, not when it expires.
        await lease?.release();
        throw err;
      })
    : undefined;

  const storeKind = config.redisUrl ? 'redis' : 'sqlite';
  const opened: CafeStore = config.redisUrl
    ? // Redis and BullMQ are loaded only for scale-out (about 30 MB a process otherwise).
      new (await import('./store/redisStore')).RedisStore({ url: config.redisUrl, prefix: config.redisPrefix, onError: oncePerOutage(log, 'store') })
    : // One process is SQLite's only writer: the cafés it serves are kept in memory between turns.
      new KeptStore(new SqliteStore(config.dataDir));
  const store = options.wrapStore?.(opened) ?? opened;

  // Every request is still authenticated; only the clients CloudAdapter builds per turn are reused.
  const { auth: cachedAuth, inner: auth } = botAuthentication(config);
  const adapter = new HttpAdapter(cachedAuth, { sink });
  // Incoming turns end here; proactive sends and updates (CloudGateway) fail for their caller,
  // Outbound, which retries them and reports what finally fails.
  adapter.onTurnError = async (_ctx: TurnContext, err: Error) => sink(err, { where: 'turn' });

  // --- Scale-out (REDIS_URL): Teams' limits, one sender per conversation and each card's slot kept
  // in Redis for every instance (src/channel/teams/outbound/redisPacing.ts); one process keeps them in memory.
  const shared = config.redisUrl
    ? new (await import('./channel/teams/outbound/redisPacing')).RedisPacing({ url: config.redisUrl, prefix: config.redisPrefix ?? 'barista:', tenantLimit: config.tenantCallsPerSecond, logger: log })
    : undefined;
  // --- end of scale-out
  const outbound = new Outbound({
    logger: log,
    shared,
    tenantLimit: config.tenantCallsPerSecond,
    onError: (err: unknown, context: Record<string, unknown>) => sink(new BaristaError('channel-failed', 'a Teams call failed after its retries', err), { where: 'outbound', ...context }),
  });
  const gateway = options.gateway ?? new CloudGateway(auth, config.appId);
  let bot: Bot | undefined;
  const server = restify.createServer({ name: 'barista', handleUncaughtExceptions: false });
  keepAliveBehindLoadBalancer(server.server);
  const lifecycle = new Lifecycle({ http: server.server, graceMs: config.drainGraceMs ?? 0, log });
  const onFire: OnFire = (cafeId, stepId, late) => lifecycle.track(async () => {
    if (late) log.warn({ cafeId, stepId, late }, 'timer fell due while the server was down: firing late');
    else log.info({ cafeId, stepId, late }, 'timer fired');
    await bot!.onTimer(cafeId, stepId).catch((err) => sink(new BaristaError('timer-failed', 'a timer fell due and its command failed', err), { where: 'timer', cafeId }));
  });
  let timers: Timers & { rearm(store: CafeStore): Promise<number> };
  let closeTimers: () => Promise<void>;
  if (config.redisUrl) {
    const { BullTimers } = await import('./timers/bullmq');
    const bull = new BullTimers(onFire, {
      url: config.redisUrl,
      prefix: config.redisPrefix,
      now: options.now,
      onError: (err, context) => sink(err, context),
      onRecovered: (context) => log.info({ ...context, code: 'BAR-TIMERS' }, 'the timers\' Redis is reachable again'),
    });
    timers = bull;
    closeTimers = () => bull.close();
  } else {
    const inProcess = new InProcessTimers(onFire, options.now);
    timers = inProcess;
    closeTimers = async () => inProcess.stop();
  }
  // Who is expected to finish a video, the same on the board and in the export as on the card.
  const members = (state: CafeState) => channels.members(addressOf(state));
  const live = new LiveBoard({ store, content, sink, now: clock, members, joinUrl: (code) => `${publicBase}/j/${code}` });
  // With several instances (Redis) another one may have updated a card since this one last did.
  const channel = new TeamsChannel({ gateway, outbound, content, sink, publicUrl: config.publicUrl, skipUnchanged: storeKind === 'sqlite' });
  // The web door (src/web): its cafés' "messages" are its pages, refreshed from the store.
  let publicBase = config.publicUrl ?? '';
  const webChannel: WebChannel = new WebChannel({
    onChange: (conversationId: string): void => webLive.touchConversation(conversationId),
    members: (conversationId: string): string[] | undefined => webLive.members(conversationId),
    now: options.now,
  });
  const webLive: WebLive = new WebLive({
    store, content, sink, now: clock, members,
    notices: (conversationId, viewer): WebNotice[] => webChannel.notices(conversationId, viewer),
    joinUrl: (code) => `${publicBase}/j/${code}`,
    boardUrl: (cafeId) => boardLink(publicBase, cafeId, exportSecret, clock(), true),
    // Several instances: another one may have changed a café its pages show here.
    pollMs: storeKind === 'redis' ? 1000 : 0,
  });
  // Each café's messages go to its own channel: a Teams café's to Teams, a web café's to its pages,
  // a Tchap room's to Matrix (or, where this process does not run the Tchap door, to the outbox).
  const channels = new ChannelRouter({ byChannelId: { [WEB_CHANNEL_ID]: webChannel, [TCHAP_CHANNEL_ID]: tchap?.channel ?? new TchapElsewhere() }, fallback: channel });
  const pipeline = new TurnPipeline({
    store, content, channel: channels, timers, sink, now: options.now,
    singleWriter: storeKind === 'sqlite',
    meetingStartCard: config.meetingStartCard ?? true,
    exportLinks: config.publicUrl ? (cafeId) => exportLinks(config.publicUrl!, cafeId, exportSecret, clock(), RECAP_FILES) : undefined,
    networkLinks: config.publicUrl ? (cafeId) => exportLinks(config.publicUrl!, cafeId, exportSecret, clock(), NETWORK_FILES) : undefined,
    retentionDays: config.retentionDays ?? 30,
    boardLink: config.publicUrl ? (cafeId) => boardLink(config.publicUrl!, cafeId, exportSecret, clock()) : undefined,
    // A Teams café's web door, in its facilitator's view: where guests join, and their own console.
    webLinks: config.publicUrl
      ? (state, actorId) => (state.joinCode && state.channelId !== WEB_CHANNEL_ID ? webLinks(config.publicUrl!, state, actorId, exportSecret, clock()) : undefined)
      : undefined,
    onChange: (state) => {
      live.touch(state);
      webLive.touch(state);
    },
  });
  const inbound = new TeamsInbound({ pipeline, channel, content, roles: new MeetingRoles(sink), allowedTenants: config.allowedTenants ?? [] });
  bot = {
    onTurn: (ctx) => inbound.onTurn(ctx),
    onTimer: (cafeId, stepId) => pipeline.onTimer(cafeId, stepId),
    async drain() {
      await pipeline.drain();
      await channels.flush();
    },
  };

  // Counts the requests in flight; while draining, refuses changes (503 + Retry-After).
  server.pre(lifecycle.gate);
  // /api/messages takes JSON only, checked before the body is read (415): a form a web page posts
  // cannot drive the bot (in local mode nothing else would stop it).
  server.use(jsonOnly('/api/messages'));
  server.use(webJsonOnly);
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  const teamsOff = config.teams === 'off';
  server.post('/api/messages', async (req, res) => {
    if (teamsOff) {
      // Neither a Teams app nor the local mode: nothing here accepts Bot Framework activities.
      res.send(404, { error: 'teams-not-configured: set MicrosoftAppId and MicrosoftAppPassword, or BARISTA_LOCAL_MODE=true for the Agents Playground' });
      return;
    }
    const started = Date.now();
    try {
      await adapter.processHttp(req, res, (ctx) => bot!.onTurn(ctx));
    } finally {
      // Ids and timings only: never the text of a message or a person's name.
      const body = (req.body ?? {}) as { type?: unknown; name?: unknown };
      log.debug({ type: body.type, name: body.name, status: res.statusCode, ms: Date.now() - started }, 'turn');
    }
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.get('/notice', (req, res, next) => {
    const page = noticePage(req.query);
    res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page.html);
    next();
  });
  server.get('/export/:cafe/:file', async (req, res) => {
    const answer = await exportRoute(req.params, req.query, { store, content, secret: exportSecret, now: (options.now ?? Date.now)(), members });
    res.writeHead(answer.status, {
      'content-type': answer.contentType,
      'cache-control': 'no-store',
      ...(answer.filename ? { 'content-disposition': `attachment; filename="${answer.filename}"` } : {}),
    });
    res.end(answer.body);
  });
  const board = registerBoardRoutes(server, {
    store, live, gateway, secret: exportSecret, sink, now: clock,
    // The meeting tab signs people in with Teams; that needs the app's id and its public address.
    sso: options.sso ?? (config.appId && config.publicUrl && !config.localMode
      ? ssoVerifier({ appId: config.appId, publicUrl: config.publicUrl, allowedTenants: config.allowedTenants })
      : undefined),
  });
  // The web door's rate limits: in Redis with several instances (every instance counts together).
  const limitsRedis = config.redisUrl ? new (await import('ioredis')).Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  limitsRedis?.on('error', oncePerOutage(log, 'web-limits'));
  const web = registerWebApi(server, {
    pipeline, store, live: webLive, sink, now: clock,
    limits: webLimits(limitsRedis ? { client: limitsRedis, prefix: config.redisPrefix ?? 'barista:' } : undefined),
    secret: exportSecret,
    publicBase: () => publicBase,
    maxParticipants: config.webMaxParticipants ?? 300,
    onErased: (conversationId) => webChannel.forget(conversationId),
    ...(config.trustProxy ? { clientAddress: (req) => String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() || (req.socket?.remoteAddress ?? 'unknown') } : {}),
  });
  registerCatalogue(server, { content });
  registerStartPage(server);
  registerWebPages(server);
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/readyz', async (_req, res) => {
    if (lifecycle.isDraining) {
      res.send(503, { status: 'draining', store: storeKind });
      return;
    }
    const ok = await store.ping().catch(() => false);
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'store unreachable', store: storeKind });
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  // Synced before the timers and the outbox send anything to a Tchap room (the client must know it).
  await tchap?.listen(pipeline, store);
  const rearmed = await timers.rearm(store);
  // BullMQ: every instance re-arms the stored timers now and then (same job ids: adds nothing), so a
  // timer whose job was lost (an instance killed between saving the café and adding the job) still fires.
  const sweep = config.redisUrl
    ? setInterval(() => void timers.rearm(store).catch((err) => sink(err, { where: 'timers-sweep' })), TIMER_SWEEP_MS)
    : undefined;
  sweep?.unref();
  // The outbox: the effects a crash or a network outage left pending are carried out now, in
  // order, then tried again every OUTBOX_SWEEP_MS (SQLite: this process is the only one; Redis:
  // entries another instance may be carrying out are left alone for OUTBOX_MIN_AGE_MS).
  const outboxAge = storeKind === 'sqlite' ? 0 : OUTBOX_MIN_AGE_MS;
  const replayOutbox = () => pipeline.replayOutbox(outboxAge).catch((err) => (sink(err, { where: 'outbox' }), 0));
  const replayed = await replayOutbox();
  const outboxSweep = setInterval(() => void replayOutbox(), options.outboxSweepMs ?? OUTBOX_SWEEP_MS);
  outboxSweep.unref();
  const stopRetention = startRetention(
    store,
    config.retentionDays ?? 30,
    (purged) => log.info({ purged, retentionDays: config.retentionDays ?? 30 }, 'ended cafés purged'),
    (err) => sink(err, { where: 'retention' }),
    options.now,
  );
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  // Without PUBLIC_URL the links point at this address (a café on this machine only).
  publicBase ||= `http://localhost:${address.port}`;
  if (teamsOff) {
    log.info(`Teams n'est pas configuré : seule la porte web est ouverte (${publicBase}/console pour animer, ${publicBase}/j pour participer).`);
  }
  if (config.localMode) {
    log.warn('MODE LOCAL ANONYME : aucun jeton Bot Framework n\'est vérifié. Réservé à l\'Agents Playground, jamais en production (renseignez MicrosoftAppId).');
  }
  log.info(
    {
      port: address.port, rearmed, replayed, localMode: config.localMode, store: storeKind,
      ...(config.tchap ? { tchap: config.tchap.userId, homeserver: config.tchap.homeserverUrl, tchapDoor: tchap ? 'here' : 'elsewhere' } : {}),
      ...(config.redisUrl ? { redis: redactUrl(config.redisUrl), redisPrefix: config.redisPrefix } : { dataDir: config.dataDir }),
    },
    'Barista is listening on /api/messages',
  );

  return {
    server,
    bot,
    store,
    url,
    storeKind,
    ...(tchap ? { tchap } : {}),
    stop() {
      return lifecycle.drain({
        finishWork: () => bot!.drain(),
        closeStreams: () => {
          board.closeStreams();
          web.closeStreams();
        },
        async stopTimers() {
          clearInterval(outboxSweep);
          clearInterval(sweep);
          stopRetention();
          await closeTimers();
        },
        async closeStore() {
          await tchap?.close();
          await lease?.release();
          live.stop();
          webLive.stop();
          limitsRedis?.disconnect();
          await shared?.close();
          await store.close();
        },
      });
    },
  };
}

const EXPORT_LINK_DAYS = 7;

const RECAP_FILES = [['Markdown', 'recap.md'], ['CSV', 'recap.csv'], ['JSON', 'recap.json']] as const;
const NETWORK_FILES = [['GeoJSON', 'network.geojson'], ['CSV', 'network.csv']] as const;

/** Download links of a café's files, valid a week, for this café alone. */
function exportLinks(publicUrl: string, cafeId: string, secret: string, now: number, files: ReadonlyArray<readonly [string, string]>): Array<{ label: string; url: string }> {
  const token = exportToken(cafeId, now + EXPORT_LINK_DAYS * 86_400_000, secret);
  const base = `${publicUrl.replace(/\/$/, '')}/export/${encodeURIComponent(cafeId)}`;
  return files.map(([label, file]) => ({ label, url: `${base}/${file}?t=${token}` }));
}

const BOARD_LINK_HOURS = 24;

/**
 * The café board's read-only link for the facilitator, valid a day, for this café alone. `stable`:
 * the same link for an hour (its expiry on the hour), so a page's view does not change at every refresh.
 */
function boardLink(publicUrl: string, cafeId: string, secret: string, now: number, stable = false): string {
  const hour = 3_600_000;
  const expiresAt = stable ? Math.ceil((now + BOARD_LINK_HOURS * hour) / hour) * hour : now + BOARD_LINK_HOURS * hour;
  const token = boardToken({ kind: 'cafe', cafeId }, expiresAt, secret);
  return `${publicUrl.replace(/\/$/, '')}/board/${encodeURIComponent(cafeId)}?t=${token}`;
}

/**
 * A Teams café's web door for one of its facilitators: the participants' address with the code,
 * and a console link of their own, valid a day (its expiry on the hour, so the card's JSON does
 * not change at every render).
 */
function webLinks(publicUrl: string, state: CafeState, actorId: string, secret: string, now: number): WebLinks {
  const hour = 3_600_000;
  const base = publicUrl.replace(/\/$/, '');
  const token = webToken({ kind: 'console', cafeId: state.id, actorId }, Math.ceil((now + BOARD_LINK_HOURS * hour) / hour) * hour, secret);
  return { code: state.joinCode!, joinUrl: `${base}/j/${state.joinCode}`, consoleUrl: `${base}/console/${encodeURIComponent(state.id)}#t=${token}` };
}

/** redis://user:secret@host:6379/0 → redis://host:6379/0 (for logs). */
function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

/** Logs connection errors at most once every 30 s (ioredis retries every few hundred ms while Redis is down). */
function oncePerOutage(log: Logger, what: string): (err: Error) => void {
  let last = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < 30_000) return;
    last = now;
    log.error({ where: what, code: (err as { code?: string }).code, err: { message: err.message } }, 'Redis unreachable (retrying)');
  };
}

if (require.main === module) {
  let config: Config;
  try {
    config = readConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const log = pino({ level: config.logLevel, base: { app: 'barista', pid: process.pid } });
  startBarista({ config, logger: log })
    .then((app) => stopOnSignals(() => app.stop(), log))
    .catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
}
