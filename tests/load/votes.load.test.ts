import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../../src/config';
import { partCardKey } from '../../src/domain';
import { startBarista, type Barista } from '../../src/server';
import { cardText } from '../integration/harness';
import { FakeConnector, TEAMS_LIMITS } from '../support/fakeConnector';
import { TeamsUser, type InvokeBody } from '../support/teamsUser';
import { maxUpdatesPerCardPerSecond, percentile, pollCounts } from './pollCard';

/**
 * "Votes are never lost": 50 cafés at once, 20 participants each voting on the same Madonna
 * statement within the same second, with Teams' retried deliveries (the same invoke posted twice)
 * and changed votes, while the fake Bot Connector enforces Teams' limits, throttles (429 with and
 * without Retry-After) and fails ~5 % of calls with 502/503.
 */
const CAFES = 50;
const VOTERS = 20;
const STEP = 'tasse.madonna.annees-80';
const CHOICES = ['donnee', 'madonna', 'les-deux'] as const;
const LABEL: Record<string, string> = { donnee: 'Ma donnée', madonna: 'Madonna', 'les-deux': 'Les deux' };
type Choice = (typeof CHOICES)[number];

/**
 * Teams' budget of a conversation is not the bot's alone (other instances behind the load balancer,
 * Teams' own accounting): the fake counts a stricter window on top of Teams' documented ones, so
 * Barista's limiter, which paces to the documented limits, does meet real 429s and must recover.
 */
const SHARED_BUDGET = { limit: 3, windowMs: 1_000 };

interface Answer {
  status: number;
  body?: InvokeBody;
  ms: number;
}

interface Cafe {
  index: number;
  conversationId: string;
  cafeId: string;
  facilitator: TeamsUser;
  voters: TeamsUser[];
  /** Each voter's last choice, as sent. */
  expected: Map<string, Choice>;
  pollMessageId?: string;
}

