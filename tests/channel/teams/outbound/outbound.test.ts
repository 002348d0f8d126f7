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
});
