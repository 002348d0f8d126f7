import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { partCardKey } from '../../src/domain';
import { SqliteStore } from '../../src/store';
import { FakeConnector } from '../support/fakeConnector';
import { TeamsUser } from '../support/teamsUser';
import { pollCounts } from '../load/pollCard';
import { BaristaProcess, castOf, chatOf, sleep, waitForPosted } from '../scale/process';

/**
 * A graceful stop over the real server (a child process, SQLite): SIGTERM in the middle of a burst
 * of votes. During the grace period /readyz says draining and new votes get 503 + Retry-After with
 * Connection: close; every vote answered 200 is stored, the shared card's last update shows them
 * all (card updates are slowed down so some are still queued when the signal comes), and the
 * process exits 0.
 */
jest.setTimeout(90_000);

const STEP = 'tasse.madonna.annees-80';
const CHOICES = ['donnee', 'madonna', 'les-deux'] as const;
const GRACE_S = 2;

/** One raw HTTP request (node:http, so the Connection header is visible). */
function raw(url: string, method: string, body?: unknown): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

describe('Graceful stop (real server process): SIGTERM mid-burst drains', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'barista-drain-'));
  const dataDir = path.join(dir, 'data');
  const conversationId = `19:drain_${Math.random().toString(36).slice(2)}@thread.v2`;
  // Card updates take 2.5 s: when the signal comes, the shared card's update is still queued.
  const connector = new FakeConnector({ delayMs: (call) => (call.op === 'update' ? 2500 : 0) });
  let barista: BaristaProcess;

  beforeAll(async () => {
    await connector.start();
    barista = await new BaristaProcess('drain', { DATA_DIR: dataDir, DRAIN_GRACE_S: String(GRACE_S) }).start();
  });

  afterAll(async () => {
    await barista?.stop();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says draining, refuses new votes with 503 + Retry-After, stores every vote it accepted, sends every card update, exits 0', async () => {
    const chat = chatOf(conversationId, connector.url, () => barista.url);
    const { camille } = castOf(chat);
    expect((await camille.say('/startcafe americano')).status).toBe(200);
    await waitForPosted(connector, conversationId, 'Au menu');
    const read = async <T>(fn: (s: SqliteStore) => Promise<T>): Promise<T> => {
      const s = new SqliteStore(dataDir);
      try {
        return await fn(s);
      } finally {
        await s.close();
      }
    };
    const cafe = (await read((s) => s.getActive(conversationId)))!;
    await camille.press({ verb: 'begin', cafe: cafe.id });
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await waitForPosted(connector, conversationId, 'On en parlait moins dans les années 80');
    expect((await raw(`${barista.url}/readyz`, 'GET')).status).toBe(200);

    // The burst: 40 voters, one every 15 ms; SIGTERM after the 15th.
    const voters = Array.from({ length: 40 }, (_, i) => new TeamsUser(chat, `29:voter-${i}`, `Voter ${i}`));
    const choiceOf = (i: number) => CHOICES[i % 3];
    const answers: Array<Promise<{ i: number; status: number | 'error'; retryAfter?: string | null }>> = [];
    let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
    for (let i = 0; i < voters.length; i++) {
      if (i === 15) exit = barista.kill('SIGTERM');
      answers.push(
        voters[i]!.post(voters[i]!.invokeActivity({ verb: 'vote', cafe: cafe.id, step: STEP, choice: choiceOf(i) })).then(
          (res) => ({ i, status: res.status, retryAfter: res.headers.get('retry-after') }),
          () => ({ i, status: 'error' as const }),
        ),
      );
      await sleep(15);
    }

    // Draining: readyz 503 "draining", healthz 200, a new vote 503 with Retry-After and Connection: close.
    let ready = await raw(`${barista.url}/readyz`, 'GET');
    for (let tries = 0; ready.status === 200 && tries < 100; tries++) {
      await sleep(20);
      ready = await raw(`${barista.url}/readyz`, 'GET');
    }
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'draining' });
    expect((await raw(`${barista.url}/healthz`, 'GET')).status).toBe(200);
    const late = new TeamsUser(chat, '29:late', 'Late Voter');
    const refused = await raw(`${barista.url}/api/messages`, 'POST', late.invokeActivity({ verb: 'vote', cafe: cafe.id, step: STEP, choice: 'madonna' }));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(GRACE_S);
    expect(refused.headers.connection).toBe('close');
    // The board's session (it changes nothing stored, but it is not a read) is refused the same way.
    expect((await raw(`${barista.url}/tab/api/session`, 'POST', { conversationId })).status).toBe(503);

    const results = await Promise.all(answers);
    expect(await exit).toEqual({ code: 0, signal: null });
    const accepted = results.filter((r) => r.status === 200).map((r) => r.i);
    const turnedAway = results.filter((r) => r.status !== 200);
    // The burst straddles the signal: some votes went through, the later ones were turned away with Retry-After.
    expect(accepted.length).toBeGreaterThanOrEqual(15);
    expect(turnedAway.length).toBeGreaterThan(0);
    for (const r of turnedAway) expect(r).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });

    // Every vote answered 200 is stored, and nothing else.
    const votes = await read((s) => s.listContributions(cafe.id, STEP));
    expect(votes.map((v) => v.userId).sort()).toEqual(accepted.map((i) => voters[i]!.id).sort());
    // The shared card's last update reached the connector and shows every accepted vote.
    const cardId = (await read((s) => s.getMessageId(cafe.id, partCardKey('tasse'))))!;
    const expected: Record<string, number> = {};
    for (const i of accepted) expected[choiceOf(i)] = (expected[choiceOf(i)] ?? 0) + 1;
    expect(pollCounts(connector.latest(conversationId, cardId))).toEqual(expected);
    expect(connector.calls.filter((c) => c.outcome !== 'ok')).toEqual([]);
    // An update was still on its way when the grace period ended: the drain waited for it.
    const drained = barista.logs.find((l) => l.msg.startsWith('stopping'))!;
    expect(drained).toBeDefined();
    expect(connector.calls.some((c) => c.op === 'update' && c.time + 2500 > drained.time)).toBe(true);
    expect(barista.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['signal received', 'stopped']));
  });
});

