import { alreadyRunningCard, networkCard } from '../../src/cards';
import { recapCard } from '../../src/cards/recap';
import type { Contribution } from '../../src/domain/types';
import { plainText } from '../../src/i18n';
import { HOSTILE, markupIn } from '../support/markup';
import { content, T0 } from './fixtures';
import { FACILITATOR_VIEW, render, scenarios, SHARED, VOTER } from './scenarios';

/**
 * Every step card of tests/cards/scenarios.ts, with each participant's name and text replaced by a
 * hostile one as typed (not cleaned: a name never is, and a store may hold older texts): the cards
 * show them as text, and Barista's own Markdown (its headings, the guide's links) is untouched.
 */

const hostile = (i: number) => HOSTILE[i % HOSTILE.length];

function poisoned(contributions: Contribution[]): Contribution[] {
  return contributions.map((c, i) => {
    const v = c.value;
    const value = 'text' in v ? { ...v, text: hostile(i) }
      : v.kind === 'feedback' ? { ...v, ...(v.positive ? { positive: hostile(i) } : {}), ...(v.negative ? { negative: hostile(i + 1) } : {}) }
      : v;
    return { ...c, value, ...(c.userName ? { userName: hostile(i) } : {}) };
  });
}

/** A card's Markdown texts: its TextBlocks and facts (an input's value is typed text, not Markdown). */
function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as Array<{ value: string }>) out.push(f.value);
    for (const [k, v] of Object.entries(o)) if (k !== 'value') walk(v);
  };
  walk(card);
  return out;
}

/** The person's texts as they would show if written raw: none may be found in a card. */
const RAW = HOSTILE.filter((h) => markupIn(h, 'card').length > 0);

/** Hostile texts found as typed in a card's Markdown, its escaped characters set aside. */
function rawIn(card: unknown): string[] {
  return markdownTexts(card).flatMap((text) => {
    const bare = text.replace(/\\[!-/:-@[-`{-~]/g, ' ');
    return RAW.filter((h) => bare.includes(h)).map((h) => `${h} in ${JSON.stringify(text.slice(0, 200))}`);
  });
}

describe('cards show people’s texts and names as text', () => {
  const all = scenarios().map((s) => ({ ...s, contributions: poisoned(s.contributions) }));

  it.each(all.map((s) => [s.name, s] as const))('%s: no hostile text is written raw, for any viewer', (_name, s) => {
    for (const viewer of [SHARED, FACILITATOR_VIEW, VOTER]) expect(rawIn(render(s, viewer))).toEqual([]);
  });

  it('the hostile texts are on the cards, escaped (shown, not dropped)', () => {
    const texts = all.flatMap((s) => [SHARED, FACILITATOR_VIEW].flatMap((v) => markdownTexts(render(s, v)))).join('\n');
    for (const h of HOSTILE) expect(texts).toContain(plainText(h, 'card'));
  });

  it('the recap of a café with hostile texts', () => {
    const ended = all.at(-1)!;
    const card = recapCard({ state: ended.state, content, contributions: ended.contributions, locale: 'fr', now: T0 + 3_600_000 });
    expect(rawIn(card)).toEqual([]);
    // Barista's own links (the guide's) are still links.
    expect(JSON.stringify(card)).toMatch(/\]\(https:\/\//);
  });

  it('the already-running card names the facilitator as text', () => {
    const s = all[0];
    for (const name of HOSTILE) {
      const card = alreadyRunningCard({ state: { ...s.state, facilitatorName: name }, content, locale: 'fr' });
      expect(rawIn(card)).toEqual([]);
      expect(markdownTexts(card).join('\n')).toContain(plainText(name.replace(/\s+/g, ' ').trim(), 'card'));
    }
  });

  it('the network card says the organisation and the town as text (the form keeps them as typed)', () => {
    const profile = { organisation: '[Cliquez ici](https://evil.example)', town: '**Reims** www.evil.com' };
    const card = networkCard({ locale: 'fr', map: content.cafesMap, profile, cafeId: 'c1', saved: true });
    expect(rawIn(card)).toEqual([]);
    expect(markdownTexts(card).join('\n')).toContain(plainText(profile.organisation, 'card'));
    const form = networkCard({ locale: 'fr', map: content.cafesMap, profile, cafeId: 'c1' });
    expect(JSON.stringify(form)).toContain(JSON.stringify(profile.organisation));
  });
});
