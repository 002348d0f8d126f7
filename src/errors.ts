import type { Logger } from 'pino';

/**
 * One place where errors end. Every layer throws errors with a code; the sink logs them with
 * their context (ids only: never message text, names or secrets) and nothing is swallowed.
 */
export class BaristaError extends Error {
  constructor(readonly code: string, message: string, override readonly cause?: unknown) {
    super(message);
  }
}

export type ErrorSink = (err: unknown, context: Record<string, unknown>) => void;

export function makeErrorSink(log: Logger): ErrorSink {
  return (err, context) => {
    const e = err as { code?: string; statusCode?: number; message?: string; stack?: string };
    log.error({ ...context, code: e?.code, statusCode: e?.statusCode, err: { message: e?.message, stack: e?.stack } }, 'error');
  };
}
