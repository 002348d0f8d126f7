/**
 * Retry of transient Teams/Bot Connector failures.
 *
 * Why: even when we pace calls, Teams may answer 429 (its counters are not ours: other
 * bot instances, server-side accounting), 412 (concurrent update of the same message), or
 * 502/503/504 (gateway hiccups). Those are worth retrying; anything else (400 bad card,
 * 403 bot removed, 404 message gone) will not get better and must surface at once.
 *
 * How botbuilder 4.23 surfaces HTTP failures (read in node_modules, checked over real HTTP):
 * ConnectorClient runs on @azure/core-client; a non-2xx answer is thrown as a `RestError`
 * (from @typespec/ts-http-runtime via @azure/core-rest-pipeline) with
 *   - `err.statusCode` (number) — also `err.response.status`;
 *   - `err.code` = the `error.code` of the JSON body (e.g. 'Throttled'), `err.message` its message;
 *   - `err.response.headers` — an `HttpHeaders` object (case-insensitive `.get(name)`,
 *     `.toJSON()`), NOT a plain object; there is no `err.headers`.
 * So Retry-After is `err.response.headers.get('retry-after')`. We also accept plain-object,
 * Map and fetch-`Headers` shapes and `err.headers`, defensively.
 *
 * A failure of the network itself has no status: the connection was refused or reset, timed out,
 * the name did not resolve. The client throws a `RestError` without `statusCode` whose `code` is
 * Node's (checked over a real socket: refused → 'ECONNREFUSED', a socket destroyed by the server →
 * 'ECONNRESET' with the message 'socket hang up', an unknown host → 'ENOTFOUND'); fetch/undici put
 * it in `err.cause.code`, axios in `err.code`. Those are retried like a 503 (`networkCodeOf`).
 * ENOTFOUND is retried too: the service URL comes from Teams, so a name that does not resolve is a
 * resolver's hiccup rather than a wrong address, and the retries are few and bounded. A request
 * the gateway timed out (`addRequestTimeout`) is 'ETIMEDOUT'. Beware: a post that timed out or was
 * reset after Teams read it may have been posted; retrying it may post it twice (at least once).
 *
 * Beware: the ConnectorClient pipeline has its OWN retry policy ('defaultRetryPolicy':
 * 3 retries of 429/503 with Retry-After and of 5xx/408 with exponential backoff from 1 s),
 * which bypasses our limiter. See `disableSdkRetries` in ./sdkRetry.
 */
import { realClock } from './types';

/** Statuses worth retrying: throttled, precondition (concurrent update), gateway errors. */
export const RETRYABLE_STATUSES: readonly number[] = Object.freeze([429, 412, 502, 503, 504]);

