import { guideFr } from '../../../src/content';
import type { Actor } from '../../../src/domain/types';
import type { WebView } from '../../../src/web/contract';
import { WEB_LABELS } from '../../../src/web/browser/labels';
import { renderConsole } from '../../../src/web/browser/renderConsole';
import { renderParticipant } from '../../../src/web/browser/renderPage';
import { webView } from '../../../src/web/view';
import { CafeSim, camille, karim } from '../../domain/harness';
import { expectAllParse } from './helpers';

/**
 * Every formula driven through the engine, every step rendered for the console and a participant,
 * in French and English: each button and form posts data the server's ActionDataSchema takes, and
 * nothing a person typed (a name, a post-it, an argument) ever becomes markup.
 */

const EVIL_NAME = '<img src=x onerror=alert(1)>';
const EVIL_TEXT = '<script>alert("x")</script>';
const evil: Actor = { id: 'u-evil', name: EVIL_NAME, locale: 'fr' };

function views(cafe: CafeSim): WebView[] {
  const base = {
    state: cafe.state, contributions: cafe.contributions, content: guideFr,
    code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345', boardUrl: 'https://barista.example/board/cafe-1?t=x',
    notices: [{ id: 'n1', at: 1, text: EVIL_TEXT, private: false }], now: cafe.now,
  };
  return [
    webView({ ...base, viewer: { id: camille.id, name: 'Camille', role: 'facilitator', locale: 'fr' } }),
    webView({ ...base, viewer: { id: evil.id, name: EVIL_NAME, role: 'participant', locale: 'fr' } }),
  ];
}

/** Contributes as the evil participant (and Karim) what the step takes, with texts that are markup. */
function contribute(cafe: CafeSim, v: WebView): void {
  const s = v.step;
  if (!s) return;
  if (s.kind === 'poll') {
    cafe.give(evil, { kind: 'vote', choice: s.choices[0]!.id });
    if (s.debate) cafe.give(evil, { kind: 'argument', side: 'pour', text: EVIL_TEXT });
  }
  if (s.kind === 'pick') {
    cafe.give(evil, { kind: 'pick', item: s.options[0]!.id });
    cafe.give(karim, { kind: 'pick', item: s.options[1]!.id });
  }
  if (s.kind === 'video') cafe.give(evil, { kind: 'done' });
  if (s.kind === 'board') cafe.give(evil, { kind: 'postit', column: s.columns[0]!.id, postitKind: s.postitKinds[0]!.id, text: EVIL_TEXT });
  if (s.kind === 'question') cafe.give(evil, { kind: 'answer', text: EVIL_TEXT });
  if (s.kind === 'feedback') cafe.give(evil, { kind: 'feedback', rating: 'bien', positive: EVIL_TEXT });
}

function check(html: string): string[] {
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<script');
  return expectAllParse(html);
}

const allKinds = new Set<string>();
const allVerbs = new Set<string>();
let evilShown = 0;

const formulas = guideFr.formulas.map((f) => [f.id, f.variant] as const);

describe.each(formulas)('%s %s, walked to the end', (formula, variant) => {
  it('renders every step for both roles in both languages, with valid actions and nothing people typed as markup', () => {
    const cafe = new CafeSim(variant, guideFr, formula);
    const kinds = new Set<string>();
    const verbs = new Set<string>();
    const seeAll = () => {
      for (const v of views(cafe)) {
        for (const locale of ['fr', 'en'] as const) {
          const l = WEB_LABELS[locale];
          const html = v.role === 'facilitator'
            ? renderConsole(v, l, cafe.now) + renderConsole(v, l, cafe.now, { confirmEnd: true, handUrl: `https://barista.example/console/c#t=${EVIL_TEXT}` })
            : renderParticipant(v, l, cafe.now);
          for (const verb of check(html)) { verbs.add(verb); allVerbs.add(verb); }
          if (v.step) { kinds.add(v.step.kind); allKinds.add(v.step.kind); }
          if (html.includes('&lt;img src=x onerror=alert(1)&gt;')) evilShown++;
        }
      }
    };
    seeAll();
    cafe.do({ type: 'begin' });
    for (let i = 0; i < 120 && cafe.state.status !== 'ended'; i++) {
      const [console_] = views(cafe);
      contribute(cafe, console_!);
      seeAll();
      const s = console_!.step;
      if (s?.kind === 'choose' && !s.chosen) {
        const option = s.options.find((o) => o.isDefault) ?? s.options[0]!;
        cafe.do({ type: 'choose', stepId: s.stepId, option: option.id });
      } else if (cafe.run({ type: 'next', shownRevealed: true })) {
        cafe.do({ type: 'end', confirmedAt: cafe.now });
      }
    }
    if (cafe.state.status !== 'ended') cafe.do({ type: 'end', confirmedAt: cafe.now });
    seeAll();
    expect(cafe.state.status).toBe('ended');
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    expect(verbs).toContain('next');
    expect(verbs).toContain('begin');
  });
});

it('over the formulas, the walk met every step kind and every verb a page posts, and showed a name that is markup as text', () => {
  expect([...allKinds].sort()).toEqual(['board', 'choose', 'feedback', 'pick', 'poll', 'question', 'text', 'turns', 'video']);
  for (const verb of ['begin', 'choose', 'vote', 'argument', 'pick', 'done', 'postit', 'answer', 'feedback', 'next', 'back', 'reveal', 'turn', 'extend', 'pause', 'end']) {
    expect({ verb, posted: allVerbs.has(verb) }).toEqual({ verb, posted: true });
  }
  expect(evilShown).toBeGreaterThan(0);
});
