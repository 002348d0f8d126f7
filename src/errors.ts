import type { Logger } from 'pino';

/**
 * One catalogue of coded errors and one place where errors end (the sink). Every layer throws or
 * reports errors with a code from this catalogue; the sink logs them with their context (ids
 * only: never message text, names or secrets) and nothing is swallowed. The short code is what a
 * person is shown in an apology, and what an operator searches the logs for.
 */
export const ERRORS = {
  /** A bug: an error nothing expected. */
  unexpected: { short: 'BAR-500', why: 'unexpected error (a bug): the log has its stack' },
  /** The store could not be read or written (SQLite file, Redis connection). */
  'store-failed': { short: 'BAR-STORE', why: 'the store could not be read or written' },
  /** The store cannot be reached now (Redis down): the person is told to try again in a moment. */
  'store-unavailable': { short: 'BAR-503', why: 'the store cannot be reached (Redis down?): the turn was answered with a polite retry' },
  /** A POST to /api/messages that is JSON but not a Bot Framework activity (answered 400). */
  'bad-envelope': { short: 'BAR-400', why: 'a request to /api/messages was not an activity (answered 400)' },
  /** Bot Framework's signing keys (OpenID metadata, JWKS) could not be fetched: tokens cannot be checked (answered 503). */
  'auth-keys-unavailable': { short: 'BAR-AUTH-KEYS', why: 'the Bot Framework signing keys could not be fetched (answered 503)' },
  /** The timers' Redis (BullMQ) cannot be reached; logged once per outage, and once when it is back. */
  'timers-unavailable': { short: 'BAR-TIMERS', why: 'the timers\' Redis (BullMQ) is unreachable (retrying; logged once per outage)' },
  /** The café kept changing under us (other instances): the command gave up after several tries. */
  'save-conflict': { short: 'BAR-BUSY', why: 'the café changed at each of several attempts to save it' },
  /** A new café's join code is already another café's (the store stored nothing): draw a new code and create again. */
  'code-taken': { short: 'BAR-CODE', why: "a new café's join code was already another café's at every draw" },
  /** A Teams call failed for good (after Outbound's retries). */
  'channel-failed': { short: 'BAR-TEAMS', why: 'a call to Teams failed after its retries' },
  /** An effect (post, update, timer) could not be carried out. */
  'effect-failed': { short: 'BAR-EFFECT', why: 'an effect of a decision could not be carried out' },
  /** A timer fell due but its command failed. */
  'timer-failed': { short: 'BAR-TIMER', why: 'a timer fell due and its command failed' },
  /** PUBLIC_URL is not set: no in-meeting notifications, the chat message only. */
  'notify-off': { short: 'BAR-NOTIFY-OFF', why: 'in-meeting notifications need PUBLIC_URL' },
  /** Teams refused an in-meeting notification (permission not granted). */
  'notify-refused': { short: 'BAR-NOTIFY', why: 'Teams refused an in-meeting notification' },
  /** Teams would not say a person's meeting role. */
  'meeting-role': { short: 'BAR-ROLE', why: 'the meeting role could not be read from Teams' },
} as const satisfies Record<string, { short: string; why: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An error with a code from the catalogue, and the error it wraps, if any. */
export class BaristaError extends Error {
  constructor(readonly code: ErrorCode, message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'BaristaError';
  }
}

/** The catalogue code of any error: a BaristaError's own, else `fallback`. */
export function codeOf(err: unknown, fallback: ErrorCode = 'unexpected'): ErrorCode {
  return err instanceof BaristaError ? err.code : fallback;
}

/**
 * Whether `err` says the store is out of reach rather than wrong: a `store-unavailable` error, or
 * what ioredis throws while Redis is down (a command that gave up after its retries, a closed
 * connection, a refused or reset socket).
 */
export function isStoreUnreachable(err: unknown): boolean {
  if (err instanceof BaristaError) return err.code === 'store-unavailable' || (err.code === 'store-failed' && isStoreUnreachable(err.cause));
  const e = err as { name?: unknown; message?: unknown; code?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (e.message === 'Connection is closed.' || (typeof e.message === 'string' && e.message.startsWith("Stream isn't writeable"))) return true;
  return typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(e.code);
}

/** The short code shown to a person ("BAR-STORE"). */
export function shortCode(code: ErrorCode): string {
  return ERRORS[code].short;
}

/** Where every reported error ends. */
export type ErrorSink = (err: unknown, context: Record<string, unknown>) => void;

/** The sink: one log line per error, with its catalogue code, its cause's code and status, its stack. */
export function makeErrorSink(log: Logger): ErrorSink {
  return (err, context) => {
    const e = err as { code?: string; statusCode?: number; message?: string; stack?: string; cause?: { code?: string; statusCode?: number; message?: string } };
    const code = err instanceof BaristaError ? err.code : (context.code as ErrorCode | undefined) ?? 'unexpected';
    log.error(
      {
        ...context,
        code: ERRORS[code]?.short ?? code,
        cause: err instanceof BaristaError ? e.cause?.code ?? e.cause?.statusCode : e?.code,
        statusCode: e?.statusCode ?? e?.cause?.statusCode,
        err: { message: e?.message, stack: e?.stack, ...(e?.cause?.message ? { cause: e.cause.message } : {}) },
      },
      ERRORS[code]?.why ?? 'error',
    );
  };
}
