import type { Activity } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials, TeamsConnectorClient } from 'botframework-connector';
import { disableSdkRetries } from '../../../../src/channel/teams/outbound';
import { FakeConnector, UNKNOWN_TENANT } from '../../../support/fakeConnector';
import { freePort } from '../../../support/ports';

const CONV = '19:abc@thread.tacv2;messageid=1712345678901';
const creds = new MicrosoftAppCredentials('', '');

describe('FakeConnector (the test double itself)', () => {
  let fake: FakeConnector;
  let client: ConnectorClient;

  beforeEach(async () => {
    fake = new FakeConnector();
    const { port, url } = await fake.start();
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    client = new ConnectorClient(creds, { baseUri: fake.url });
    disableSdkRetries(client);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('records sends, replies, updates and deletes with decoded ids', async () => {
    const { id } = await client.conversations.sendToConversation(CONV, { type: 'message', text: 'v1' } as Activity);
    const reply = await client.conversations.replyToActivity(CONV, id as string, { type: 'message', text: 'reply' } as Activity);
    await client.conversations.updateActivity(CONV, id as string, { type: 'message', id, text: 'v2' } as Activity);
    await client.conversations.deleteActivity(CONV, reply.id as string);

    expect(fake.calls.map((c) => [c.method, c.conversationId, c.status])).toEqual([
      ['POST', CONV, 200],
      ['POST', CONV, 200],
      ['PUT', CONV, 200],
      ['DELETE', CONV, 200],
    ]);
    expect(fake.calls[0].path).toContain('19%3Aabc%40thread.tacv2%3Bmessageid');
    expect(fake.sent(CONV).map((a) => a.text)).toEqual(['v1', 'reply']);
    expect(fake.calls[1]).toMatchObject({ op: 'reply', activityId: id });
    expect(fake.updates(CONV, id)).toHaveLength(1);
    expect(fake.latest(CONV, id as string)?.text).toBe('v2');
    expect(fake.latest(CONV, reply.id as string)?.text).toBe('reply');
    expect(fake.isDeleted(CONV, reply.id as string)).toBe(true);
  });

  it('serves members, meeting info, participant roles and notifications', async () => {
    fake.setMembers(CONV, [{ id: '29:x', name: 'X', aadObjectId: 'aad-x' }]);
    fake.setRole('aad-x', 'Organizer', 'meeting-1');
    const members = await client.conversations.getConversationMembers(CONV);
    expect(members.map((m) => m.id)).toEqual(['29:x']);
    const member = await client.conversations.getConversationMember(CONV, '29:x');
    expect(member.name).toBe('X');
    await expect(client.conversations.getConversationMember(CONV, '29:nobody')).rejects.toMatchObject({ statusCode: 404 });

    const teams = new TeamsConnectorClient(creds, { baseUri: fake.url });
    const organizer = await teams.teams.fetchMeetingParticipant('meeting-1', 'aad-x', { tenantId: 'tenant-1' });
    expect(organizer.meeting?.role).toBe('Organizer');
    const attendee = await teams.teams.fetchMeetingParticipant('meeting-1', 'aad-y', { tenantId: 'tenant-1' });
    expect(attendee.meeting?.role).toBe('Attendee');
    expect(fake.calls.find((c) => c.op === 'getParticipant')?.query).toEqual({ tenantId: 'tenant-1' });
    const info = await teams.teams.fetchMeetingInfo('meeting-1');
    expect(info.details?.id).toBe('meeting-1');

    const notification = { type: 'targetedMeetingNotification', value: { recipients: ['aad-x'], surfaces: [] } };
    await teams.teams.sendMeetingNotification('meeting-1', notification as never);
    expect(fake.notifications('meeting-1')).toEqual([notification]);
    expect(fake.calls[fake.calls.length - 1].status).toBe(202);
  });

  it('answers 429 past the limits (Retry-After in a share of cases), never accepting a violation', async () => {
    fake.configure({ limits: [{ limit: 3, windowMs: 60_000 }], retryAfterShare: 0.5 });
    const results = [];
    for (let i = 0; i < 12; i++) {
      results.push(
        await client.conversations
          .sendToConversation(CONV, { type: 'message', text: `m${i}` } as Activity)
          .then(() => 200, (e: { statusCode: number }) => e.statusCode),
      );
    }
    expect(results).toEqual([200, 200, 200, ...Array(9).fill(429)]);
    expect(fake.overLimit).toBe(9);
    expect(fake.rejected429()).toHaveLength(9);
    const withHeader = fake.rejected429().filter((c) => c.retryAfterSeconds !== undefined);
    expect(withHeader.length).toBeGreaterThan(0);
    expect(withHeader.length).toBeLessThan(9);
    expect(withHeader[0].retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(fake.violations()).toEqual([]);
    // Other conversations are not affected.
    await expect(client.conversations.sendToConversation('other', { type: 'message' } as Activity)).resolves.toBeDefined();
  });

  it('reports what would have been violations when enforcement is off', async () => {
    fake.configure({ limits: false });
    for (let i = 0; i < 9; i++) await client.conversations.sendToConversation(CONV, { type: 'message' } as Activity);
    expect(fake.rejected429()).toEqual([]);
    expect(fake.violations().length).toBeGreaterThan(0); // 8th and 9th within 1 s / 2 s
  });

  it('limits every call of a tenant (50 per second by default, like Teams), whatever its conversation', async () => {
    fake.configure({ tenantLimit: { limit: 4, windowMs: 60_000 }, retryAfterShare: 1 });
    const send = (conversationId: string, tenantId?: string) =>
      client.conversations
        .sendToConversation(conversationId, { type: 'message', conversation: { id: conversationId, tenantId } } as Activity)
        .then((r) => r.id as string, (e: { statusCode: number }) => e.statusCode);
    // Four chats of tenant A, one call each: the tenant's four.
    const ids = [await send('a1', 'Tenant-A'), await send('a2', 'tenant-a'), await send('a3', 'tenant-a'), await send('a4', 'tenant-a')];
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    // A fifth chat of A is refused, with a Retry-After; a delete (no body) counts for its chat's tenant.
    expect(await send('a5', 'tenant-a')).toBe(429);
    await expect(client.conversations.deleteActivity('a1', ids[0] as string)).rejects.toMatchObject({ statusCode: 429 });
    expect(fake.rejected429().map((c) => [c.tenantId, c.retryAfterSeconds! >= 59])).toEqual([['tenant-a', true], ['tenant-a', true]]);
    // Tenant B and calls of no known tenant have budgets of their own.
    expect(typeof (await send('b1', 'tenant-b'))).toBe('string');
    expect(typeof (await send('nobody'))).toBe('string');
    expect(fake.busiestWindowPerTenant()).toEqual(new Map([['tenant-a', 4], ['tenant-b', 1], [UNKNOWN_TENANT, 1]]));
    expect(fake.violations()).toEqual([]);
  });

  it('reports calls accepted past the tenant limit when it is not enforced', async () => {
    fake.configure({ tenantLimit: false });
    fake.setTenant('x', 'tenant-x');
    await Promise.all(Array.from({ length: 52 }, (_, i) => client.conversations.getConversationMembers('x')));
    expect(fake.rejected429()).toEqual([]);
    const past = fake.violations().filter((v) => v.scope === 'tenant');
    // 52 calls at once: the 51st and 52nd (fewer only if the machine spread them over > 1 s).
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((v) => v.count > 50)).toBe(true);
    expect(past.every((v) => v.call.tenantId === 'tenant-x' && v.window.limit === 50)).toBe(true);
  });

  it('injects deterministic faults and delays', async () => {
    const outcome = async (): Promise<number[]> => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push(
          await client.conversations.getConversationMembers(CONV).then(() => 200, (e: { statusCode: number }) => e.statusCode),
        );
      }
      return statuses;
    };
    fake.configure({ faultRate: 0.3, seed: 123 });
    const first = await outcome();
    fake.reset();
    const second = await outcome();
    expect(second).toEqual(first);
    expect(first.some((s) => s === 502 || s === 503)).toBe(true);
    expect(first.every((s) => [200, 502, 503].includes(s))).toBe(true);

    fake.configure({ faultRate: 0, delayMs: 150 });
    const t0 = Date.now();
    await client.conversations.getConversationMembers(CONV);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('waitFor resolves on a predicate and times out with a summary', async () => {
    const waiting = fake.waitFor((f) => f.sent(CONV).length === 2, 2_000);
    await client.conversations.sendToConversation(CONV, { type: 'message' } as Activity);
    await client.conversations.sendToConversation(CONV, { type: 'message' } as Activity);
    await waiting;
    await expect(fake.waitFor(() => false, 50)).rejects.toThrow(/timed out after 50 ms; 2 calls/);
  });

  it('freePort gives a bindable port', async () => {
    const port = await freePort();
    const other = new FakeConnector({ port });
    await other.start();
    expect(other.port).toBe(port);
    await other.stop();
  });
});