describe('Votes are never lost: concurrency, Teams retries and throttling', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'barista-load-'));
  const logLines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
  const outboundWarnings: unknown[][] = [];
  let connector: FakeConnector;
  let app: Barista;
  const cafes: Cafe[] = [];

  beforeAll(async () => {
    // Outbound's default logger is the console (server.ts does not give it pino): keep the
    // retry warnings out of the test output, but count them.
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void outboundWarnings.push(args));
    connector = new FakeConnector({
      limits: [...TEAMS_LIMITS, SHARED_BUDGET],
      retryAfterShare: 0.5,
      faultRate: 0.05,
      faultStatuses: [502, 503],
      seed: 2024,
    });
    await connector.start();
    const config: Config = {
      port: 0, host: '127.0.0.1', appId: '', appPassword: '', appType: 'MultiTenant', appTenantId: '',
      localMode: true, dataDir, videoLinks: {}, logLevel: 'warn',
    };
    app = await startBarista({ config, logger });
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  async function timed(user: TeamsUser, activity: unknown): Promise<Answer> {
    const started = performance.now();
    const res = await user.post(activity);
    const body = res.status === 200 ? ((await res.json()) as InvokeBody) : undefined;
    return { status: res.status, body, ms: performance.now() - started };
  }

  async function openCafe(index: number): Promise<Cafe> {
    const conversationId = `19:load-${index}@thread.v2`;
    const chat = { botUrl: app.url, serviceUrl: connector.url, conversationId };
    const facilitator = new TeamsUser(chat, `29:anim-${index}`, `Animatrice ${index}`);
    expect((await facilitator.say('/startcafe americano')).status).toBe(200);
    const active = await app.store.getActive(conversationId);
    if (!active) throw new Error(`café ${index} did not start`);
    expect((await facilitator.press({ verb: 'begin', cafe: active.id })).type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await facilitator.press({ verb: 'choose', cafe: active.id, step: 'tasse.choix', option: 'madonna' })).type).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    const voters = Array.from({ length: VOTERS }, (_, j) => new TeamsUser(chat, `29:p-${index}-${j}`, `Participant ${index}-${j}`));
    return { index, conversationId, cafeId: active.id, facilitator, voters, expected: new Map() };
  }

  it('50 cafés × 20 voters in the same second: every vote counted once, in the store and on the shared card', async () => {
    cafes.push(...(await Promise.all(Array.from({ length: CAFES }, (_, i) => openCafe(i)))));
    // People vote on the card they see: wait until every café's poll card is posted.
    await waitForPollCards(30_000);

    // Everyone votes at once. Voter j of café i: every 4th one's invoke is delivered twice (same
    // activity, as Teams retries), every 5th one changes their mind once answered.
    const answers: Answer[] = [];
    const wallStart = performance.now();
    await Promise.all(
      cafes.flatMap((cafe) =>
        cafe.voters.map(async (voter, j) => {
          const first: Choice = CHOICES[(cafe.index + j) % 3];
          const vote = voter.invokeActivity({ verb: 'vote', cafe: cafe.cafeId, step: STEP, choice: first });
          const deliveries = j % 4 === 0 ? [timed(voter, vote), timed(voter, vote)] : [timed(voter, vote)];
          for (const a of await Promise.all(deliveries)) {
            answers.push(a);
            expect(cardText(a.body?.value)).toContain(`Votre choix : ${LABEL[first]}`);
          }
          cafe.expected.set(voter.id, first);
          if (j % 5 === 1) {
            const second: Choice = CHOICES[(cafe.index + j + 1) % 3];
            const a = await timed(voter, voter.invokeActivity({ verb: 'vote', cafe: cafe.cafeId, step: STEP, choice: second }));
            answers.push(a);
            expect(cardText(a.body?.value)).toContain(`Votre choix : ${LABEL[second]}`);
            cafe.expected.set(voter.id, second);
          }
        }),
      ),
    );
    const wallMs = performance.now() - wallStart;

    // Every invoke answered 200 with the voter's refreshed card (time is printed, not asserted).
    expect(answers.filter((a) => a.status !== 200 || a.body?.type !== 'application/vnd.microsoft.card.adaptive')).toEqual([]);
    const latencies = answers.map((a) => a.ms);
    console.log(
      `[load] ${answers.length} vote invokes over ${CAFES} cafés in ${wallMs.toFixed(0)} ms: ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
        `max ${Math.max(...latencies).toFixed(1)} ms`,
    );

    // The store: one record per voter (duplicates count once), each with the voter's last choice.
    for (const cafe of cafes) {
      const votes = await app.store.listContributions(cafe.cafeId, STEP);
      expect(votes).toHaveLength(VOTERS);
      expect(new Set(votes.map((v) => v.userId)).size).toBe(VOTERS);
      expect(Object.fromEntries(votes.map((v) => [v.userId, (v.value as { choice: string }).choice]))).toEqual(Object.fromEntries(cafe.expected));
    }

    // The shared card, once outbound is flushed, shows the final counts.
    await app.bot.drain();
    for (const cafe of cafes) {
      const card = connector.latest(cafe.conversationId, cafe.pollMessageId!);
      expect({ cafe: cafe.index, counts: pollCounts(card) }).toEqual({ cafe: cafe.index, counts: expectedCounts(cafe) });
      expect(cardText(card)).toContain(`${VOTERS} personnes ont voté`);
    }
  }, 90_000);

  it('after the reveal, late votes are refused politely and change nothing; the cards end on the final counts', async () => {
    expect(cafes).toHaveLength(CAFES);
    await Promise.all(cafes.map((c) => c.facilitator.press({ verb: 'reveal', cafe: c.cafeId, step: STEP })));

    const late = await Promise.all(
      cafes.flatMap((cafe) =>
        cafe.voters.slice(0, 3).map((voter) => {
          const other = CHOICES[(CHOICES.indexOf(cafe.expected.get(voter.id)!) + 1) % 3];
          return timed(voter, voter.invokeActivity({ verb: 'vote', cafe: cafe.cafeId, step: STEP, choice: other }));
        }),
      ),
    );
    for (const a of late) {
      expect(a.status).toBe(200);
      expect(a.body?.type).toBe('application/vnd.microsoft.activity.message');
      expect(a.body?.value).toBe('Le vote est clos : vous ne pouvez plus répondre à cette étape.');
    }

    await app.bot.drain();
    for (const cafe of cafes) {
      const votes = await app.store.listContributions(cafe.cafeId, STEP);
      expect(Object.fromEntries(votes.map((v) => [v.userId, (v.value as { choice: string }).choice]))).toEqual(Object.fromEntries(cafe.expected));
      const card = connector.latest(cafe.conversationId, cafe.pollMessageId!);
      expect(cardText(card)).toContain('Résultat final');
      expect(pollCounts(card)).toEqual(expectedCounts(cafe));
    }

    // Teams' limits: no call accepted past them, ≤ 1 update per card per second, and the bot did
    // meet 429s (with and without Retry-After) and 502/503s, and got through them.
    const throttled = connector.rejected429();
    const perCard = maxUpdatesPerCardPerSecond(connector.calls);
    console.log(
      `[load] connector: ${connector.calls.length} calls, ${throttled.length} × 429 ` +
        `(${throttled.filter((c) => c.retryAfterSeconds !== undefined).length} with Retry-After), ` +
        `${connector.faults().length} × 502/503, max ${perCard.max} update(s) per card per second, ` +
        `${outboundWarnings.length} outbound retry warnings`,
    );
    expect(connector.violations()).toEqual([]);
    expect(connector.violations(TEAMS_LIMITS)).toEqual([]);
    expect(perCard.max).toBeLessThanOrEqual(1);
    expect(throttled.some((c) => c.retryAfterSeconds !== undefined)).toBe(true);
    expect(throttled.some((c) => c.retryAfterSeconds === undefined)).toBe(true);
    expect(connector.faults().length).toBeGreaterThan(0);
    // Nothing was given up on or failed in a turn.
    expect(logLines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  }, 60_000);

  function expectedCounts(cafe: Cafe): Record<string, number> {
    const counts: Record<string, number> = { donnee: 0, madonna: 0, 'les-deux': 0 };
    for (const choice of cafe.expected.values()) counts[choice]++;
    return counts;
  }

  async function waitForPollCards(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // La tasse's card: posted for the ice breaker's choice, it shows the poll once chosen.
      for (const cafe of cafes) cafe.pollMessageId ??= await app.store.getMessageId(cafe.cafeId, partCardKey('tasse'));
      const missing = cafes.filter((c) => c.pollMessageId === undefined).map((c) => c.index);
      if (missing.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `no poll card posted in ${missing.length} café(s) (${missing.join(', ')}); the connector answered ` +
            `${connector.rejected429().length} × 429 and ${connector.faults().length} × 502/503`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
