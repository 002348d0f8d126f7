import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CloudGateway, type Channel } from '../../../src/channel/teams/gateway';
import { Outbound } from '../../../src/channel/teams/outbound';
import { TeamsChannel } from '../../../src/channel/teams/channel';
import { guideFr } from '../../../src/content';
import { FakeConnector, type Member } from '../../support/fakeConnector';

/**
 * Who is in the conversation (who is expected to finish a video): read from the Bot Connector's
 * roster (GET /v3/conversations/{id}/pagedmembers), through Outbound, kept a few minutes per
 * conversation, forgotten when someone joins or leaves, and unknown — never guessed — when Teams
 * will not give it.
 */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const people = (n: number): Member[] => Array.from({ length: n }, (_, i) => ({ id: `29:user-${i + 1}`, name: `P${i + 1}` }));

describe('The conversation\'s members, from Teams', () => {
  let fake: FakeConnector;
  let now: number;
  let errors: unknown[];
  let chat: Channel;

  function setup(): TeamsChannel {
    errors = [];
    const gateway = new CloudGateway(new ConfigurationBotFrameworkAuthentication({}), '');
    const outbound = new Outbound({ logger: quiet, retry: { maxAttempts: 1 }, onError: (e) => errors.push(e) });
    return new TeamsChannel({ gateway, outbound, content: guideFr, sink: (e) => errors.push(e), now: () => now });
  }

  beforeEach(async () => {
    fake = new FakeConnector({ limits: false });
    await fake.start();
    now = Date.UTC(2026, 11, 2, 9, 0, 0);
    chat = { conversationId: '19:chat@thread.v2', serviceUrl: fake.url, botId: '28:barista', channelId: 'msteams' };
  });
  afterEach(() => fake.stop());

  const reads = () => fake.calls.filter((c) => c.op === 'getPagedMembers').length;

  it('reads every page of the roster, Barista aside', async () => {
    fake.setMembers(chat.conversationId, [{ id: '28:barista', name: 'Barista' }, ...people(1_100)]);
    const channel = setup();
    const ids = await channel.members(chat);
    expect(ids).toHaveLength(1_100);
    expect(ids).not.toContain('28:barista');
    // Pages of 500: three calls, each through Outbound.
    expect(reads()).toBe(3);
    expect(fake.calls.find((c) => c.op === 'getPagedMembers')?.query.pageSize).toBe('500');
  });

  it('keeps the roster five minutes per conversation, then reads it again', async () => {
    fake.setMembers(chat.conversationId, people(3));
    const channel = setup();
    await Promise.all([channel.members(chat), channel.members(chat), channel.members(chat)]);
    expect(reads()).toBe(1);
    now += 4 * 60_000;
    await channel.members(chat);
    expect(reads()).toBe(1);
    now += 2 * 60_000;
    fake.setMembers(chat.conversationId, people(4));
    expect(await channel.members(chat)).toHaveLength(4);
    expect(reads()).toBe(2);
    // Another conversation has its own.
    await channel.members({ ...chat, conversationId: '19:other@thread.v2' });
    expect(reads()).toBe(3);
  });

  it('someone joins or leaves (conversationUpdate): the roster is read again at once', async () => {
    fake.setMembers(chat.conversationId, people(3));
    const channel = setup();
    await channel.members(chat);
    fake.setMembers(chat.conversationId, people(2));
    channel.forgetMembers(chat.conversationId);
    expect(await channel.members(chat)).toEqual(['29:user-1', '29:user-2']);
    expect(reads()).toBe(2);
  });

  it('a roster Teams will not give is unknown (never guessed), logged once, and asked again after a minute', async () => {
    fake.configure({ membersStatus: 403 });
    const channel = setup();
    expect(await channel.members(chat)).toBeUndefined();
    expect(await channel.members(chat)).toBeUndefined();
    expect(reads()).toBe(1);
    expect(errors).toHaveLength(1);
    fake.configure({ membersStatus: 200 });
    now += 61_000;
    expect(await channel.members(chat)).toHaveLength(2);
    expect(reads()).toBe(2);
  });
});
