import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CloudGateway, type Channel } from '../../../src/channel/teams/gateway';
import { Outbound } from '../../../src/channel/teams/outbound';
import { TeamsChannel } from '../../../src/channel/teams/channel';
import { guideFr } from '../../../src/content';
import { FakeConnector } from '../../support/fakeConnector';

/**
 * Private where Teams allows it: a reply to one person and the facilitator's notices in a group
 * chat are targeted messages (POST …/activities?isTargetedActivity=true, the person as recipient,
 * seen by them only); where Teams refuses them, the reply is the chat message with a mention, as
 * before — never lost — and targeted messages are not tried again in that chat.
 */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const lea = { id: '29:lea', name: 'Léa Dubois' };

describe('Targeted messages', () => {
  let fake: FakeConnector;
  let chat: Channel;
  let errors: unknown[];

  function setup(): TeamsChannel {
    errors = [];
    const gateway = new CloudGateway(new ConfigurationBotFrameworkAuthentication({}), '');
    const outbound = new Outbound({ logger: quiet, retry: { maxAttempts: 1 }, onError: (e) => errors.push(e) });
    return new TeamsChannel({ gateway, outbound, content: guideFr, sink: (e) => errors.push(e) });
  }

  beforeEach(async () => {
    fake = new FakeConnector({ limits: false });
    await fake.start();
    chat = { conversationId: '19:chat@thread.v2', serviceUrl: fake.url, botId: '28:barista', channelId: 'msteams' };
  });
  afterEach(() => fake.stop());

  it('where Teams offers them: the reply is seen by the person only, with the query flag and the recipient', async () => {
    const channel = setup();
    await channel.reply(chat, lea, 'Le café est en pause : tapez /reprendre pour continuer.');
    const [call] = fake.calls.filter((c) => c.op === 'send');
    expect(call.query.isTargetedActivity).toBe('true');
    expect(call.body).toMatchObject({ type: 'message', text: 'Le café est en pause : tapez /reprendre pour continuer.', recipient: { id: '29:lea' } });
    expect(fake.targetedSent(chat.conversationId)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('where Teams refuses them: the chat message with the mention, and no second try in that chat', async () => {
    fake.configure({ targeted: 400 });
    const channel = setup();
    await channel.reply(chat, lea, 'Le café est en pause : tapez /reprendre pour continuer.');
    await channel.reply(chat, lea, 'Le café n’est pas en pause : il n’y a rien à reprendre.');
    const sends = fake.calls.filter((c) => c.op === 'send');
    expect(sends.map((c) => [c.query.isTargetedActivity ?? 'chat', c.status])).toEqual([['true', 400], ['chat', 200], ['chat', 200]]);
    expect(fake.sent(chat.conversationId).map((a) => a.text)).toEqual([
      '<at>Léa Dubois</at> Le café est en pause : tapez /reprendre pour continuer.',
      '<at>Léa Dubois</at> Le café n’est pas en pause : il n’y a rien à reprendre.',
    ]);
    expect(errors).toHaveLength(1);
  });

  it("the facilitator's notices in a group chat: one targeted message each; refused, nothing more (the chat message is said anyway)", async () => {
    const channel = setup();
    await channel.notifyFacilitators(chat, ['29:camille', '29:lea'], 'timeUp', 'fr');
    expect(fake.targetedSent(chat.conversationId).map((a) => [a.recipient?.id, a.text])).toEqual([
      ['29:camille', '⏰ Le temps est écoulé !'], ['29:lea', '⏰ Le temps est écoulé !'],
    ]);
    fake.configure({ targeted: 403 });
    const other = { ...chat, conversationId: '19:other@thread.v2' };
    await channel.notifyFacilitators(other, ['29:camille'], 'timeUp', 'fr');
    expect(fake.sent(other.conversationId)).toEqual([]);
  });
});
