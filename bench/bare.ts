/**
 * The baseline of `npm run bench`: the same stack as Barista (restify 11, its bodyParser, botbuilder's
 * CloudAdapter in anonymous mode) with a handler that answers every `adaptiveCard/action` invoke with
 * a fixed small card and keeps no state. Whatever Barista costs above this is the vote path itself:
 * parsing, the store, the engine, the cards and the outbound queue.
 *
 * Run as a child process by bench/run.ts: `PORT=… node --import tsx bench/bare.ts`; prints
 * `listening <port>` once ready, stops on SIGTERM.
 */
import * as restify from 'restify';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Merci, votre vote est enregistré.', wrap: true }],
};

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_ctx, err) => {
    console.error('bare: turn error', err);
  };
  const onTurn = async (ctx: TurnContext): Promise<void> => {
    if (ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action') {
      await ctx.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD } },
      });
    }
  };

  const server = restify.createServer({ name: 'bare', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, onTurn);
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  console.log(`listening ${server.address().port}`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
