import { Outbound, OutboundError, type OutboundLogger } from '../../../../src/channel/teams/outbound';
import { FakeClock } from './fakeClock';

function httpError(status: number, retryAfterSeconds?: number): Error {
  const headers = new Map<string, string>();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (k: string) => headers.get(k.toLowerCase()) } },
  });
}

const quiet: OutboundLogger = { warn: () => undefined, error: () => undefined };

describe('Outbound', () => {
  it('retries a 429 after its Retry-After, holding the whole conversation meanwhile', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const outbound = new Outbound({ clock, logger: quiet, updateActivity: async () => undefined });
    const log: string[] = [];
    let first = true;
    const a = outbound.send('c', async () => {
      log.push(`a@${clock.now() - t0}`);
      await clock.sleep(100);
      if (first) {
        first = false;
        throw httpError(429, 3);
      }
      return 'a';
    });
    await clock.advance(10); // a's first attempt is in flight
    const b = outbound.send(
      'c',
      async () => {
        log.push(`b@${clock.now() - t0}`);
        return 'b';
      },
      { ordered: false },
    );
    await clock.run(Promise.all([a, b]));
    // b was queued behind a's first attempt, then held by the 429: it does not hammer Teams.
    // Nothing before the Retry-After (3 s after the 429 at 100 ms): b was not let through;
    // a's retry went back through the limiter, behind b.
    expect(log).toEqual(['a@0', 'b@3100', 'a@3100']);
    expect(outbound.stats()).toMatchObject({ sent: 2, retried: 1, got429: 1, failed: 0 });
  });

  it('keeps ordered sends in order across retries', async () => {
    const clock = new FakeClock();
    const outbound = new Outbound({ clock, logger: quiet, retry: { random: () => 0.5 } });
    const delivered: string[] = [];
    let failuresLeft = 2;
    const sends = ['m1', 'm2', 'm3'].map((m) =>
      outbound.send('c', async () => {
        if (m === 'm1' && failuresLeft-- > 0) throw httpError(503);
        delivered.push(m);
      }),
    );
    await clock.run(Promise.all(sends));
    expect(delivered).toEqual(['m1', 'm2', 'm3']);
    expect(outbound.stats()).toMatchObject({ sent: 3, retried: 2, got429: 0 });
  });

  it('throws OutboundError when retries are exhausted and counts the failure; the lane goes on', async () => {
    const clock = new FakeClock();
    const outbound = new Outbound({ clock, logger: quiet, retry: { maxAttempts: 3 } });
    const failing = outbound.send('c', async () => {
      throw httpError(429);
    });
    const next = outbound.send('c', async () => 'next');
    const [r1, r2] = await clock.run(Promise.allSettled([failing, next]));
    expect(r1.status).toBe('rejected');
    const err = (r1 as PromiseRejectedResult).reason as OutboundError;
    expect(err).toBeInstanceOf(OutboundError);
    expect(err).toMatchObject({ code: 'OUTBOUND_FAILED', status: 429, attempts: 3 });
    expect(r2).toEqual({ status: 'fulfilled', value: 'next' });
    expect(outbound.stats()).toMatchObject({ sent: 1, retried: 2, got429: 3, failed: 1 });
  });

  it('does not retry a 400', async () => {
    const clock = new FakeClock();
    const outbound = new Outbound({ clock, logger: quiet });
    let calls = 0;
    await expect(
      clock.run(
        outbound.send('c', async () => {
          calls++;
          throw httpError(400);
        }),
      ),
    ).rejects.toMatchObject({ status: 400, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('coalesces card updates through the same limiter, with per-card io or the default updateActivity', async () => {
    const clock = new FakeClock();
    const viaDefault: string[] = [];
    const viaIo: string[] = [];
    const outbound = new Outbound({
      clock,
      logger: quiet,
      updateActivity: async (_c, id, activity) => void viaDefault.push(`${id}:${activity.text}`),
    });
    for (let i = 1; i <= 20; i++) {
      outbound.update('c', 'card1', async () => ({ text: `v${i}` }));
      outbound.update('c', 'card2', async () => ({ text: `w${i}` }), async (activity) => void viaIo.push(String(activity.text)));
      await clock.advance(5);
    }
    outbound.update('c', 'card3', async () => undefined); // nothing to show: skipped
    await clock.run(outbound.flush());
    expect(viaDefault.length).toBeLessThanOrEqual(2);
    expect(viaDefault[viaDefault.length - 1]).toBe('card1:v20');
    expect(viaIo[viaIo.length - 1]).toBe('w20');
    expect(outbound.stats()).toMatchObject({ updateRequests: 41, updated: viaDefault.length + viaIo.length, failed: 0 });
  });

  it('reports an update with no I/O configured to onError instead of throwing', async () => {
    const clock = new FakeClock();
    const onError = jest.fn();
    const outbound = new Outbound({ clock, logger: quiet, onError });
    outbound.update('c', 'card', async () => ({ text: 'x' }));
    await clock.run(outbound.flush());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toBeInstanceOf(OutboundError);
    expect(onError.mock.calls[0][1]).toMatchObject({ op: 'cardUpdate', conversationId: 'c', activityId: 'card', gaveUp: true });
  });

  describe('the per-tenant budget (Teams: 50 calls per second per app per tenant)', () => {
    /** Start and end of every call Teams got, per tenant. */
    function recorder(clock: FakeClock) {
      const calls: Array<{ tenant: string; kind: string; start: number; end: number }> = [];
      const io = (tenant: string, kind: string) => async () => {
        const start = clock.now();
        await clock.sleep(20);
        calls.push({ tenant, kind, start, end: clock.now() });
      };
      const maxInWindow = (tenant: string, windowMs: number): number => {
        const mine = calls.filter((c) => c.tenant === tenant);
        return Math.max(0, ...mine.map((c) => mine.filter((o) => o.start <= c.start && o.end > c.start - windowMs).length));
      };
      return { calls, io, maxInWindow };
    }

    it('100 cards of one tenant updated together: never more than the limit per second, each card ends on its last render', async () => {
      const clock = new FakeClock();
      const { calls, io, maxInWindow } = recorder(clock);
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 10 });
      const shown = new Map<string, string>();
      let renders = 0;
      for (let round = 1; round <= 10; round++) {
        for (let card = 0; card < 100; card++) {
          const to = { conversationId: `conv-${card}`, tenantId: 'tenant-1' };
          outbound.update(to, `card-${card}`, async () => {
            renders++;
            return { text: `round ${round}` };
          }, async (activity) => {
            await io('tenant-1', 'update')();
            shown.set(`card-${card}`, String(activity.text));
          });
        }
        await clock.advance(200);
      }
      await clock.run(outbound.flush());
      expect(maxInWindow('tenant-1', 1_000)).toBeLessThanOrEqual(10);
      expect([...shown.values()].every((text) => text === 'round 10')).toBe(true);
      expect(shown.size).toBe(100);
      // The requests of a waiting card merged into its one update, rendered when it was sent.
      expect(calls.length).toBeLessThan(1_000);
      expect(renders).toBe(calls.length);
    });

    it('sends go before card updates; the cards are served in the order they started waiting', async () => {
      const clock = new FakeClock();
      const { calls, io } = recorder(clock);
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 5, marginMs: 0 });
      for (let card = 0; card < 15; card++) {
        outbound.update({ conversationId: `conv-${card}`, tenantId: 'T' }, 'card', async () => ({ text: 'x' }), io('T', `update-${card}`));
      }
      await clock.advance(1); // 5 updates in flight, 10 waiting
      const sends = Array.from({ length: 5 }, (_, i) =>
        outbound.send({ conversationId: `other-${i}`, tenantId: 'T' }, io('T', `send-${i}`)),
      );
      await clock.run(Promise.all([...sends, outbound.flush()]));
      const kinds = calls.sort((a, b) => a.start - b.start).map((c) => c.kind);
      expect(kinds.slice(0, 5).every((k) => k.startsWith('update-'))).toBe(true);
      expect(kinds.slice(5, 10)).toEqual(['send-0', 'send-1', 'send-2', 'send-3', 'send-4']);
      expect(kinds.slice(10)).toEqual(Array.from({ length: 10 }, (_, i) => `update-${i + 5}`));
    });

    it('a send never waits for the tenant’s updates behind an update holding its conversation’s slot', async () => {
      const clock = new FakeClock();
      const t0 = clock.now();
      const { calls, io } = recorder(clock);
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 2, marginMs: 0 });
      // 30 cards of other chats and one of "ours" wait for the tenant's budget…
      for (let card = 0; card < 30; card++) {
        outbound.update({ conversationId: `conv-${card}`, tenantId: 'T' }, 'card', async () => ({ text: 'x' }), io('T', `update-${card}`));
      }
      outbound.update({ conversationId: 'ours', tenantId: 'T' }, 'card', async () => ({ text: 'x' }), io('T', 'our-update'));
      await clock.advance(1);
      // …then a person's message in our chat, queued behind our card's update in the conversation.
      const sent = outbound.send({ conversationId: 'ours', tenantId: 'T' }, async () => {
        await io('T', 'our-send')();
        return clock.now() - t0;
      });
      const at = await clock.run(sent);
      // Our update was promoted with it: both went right after the first window, not after 15 s of updates.
      expect(at).toBeLessThan(2_100);
      const ours = calls.filter((c) => c.kind.startsWith('our-')).map((c) => c.kind);
      expect(ours).toEqual(['our-update', 'our-send']);
      await clock.run(outbound.flush());
    });

    it('a card update with nothing new to show spends nothing of the tenant’s budget', async () => {
      const clock = new FakeClock();
      const t0 = clock.now();
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 1, marginMs: 0 });
      const to = { conversationId: 'c', tenantId: 'T' };
      outbound.update(to, 'card', async () => undefined, async () => undefined);
      await clock.advance(1);
      const at = await clock.run(outbound.send({ conversationId: 'other', tenantId: 'T' }, async () => clock.now() - t0));
      expect(at).toBeLessThan(100);
      await clock.run(outbound.flush());
      expect(outbound.stats()).toMatchObject({ updated: 0, sent: 1 });
    });

    it('tenants do not share a budget; a bare conversation id spends the unknown tenant’s', async () => {
      const clock = new FakeClock();
      const t0 = clock.now();
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 1, marginMs: 0 });
      const at = (to: string | { conversationId: string; tenantId?: string }) => outbound.send(to, async () => clock.now() - t0);
      const times = await clock.run(
        Promise.all([at({ conversationId: 'a', tenantId: 'A' }), at({ conversationId: 'b', tenantId: 'B' }), at('c'), at({ conversationId: 'd' })]),
      );
      expect(times).toEqual([0, 0, 0, 1_000]);
      expect(outbound.budget.tenants).toBe(3);
    });

    it('a 429 from Teams is still retried after its Retry-After, and the retry spends the budget again', async () => {
      const clock = new FakeClock();
      const t0 = clock.now();
      const outbound = new Outbound({ clock, logger: quiet, tenantLimit: 2, marginMs: 0 });
      const attempts: number[] = [];
      let first = true;
      const to = { conversationId: 'c', tenantId: 'T' };
      const sent = outbound.send(to, async () => {
        attempts.push(clock.now() - t0);
        if (first) {
          first = false;
          throw httpError(429, 2);
        }
        return 'ok';
      });
      await expect(clock.run(sent)).resolves.toBe('ok');
      expect(attempts).toEqual([0, 2_000]);
      expect(outbound.stats()).toMatchObject({ sent: 1, retried: 1, got429: 1, failed: 0 });
      expect(outbound.budget.inFlight('T')).toBe(0);
    });
  });
});
