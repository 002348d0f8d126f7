import type { PollView } from '../../src/views/types';
import { Stack } from '../integration/harness';
import { WebPage } from '../support/webClient';

/**
 * "Every vote counted exactly", through the web door: 300 participant pages hold their event
 * streams on one café (loopback), all vote on the same statement within a second, a third change
 * their vote, and every page ends up showing the same count, its own vote and, once revealed, the
 * split. Timings are the bench's (docs/benchmarks.md), never asserted here.
 */
const PAGES = 300;
const STEP = 'tasse.madonna.annees-80';
const CHOICES = ['donnee', 'madonna', 'les-deux'] as const;

describe('300 participant pages on one café', () => {
  const stack = new Stack(undefined, undefined, { webMaxParticipants: PAGES + 10 });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('counts every vote exactly and every page shows it', async () => {
    const base = stack.app.url;
    const { answer, page: console } = await WebPage.start(base, { formula: 'americano', locale: 'fr' });
    expect(answer.status).toBe(201);
    const cafe = answer.body.cafeId;
    await console!.act({ verb: 'begin', cafe });
    await console!.act({ verb: 'choose', cafe, step: 'tasse.choix', option: 'madonna' });

    const pages: WebPage[] = [];
    for (let i = 0; i < PAGES; i++) {
      const joined = await WebPage.join(base, { code: answer.body.code, locale: 'fr' });
      expect(joined.answer.status).toBe(200);
      pages.push(joined.page!);
    }
    await Promise.all(pages.map((p) => p.listen()));
    await Promise.all(pages.map((p) => p.viewWhere((v) => v.step?.stepId === STEP, 20_000)));

    const first = pages.map((_, i) => CHOICES[i % 3]!);
    const answers = await Promise.all(pages.map((p, i) => p.act({ verb: 'vote', cafe, step: STEP, choice: first[i] })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // A third change their mind
    const final = [...first];
    await Promise.all(pages.map((p, i) => {
      if (i % 3 !== 0) return undefined;
      final[i] = 'madonna';
      return p.act({ verb: 'vote', cafe, step: STEP, choice: 'madonna' });
    }));

    const poll = (p: WebPage) => p.latest?.step as PollView | undefined;
    // Every page shows the 300 voters and its own latest vote
    await Promise.all(pages.map((p, i) => p.until(() => poll(p)?.voters === PAGES && poll(p)?.mine?.id === final[i], 20_000)));

    const expected = Object.fromEntries(CHOICES.map((c) => [c, final.filter((f) => f === c).length]));
    await console!.act({ verb: 'reveal', cafe, step: STEP });
    await Promise.all(pages.map((p) => p.until(() => poll(p)?.revealed === true, 20_000)));
    for (const p of pages) {
      expect(Object.fromEntries(poll(p)!.choices.map((c) => [c.id, c.count]))).toEqual(expected);
    }
    const stored = (await stack.app.store.listContributions(cafe, STEP)).filter((c) => c.kind === 'vote');
    expect(stored).toHaveLength(PAGES);
    for (const p of [console!, ...pages]) p.close();
  }, 120_000);
});
