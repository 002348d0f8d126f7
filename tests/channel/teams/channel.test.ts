import type { Activity } from 'botbuilder';
import { Outbound } from '../../../src/channel/teams/outbound';
import { TeamsChannel } from '../../../src/channel/teams/channel';
import type { Channel, Gateway, MeetingNotice } from '../../../src/channel/teams/gateway';
import type { Scene } from '../../../src/channel/port';
import { guideFr } from '../../../src/content';

/** A gateway that records the Teams calls it would make. */
class RecordingGateway implements Gateway {
  readonly calls: Array<{ op: string; id?: string; activity?: Partial<Activity>; notice?: MeetingNotice }> = [];
  failNextUpdate = false;
  private seq = 0;
  async send(_c: Channel, activity: Partial<Activity>) {
    const id = `a${++this.seq}`;
    this.calls.push({ op: 'send', id, activity });
    return id;
  }
  async update(_c: Channel, id: string, activity: Partial<Activity>) {
    if (this.failNextUpdate) {
      this.failNextUpdate = false;
      throw Object.assign(new Error('bad request'), { statusCode: 400 });
    }
    this.calls.push({ op: 'update', id, activity });
  }
  async delete(_c: Channel, id: string) {
    this.calls.push({ op: 'delete', id });
  }
  async notify(_c: Channel, _m: string, notice: MeetingNotice) {
    this.calls.push({ op: 'notify', notice });
  }
  async member() {
    return undefined;
  }
  /** How Teams answers a targeted message: accepted, or refused with this status. */
  targeted: 'accept' | number = 400;
  async sendTargeted(_c: Channel, person: { id: string }, activity: Partial<Activity>) {
    if (this.targeted !== 'accept') throw Object.assign(new Error('targeted refused'), { statusCode: this.targeted });
    const id = `a${++this.seq}`;
    this.calls.push({ op: 'targeted', id, activity: { ...activity, recipient: { id: person.id, name: '' } } });
    return id;
  }
  roster: string[] | Error = ['bot', 'u1', 'u2'];
  async members() {
    this.calls.push({ op: 'members' });
    if (this.roster instanceof Error) throw this.roster;
    return this.roster;
  }
}

const to = { conversationId: 'c1', serviceUrl: 'http://connector', botId: 'bot', channelId: 'msteams' };
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function setup(publicUrl?: string, skipUnchanged?: boolean) {
  const gateway = new RecordingGateway();
  const errors: unknown[] = [];
  const outbound = new Outbound({ logger: quiet, cardIntervalMs: 0, retry: { maxAttempts: 1 }, onError: (e) => errors.push(e) });
  const channel = new TeamsChannel({ gateway, outbound, content: guideFr, sink: (e) => errors.push(e), publicUrl, ...(skipUnchanged === undefined ? {} : { skipUnchanged }) });
  return { gateway, channel, errors };
}

const help = (isFacilitator: boolean): Scene => ({ kind: 'help', locale: 'fr', isFacilitator });

describe('The Teams channel', () => {
  it('every call spends the budget of its chat’s tenant (Teams limits calls per tenant too)', async () => {
    const gateway = new RecordingGateway();
    const outbound = new Outbound({ logger: quiet, cardIntervalMs: 0, retry: { maxAttempts: 1 } });
    const budgetRuns = jest.spyOn(outbound.budget, 'run');
    const channel = new TeamsChannel({ gateway, outbound, content: guideFr, sink: () => undefined });
    const inTenant = { ...to, tenantId: 'tenant-1' };
    const id = (await channel.post(inTenant, help(true)))!;
    channel.update(inTenant, id, async () => help(false));
    await channel.flush();
    await channel.say(inTenant, 'bonjour');
    await channel.reply(inTenant, { id: '29:ada', name: 'Ada' }, 'merci');
    await channel.delete(inTenant, id);
    expect(gateway.calls.map((c) => c.op)).toEqual(['send', 'update', 'send', 'send', 'delete']);
    // The reply first tries a targeted message (this gateway refuses it), then the chat message: six calls.
    expect(budgetRuns.mock.calls.map((call) => call[0])).toEqual(Array(6).fill('tenant-1'));
    // The update waited as an update, the others as sends.
    expect(budgetRuns.mock.calls.map((call) => (typeof call[1] === 'function' ? call[1]() : call[1]))).toEqual(['send', 'update', 'send', 'send', 'send', 'send']);
  });

  it('renders a scene as an Adaptive Card and posts it', async () => {
    const { gateway, channel } = setup();
    expect(await channel.post(to, help(true))).toBe('a1');
    expect(gateway.calls[0].activity?.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('skips an update that would show what Teams already shows; sends one that changes the card', async () => {
    const { gateway, channel } = setup();
    const id = (await channel.post(to, help(true)))!;
    channel.update(to, id, async () => help(true));
    await channel.flush();
    expect(gateway.calls.filter((c) => c.op === 'update')).toEqual([]);
    channel.update(to, id, async () => help(false));
    await channel.flush();
    channel.update(to, id, async () => help(false));
    await channel.flush();
    expect(gateway.calls.filter((c) => c.op === 'update').map((c) => c.id)).toEqual([id]);
  });

  it('with several instances (skipUnchanged off) every update is sent: another instance may have changed the card since', async () => {
    const { gateway, channel } = setup(undefined, false);
    const id = (await channel.post(to, help(true)))!;
    channel.update(to, id, async () => help(true));
    await channel.flush();
    expect(gateway.calls.filter((c) => c.op === 'update').map((c) => c.id)).toEqual([id]);
  });

  it('a failed update is not taken as shown: the next request sends it again', async () => {
    const { gateway, channel, errors } = setup();
    const id = (await channel.post(to, help(true)))!;
    gateway.failNextUpdate = true;
    channel.update(to, id, async () => help(false));
    await channel.flush();
    expect(errors).toHaveLength(1);
    channel.update(to, id, async () => help(false));
    await channel.flush();
    expect(gateway.calls.filter((c) => c.op === 'update')).toHaveLength(1);
  });

  it('a reply to a person mentions them', async () => {
    const { gateway, channel } = setup();
    await channel.reply(to, { id: '29:lea', name: 'Léa <Dubois>' }, 'Bonjour');
    expect(gateway.calls[0].activity).toMatchObject({ text: '<at>Léa &lt;Dubois&gt;</at> Bonjour', entities: [{ mentioned: { id: '29:lea' } }] });
  });

  it('notifies the facilitators in a meeting only, and only with a public address (said once otherwise)', async () => {
    const off = setup();
    await off.channel.notifyFacilitators({ ...to, meetingId: 'm1' }, ['u1'], 'timeUp', 'fr');
    await off.channel.notifyFacilitators({ ...to, meetingId: 'm1' }, ['u1'], 'timeUp', 'fr');
    expect(off.gateway.calls).toEqual([]);
    expect(off.errors).toHaveLength(1);
    const on = setup('https://barista.example.fr/');
    await on.channel.notifyFacilitators(to, ['u1'], 'timeUp', 'fr');
    await on.channel.notifyFacilitators({ ...to, meetingId: 'm1' }, ['u1', 'u2'], 'timeUp', 'fr');
    expect(on.gateway.calls).toEqual([{ op: 'notify', notice: { recipients: ['u1', 'u2'], title: 'Barista', url: 'https://barista.example.fr/notice?m=timeUp&l=fr' } }]);
  });
});
