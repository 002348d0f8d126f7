import { recapCard } from '../../src/cards/recap';
import { boardMoments } from '../../src/cards/steps/board';
import type { Card } from '../../src/cards';
import { CafeSim, karim, lea } from '../domain/harness';
import { content } from './fixtures';
import { FACILITATOR_VIEW, render, scenarios, SHARED, VOTER, type Scenario } from './scenarios';
import { problems, texts, walk } from './validate';

/**
 * Issue 14: a part's card no taller than a phone screen without need. The board's empty moments
 * cost one line, the feedback poll asks in dropdowns and keeps its bars for the facilitator, the
 * recap gives a statement nobody voted on one line.
 */

const all = scenarios();
const scenario = (name: string): Scenario => all.find((x) => x.name === name) ?? (() => { throw new Error(`no scenario ${name}`); })();
const nodes = (card: Card, keep: (n: Record<string, unknown>) => boolean) => {
  const out: Array<Record<string, unknown>> = [];
  walk(card, (n) => { if (keep(n)) out.push(n); });
  return out;
};
const textBlocks = (card: Card) => nodes(card, (n) => n.type === 'TextBlock').map((n) => String(n.text));
/** The board's moment boxes: the emphasis containers whose first line is « **N. moment** (n) ». */
const momentBoxes = (card: Card) => nodes(card, (n) => n.type === 'Container' && n.style === 'emphasis'
  && /^\*\*\d+\. /.test(String(((n.items as Array<Record<string, unknown>>)[0] ?? {}).text)));
const FULL_FEEDBACK = 'feedback, last step, 60 answers with long comments';
const board = content.activities.find((a) => a.id === 'journee-agent')!;
const moments = board.kind === 'board' ? board.columns.map((c, i) => `${i + 1}. ${c.label}`) : [];

describe("ma journée d'agent: empty moments cost one line", () => {
  test('an empty board is one line inviting the form below, not five boxes', () => {
    for (const viewer of [SHARED, FACILITATOR_VIEW, VOTER]) {
      const card = render(scenario('board, empty'), viewer);
      expect(momentBoxes(card)).toHaveLength(0);
      const empty = textBlocks(card).filter((t) => t.startsWith('Pas encore de post-it'));
      expect(empty).toEqual(['Pas encore de post-it : ajoutez le vôtre ci-dessous.']);
    }
    expect(textBlocks(render(scenario('board, empty'), { ...SHARED, locale: 'en' }))).toContain('No post-it yet: add yours below.');
  });

  test('some moments hold post-its: their boxes, and the others named on one line', () => {
    const card = render(scenario('board, post-its in two moments'), SHARED);
    const boxes = momentBoxes(card).map((b) => String((b.items as Array<Record<string, unknown>>)[0].text));
    expect(boxes).toEqual([`**${moments[0]}** (1)`, `**${moments[2]}** (1)`]);
    const empty = textBlocks(card).filter((t) => t.startsWith('Pas encore de post-it'));
    expect(empty).toEqual([`Pas encore de post-it : ${[moments[1], moments[3], moments[4]].join(' · ')}`]);
    // The post-its keep their colours, and the legend its labels.
    expect(texts(card)).toContain('🟦 Mon badge');
    expect(texts(card)).toContain('🟦 données personnelles');
  });

  test('a full board has no empty line; a board without a form does not point to one', () => {
    const full = render(scenario('board, 100 post-its of 280 characters'), SHARED);
    expect(momentBoxes(full)).toHaveLength(moments.length);
    expect(texts(full)).not.toContain('Pas encore de post-it');
    const view = { columns: board.kind === 'board' ? board.columns : [], postitKinds: board.kind === 'board' ? board.postitKinds : [], postits: [] };
    expect(boardMoments('fr', view, 1000, false)).toEqual({ columns: [], emptyLine: 'Pas encore de post-it.' });
    expect(boardMoments('en', view, 1000, true).emptyLine).toBe('No post-it yet: add yours below.');
  });
});

