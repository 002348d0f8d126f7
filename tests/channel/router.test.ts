import { ChannelRouter } from '../../src/channel/router';
import type { Address, Scene } from '../../src/channel/port';
import { FakeChannel } from '../support/fakeChannel';

const teams: Address = { conversationId: '19:chat', serviceUrl: 'https://smba', botId: '28:b', channelId: 'msteams' };
const web: Address = { conversationId: 'web:1', serviceUrl: '', botId: 'barista', channelId: 'web' };
const scene: Scene = { kind: 'help', locale: 'fr', isFacilitator: false };

describe('the channel router: each café is answered where it lives', () => {
  const make = () => {
    const t = new FakeChannel();
    const w = new FakeChannel();
    return { t, w, router: new ChannelRouter({ byChannelId: { web: w }, fallback: t }) };
  };

  it('sends a web café\'s calls to the web channel and every other to Teams', async () => {
    const { t, w, router } = make();
    await router.post(web, scene);
    await router.say(web, 'bonjour');
    await router.reply(teams, { id: 'u', name: 'Léa' }, 'merci');
    await router.notifyFacilitators(teams, ['u'], 'timeUp', 'fr');
    await router.delete(web, 'm1');
    expect(w.calls.map((c) => c.op)).toEqual(['post', 'say', 'delete']);
    expect(t.calls.map((c) => c.op)).toEqual(['reply', 'notify']);
  });

  it('routes updates and members, and flushes every channel once', async () => {
    const { t, w, router } = make();
    w.setMembers('web:1', ['web:p:a']);
    t.setMembers('19:chat', ['29:a', '29:b']);
    expect(await router.members(web)).toEqual(['web:p:a']);
    expect(await router.members(teams)).toEqual(['29:a', '29:b']);
    router.update(web, 'm1', async () => scene);
    await router.flush();
    expect(w.calls.map((c) => c.op)).toEqual(['update']);
    expect(t.calls).toEqual([]);
  });

  it('never takes an inherited property for a channel', async () => {
    const { t, w, router } = make();
    await router.say({ ...teams, channelId: 'constructor' }, 'x');
    await router.say({ ...teams, channelId: '__proto__' }, 'y');
    expect(t.calls).toHaveLength(2);
    expect(w.calls).toHaveLength(0);
  });
});
