import { format } from 'node:util';
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
 * on at DEBUG too: on a server, dozens of lines at start and more at every sync, on stdout among
 * Barista's JSON lines. This sends both into Barista's logger (`matrix-js-sdk` lines, their info as
 * debug, so LOG_LEVEL filters them like the rest). Call it before the client is made (its child
 * loggers copy the root's way of writing).
 */
export function routeMatrixLogs(log: Logger): void {
  const into = log.child({ component: 'matrix-js-sdk' });
  const root = sdkLogger as unknown as LoglevelLogger;
  root.methodFactory = (method) => {
    // The SDK's info lines (its sync's progress, rooms and Matrix ids) are debug here: Barista logs no
    // names at info. Its warnings and errors stay what they are.
    const level: Method = method === 'trace' || method === 'warn' || method === 'error' ? method : 'debug';
    return function (this: { prefix?: string } | undefined, ...args: unknown[]) {
      if (!into.isLevelEnabled(level)) return;
      const prefix = this?.prefix;
      // printf-style, as the SDK writes them (`/sync error %s`), errors by their message
      const msg = format(...args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))));
      into[level](prefix ? { sdk: prefix } : {}, msg.slice(0, 2000));
    };
  };
  root.setLevel('trace', false);
  root.rebuild();
  routeRustConsole(into);
}

const RUST_LINE = /^(TRACE|DEBUG|INFO|WARN|ERROR) matrix_sdk/;
const RUST_LEVEL: Record<string, Method> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'debug', WARN: 'warn', ERROR: 'error' };
let consoleRouted: Logger | undefined;

/**
 * The Rust crypto's tracing (matrix-js-sdk turns it on at DEBUG, and its WebAssembly writes each line
 * to `console.debug`, `console.info`… itself; the tracing's own level cannot be reached from here:
 * matrix-js-sdk holds the ES build's instance). Its lines, recognised by their `LEVEL matrix_sdk…`
 * start, go to the logger instead (its INFO as debug: they are store migrations and such); any other
 * console output is left as it was.
 */
function routeRustConsole(into: Logger): void {
  const first = consoleRouted === undefined;
  consoleRouted = into;
  if (!first) return;
  for (const method of ['debug', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const line = typeof args[0] === 'string' ? args[0] : '';
      const match = RUST_LINE.exec(line);
      if (!match || !consoleRouted) return original(...args);
      const level = RUST_LEVEL[match[1]!]!;
      if (consoleRouted.isLevelEnabled(level)) consoleRouted[level]({ sdk: 'rust-crypto' }, line.slice(0, 2000));
    };
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
