/**
 * Shared types and defaults of the outbound path.
 *
 * Why a separate file: the limiter, the retry helper and the card updater are each usable
 * alone (and unit-tested alone with a fake clock), but must agree on what a clock, a logger
 * and an error sink are.
 */

/**
 * Time source and timer, injectable so unit tests can drive time deterministically.
 * `sleep` must resolve no earlier than `ms` later on the `now()` scale.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The real clock. `Date.now` and `setTimeout` are looked up at call time (not captured at
 * import), so Jest's modern fake timers also work with it.
 */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** Minimal pino-compatible logger (pino's `logger.warn(obj, msg)` fits as is). */
export interface OutboundLogger {
  debug?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What was being done when an error was reported to the sink. */
export interface OutboundErrorContext {
  op: 'send' | 'cardUpdate' | 'render' | 'sink';
  conversationId?: string;
  activityId?: string;
  attempts?: number;
  /** True when the component gave up (the state will not be sent unless a newer request arrives). */
  gaveUp?: boolean;
  [key: string]: unknown;
}

/**
 * Where errors that cannot be thrown to a caller go (background card updates…).
 * Must not throw; if it does, the throw is logged, never propagated.
 */
export type ErrorSink = (err: unknown, context: OutboundErrorContext) => void;

/**
 * Default logger: writes warnings and errors to stderr via console. The app is expected to
 * inject its pino logger; this default only guarantees nothing is silently lost.
 */
export const consoleLogger: OutboundLogger = {
  warn: (obj, msg) => console.warn(`[outbound] ${msg}`, obj),
  error: (obj, msg) => console.error(`[outbound] ${msg}`, obj),
};

/** Builds the default sink: log at error level with the context. */
export function logErrorSink(logger: OutboundLogger): ErrorSink {
  return (err, context) => logger.error({ err, ...context }, 'outbound failure');
}

/** Calls the sink; a throwing sink is logged instead of breaking the caller's control flow. */
export function report(sink: ErrorSink, logger: OutboundLogger, err: unknown, context: OutboundErrorContext): void {
  try {
    sink(err, context);
  } catch (sinkErr) {
    logger.error({ err: sinkErr, original: err, ...context, op: 'sink' }, 'outbound onError sink threw');
  }
}
