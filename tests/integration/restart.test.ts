import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store';
import type { CafeState, Contribution } from '../../src/domain/types';
import { FakeConnector } from '../support/fakeConnector';
import {
  BaristaProcess, castOf, chatOf, driveToVideo, posted, shortVideoPack, sleep, TIME_UP, waitForPosted,
} from '../scale/process';

/**
 * Timers that survive restarts, with the real server in a child process (SQLite + in-process
 * timers) killed for real. The Open data video has a 1-minute countdown (a content pack), so each
 * case lasts about a minute; the three run at the same time.
 */
jest.setTimeout(180_000);

class Scenario {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'barista-restart-'));
  readonly dataDir = path.join(this.dir, 'data');
  readonly contentDir = shortVideoPack(path.join(this.dir, 'content'));
  readonly conversationId = `19:meeting_${Math.random().toString(36).slice(2)}@thread.v2`;
  readonly processes: BaristaProcess[] = [];
  connector!: FakeConnector;
  current!: BaristaProcess;

  async start(connector = new FakeConnector()): Promise<this> {
    this.connector = connector;
    await connector.start();
    return this;
  }

  async launch(): Promise<BaristaProcess> {
    const p = new BaristaProcess(`barista-${this.processes.length + 1}`, { DATA_DIR: this.dataDir, CONTENT_DIR: this.contentDir });
    this.processes.push(p);
    await p.start();
    this.current = p;
    return p;
  }

  cast() {
    return castOf(chatOf(this.conversationId, this.connector.url, () => this.current.url));
  }

  /** Reads the café straight from the SQLite file (WAL: safe beside the running server). */
  async read<T>(fn: (store: SqliteStore) => Promise<T>): Promise<T> {
    const store = new SqliteStore(this.dataDir);
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  cafe(): Promise<CafeState | undefined> {
    return this.read((s) => s.getActive(this.conversationId));
  }

  contributions(cafeId: string): Promise<Contribution[]> {
    return this.read((s) => s.listContributions(cafeId));
  }

  /** "Time is up" as the chat reads it (the facilitator's own targeted notice aside). */
  timeUps() {
    return posted(this.connector, this.conversationId, TIME_UP).filter((c) => c.query.isTargetedActivity !== 'true');
  }

  async cleanup(): Promise<void> {
    for (const p of this.processes) await p.stop();
    await this.connector?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('Timers survive restarts (real server process, SQLite)', () => {
  it.concurrent('kill -9 mid-countdown: the café resumes at the same step and due time, and time is up once, when due', async () => {
    const sc = await new Scenario().start();
    try {
      const first = await sc.launch();
      const cast = sc.cast();
      const atVideo = await driveToVideo(cast, sc.connector, sc.conversationId, () => sc.cafe());
      const videoStep = atVideo.steps[atVideo.cursor]!.id;
      const dueAt = atVideo.timer!.dueAt!;
      expect(dueAt - Date.now()).toBeGreaterThan(40_000);
      await cast.lea.press({ verb: 'done', cafe: atVideo.id, step: videoStep });
      const before = await sc.contributions(atVideo.id);

      expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      const second = await sc.launch();
      expect(second.startLine()).toMatchObject({ rearmed: 1, store: 'sqlite' });

      const resumed = (await sc.cafe())!;
      expect(resumed.steps[resumed.cursor]!.id).toBe(videoStep);
      expect(resumed.timer).toEqual({ stepId: videoStep, dueAt });
      expect(resumed.version).toBe(atVideo.version);
      const after = await sc.contributions(atVideo.id);
      expect(after).toEqual(before);
      expect(after.filter((c) => c.stepId === 'tasse.madonna.annees-80').map((c) => c.userId)).toEqual(['29:lea', '29:karim']);
      expect(after.filter((c) => c.stepId === videoStep).map((c) => c.kind)).toEqual(['done']);

      // The café still works on the new process.
      await cast.karim.press({ verb: 'done', cafe: atVideo.id, step: videoStep });
      expect(sc.timeUps()).toEqual([]);

      await waitForPosted(sc.connector, sc.conversationId, TIME_UP, dueAt - Date.now() + 10_000);
      await sleep(2500);
      const timeUps = sc.timeUps();
      expect(timeUps).toHaveLength(1);
      expect(timeUps[0]!.time).toBeGreaterThanOrEqual(dueAt);
      expect(timeUps[0]!.time - dueAt).toBeLessThan(3000);
      expect(second.logs.filter((l) => l.msg === 'timer fired')).toEqual([expect.objectContaining({ cafeId: atVideo.id, stepId: videoStep, late: false })]);
      expect((await sc.cafe())!.timer).toMatchObject({ stepId: videoStep, dueAt, firedAt: expect.any(Number) });
      expect(sc.connector.violations()).toEqual([]);
    } finally {
      await sc.cleanup();
    }
  });

  it.concurrent('a timer that fell due while the server was down fires at start, once, logged as late', async () => {
    const sc = await new Scenario().start();
    try {
      const first = await sc.launch();
      const atVideo = await driveToVideo(sc.cast(), sc.connector, sc.conversationId, () => sc.cafe());
      const dueAt = atVideo.timer!.dueAt!;
      await first.kill('SIGKILL');

      await sleep(dueAt - Date.now() + 1500);
      expect(sc.timeUps()).toEqual([]);
      const second = await sc.launch();
      await waitForPosted(sc.connector, sc.conversationId, TIME_UP, 10_000);
      await sleep(2500);
      expect(sc.timeUps()).toHaveLength(1);
      expect(sc.timeUps()[0]!.time).toBeGreaterThanOrEqual(second.startedAt);
      const late = second.logs.filter((l) => l.late === true);
      expect(late).toEqual([expect.objectContaining({ level: 40, cafeId: atVideo.id, msg: expect.stringContaining('late') })]);

      // And a third start does not announce it again.
      await second.kill('SIGKILL');
      const third = await sc.launch();
      expect(third.startLine()).toMatchObject({ rearmed: 0 });
      await sleep(1500);
      expect(sc.timeUps()).toHaveLength(1);
    } finally {
      await sc.cleanup();
    }
  });

  it.concurrent('SIGTERM: the turn in flight finishes, new turns get 503, the process exits 0, and the timer survives', async () => {
    const UNKNOWN = 'Je ne connais pas cette commande';
    // The answer to an unknown command is posted during the turn: slow it down to keep the turn in flight.
    const sc = await new Scenario().start(
      new FakeConnector({ delayMs: (call) => (JSON.stringify(call.body ?? '').includes(UNKNOWN) ? 1500 : 0) }),
    );
    try {
      const first = await sc.launch();
      const cast = sc.cast();
      const atVideo = await driveToVideo(cast, sc.connector, sc.conversationId, () => sc.cafe());
      const dueAt = atVideo.timer!.dueAt!;

      const inFlight = cast.lea.say('/pas-une-commande');
      await sc.connector.waitFor(() => posted(sc.connector, sc.conversationId, UNKNOWN).length === 1, 5000);
      const exit = first.kill('SIGTERM');
      await sleep(200);
      const during = await cast.karim.say('/suivant').then((r) => r.status, () => 'refused');
      expect([503, 'refused']).toContain(during);
      expect((await inFlight).status).toBe(200);
      expect(await exit).toEqual({ code: 0, signal: null });
      expect(first.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['signal received', 'stopped']));
      expect((await sc.cafe())!.cursor).toBe(atVideo.cursor);

      const second = await sc.launch();
      expect(second.startLine()).toMatchObject({ rearmed: 1 });
      expect((await sc.cafe())!.timer).toEqual(atVideo.timer);
      await waitForPosted(sc.connector, sc.conversationId, TIME_UP, dueAt - Date.now() + 10_000);
      await sleep(2000);
      expect(sc.timeUps()).toHaveLength(1);
      expect(sc.timeUps()[0]!.time).toBeGreaterThanOrEqual(dueAt);
    } finally {
      await sc.cleanup();
    }
  });

  it.concurrent('a bad configuration stops the start with a message naming the variable', async () => {
    const p = new BaristaProcess('bad-config', { REDIS_URL: 'http://user:secret@redis:6379', DATA_DIR: path.join(tmpdir(), 'barista-never') });
    await expect(p.start()).rejects.toThrow(/REDIS_URL/);
    await expect(p.start()).rejects.not.toThrow(/secret/);
    await p.stop();
  });
});
