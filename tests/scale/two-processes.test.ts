import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RedisStore } from '../../src/store';
import type { CafeState } from '../../src/domain/types';
import { FakeConnector } from '../support/fakeConnector';
import { BaristaProcess, castOf, chatOf, posted, shortVideoPack, sleep, TIME_UP, waitForPosted } from './process';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from './redis';

/**
 * Scale-out: Barista processes sharing one Redis (store + BullMQ timers), the activities of one
 * café spread over them as a load balancer without sticky sessions would, compared with the same
 * café on a single process. The Open data video has a 1-minute countdown (content pack).
 */
jest.setTimeout(150_000);

const dir = mkdtempSync(path.join(tmpdir(), 'barista-scale-'));
const contentDir = shortVideoPack(path.join(dir, 'content'));
const prefixes: string[] = [];

beforeAll(() => requireRedis());
afterAll(async () => {
  for (const p of prefixes) await deletePrefix(p);
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  cafe: CafeState;
  votes: string[];
  timeUps: number;
  /** Texts and cards posted (their first lines), sorted: two processes may post in another order. */
  posts: string[];
  /** What card updates showed (first lines), each once. */
  updates: string[];
}

/**
 * Runs the café on `count` instances: start, begin, Madonna, two votes (one delivered twice, once
 * to each instance, as a Teams retry would be), /suivant ×22 (one delivered twice; each statement: reveal, then next), the Open data
 * video, and (several instances) the instance that armed the timer killed mid-countdown.
 */
async function runCafe(count: number, onVideo?: (instances: BaristaProcess[], lastUsed: BaristaProcess) => Promise<void>): Promise<Outcome> {
  const prefix = uniquePrefix(`scale${count}`);
  prefixes.push(prefix);
  const connector = new FakeConnector();
  await connector.start();
  const conversationId = `19:meeting_${Math.random().toString(36).slice(2)}@thread.v2`;
  const instances = Array.from({ length: count }, (_, i) =>
    new BaristaProcess(`barista-${i + 1}`, { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: path.join(dir, prefix.replace(/\W/g, '_')), CONTENT_DIR: contentDir }),
  );
  const store = new RedisStore({ url: TEST_REDIS_URL, prefix });
  try {
    await Promise.all(instances.map((p) => p.start()));
    for (const p of instances) expect(p.startLine()).toMatchObject({ store: 'redis', redisPrefix: prefix });
    // Round robin over the instances, as a load balancer without sticky sessions.
    let turn = 0;
    let lastUsed = instances[0]!;
    const chat = chatOf(conversationId, connector.url, () => {
      lastUsed = instances[turn++ % instances.length]!;
      return lastUsed.url;
    });
    const { camille, lea, karim } = castOf(chat);
    /** The same activity delivered to every instance at once. */
    const toAll = async (activity: unknown) => {
      const answers = await Promise.all(instances.map((p) => fetch(`${p.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })));
      for (const a of answers) expect(a.status).toBe(200);
    };

    await camille.say('/startcafe americano');
    await waitForPosted(connector, conversationId, 'Au menu');
    const cafe = (await store.getActive(conversationId))!;
    await camille.press({ verb: 'begin', cafe: cafe.id });
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await waitForPosted(connector, conversationId, 'On en parlait moins dans les années 80');
    await toAll(lea.invokeActivity({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'donnee' }));
    await karim.press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'madonna' });
    await toAll(camille.messageActivity('/suivant'));
    // 11 statements, each: the first /suivant reveals, the second moves on (the one delivered twice revealed once).
    for (let i = 0; i < 21; i++) expect((await camille.say('/suivant')).status).toBe(200);
    // Each reveal is one more card update: Teams' pacing (respected, see violations) may hold the posts a while.
    await waitForPosted(connector, conversationId, "L'animateur/animatrice choisit la vidéo", 40_000);
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'cafe.choix', option: 'open-data' });
    await waitForPosted(connector, conversationId, 'Regarder la vidéo', 40_000);
    const atVideo = (await store.get(cafe.id))!;
    const dueAt = atVideo.timer!.dueAt!;
    expect(atVideo.steps[atVideo.cursor]!.kind).toBe('video');
    await onVideo?.(instances, lastUsed);

    await waitForPosted(connector, conversationId, TIME_UP, dueAt - Date.now() + 10_000);
    await sleep(2500);
    for (const p of instances) {
      const exit = await p.kill('SIGTERM');
      if (exit.signal !== 'SIGKILL') expect(exit).toEqual({ code: 0, signal: null });
    }
    // "Time is up" as the chat reads it (the facilitator's own targeted notice aside).
    const timeUps = posted(connector, conversationId, TIME_UP).filter((c) => c.query.isTargetedActivity !== 'true');
    expect(timeUps[0]!.time).toBeGreaterThanOrEqual(dueAt);
    expect(connector.violations()).toEqual([]);

    const final = (await store.get(cafe.id))!;
    // What people see posted: a text, or a card's first two lines (part · step n / total, title).
    // Not the whole card: a card rendered a little later (paced sends) already shows the step as past.
    const signature = (body: unknown) => {
      const activity = body as { text?: string; attachments?: { content?: { body?: { text?: string }[] } }[] };
      if (activity.text) return activity.text;
      const blocks = activity.attachments?.[0]?.content?.body ?? [];
      return blocks.slice(0, 2).map((b) => b.text ?? '').join(' — ');
    };
    return {
      cafe: final,
      votes: (await store.listContributions(cafe.id, 'tasse.madonna.annees-80')).map((c) => `${c.userId}:${(c.value as { choice: string }).choice}`),
      timeUps: timeUps.length,
      // What the chat shows: the facilitator's own targeted notices (seen by her alone) aside.
      posts: connector.calls.filter((c) => c.conversationId === conversationId && (c.op === 'send' || c.op === 'reply') && c.outcome === 'ok' && c.query.isTargetedActivity !== 'true').map((c) => signature(c.body)).sort(),
      // A part's card advances in place: what its updates showed.
      updates: [...new Set(connector.calls.filter((c) => c.conversationId === conversationId && c.op === 'update' && c.outcome === 'ok').map((c) => signature(c.body)))],
    };
  } finally {
    for (const p of instances) {
      const errors = p.logs.filter((l) => l.level >= 50);
      if (errors.length > 0) console.log(`${p.name} (${count} instance(s)) logged errors:\n${errors.map((l) => JSON.stringify(l)).join('\n')}`);
    }
    for (const p of instances) await p.stop();
    await store.close();
    await connector.stop();
  }
}

describe('Two Barista processes sharing one Redis', () => {
  it('run a café spread over both exactly as one process does, and time is up once', async () => {
    let killed: BaristaProcess | undefined;
    const [one, two] = await Promise.all([
      runCafe(1),
      runCafe(2, async (_instances, armedBy) => {
        // The instance that took the video choice (and armed the timer) dies mid-countdown: the other one's worker fires it.
        killed = armedBy;
        expect(await armedBy.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      }),
    ]);

    // Votes counted once each (one was delivered to both instances).
    expect(one.votes).toEqual(['29:lea:donnee', '29:karim:madonna']);
    expect(two.votes).toEqual(one.votes);
    // Steps advanced the same way (a /suivant delivered to both instances counted once).
    expect(two.cafe.steps.map((s) => s.id)).toEqual(one.cafe.steps.map((s) => s.id));
    expect(two.cafe.cursor).toBe(one.cafe.cursor);
    expect(two.cafe.steps[two.cafe.cursor]!.kind).toBe('video');
    expect(Object.keys(two.cafe.runtime).sort()).toEqual(Object.keys(one.cafe.runtime).sort());
    // The same cards and messages were posted, each once: the menu, la tasse's card (its steps
    // advance in place), le café's card, the time up.
    expect(one.posts).toHaveLength(4);
    expect(one.posts.every((p) => p.length > 0)).toBe(true);
    expect(one.posts).toEqual(expect.arrayContaining([expect.stringContaining('La tasse — '), expect.stringContaining('Le café — '), expect.stringContaining(TIME_UP)]));
    expect(two.posts).toEqual(one.posts);
    for (const run of [one, two]) expect(run.updates).toEqual(expect.arrayContaining([expect.stringContaining('La tasse · 11 / 11')]));
    // Time is up once, announced by the surviving instance.
    expect(one.timeUps).toBe(1);
    expect(two.timeUps).toBe(1);
    expect(killed).toBeDefined();
  });
});