describe('the feedback poll: dropdowns, short comments, bars for the facilitator', () => {
  const full = FULL_FEEDBACK;

  test('the three questions are compact dropdowns that wrap every choice; the comments are one-line boxes', () => {
    const card = render(scenario('feedback, last step, no answer'), SHARED);
    const sets = nodes(card, (n) => n.type === 'Input.ChoiceSet');
    expect(sets.map((s) => s.id)).toEqual(['feedback_rating', 'feedback_again', 'feedback_topic']);
    for (const set of sets) {
      expect(set.style).toBe('compact');
      expect(set.wrap).toBe(true);
      expect(set.placeholder).toBe('Choisir…');
    }
    expect((sets[0].choices as Array<{ title: string }>).map((c) => c.title)).toEqual(['😀 Très bien', '🙂 Bien', '😐 Moyen', '🙁 Décevant']);
    const boxes = nodes(card, (n) => n.type === 'Input.Text');
    expect(boxes.map((b) => b.id)).toEqual(['feedback_positive', 'feedback_negative']);
    for (const box of boxes) expect(box.isMultiline).toBeUndefined();
  });

  test('participants read how many answered; the live bars are in the facilitator\'s view only', () => {
    for (const viewer of [SHARED, VOTER]) {
      const card = render(scenario(full), viewer);
      expect(texts(card)).toContain('Avis reçus : 60');
      expect(texts(card)).not.toMatch(/[█░]/);
      expect(nodes(card, (n) => n.type === 'ColumnSet')).toHaveLength(0);
    }
    const mine = render(scenario(full), FACILITATOR_VIEW);
    expect(texts(mine)).toContain('Avis reçus : 60');
    // One bar per choice of the three questions (4 + 3 + 5).
    expect(textBlocks(mine).filter((t) => /^[█░]+/.test(t))).toHaveLength(12);
  });
});

describe('the recap: a statement nobody voted on is one line; empty moments are not boxes', () => {
  const cafe = new CafeSim();
  cafe.do({ type: 'begin' });
  cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
  cafe.give(lea, { kind: 'vote', choice: 'madonna' });
  cafe.nextUntil('board');
  cafe.give(karim, { kind: 'postit', column: board.kind === 'board' ? board.columns[0].id : '', postitKind: board.kind === 'board' ? board.postitKinds[0].id : '', text: 'Horaires de bus' });
  cafe.nextUntil('feedback');
  cafe.do({ type: 'end' });
  const card = recapCard({ state: cafe.state, content: cafe.content, contributions: cafe.contributions, locale: 'fr', now: cafe.now });
  const lines = textBlocks(card);

  test('the voted statement keeps its votes and answer; each unvoted one is the statement and the guide\'s answer on one line', () => {
    // Léa voted on the first statement only: its statement, its votes, the guide's answer, three lines.
    const at = lines.findIndex((t) => /Madonna 1/.test(t));
    expect(lines[at - 1]).toMatch(/^\*\*[^*]+\*\*$/);
    expect(lines[at + 1]).toMatch(/^Réponse du guide : /);
    const unvoted = lines.filter((t) => t.includes('pas de vote'));
    expect(unvoted.length).toBeGreaterThan(3);
    for (const l of unvoted) expect(l).toMatch(/^\*\*.+\*\* — pas de vote \(réponse du guide : .+\)$/);
    expect(lines).not.toContain('pas de vote');
  });

  test('the board: the moment with its post-it, the four empty ones on one line', () => {
    expect(lines).toContain(`**${moments[0]}** (1)`);
    expect(lines.filter((t) => t.startsWith('Pas encore de post-it'))).toEqual([`Pas encore de post-it : ${moments.slice(1).join(' · ')}`]);
  });

  test('still a valid card, in French and English', () => {
    expect(problems(card)).toEqual([]);
    expect(problems(recapCard({ state: cafe.state, content: cafe.content, contributions: cafe.contributions, locale: 'en', now: cafe.now }))).toEqual([]);
    for (const name of ['board, empty', 'board, post-its in two moments', FULL_FEEDBACK]) {
      for (const viewer of [SHARED, FACILITATOR_VIEW, { ...VOTER, locale: 'en' as const }]) expect(problems(render(scenario(name), viewer))).toEqual([]);
    }
  });
});
