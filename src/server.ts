import * as restify from 'restify';
import pino, { type Logger } from 'pino';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { BaristaBot } from './bot/bot';
import { CloudGateway, type Gateway } from './bot/gateway';
import { Outbound } from './bot/outbound';
import { readConfig, type Config } from './config';
import { loadContent } from './content';
import { makeErrorSink } from './errors';
import { openStore } from './store';
import type { CafeStore } from './store/port';
import { InProcessTimers } from './timers/inProcess';

/**
 * The one wiring file: config, logger, content, store, timers, CloudAdapter, restify routes.
 * Everything else receives what it needs from here.
 */
export interface Barista {
  server: restify.Server;
  bot: BaristaBot;
  store: CafeStore;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: Config;
  logger?: Logger;
  /** Replaces the Teams gateway (tests). */
  gateway?: Gateway;
  now?: () => number;
}

export async function startBarista(options: StartOptions = {}): Promise<Barista> {
  const config = options.config ?? readConfig();
  const log = options.logger ?? pino({ level: config.logLevel, base: { app: 'barista' } });
  const sink = makeErrorSink(log);
  const content = loadContent(config.contentDir, config.videoLinks);
  const store = openStore({ dataDir: config.dataDir });

  const auth = new ConfigurationBotFrameworkAuthentication(
    config.localMode
      ? {}
      : { MicrosoftAppId: config.appId, MicrosoftAppPassword: config.appPassword, MicrosoftAppType: config.appType, MicrosoftAppTenantId: config.appTenantId },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_ctx: TurnContext, err: Error) => sink(err, { where: 'turn' });

  const outbound = new Outbound({ onError: (err: unknown, context: Record<string, unknown>) => sink(err, { where: 'outbound', ...context }) });
  const gateway = options.gateway ?? new CloudGateway(adapter, config.appId);
  let bot: BaristaBot | undefined;
  const timers = new InProcessTimers(async (cafeId, stepId, late) => {
    if (late) log.warn({ cafeId, stepId }, 'timer fell due while the server was down: firing late');
    await bot!.onTimer(cafeId, stepId).catch((err) => sink(err, { where: 'timer', cafeId }));
  }, options.now);
  bot = new BaristaBot({ store, content, gateway, outbound, timers, sink, now: options.now });

  const server = restify.createServer({ name: 'barista', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  let accepting = true;
  server.post('/api/messages', async (req, res) => {
    if (!accepting) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    await adapter.process(req, res, (ctx) => bot!.onTurn(ctx));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/readyz', async (_req, res) => {
    const ok = await store.ping().catch(() => false);
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'store unreachable' });
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const rearmed = await timers.rearm(store);
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  if (config.localMode) {
    log.warn('MODE LOCAL ANONYME : aucun jeton Bot Framework n\'est vérifié. Réservé à l\'Agents Playground, jamais en production (renseignez MicrosoftAppId).');
  }
  log.info({ port: address.port, rearmed, localMode: config.localMode, dataDir: config.dataDir }, 'Barista is listening on /api/messages');

  return {
    server,
    bot,
    store,
    url,
    async stop() {
      accepting = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot!.drain();
      timers.stop();
      await store.close();
    },
  };
}

if (require.main === module) {
  startBarista()
    .then((app) => {
      const shutdown = (signal: string) => {
        void app.stop().then(() => process.exit(0), (err) => {
          console.error(`stop after ${signal} failed`, err);
          process.exit(1);
        });
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
}
