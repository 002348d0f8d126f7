import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Next, Request, Response } from 'restify';

/**
 * The server's life: serving, then (SIGTERM, SIGINT) draining, then stopped.
 *
 * Draining, in order:
 * 1. `/readyz` says `draining` (503) so the load balancer takes the instance out of rotation;
 *    `/healthz` still answers 200 (the process is alive). Requests that change something (every
 *    method but GET/HEAD/OPTIONS: `/api/messages`, the board's session) get 503 with `Retry-After`;
 *    reads are still served. Every answer says `Connection: close`, so the load balancer opens its
 *    next connections elsewhere (idle ones are not cut: a request may already be on its way on one).
 * 2. The grace period (`DRAIN_GRACE_S`) lets the load balancer notice before the port closes.
 * 3. The requests in flight end, then the queued work (commands, effects, Teams calls, card
 *    updates); then the timers stop (their due times stay in the store, BullMQ's jobs in Redis)
 *    and what a timer started meanwhile is finished the same way.
 * 4. The HTTP server, the board's streams and the store close (SQLite commits its pending group).
 */

/** Longer than a load balancer's idle timeout (60 s for AWS's ALB and most proxies), so the load balancer closes first. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** A little more than the keep-alive timeout, as Node requires, so a reused socket is never cut mid-headers. */
export const HEADERS_TIMEOUT_MS = 66_000;

/** Node's 5 s keep-alive default resets connections a load balancer still believes open. */
export function keepAliveBehindLoadBalancer(http: HttpServer): void {
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.headersTimeout = HEADERS_TIMEOUT_MS;
}

/** What the drain runs, in order, after the grace period. */
export interface DrainSteps {
  /** Stops the sources of work other than HTTP (timers, sweeps, retention). */
  stopTimers(): Promise<void>;
  /** Waits for the queued work: commands, effects, Teams calls, card updates. */
  finishWork(): Promise<void>;
  /** Ends the long-lived responses (the board's event streams). */
  closeStreams(): void;
  /** Closes the store (SQLite: commits the pending group, then closes). */
  closeStore(): Promise<void>;
}

/** Requests that never change anything: still served while draining. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Long-lived responses, ended by `closeStreams`, not waited for. */
const STREAMS = new Set(['/tab/api/events']);

export class Lifecycle {
  private draining = false;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private drainEndsAt = 0;
  private stopping: Promise<void> | undefined;

  constructor(private readonly deps: { http: HttpServer; graceMs: number; log: Logger; now?: () => number }) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** Seconds a refused client should wait: the rest of the grace period, at least 1. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.drainEndsAt - this.now()) / 1000));
  }

  /**
   * restify `pre` handler: counts the requests in flight; while draining, closes connections after
   * each answer and refuses what would change something.
   */
  readonly gate = (req: Request, res: Response, next: Next): void => {
    if (this.draining) {
      res.setHeader('connection', 'close');
      if (!READS.has(req.method ?? 'GET')) {
        res.writeHead(503, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(this.retryAfterSeconds()),
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify({ error: 'draining' }));
        return next(false);
      }
    }
    if (!STREAMS.has(pathOf(req))) {
      const done = this.begin();
      res.once('close', done);
    }
    next();
  };

  /** Runs work the drain must wait for (a timer's command). */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const done = this.begin();
    try {
      return await work();
    } finally {
      done();
    }
  }

  /** Drains once (later calls get the same promise). */
  drain(steps: DrainSteps): Promise<void> {
    this.stopping ??= this.run(steps);
    return this.stopping;
  }

  private async run(steps: DrainSteps): Promise<void> {
    const { http, graceMs, log } = this.deps;
    this.draining = true;
    this.drainEndsAt = this.now() + graceMs;
    log.info({ graceMs, inFlight: this.inFlight }, 'draining: readyz says draining, changes get 503');
    if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
    log.info({ inFlight: this.inFlight }, 'stopping: finishing the work in flight and queued');
    steps.closeStreams();
    await this.idle();
    await steps.finishWork();
    // The timers stop once the turns are done (a turn in flight may still arm one); a timer that
    // fell due meanwhile has its command and effects finished too.
    await steps.stopTimers();
    await this.idle();
    await steps.finishWork();
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    steps.closeStreams();
    // Keep-alive connections that sent nothing more would hold close() open.
    http.closeAllConnections?.();
    await closed;
    await steps.closeStore();
    log.info('stopped');
  }

  private begin(): () => void {
    this.inFlight++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((w) => w());
    };
  }

  private idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

function pathOf(req: Request): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * SIGTERM and SIGINT drain then exit 0 (1 if the drain failed); a second signal exits at once (1).
 */
export function stopOnSignals(stop: () => Promise<void>, log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  let received: string | undefined;
  const on = (signal: string) => {
    if (received) {
      log.warn({ signal, first: received }, 'second signal: exiting without draining');
      return exit(1);
    }
    received = signal;
    log.info({ signal }, 'signal received');
    stop().then(
      () => exit(0),
      (err: unknown) => {
        log.error({ signal, err: { message: (err as Error).message, stack: (err as Error).stack } }, 'stop failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', () => on('SIGTERM'));
  process.on('SIGINT', () => on('SIGINT'));
}
