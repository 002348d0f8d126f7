import { LoggerLevel, Tracing } from '@matrix-org/matrix-sdk-crypto-wasm';
import { logger as sdkLogger } from 'matrix-js-sdk/lib/logger.js';
import type { Logger } from 'pino';

type Method = 'trace' | 'debug' | 'info' | 'warn' | 'error';
/** matrix-js-sdk's logger is a loglevel logger; its types do not say so. */
interface LoglevelLogger {
  methodFactory: (method: string, level: number, name: string | symbol) => (...args: unknown[]) => void;
  rebuild(): void;
  setLevel(level: string, persist?: boolean): void;
}

/**
 * matrix-js-sdk writes its logs to the console at DEBUG level, and turns the Rust crypto's tracing
 * on at DEBUG too: on a server, that is thousands of lines on stdout mixed into Barista's JSON log.
 * This sends the SDK's own logs into Barista's logger (as `matrix-js-sdk` lines, at their level, so
 * LOG_LEVEL filters them like the rest) and keeps the Rust crypto's tracing to its warnings. Call it
 * before the client is made (its child loggers copy the root's way of writing) and again after the
 * crypto is initialised (which turns the DEBUG tracing on again).
 */
export function routeMatrixLogs(log: Logger): void {
  const into = log.child({ component: 'matrix-js-sdk' });
  const root = sdkLogger as unknown as LoglevelLogger;
  root.methodFactory = (method) => {
    const level: Method = method === 'log' ? 'info' : (['trace', 'debug', 'info', 'warn', 'error'].includes(method) ? method : 'info') as Method;
    return function (this: { prefix?: string } | undefined, ...args: unknown[]) {
      if (!into.isLevelEnabled(level)) return;
      const prefix = this?.prefix;
      const msg = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
      into[level](prefix ? { sdk: prefix } : {}, msg.slice(0, 2000));
    };
  };
  root.setLevel('trace', false);
  root.rebuild();
}

/** The Rust crypto's tracing: warnings and errors only (it writes to the console itself). */
export function quietRustCrypto(): void {
  new Tracing(LoggerLevel.Warn).turnOn();
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
