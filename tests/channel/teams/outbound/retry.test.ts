import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { OutboundError, retryAfterMsOf, statusOf, withRetry, type RetryInfo } from '../../../../src/channel/teams/outbound';

/** An error shaped exactly like what botbuilder 4.23's ConnectorClient throws (RestError). */
function restError(status: number, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({ url: 'http://127.0.0.1/v3/conversations/c/activities' });
  return new RestError(`HTTP ${status}`, {
    statusCode: status,
    request,
    response: { status, headers: createHttpHeaders(headers), request },
  });
}

function recorder(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('withRetry', () => {
  it('honours Retry-After (seconds) from a botbuilder RestError', async () => {
    const { sleep, delays } = recorder();
    let n = 0;
    const result = await withRetry(
      async () => {
        n++;
        if (n < 3) throw restError(429, { 'Retry-After': n === 1 ? '2' : '0.5' });
        return 'ok';
      },
      { sleep, random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([2_000, 500]);
  });

  it('honours Retry-After as an HTTP date, and clamps absurd values', async () => {
    const now = Date.parse('2025-01-01T10:00:00Z');
    const err = restError(503, { 'retry-after': 'Wed, 01 Jan 2025 10:00:07 GMT' });
    expect(retryAfterMsOf(err, now)).toBe(7_000);
    const { sleep, delays } = recorder();
    let n = 0;
    await withRetry(
      async () => {
        if (n++ === 0) throw restError(429, { 'retry-after': '86400' });
      },
      { sleep, maxRetryAfterMs: 30_000 },
    );
    expect(delays).toEqual([30_000]);
  });

  it('reads Retry-After defensively: plain-object headers, err.headers, Map, ms variants', () => {
    expect(retryAfterMsOf({ statusCode: 429, response: { headers: { 'Retry-After': '3' } } })).toBe(3_000);
    expect(retryAfterMsOf({ statusCode: 429, headers: { 'retry-after': ['4'] } })).toBe(4_000);
    expect(retryAfterMsOf({ statusCode: 429, headers: new Map([['Retry-After', '1']]) })).toBe(1_000);
    expect(retryAfterMsOf({ statusCode: 429, response: { headers: { 'x-ms-retry-after-ms': '250' } } })).toBe(250);
    expect(retryAfterMsOf({ statusCode: 429, response: { headers: { 'retry-after': 'soon' } } })).toBeUndefined();
    expect(retryAfterMsOf(new Error('x'))).toBeUndefined();
    expect(retryAfterMsOf(undefined)).toBeUndefined();
  });

  it('reads the status from statusCode, status or response.status', () => {
    expect(statusOf(restError(502))).toBe(502);
    expect(statusOf({ status: 503 })).toBe(503);
    expect(statusOf({ response: { status: 504 } })).toBe(504);
    expect(statusOf(new Error('network'))).toBeUndefined();
  });

  it('backs off exponentially with full jitter (base 500 ms, cap 8 s) when there is no Retry-After', async () => {
    const { sleep, delays } = recorder();
    const infos: RetryInfo[] = [];
    await expect(
      withRetry(
        async () => {
          throw restError(503);
        },
        { sleep, random: () => 0.999, maxAttempts: 7, onRetry: (i) => infos.push(i) },
      ),
    ).rejects.toBeInstanceOf(OutboundError);
    expect(delays).toEqual([499, 999, 1_998, 3_996, 7_992, 7_992]);
    expect(infos.map((i) => i.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    // Full jitter: anywhere in [0, ceiling).
    const low = recorder();
    await expect(
      withRetry(
        async () => {
          throw restError(502);
        },
        { sleep: low.sleep, random: () => 0, maxAttempts: 3 },
      ),
    ).rejects.toThrow();
    expect(low.delays).toEqual([0, 0]);
  });

  it('stops after maxAttempts (default 5) with an OutboundError carrying status and attempts', async () => {
    const { sleep, delays } = recorder();
    let calls = 0;
    const err = await withRetry(
      async () => {
        calls++;
        throw restError(429);
      },
      { sleep },
    ).catch((e: unknown) => e);
    expect(calls).toBe(5);
    expect(delays).toHaveLength(4);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err).toMatchObject({ code: 'OUTBOUND_FAILED', status: 429, attempts: 5, retryable: true });
    expect((err as OutboundError).cause).toBeInstanceOf(RestError);
  });

  it.each([412, 429, 502, 503, 504])('retries %i', async (status) => {
    const { sleep } = recorder();
    let n = 0;
    await expect(
      withRetry(
        async () => {
          if (n++ === 0) throw restError(status);
          return n;
        },
        { sleep },
      ),
    ).resolves.toBe(2);
  });

  it.each([400, 401, 403, 404, 500])('does not retry %i', async (status) => {
    const { sleep, delays } = recorder();
    let calls = 0;
    const err = await withRetry(
      async () => {
        calls++;
        throw restError(status);
      },
      { sleep },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
    expect(err).toMatchObject({ code: 'OUTBOUND_FAILED', status, attempts: 1, retryable: false });
  });

  it('does not retry non-HTTP errors', async () => {
    let calls = 0;
    const err = await withRetry(async () => {
      calls++;
      throw new TypeError('bug');
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(err).toMatchObject({ code: 'OUTBOUND_FAILED', status: undefined, attempts: 1 });
    expect((err as OutboundError).cause).toBeInstanceOf(TypeError);
  });
});
