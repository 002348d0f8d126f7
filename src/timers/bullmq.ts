import { createHash } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { BaristaError, isStoreUnreachable } from '../errors';
import type { CafeStore } from '../store/port';
import { rearmStored } from './rearm';
import type { OnFire, Timers } from './port';

/** Data of a timer job. */
interface TimerJob {
  cafeId: string;
  stepId: string;
  dueAt: number;
}

export interface BullTimersOptions {
  /** redis://… — the same Redis as the store, usually. */
  url: string;
  /** Key prefix of the deployment (REDIS_PREFIX, default 'barista:'); BullMQ's keys go under `${prefix}bull:`. */
  prefix?: string;
  /** Queue name; default 'timers'. */
  queueName?: string;
  /** How many timers one process may fire at the same time. */
  concurrency?: number;
  /** A job that runs this long (ms) after its due time is "late" (fell due while every instance was down). */
  lateAfterMs?: number;
  /** Errors of the queue, the worker, and arm/cancel calls (which return nothing). */
  onError?: (err: unknown, context: Record<string, unknown>) => void;
  /** Redis is reachable again after an outage (reported once through `onError` as `timers-unavailable`). */
  onRecovered?: (context: Record<string, unknown>) => void;
  now?: () => number;
}

/**
 * Timers for several processes: one BullMQ delayed job per café timer, in Redis. The job id is
 * derived from (café, step, due time), so an instance that arms the same timer again, or re-arms
 * the stored timers at start, adds nothing, and the job fires once whichever instance takes it.
 * Re-arming with another due time removes the former job (a `P timer:{café}` key remembers it,
 * whichever instance armed it). Jobs stay in Redis when processes stop or crash: nothing to re-arm,
 * though `rearm(store)` does it anyway (idempotent) for timers whose arm was lost in a crash.
 */
export class BullTimers implements Timers {
  private readonly queue: Queue<TimerJob>;
  /** The queue's connection, also used for the `timer:{café}` index. */
  private readonly redis: Redis;
  private readonly worker: Worker<TimerJob>;
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly lateAfterMs: number;
  private readonly onError: NonNullable<BullTimersOptions['onError']>;
  private readonly report: NonNullable<BullTimersOptions['onError']>;
  private readonly onRecovered: NonNullable<BullTimersOptions['onRecovered']>;
  /** Redis out of reach since the first connection error, until the queue's connection is ready again. */
  private down = false;
  /** Per café, the chain of arm/cancel calls, so they reach Redis in the order they were made. */
  private readonly chains = new Map<string, Promise<void>>();
  private closing: Promise<void> | undefined;

