import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RedisStore } from '../../src/store';
import type { CafeState } from '../../src/domain/types';
import { FakeConnector } from '../support/fakeConnector';
import { TeamsUser } from '../support/teamsUser';
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

/** A card's first two lines (part · step n / total, title); '' for a text message. */
function cardLines(body: unknown): string {
  const blocks = (body as { attachments?: { content?: { body?: { text?: string }[] } }[] }).attachments?.[0]?.content?.body ?? [];
  return blocks.slice(0, 2).map((b) => b.text ?? '').join(' — ');
}

/** Waits until the fake has seen no call for `quietMs` (every instance's outbound queue drained). */
async function quiet(connector: FakeConnector, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (connector.calls.length !== seen) {
      seen = connector.calls.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await sleep(100);
  }
  throw new Error(`the bot was still calling Teams after ${timeoutMs} ms (${connector.calls.length} calls)`);
}

describe('Two Barista processes under Teams limits', () => {
  it('six cafés, a burst of votes and rapid advances through both: no 429, every limit kept, cards in order, each ending on what the store holds', async () => {
    const prefix = uniquePrefix('scale-limits');
    prefixes.push(prefix);
    // Teams' windows (7/1 s, 8/2 s…, 50/s per tenant) and one update per card per second, enforced
    // with 429s, and a round trip of 5–40 ms.
    const connector = new FakeConnector({ delayMs: () => 5 + Math.floor(Math.random() * 35) });
    await connector.start();
    const instances = [1, 2].map((i) => new BaristaProcess(`limits-${i}`, { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: path.join(dir, `limits-${i}`), CONTENT_DIR: contentDir }));
    const store = new RedisStore({ url: TEST_REDIS_URL, prefix });
    try {
      await Promise.all(instances.map((p) => p.start()));
      // Every request alternates between the two processes, whichever café it is for.
      let turn = 0;
      const next = () => instances[turn++ % 2]!.url;
      const cafes = Array.from({ length: 6 }, (_, i) => {
        const conversationId = `19:limits-${i}-${Math.random().toString(36).slice(2)}@thread.v2`;
        const chat = chatOf(conversationId, connector.url, next);
        const voters = Array.from({ length: 6 }, (_, v) => new TeamsUser(chat, `29:voter-${v}`, `Voter ${v}`));
        return { conversationId, cast: castOf(chat), voters };
      });
      const statements = async (cafeId: string) => (await store.get(cafeId))!.steps.filter((s) => s.part === 'tasse' && s.kind === 'poll');

      const ran = await Promise.all(cafes.map(async ({ conversationId, cast, voters }) => {
        const { camille } = cast;
        expect((await camille.say('/startcafe americano')).status).toBe(200);
        await waitForPosted(connector, conversationId, 'Au menu', 30_000);
        const cafe = (await store.getActive(conversationId))!;
        await camille.press({ verb: 'begin', cafe: cafe.id });
        await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
        const polls = await statements(cafe.id);
        const vote = (stepId: string) => Promise.all(voters.map((v, i) => v.press({ verb: 'vote', cafe: cafe.id, step: stepId, choice: i % 3 ? 'donnee' : 'madonna' })));
        // A burst: six people vote at once on the first statement.
        await vote(polls[0]!.id);
        // Rapid advances: reveal, next, statement after statement; a burst again on the last one.
        for (let i = 0; i < polls.length - 1; i++) {
          expect((await camille.say('/suivant')).status).toBe(200);
          expect((await camille.say('/suivant')).status).toBe(200);
        }
        await vote(polls.at(-1)!.id);
        expect((await camille.say('/suivant')).status).toBe(200);
        expect((await camille.say('/suivant')).status).toBe(200);
        return { conversationId, cafeId: cafe.id, last: polls.at(-1)!.id };
      }));

      // Every instance's calls drained: a card that another instance was sending got its last render.
      await quiet(connector, 3_000, 120_000);
      expect(connector.rejected429()).toEqual([]);
      expect(connector.violations()).toEqual([]);
      for (const { conversationId, cafeId, last } of ran) {
        const cafe = (await store.get(cafeId))!;
        expect(cafe.steps[cafe.cursor]!.id).toBe('cafe.choix');
        // Cards posted in the café's order: the menu, la tasse's, le café's. A part's card shows the
        // part's current step when it is sent, so under load it may already show a later step ("· 1 / 11").
        const cards = connector.calls
          .filter((c) => c.conversationId === conversationId && c.op === 'send' && c.outcome === 'ok' && c.query.isTargetedActivity !== 'true')
          .map((c) => cardLines(c.body))
          .filter(Boolean);
        expect(cards).toEqual([expect.stringMatching(/^☕ Café de la data/), expect.stringMatching(/^☕ La tasse( · \d+ \/ \d+)? — /), expect.stringMatching(/^☕ Le café( · \d+ \/ \d+)? — /)]);
        // No card updated twice within a second (also in violations(): the fake judges it on arrival).
        const updates = connector.calls.filter((c) => c.conversationId === conversationId && c.op === 'update' && c.outcome === 'ok');
        const byCard = new Map<string, number[]>();
        for (const u of updates) byCard.set(u.activityId!, [...(byCard.get(u.activityId!) ?? []), u.time]);
        for (const times of byCard.values()) for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000);
        // La tasse's card ends on its last statement, revealed, with the store's count of votes.
        const tasseId = await store.getMessageId(cafeId, 'part:tasse');
        const shownNow = JSON.stringify(connector.latest(conversationId, tasseId!));
        expect(shownNow).toContain('La tasse · 11 / 11');
        const votes = (await store.listContributions(cafeId, last)).length;
        expect(votes).toBe(6);
        expect(shownNow).toContain(`${votes} personnes ont voté.`);
      }
    } finally {
      for (const p of instances) {
        const errors = p.logs.filter((l) => l.level >= 50);
        if (errors.length > 0) console.log(`${p.name} logged errors:\n${errors.map((l) => JSON.stringify(l)).join('\n')}`);
      }
      for (const p of instances) await p.stop();
      await store.close();
      await connector.stop();
    }
  });
});