describe('Keep-alive and a second signal (real server process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'barista-drain2-'));
  let barista: BaristaProcess;

  beforeAll(async () => {
    // A long grace period: only the second signal can end it quickly.
    barista = await new BaristaProcess('second-signal', { DATA_DIR: path.join(dir, 'data'), DRAIN_GRACE_S: '60' }).start();
  });

  afterAll(async () => {
    await barista?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps idle connections open longer than a load balancer (> 60 s), so the load balancer closes them first', async () => {
    const res = await new Promise<{ keepAlive?: string; connection?: string }>((resolve, reject) => {
      request(`${barista.url}/healthz`, (r) => {
        r.resume();
        resolve({ keepAlive: String(r.headers['keep-alive'] ?? ''), connection: r.headers.connection });
      }).on('error', reject).end();
    });
    expect(res.connection).toBe('keep-alive');
    const timeout = Number(/timeout=(\d+)/.exec(res.keepAlive ?? '')?.[1]);
    expect(timeout).toBeGreaterThan(60);
  });

  it('a second SIGTERM during the drain exits at once', async () => {
    const exit = barista.kill('SIGTERM');
    for (let tries = 0; !barista.logs.some((l) => l.msg.startsWith('draining')) && tries < 250; tries++) await sleep(20);
    expect((await raw(`${barista.url}/readyz`, 'GET')).status).toBe(503);
    await barista.kill('SIGTERM');
    expect(await exit).toEqual({ code: 1, signal: null });
    expect(barista.logs.map((l) => l.msg)).toContain('second signal: exiting without draining');
    expect(barista.logs.map((l) => l.msg)).not.toContain('stopped');
  });
});
