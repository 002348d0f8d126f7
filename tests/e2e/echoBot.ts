/**
 * Throwaway bot used only by the Playground smoke test (tests/e2e/smoke.test.ts).
 *
 * botbuilder CloudAdapter in anonymous mode (no MicrosoftAppId / password) on restify.
 * Every incoming activity is recorded in `received` so tests can assert on exactly
 * what the Playground delivered (type, name, from.id, conversation.id, serviceUrl...).
 *
 * Behaviour (text is matched after removing the <at>…</at> mention):
 *  - "carte"   → Adaptive Card with an Action.Execute ("Voter (Execute)", verb "vote")
 *                and an Action.Submit ("Valider (Submit)", data { action: "submit" }).
 *  - "maj"     → sends "Version 1 du message" then, once sent, updateActivity → "Version 2 …".
 *  - "refresh" → card with refresh { action: Execute verb "refresh", userIds: [currentUser] }.
 *  - anything else → "Écho de <name> (<from.id>) : <text>".
 *  - invoke adaptiveCard/action (any verb) → invoke response with a new card
 *    (Universal Actions: the Playground replaces the card for the clicking user).
 *    verb "tally" additionally updateActivity()s the card at replyToId with "Décompte mis à jour par …".
 *  - message with `value.action === "submit"` (Action.Submit) → reply "Submit reçu de …" and
 *    updateActivity on the card (activity.replyToId) with a "Carte mise à jour" card.
 */
import * as restify from 'restify';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  InvokeResponse,
  MessageFactory,
  TurnContext,
  type Activity,
} from 'botbuilder';
import type { AddressInfo } from 'node:net';

export interface EchoBotHandle {
  /** e.g. http://127.0.0.1:PORT/api/messages */
  endpoint: string;
  port: number;
  /** Every activity the bot received, in order (deep copies). */
  received: Partial<Activity>[];
  /** Activities ids the bot sent, keyed by a label ("card", "maj"...). */
  sent: Record<string, string | undefined>;
  /** Errors caught by adapter.onTurnError. */
  errors: Error[];
  stop(): Promise<void>;
}

function voteCard(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true }],
    actions: [
      { type: 'Action.Execute', title: 'Voter (Execute)', verb: 'vote', data: { choix: 'A' } },
      { type: 'Action.Submit', title: 'Valider (Submit)', data: { action: 'submit' } },
    ],
    ...extra,
  };
}

function textCard(text: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [{ type: 'TextBlock', text, wrap: true }],
  };
}

class EchoBot extends ActivityHandler {
  constructor(private readonly h: EchoBotHandle) {
    super();
    this.onMessage(async (ctx, next) => {
      const a = ctx.activity;
      if (a.value && (a.value as { action?: string }).action === 'submit') {
        await ctx.sendActivity(`Submit reçu de ${a.from.name} (${a.from.id})`);
        if (a.replyToId) {
          const upd = MessageFactory.attachment(CardFactory.adaptiveCard(textCard('Carte mise à jour après Submit')));
          upd.id = a.replyToId;
          await ctx.updateActivity(upd);
        }
        return next();
      }
      const text = TurnContext.removeRecipientMention(a)?.trim() ?? (a.text ?? '').trim();
      if (/^carte\b/i.test(text)) {
        const r = await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(voteCard('Carte de test : votez'))));
        h.sent.card = r?.id;
      } else if (/^maj\b/i.test(text)) {
        const r = await ctx.sendActivity('Version 1 du message');
        h.sent.maj = r?.id;
        const upd = MessageFactory.text('Version 2 du message (mise à jour)');
        upd.id = r?.id;
        await ctx.updateActivity(upd);
      } else if (/^refresh\b/i.test(text)) {
        const r = await ctx.sendActivity(
          MessageFactory.attachment(
            CardFactory.adaptiveCard(
              voteCard('Carte avec refresh', {
                refresh: { action: { type: 'Action.Execute', verb: 'refresh', title: 'refresh' }, userIds: [a.from.id] },
              }),
            ),
          ),
        );
        h.sent.refresh = r?.id;
      } else {
        await ctx.sendActivity(`Écho de ${a.from.name} (${a.from.id}) : ${text}`);
      }
      await next();
    });
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const a = ctx.activity;
    if (a.name === 'adaptiveCard/action') {
      const v = a.value as { action?: { verb?: string; data?: unknown }; trigger?: string };
      const verb = v?.action?.verb;
      if (verb === 'tally' && a.replyToId) {
        // café pattern: a (mock) user's vote makes the bot edit the shared card for everyone
        const upd = MessageFactory.attachment(
          CardFactory.adaptiveCard(voteCard(`Décompte mis à jour par ${a.from.name} (${a.from.id})`)),
        );
        upd.id = a.replyToId;
        await ctx.updateActivity(upd);
      }
      const body = {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: textCard(`Vote (${verb}, trigger=${v?.trigger ?? '?'}) reçu de ${a.from.name} (${a.from.id})`),
      };
      return { status: 200, body };
    }
    return super.onInvokeActivity(ctx);
  }
}

export async function startEchoBot(port = 0): Promise<EchoBotHandle> {
  const server = restify.createServer({ handleUncaughtExceptions: false } as restify.ServerOptions);
  server.use(restify.plugins.bodyParser());
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  const handle: EchoBotHandle = {
    endpoint: '',
    port: 0,
    received: [],
    sent: {},
    errors: [],
    stop: async () => {
      // The Playground keeps HTTP connections alive: drop them or close() waits forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
  adapter.onTurnError = async (ctx, err) => {
    handle.errors.push(err as Error);
    // eslint-disable-next-line no-console
    console.error('[echoBot] turn error', err);
  };
  const bot = new EchoBot(handle);
  server.post('/api/messages', async (req, res) => {
    handle.received.push(JSON.parse(JSON.stringify(req.body)));
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const addr = server.address() as unknown as AddressInfo;
  handle.port = addr.port;
  handle.endpoint = `http://127.0.0.1:${addr.port}/api/messages`;
  return handle;
}
