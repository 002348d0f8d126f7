import type { TurnContext } from 'botbuilder';
import { TeamsInbound } from '../../../src/channel/teams/inbound';
import type { TeamsChannel } from '../../../src/channel/teams/channel';
import type { MeetingRoles } from '../../../src/channel/teams/meetingRoles';
import type { TurnPipeline } from '../../../src/bot/turn/pipeline';
import type { Turn } from '../../../src/bot/turn/types';
import { guideFr } from '../../../src/content';

/** Teams' side of a turn: who joined or left makes the roster be read again; the sender's time zone reaches the turn. */
describe('Teams inbound', () => {
  function setup() {
    const forgotten: string[] = [];
    const turns: Turn[] = [];
    const channel = { forgetMembers: (id: string) => forgotten.push(id) } as unknown as TeamsChannel;
    const pipeline = { run: async (turn: Turn) => void turns.push(turn) } as unknown as TurnPipeline;
    const inbound = new TeamsInbound({ pipeline, channel, content: guideFr, roles: {} as MeetingRoles });
    return { inbound, forgotten, turns };
  }
  const base = { from: { id: '29:lea', name: 'Léa' }, conversation: { id: '19:chat@thread.v2' }, recipient: { id: '28:barista' }, serviceUrl: 'http://x', channelId: 'msteams' };
  const ctx = (activity: Record<string, unknown>) => ({ activity: { ...base, ...activity } }) as unknown as TurnContext;

  it('conversationUpdate with members added or removed: the roster is forgotten; another update changes nothing', async () => {
    const { inbound, forgotten } = setup();
    await inbound.onTurn(ctx({ type: 'conversationUpdate', membersAdded: [{ id: '29:karim' }] }));
    await inbound.onTurn(ctx({ type: 'conversationUpdate', membersRemoved: [{ id: '29:sophie' }] }));
    await inbound.onTurn(ctx({ type: 'conversationUpdate', topicName: 'Café' }));
    expect(forgotten).toEqual(['19:chat@thread.v2', '19:chat@thread.v2']);
  });

  it("the sender's time zone is the actor's", async () => {
    const { inbound, turns } = setup();
    await inbound.onTurn(ctx({ type: 'message', text: '/aide', localTimezone: 'Indian/Reunion' }));
    expect(turns[0].actor.timeZone).toBe('Indian/Reunion');
  });
});