/** Node / undici / axios error codes of a network failure worth retrying (no HTTP status). */
export const RETRYABLE_NETWORK_CODES: readonly string[] = Object.freeze([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);

/**
 * The single error type thrown by the outbound path, so callers need one `catch` shape.
 * `retryable` tells whether the last failure was transient (i.e. we gave up after
 * `attempts` tries) rather than permanent (400, 403, 404…, or a non-HTTP error).
 */
export class OutboundError extends Error {
  readonly code = 'OUTBOUND_FAILED' as const;
  /** HTTP status of the last failure, when there was one. */
  readonly status: number | undefined;
  /** Attempts made (1 = not retried). */
  readonly attempts: number;
  readonly retryable: boolean;
  /** Retry-After of the last failure (ms), when the service sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: { status?: number; attempts: number; retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'OutboundError';
    this.status = details.status;
    this.attempts = details.attempts;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  status: number | undefined;
  /** How long we wait before the next attempt. */
  delayMs: number;
  /** Retry-After sent by the service (ms), if any. */
  retryAfterMs: number | undefined;
  error: unknown;
}

export interface RetryOptions {
  /** Total attempts including the first. Default 5. */
  maxAttempts?: number;
  /** Backoff base (ms) when no Retry-After: delay = random() * min(cap, base * 2^(attempt-1)). Default 500. */
  baseDelayMs?: number;
  /** Backoff cap (ms). Default 8000. */
  maxDelayMs?: number;
  /** Retry-After values above this (ms) are clamped to it. Default 60000. */
  maxRetryAfterMs?: number;
  retryableStatuses?: readonly number[];
  /** Random source in [0, 1) for jitter. Default Math.random. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Clock for HTTP-date Retry-After values. Default Date.now. */
  now?: () => number;
  /** Called before each wait; must not throw. Used by Outbound for stats and holdOff. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Runs `attempt` until it succeeds, retrying transient HTTP failures (see RETRYABLE_STATUSES):
 * waits Retry-After when the service gives one, else exponential backoff with full jitter.
 * Throws an OutboundError after `maxAttempts`, or at once for non-retryable errors.
 * `attempt` receives the 1-based attempt number; put the limiter INSIDE it, so that every
 * retry is paced again.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 8_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const retryable = options.retryableStatuses ?? RETRYABLE_STATUSES;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realClock.sleep;
  const now = options.now ?? (() => Date.now());

  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const status = statusOf(err);
      const retryAfterMs = retryAfterMsOf(err, now());
      const network = status === undefined ? networkCodeOf(err) : undefined;
      const transient = status !== undefined ? retryable.includes(status) : network !== undefined;
      if (!transient || n >= maxAttempts) {
        if (err instanceof OutboundError && !transient) throw err;
        throw new OutboundError(
          transient
            ? `Outbound call failed after ${n} attempts (${status !== undefined ? `HTTP ${status}` : network})`
            : `Outbound call failed${status !== undefined ? ` (HTTP ${status})` : ''}: ${messageOf(err)}`,
          { status, attempts: n, retryable: transient, retryAfterMs, cause: err },
        );
      }
      const delayMs =
        retryAfterMs !== undefined
          ? Math.min(retryAfterMs, maxRetryAfter)
          : Math.floor(random() * Math.min(cap, base * 2 ** (n - 1)));
      options.onRetry?.({ attempt: n, status, delayMs, retryAfterMs, error: err });
      await sleep(delayMs);
    }
  }
}

/**
 * The code of a network failure worth retrying, if `err` is one (see RETRYABLE_NETWORK_CODES):
 * `err.code` (Node, RestError, axios), `err.cause.code` (fetch/undici, one level deeper too), or a
 * bare 'socket hang up'. Undefined for anything else, HTTP answers included.
 */
export function networkCodeOf(err: unknown): string | undefined {
  let e = asRecord(err);
  for (let depth = 0; e && depth < 3; depth++, e = asRecord(e.cause)) {
    if (typeof e.code === 'string' && RETRYABLE_NETWORK_CODES.includes(e.code)) return e.code;
    if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) return 'ECONNRESET';
  }
  return undefined;
}

/** True for a failure worth retrying: a retryable status, or a network failure without one. */
export function isTransient(err: unknown): boolean {
  if (err instanceof OutboundError) return err.retryable;
  const status = statusOf(err);
  return status !== undefined ? isRetryableStatus(status) : networkCodeOf(err) !== undefined;
}

/** True for statuses worth retrying (429, 412, 502, 503, 504). */
export function isRetryableStatus(status: number | undefined): boolean {
  return status !== undefined && RETRYABLE_STATUSES.includes(status);
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

function asStatus(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * HTTP status carried by an error: `statusCode` (botbuilder/RestError), `status`,
 * or `response.status`. Undefined for non-HTTP errors.
 */
export function statusOf(err: unknown): number | undefined {
  const e = asRecord(err);
  if (!e) return undefined;
  const response = asRecord(e.response);
  return asStatus(e.statusCode) ?? asStatus(e.status) ?? asStatus(response?.status) ?? asStatus(response?.statusCode);
}

/** Reads one header from HttpHeaders / fetch Headers / Map / plain object, case-insensitively. */
function headerOf(headers: unknown, name: string): string | undefined {
  const h = asRecord(headers);
  if (!h) return undefined;
  const lower = name.toLowerCase();
  if (typeof h.get === 'function') {
    const get = h.get as (key: string) => unknown;
    const v = get.call(headers, lower) ?? get.call(headers, name);
    if (v !== undefined && v !== null) return String(v);
    if (headers instanceof Map) {
      for (const [k, val] of headers) if (String(k).toLowerCase() === lower) return String(val);
    }
    return undefined;
  }
  for (const key of Object.keys(h)) {
    if (key.toLowerCase() === lower) {
      const v = h[key];
      if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
      if (v !== undefined && v !== null) return String(v);
    }
  }
  return undefined;
}

/**
 * Retry-After carried by an error, in ms (undefined if absent or unparsable).
 * Looks at `err.response.headers` (botbuilder 4.23: HttpHeaders), `err.headers`, and
 * `err.response.parsedHeaders`; understands `retry-after` (seconds or HTTP date) and the
 * Azure `retry-after-ms` / `x-ms-retry-after-ms` (ms).
 */
export function retryAfterMsOf(err: unknown, nowMs: number = Date.now()): number | undefined {
  const e = asRecord(err);
  if (!e) return undefined;
  const response = asRecord(e.response);
  const sources = [response?.headers, e.headers, response?.parsedHeaders];
  for (const headers of sources) {
    for (const msName of ['retry-after-ms', 'x-ms-retry-after-ms']) {
      const ms = headerOf(headers, msName);
      if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.max(0, Math.ceil(Number(ms)));
    }
    const v = headerOf(headers, 'retry-after');
    if (v === undefined) continue;
    if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.max(0, Math.ceil(Number(v) * 1000));
    const date = Date.parse(v);
    if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  }
  return undefined;
}
