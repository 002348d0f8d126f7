/**
 * Outbound against the fake Bot Connector over real HTTP, with botbuilder's own ConnectorClient.
 *
 * Time is scaled ×0.1 (7 per 100 ms, 8 per 200 ms, 60 per 3 s, 1800 per 6 min) on BOTH sides,
 * so 100 activities need the same number of window turns as with Teams' real limits
 * (60 per 30 s makes 100 sends take ~40 s for real) but finish in ~4 s. The real limits are
 * exercised by the benchmark (npm run bench), not by a 40-second test.
 */
import type { Activity } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { disableSdkRetries, Outbound, TEAMS_RATE_LIMITS, type OutboundLogger, type RateWindow } from '../../../../src/channel/teams/outbound';
import { FakeConnector } from '../../../support/fakeConnector';

const SCALED: RateWindow[] = TEAMS_RATE_LIMITS.map((w) => ({ limit: w.limit, windowMs: w.windowMs / 10 }));
const CONV = '19:meeting_MjdhNjM4YzUtYzExZi00OTFkLWFkODAtZjNmOTI1ZmRmNWFk@thread.v2;messageid=1712345678901';

const quiet: OutboundLogger = { warn: () => undefined, error: () => undefined };

function connectorFor(fake: FakeConnector): ConnectorClient {
  // Anonymous credentials: empty app id → no Authorization header (the fake accepts that).
  const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: fake.url });
  // Without this the SDK silently retries 429/5xx itself, outside our limiter.
  expect(disableSdkRetries(client)).toBe(true);
  return client;
}

function message(i: number): Partial<Activity> {
  return { type: 'message', text: `message ${i}` };
}

async function sendAll(outbound: Outbound, client: ConnectorClient, n: number): Promise<string[]> {
  const ids = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      outbound.send(CONV, () => client.conversations.sendToConversation(CONV, message(i) as Activity)),
    ),
  );
  return ids.map((r) => r.id as string);
}

describe('Outbound over HTTP against the fake connector', () => {
  let fake: FakeConnector;

  afterEach(async () => {
    await fake?.stop();
  });

  it('sends 100 activities as fast as allowed: all arrive, in order, with 0 violations (scaled limits)', async () => {
    fake = new FakeConnector({ limits: SCALED });
    await fake.start();
    const client = connectorFor(fake);
    const outbound = new Outbound({ limits: SCALED, marginMs: 10, logger: quiet, retry: { baseDelayMs: 50, maxDelayMs: 800 } });

    const t0 = Date.now();
    const ids = await sendAll(outbound, client, 100);
    const elapsed = Date.now() - t0;

    const sent = fake.sent(CONV);
    expect(sent).toHaveLength(100);
    expect(sent.map((a) => a.text)).toEqual(Array.from({ length: 100 }, (_, i) => `message ${i}`));
    expect(sent.map((a) => a.id)).toEqual(ids);
    expect(fake.violations()).toEqual([]);
    const stats = outbound.stats();
    expect(stats).toMatchObject({ sent: 100, failed: 0 });
    // Any 429 the fake answered was seen and retried by Outbound (none expected here).
    expect(stats.got429).toBe(fake.rejected429().length);
    expect(fake.calls.every((c) => c.conversationId === CONV && c.authorization === undefined)).toBe(true);
    // 60 per 3 s dominates: the 61st call waits ~3 s; the limiter must not be much slower than that.
    expect(elapsed).toBeGreaterThan(3_000);
    expect(elapsed).toBeLessThan(9_000);
  });

  it('retries 429s and injected 502/503s: all 100 arrive in order, 0 violations', async () => {
    // The fake is stricter than the limiter's model on the short windows, so Teams-like
    // surprises happen: 429s (a fifth with Retry-After: 1 s) on top of 5 % gateway faults.
    const strict: RateWindow[] = [
      { limit: 6, windowMs: 100 },
      { limit: 8, windowMs: 200 },
      ...SCALED.slice(2),
    ];
    fake = new FakeConnector({ limits: strict, faultRate: 0.05, seed: 7, retryAfterShare: 0.2 });
    await fake.start();
    const client = connectorFor(fake);
    const outbound = new Outbound({
      limits: SCALED,
      marginMs: 10,
      logger: quiet,
      retry: { baseDelayMs: 50, maxDelayMs: 800, maxAttempts: 8 },
    });

    await sendAll(outbound, client, 100);

    const sent = fake.sent(CONV);
    expect(sent.map((a) => a.text)).toEqual(Array.from({ length: 100 }, (_, i) => `message ${i}`));
    expect(fake.violations()).toEqual([]);
    expect(fake.rejected429().length).toBeGreaterThan(0);
    expect(fake.faults().length).toBeGreaterThan(0);
    const stats = outbound.stats();
    expect(stats).toMatchObject({ sent: 100, failed: 0 });
    expect(stats.got429).toBe(fake.rejected429().length);
    expect(stats.retried).toBe(fake.rejected429().length + fake.faults().length);
  });

  it('coalesces card updates over HTTP: the card ends on the latest state', async () => {
    fake = new FakeConnector({ limits: SCALED });
    await fake.start();
    const client = connectorFor(fake);
    const outbound = new Outbound({
      limits: SCALED,
      marginMs: 10,
      logger: quiet,
      updateActivity: (conversationId, activityId, activity) =>
        client.conversations.updateActivity(conversationId, activityId, { ...activity, id: activityId } as Activity),
    });
    const { id } = await outbound.send(CONV, () =>
      client.conversations.sendToConversation(CONV, { type: 'message', text: 'votes: 0' } as Activity),
    );
    let votes = 0;
    for (let i = 0; i < 20; i++) {
      votes++;
      outbound.update(CONV, id as string, async () => ({ type: 'message', text: `votes: ${votes}` }));
      await new Promise((r) => setTimeout(r, 5));
    }
    await outbound.flush();
    expect(fake.updates(CONV, id).length).toBeLessThanOrEqual(2);
    expect(fake.latest(CONV, id as string)?.text).toBe('votes: 20');
    expect(fake.violations()).toEqual([]);
  });
});
