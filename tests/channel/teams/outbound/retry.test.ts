import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CloudGateway } from '../../../../src/channel/teams/gateway';
import { isTransient, networkCodeOf, OutboundError, retryAfterMsOf, statusOf, withRetry, type RetryInfo } from '../../../../src/channel/teams/outbound';

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

  it.each([
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['ETIMEDOUT', Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })],
    ['EPIPE', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['EAI_AGAIN', Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })],
    ['ENOTFOUND', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })],
    ['a bare socket hang up', new Error('socket hang up')],
    ['fetch (undici: cause.code)', new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })],
    ['fetch, refused (cause.code)', new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })],
    ['axios (code)', Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED', isAxiosError: true })],
  ])('retries a network failure without a status: %s', async (_name, failure) => {
    const { sleep, delays } = recorder();
    let calls = 0;
    const result = await withRetry(async () => {
      if (++calls < 3) throw failure;
      return 'ok';
    }, { sleep, random: () => 0.5 });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([250, 500]); // the same backoff as a 503
    expect(isTransient(failure)).toBe(true);
  });

  it('gives up on a network failure after maxAttempts as a retryable OutboundError naming the code', async () => {
    const { sleep } = recorder();
    const err = await withRetry(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    }, { sleep, maxAttempts: 3 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OUTBOUND_FAILED', status: undefined, attempts: 3, retryable: true });
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(isTransient(err)).toBe(true);
  });

  it('does not take an HTTP answer\'s body code, or another error code, for a network failure', () => {
    const throttled = Object.assign(restError(400), { code: 'BadArgument' });
    expect(networkCodeOf(throttled)).toBeUndefined();
    expect(networkCodeOf(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeUndefined();
    expect(isTransient(restError(404))).toBe(false);
    expect(isTransient(restError(503))).toBe(true);
  });

  it('sees the network failures the Bot Connector client throws (refused, reset, timed out), over real sockets', async () => {
    const gateway = new CloudGateway(new ConfigurationBotFrameworkAuthentication({}), '', { requestTimeoutMs: 300 });
    const channel = (serviceUrl: string) => ({ conversationId: 'c1', serviceUrl, botId: 'b', channelId: 'msteams', tenantId: 't' });
    const failure = (serviceUrl: string) => gateway.send(channel(serviceUrl), { type: 'message', text: 'x' }).then(() => undefined, (e: unknown) => e);

    const refused = await failure('http://127.0.0.1:1/');
    expect(networkCodeOf(refused)).toBe('ECONNREFUSED');

    const sockets = new Set<import('node:net').Socket>();
    const server = http.createServer((req) => {
      if (req.url?.includes('hang')) return; // never answers
      req.socket.destroy();
    });
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const reset = await failure(`${base}/`);
      expect(statusOf(reset)).toBeUndefined();
      expect(networkCodeOf(reset)).toBe('ECONNRESET');
      const timedOut = await failure(`${base}/hang/`);
      expect(networkCodeOf(timedOut)).toBe('ETIMEDOUT');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