  constructor(private readonly onFire: OnFire, options: BullTimersOptions) {
    this.prefix = options.prefix ?? 'barista:';
    this.now = options.now ?? Date.now;
    this.lateAfterMs = options.lateAfterMs ?? 2000;
    const onError = options.onError ?? (() => undefined);
    // While Redis is down ioredis retries every few hundred ms on three connections (the queue's,
    // the worker's and its blocking one), each error an event: one report per outage, not hundreds.
    this.onError = (err, context) => (isStoreUnreachable(err) ? this.outage(err, context) : onError(err, context));
    this.report = onError;
    this.onRecovered = options.onRecovered ?? (() => undefined);
    const name = options.queueName ?? 'timers';
    const bullPrefix = `${this.prefix}bull`;
    this.redis = new Redis(options.url, { maxRetriesPerRequest: null, connectionName: 'barista-timers' });
    this.redis.on('error', (err) => this.onError(err, { where: 'timers-redis' }));
    this.redis.on('ready', () => this.recovered());
    this.queue = new Queue<TimerJob>(name, {
      connection: this.redis,
      prefix: bullPrefix,
      defaultJobOptions: {
        // Kept for a day once done: arming the same timer again meanwhile adds nothing.
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    this.queue.on('error', (err) => this.onError(err, { where: 'timers-queue' }));
    this.worker = new Worker<TimerJob>(name, (job) => this.process(job), {
      connection: { url: options.url, maxRetriesPerRequest: null, connectionName: 'barista-timers-worker' },
      prefix: bullPrefix,
      concurrency: options.concurrency ?? 20,
    });
    this.worker.on('error', (err) => this.onError(err, { where: 'timers-worker' }));
  }

  /** The job id of a timer: the same (café, step, due time) always gives the same id. */
  static jobId(cafeId: string, stepId: string, dueAt: number): string {
    return `t-${createHash('sha256').update(JSON.stringify([cafeId, stepId, dueAt])).digest('hex').slice(0, 40)}`;
  }

  arm(cafeId: string, stepId: string, dueAt: number): void {
    this.chain(cafeId, async () => {
      const jobId = BullTimers.jobId(cafeId, stepId, dueAt);
      const former = await this.swapCurrent(cafeId, jobId);
      if (former && former !== jobId) await this.removeJob(former);
      await this.queue.add('timer', { cafeId, stepId, dueAt }, { jobId, delay: Math.max(0, dueAt - this.now()) });
    });
  }

  cancel(cafeId: string): void {
    this.chain(cafeId, async () => {
      const former = await this.swapCurrent(cafeId, undefined);
      if (former) await this.removeJob(former);
    });
  }

  /** Timers.stop: stops this process's worker; the jobs stay in Redis for the other instances or the next start. */
  stop(): void {
    void this.close();
  }

  /** Waits for pending arm/cancel calls and the timers firing now, then closes the connections. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.settled();
      await this.worker.close();
      await this.queue.close();
      await this.redis.quit().catch(() => this.redis.disconnect());
    })();
    return this.closing;
  }

  /** Resolves when every arm/cancel call made so far has reached Redis. */
  async settled(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /**
   * Arms the stored timers of running cafés. With BullMQ the jobs are already in Redis, and arming
   * them again adds nothing (same job ids); this catches a timer whose arm was lost when a process
   * crashed between saving the café and adding the job.
   */
  async rearm(store: CafeStore): Promise<number> {
    const count = await rearmStored(store, (cafeId, stepId, dueAt) => this.arm(cafeId, stepId, dueAt));
    await this.settled();
    return count;
  }


  /** Waits until the worker is connected and listening (tests, start-up). */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
    await this.worker.waitUntilReady();
  }

  /** The queue (tests, operations). */
  get jobs(): Queue<TimerJob> {
    return this.queue;
  }

  private async process(job: Job<TimerJob>): Promise<void> {
    const { cafeId, stepId, dueAt } = job.data;
    // A delayed job can be promoted a few ms early: the engine refuses a timer that is not due yet.
    const early = dueAt - this.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    const late = this.now() - dueAt > this.lateAfterMs;
    await this.onFire(cafeId, stepId, late);
  }

  /** Sets (or clears) the café's current job id, returning the former one. */
  private async swapCurrent(cafeId: string, jobId: string | undefined): Promise<string | null> {
    const client = this.redis;
    const key = `${this.prefix}timer:${cafeId}`;
    if (jobId === undefined) return (await client.getdel(key)) ?? null;
    // The index outlives no café for long: a week after its last timer, it goes.
    const former = await client.set(key, jobId, 'EX', 7 * 24 * 3600, 'GET');
    return former ?? null;
  }

  private async removeJob(jobId: string): Promise<void> {
    // remove() refuses a job that is running: it fires now, and the engine decides whether it still counts.
    await this.queue.remove(jobId).catch((err: unknown) => this.onError(err, { where: 'timers-remove', jobId }));
  }

  /** The first connection error of an outage is reported; the others are the same outage. */
  private outage(err: unknown, context: Record<string, unknown>): void {
    if (this.down) return;
    this.down = true;
    this.report(new BaristaError('timers-unavailable', 'the timers\' Redis is unreachable (retrying; logged once until it is back, timers armed meanwhile are re-armed by the sweep)', err), context);
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.onRecovered({ where: 'timers-redis' });
  }

  private chain(cafeId: string, task: () => Promise<void>): void {
    if (this.closing) {
      this.onError(new Error('BullTimers is closed'), { where: 'timers', cafeId });
      return;
    }
    const previous = this.chains.get(cafeId) ?? Promise.resolve();
    const next = previous.then(task).catch((err: unknown) => this.onError(err, { where: 'timers-arm', cafeId }));
    this.chains.set(cafeId, next);
    void next.then(() => {
      if (this.chains.get(cafeId) === next) this.chains.delete(cafeId);
    });
  }
}
