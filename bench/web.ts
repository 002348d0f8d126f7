/**
 * The web door under load (part of `npm run bench`): PAGES participant pages join one café by its
 * code and hold their event streams (loopback only), then
 *
 * 1. a burst: all but HELD pages vote on the same statement at once, a third change their vote;
 *    every page must end up showing the same count and its own vote, and the store every vote;
 * 2. the live figure: the HELD pages vote one after the other, and for each vote the time until
 *    every one of the PAGES pages shows the new count (what "live within a second" means to a room).
 *
 * Returns the figures; bench/run.ts prints them with their targets into docs/benchmarks.md.
 */
import type { PollView } from '../src/views/types';
import { WebPage } from '../tests/support/webClient';

export const WEB_PAGES = 300;
const HELD = 20;
const STEP = 'tasse.madonna.annees-80';
const CHOICES = ['donnee', 'madonna', 'les-deux'] as const;

export interface WebFigures {
  pages: number;
  /** Seconds to join every page and receive its first view. */
  joinSeconds: number;
  /** Burst: votes sent, and the ms until every page showed them all. */
  burstVotes: number;
  burstMs: number;
  /** Burst: ms until every vote of the burst was answered. */
  answeredMs: number;
  /** Live: per single vote, ms until every page showed it. */
  liveP50: number;
  liveP95: number;
  liveMax: number;
  /** Votes counted as sent (store and every page agree with what was sent). */
  counted: boolean;
  /** Vote records in the café's step, and the voters every page shows. */
  stored: number;
}

const poll = (p: WebPage) => p.latest?.step as PollView | undefined;

export async function webPagesLoad(base: string, storedVotes: (cafeId: string) => Promise<number>): Promise<WebFigures> {
  const { answer, page: consolePage } = await WebPage.start(base, { formula: 'americano', locale: 'fr' });
  if (answer.status !== 201 || !consolePage) throw new Error(`web bench: start answered ${answer.status}`);
  const cafe = answer.body.cafeId;
  await consolePage.act({ verb: 'begin', cafe });
  await consolePage.act({ verb: 'choose', cafe, step: 'tasse.choix', option: 'madonna' });

  const joinStart = Date.now();
  const pages: WebPage[] = [];
  for (let i = 0; i < WEB_PAGES; i++) {
    const joined = await WebPage.join(base, { code: answer.body.code, locale: 'fr' });
    if (!joined.page) throw new Error(`web bench: join answered ${joined.answer.status}`);
    pages.push(joined.page);
  }
  await Promise.all(pages.map((p) => p.listen()));
  await Promise.all(pages.map((p) => p.viewWhere((v) => v.step?.stepId === STEP, 30_000)));
  const joinSeconds = (Date.now() - joinStart) / 1000;

  const final: string[] = pages.map((_, i) => CHOICES[i % 3]!);
  const voters = pages.slice(0, WEB_PAGES - HELD);
  const burstStart = Date.now();
  await Promise.all(voters.map((p, i) => p.act({ verb: 'vote', cafe, step: STEP, choice: final[i] })));
  await Promise.all(voters.map((p, i) => {
    if (i % 3 !== 0) return undefined;
    final[i] = 'madonna';
    return p.act({ verb: 'vote', cafe, step: STEP, choice: 'madonna' });
  }));
  const answeredMs = Date.now() - burstStart;
  // Every page shows every vote, its own latest one included (a changed vote keeps the count).
  await Promise.all(pages.map((p, i) => p.until(() => poll(p)?.voters === voters.length && (i >= voters.length || poll(p)?.mine?.id === final[i]), 30_000)));
  const burstMs = Date.now() - burstStart;

  const live: number[] = [];
  for (let k = 0; k < HELD; k++) {
    const i = WEB_PAGES - HELD + k;
    const start = Date.now();
    await pages[i]!.act({ verb: 'vote', cafe, step: STEP, choice: final[i] });
    const count = voters.length + k + 1;
    await Promise.all(pages.map((p) => p.until(() => (poll(p)?.voters ?? 0) >= count, 30_000)));
    live.push(Date.now() - start);
  }
  if (process.env.BENCH_WEB_TRACE) console.log('single votes (ms):', live.join(' '));
  live.sort((a, b) => a - b);
  const at = (q: number) => live[Math.min(live.length - 1, Math.ceil(q * live.length) - 1)]!;

  await consolePage.act({ verb: 'reveal', cafe, step: STEP });
  await Promise.all(pages.map((p) => p.until(() => poll(p)?.revealed === true, 30_000)));
  const expected = JSON.stringify(Object.fromEntries(CHOICES.map((c) => [c, final.filter((f) => f === c).length])));
  const stored = await storedVotes(cafe);
  const counted = stored === WEB_PAGES
    && pages.every((p, i) => poll(p)!.mine?.id === final[i] && JSON.stringify(Object.fromEntries(poll(p)!.choices.map((c) => [c.id, c.count]))) === expected);
  for (const p of [consolePage, ...pages]) p.close();
  return { pages: WEB_PAGES, joinSeconds, burstVotes: voters.length + Math.ceil(voters.length / 3), burstMs, answeredMs, liveP50: at(0.5), liveP95: at(0.95), liveMax: live.at(-1)!, counted, stored };
}
