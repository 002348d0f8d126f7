import { partCardKey } from '../../src/domain';
import { TeamsUser } from '../support/teamsUser';
import { cardText, Stack } from './harness';

/**
 * Teams' global limit, "50 requests per second per app per tenant", through the real server
 * (restify + CloudAdapter, SQLite) against the fake Bot Connector, which enforces it as Teams does
 * (429 with Retry-After) and counts every call of the tenant. Many cafés of one organisation vote
 * at once: each wants its poll card refreshed every second, more than the tenant's budget; Barista
 * spends that budget itself (sends first, then the cards in turn, each card's requests merged), so
 * Teams never has to refuse a call, and every card still ends on the final count.
 */
const CAFES = 70;
const VOTERS = 12;
const STEP = 'tasse.madonna.annees-80';
const TENANT = 'tenant-1'; // every activity of tests/support/teamsUser

describe('Many cafés of one tenant voting at once stay within Teams’ 50 calls per second per tenant', () => {
  const stack = new Stack();
  const cafes: Array<{ conversationId: string; cafeId: string; pollId: string }> = [];
  const chat = (conversationId: string) => ({ botUrl: stack.app.url, serviceUrl: stack.connector.url, conversationId });
  const facilitator = (conversationId: string) => new TeamsUser(chat(conversationId), '29:camille', 'Camille Martin');

  beforeAll(async () => {
    await stack.start();
    const ids = Array.from({ length: CAFES }, (_, i) => `19:tenant-budget-${i}@thread.v2`);
    await Promise.all(ids.map((id) => facilitator(id).say('/startcafe americano')));
    await stack.connector.waitFor(() => ids.every((id) => stack.connector.sent(id).some((a) => JSON.stringify(a).includes('Au menu'))), 60_000);
    for (const conversationId of ids) {
      const cafe = await stack.app.store.getActive(conversationId);
      if (!cafe) throw new Error(`no café in ${conversationId}`);
      cafes.push({ conversationId, cafeId: cafe.id, pollId: '' });
    }
    await Promise.all(cafes.map(async (c) => {
      await facilitator(c.conversationId).press({ verb: 'begin', cafe: c.cafeId });
      await facilitator(c.conversationId).press({ verb: 'choose', cafe: c.cafeId, step: 'tasse.choix', option: 'madonna' });
    }));
    await stack.app.bot.drain();
    for (const c of cafes) {
      // The poll shows on la tasse's card (one card per part).
      c.pollId = (await stack.app.store.getMessageId(c.cafeId, partCardKey('tasse')))!;
      expect(c.pollId).toBeTruthy();
    }
  }, 120_000);
  afterAll(() => stack.stop());

  it(`${CAFES} cafés × ${VOTERS} voters: ≤ 50 calls in any second for the tenant, 0 × 429, every card ends on its final count`, async () => {
    const before = stack.connector.calls.length;
    const started = Date.now();
    // Every café's voters vote in waves, all cafés together: each card wants an update every second.
    for (let wave = 0; wave < VOTERS; wave++) {
      await Promise.all(cafes.map((c) =>
        new TeamsUser(chat(c.conversationId), `29:voter-${wave}`, `Votant ${wave}`).press({ verb: 'vote', cafe: c.cafeId, step: STEP, choice: 'madonna' }),
      ));
    }
    const votingMs = Date.now() - started;
    await stack.app.bot.drain();
    const calls = stack.connector.calls.slice(before);
    const updates = calls.filter((c) => c.op === 'update' && c.outcome === 'ok');
    if (process.env.PRINT_COSTS) {
      console.log(`${CAFES * VOTERS} votes in ${votingMs} ms; ${calls.length} calls, ${updates.length} updates; busiest`, stack.connector.busiestWindowPerTenant());
    }

    // The load was worth budgeting: the cards asked for more than the tenant may have.
    expect(updates.length).toBeGreaterThan(50);
    expect(stack.connector.busiestWindowPerTenant().get(TENANT)).toBeLessThanOrEqual(50);
    const summary = (c: { op: string; conversationId?: string; tenantId: string }) => `${c.op} ${c.conversationId} (${c.tenantId})`;
    expect(stack.connector.rejected429().map(summary)).toEqual([]);
    expect(stack.connector.violations().map((v) => `${v.scope}: ${summary(v.call)}`)).toEqual([]);
    for (const c of cafes) {
      expect(cardText(stack.connector.latest(c.conversationId, c.pollId))).toContain(`${VOTERS} personnes ont voté`);
    }
  }, 120_000);
});
