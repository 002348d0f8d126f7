import { WebChannel } from '../../../src/channel/web/channel';
import { chatToPlain } from '../../../src/channel/web/plain';
import type { Address } from '../../../src/channel/port';
import { t } from '../../../src/i18n';

const to: Address = { conversationId: 'web:c1', serviceUrl: '', botId: 'barista', channelId: 'web' };

function make(o: { keep?: number; conversations?: number } = {}) {
  const changed: string[] = [];
  let n = 0;
  const channel = new WebChannel({ onChange: (c) => changed.push(c), members: (c) => (c === 'web:c1' ? ['web:p:a'] : undefined), now: () => 1000 + n, newId: () => `id${++n}`, ...o });
  return { channel, changed };
}

describe('the web channel: a web café\'s messages are its pages', () => {
  it('a posted or updated card tells the pages to refresh, and the outbox is acknowledged', async () => {
    const { channel, changed } = make();
    expect(await channel.post(to, { kind: 'help', locale: 'fr', isFacilitator: false })).toMatch(/^web:/);
    let done = 0;
    let rendered = 0;
    channel.update(to, 'web:x', async () => (rendered++, undefined), () => done++);
    expect(done).toBe(1);
    expect(rendered).toBe(0);
    expect(changed).toEqual(['web:c1', 'web:c1']);
  });

  it('says to everyone, replies to one person, and tells the facilitator privately', async () => {
    const { channel } = make();
    await channel.say(to, t('fr', 'timeUp'));
    await channel.reply(to, { id: 'web:p:lea', name: 'Léa' }, 'Merci **Léa**');
    await channel.notifyFacilitators(to, ['web:f:x'], 'timeUp', 'en');
    const texts = (viewer: { id: string; facilitator: boolean }) => channel.notices('web:c1', viewer).map((n) => n.text);
    expect(texts({ id: 'web:p:karim', facilitator: false })).toEqual(['⏰ Le temps est écoulé !']);
    expect(texts({ id: 'web:p:lea', facilitator: false })).toEqual(['⏰ Le temps est écoulé !', 'Merci Léa']);
    expect(texts({ id: 'web:f:x', facilitator: true })).toEqual(['⏰ Le temps est écoulé !', '⏰ Time is up!']);
    expect(channel.notices('web:c1', { id: 'web:f:x', facilitator: true })[1]!.private).toBe(true);
  });

  it('the console gets one notice when Barista notifies the facilitator and says the same in the chat', async () => {
    const { channel } = make();
    await channel.notifyFacilitators(to, ['web:f:x'], 'allDone', 'fr');
    await channel.say(to, t('fr', 'allDone'));
    await channel.notifyFacilitators(to, ['web:f:x'], 'allDone', 'fr');
    expect(channel.notices('web:c1', { id: 'web:f:x', facilitator: true }).map((n) => [n.text, n.private])).toEqual([[t('fr', 'allDone'), false]]);
  });

  it('keeps the newest notices of the newest conversations only', async () => {
    const { channel } = make({ keep: 3, conversations: 2 });
    for (let i = 0; i < 5; i++) await channel.say(to, `n${i}`);
    expect(channel.notices('web:c1', { id: 'x', facilitator: false }).map((n) => n.text)).toEqual(['n2', 'n3', 'n4']);
    await channel.say({ ...to, conversationId: 'web:c2' }, 'a');
    await channel.say({ ...to, conversationId: 'web:c3' }, 'b');
    expect(channel.notices('web:c1', { id: 'x', facilitator: false })).toEqual([]);
    expect(channel.notices('web:c3', { id: 'x', facilitator: false })).toHaveLength(1);
    channel.forget('web:c3');
    expect(channel.notices('web:c3', { id: 'x', facilitator: false })).toEqual([]);
  });

  it('reads its members from the pages', async () => {
    const { channel } = make();
    expect(await channel.members(to)).toEqual(['web:p:a']);
    expect(await channel.members({ ...to, conversationId: 'web:none' })).toBeUndefined();
  });
});

describe('chat messages as a page\'s plain text', () => {
  it('drops Barista\'s emphasis, undoes the escapes of people\'s text, and spells links out', () => {
    expect(chatToPlain('**Camille** a lancé le café')).toBe('Camille a lancé le café');
    expect(chatToPlain('Merci \\*Léa\\* &lt;b&gt; &amp; co')).toBe('Merci *Léa* <b> & co');
    expect(chatToPlain('[Le guide](https://example.fr/guide)')).toBe('Le guide (https://example.fr/guide)');
  });
});
