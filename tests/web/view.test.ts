import { guideFr } from '../../src/content';
import { isQuiz } from '../../src/domain';
import { findFormula } from '../../src/domain/lookup';
import type { WebNotice, WebView } from '../../src/web/contract';
import { webView, type WebViewInput } from '../../src/web/view';
import type { PollView } from '../../src/views';
import { CafeSim, camille, karim, lea } from '../domain/harness';

/**
 * What the web pages show: the console (the facilitator's) and a participant's page, of one
 * Americano driven through the engine. The views' audience rules hold on the web too: a
 * participant sees their own vote, never the guide's words to the facilitator nor private notices.
 */

const NOTICES: WebNotice[] = [
  { id: 'n1', at: 1, text: 'Bienvenue au café !', private: false },
  { id: 'n2', at: 2, text: 'Le café dépasse le temps prévu.', private: true },
];

function view(cafe: CafeSim, viewer: WebViewInput['viewer']): WebView {
  return webView({
    state: cafe.state, contributions: cafe.contributions, content: guideFr, viewer,
    code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345', boardUrl: 'https://barista.example/board?t=secret',
    notices: NOTICES, now: cafe.now,
  });
}

const console_ = (cafe: CafeSim) => view(cafe, { id: camille.id, name: 'Camille', role: 'facilitator', locale: 'fr' });
const page = (cafe: CafeSim, who = lea) => view(cafe, { id: who.id, name: who.name, role: 'participant', locale: 'fr' });

/**
 * A café at its first quiz question, Léa and Karim having voted. The Americano's only poll is its
 * ice breaker (Madonna, live for everyone), so the quiz is the Ristretto's, after its video.
 */
function atQuiz(): { cafe: CafeSim; poll: PollView } {
  const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
  cafe.do({ type: 'begin' });
  for (let i = 0; i < 60 && !(cafe.step && isQuiz(cafe.step, guideFr)); i++) cafe.do({ type: 'next' });
  const poll = console_(cafe).step as PollView;
  expect(poll.kind).toBe('poll');
  cafe.give(lea, { kind: 'vote', choice: poll.choices[0].id });
  cafe.give(karim, { kind: 'vote', choice: poll.choices[1].id });
  return { cafe, poll };
}

describe('Before the café begins', () => {
  const cafe = new CafeSim();

  it('the page shows the plan, its parts named as the cards name them, and no step', () => {
    for (const v of [console_(cafe), page(cafe)]) {
      expect(v.cafe).toMatchObject({ status: 'menu', code: 'ABCDE12345', formula: 'Americano avec sucre', participants: 0 });
      expect(v.step).toBeUndefined();
      expect(v.recap).toBeUndefined();
      expect(v.plan!.map((p) => p.label)).toEqual(['La tasse', 'Le café', 'Le carré de chocolat', 'Le sucre']);
      // Each part's planned maximum, as the guide (or Barista's estimate) plans it.
      const formula = findFormula(guideFr, 'americano', 'avec-sucre')!;
      expect(v.plan!.map((p) => p.minutes)).toEqual(formula.parts.map((p) => p.planned.max));
    }
  });

  it('the console is the facilitator\'s, with the board link; the participant\'s page has neither', () => {
    expect(console_(cafe)).toMatchObject({ role: 'facilitator', cafe: { boardUrl: 'https://barista.example/board?t=secret' } });
    const v = page(cafe);
    expect(v.role).toBe('participant');
    expect(v.cafe.boardUrl).toBeUndefined();
    expect(v.me).toEqual({ id: lea.id, name: lea.name });
  });
});

/** An Americano at its ice breaker (Madonna), Léa and Karim having voted. */
function atMadonna(): CafeSim {
  const cafe = new CafeSim();
  cafe.do({ type: 'begin' });
  cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
  cafe.give(lea, { kind: 'vote', choice: 'donnee' });
  cafe.give(karim, { kind: 'vote', choice: 'madonna' });
  return cafe;
}

describe('The Americano\'s ice breaker', () => {
  it('the participant sees their own vote; the facilitator the controls and the guide\'s tips', () => {
    const cafe = atMadonna();
    const mine = page(cafe).step as PollView;
    expect(mine.kind).toBe('poll');
    expect(mine.mine?.id).toBe('donnee');
    expect(mine.facilitator).toBeUndefined();
    expect(mine.answer).toBeUndefined();
    const theirs = console_(cafe).step as PollView;
    expect(theirs.mine).toBeUndefined();
    expect(theirs.facilitator!.tips.length).toBeGreaterThan(0);
    expect(theirs.controls.length).toBeGreaterThan(0);
  });

  it('once revealed, the participant sees the guide\'s answer', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'reveal', stepId: cafe.step!.id });
    const v = page(cafe).step as PollView;
    expect(v.revealed).toBe(true);
    expect(v.answer).toBeTruthy();
    expect(v.mine?.id).toBe('donnee');
  });
});

describe('A quiz question (Ristretto), before its reveal', () => {
  const { cafe, poll } = atQuiz();

  it('the participant sees their own vote and how many voted, not the split', () => {
    const v = page(cafe).step as PollView;
    expect(v.mine).toEqual({ id: poll.choices[0].id, label: poll.choices[0].label });
    expect(v.voters).toBe(2);
    expect(v.countsShown).toBe(false);
    expect(v.choices.every((c) => c.count === undefined && !c.correct)).toBe(true);
    expect(v.facilitator).toBeUndefined();
    expect(v.canVote).toBe(true);
    expect(v.controls).toEqual([]);
  });

  it('the facilitator sees the split, the controls and the guide\'s tips', () => {
    const v = console_(cafe).step as PollView;
    expect(v.countsShown).toBe(true);
    expect(v.choices[0].count).toBe(1);
    expect(v.choices[1].count).toBe(1);
    expect(v.facilitator!.tips.length).toBeGreaterThan(0);
    expect(v.controls.map((c) => c.verb)).toContain('reveal');
  });

  it('counts the participants as the board does, the facilitator aside', () => {
    expect(page(cafe).cafe.participants).toBe(2);
    expect(console_(cafe).cafe.participants).toBe(2);
  });

  it('once revealed, everyone sees the answer and the split', () => {
    const after = atQuiz().cafe;
    after.do({ type: 'reveal', stepId: after.step!.id });
    for (const v of [page(after).step as PollView, console_(after).step as PollView]) {
      expect(v.revealed).toBe(true);
      expect(v.countsShown).toBe(true);
      expect(v.answer).toBeTruthy();
      expect(v.choices.some((c) => c.correct)).toBe(true);
    }
  });
});

describe('Who the viewer is', () => {
  it('a participant never gets the facilitator\'s part, private notices nor the board link, even claiming the role', () => {
    const cafe = atMadonna();
    for (const v of [page(cafe), view(cafe, { id: lea.id, role: 'facilitator', locale: 'fr' })]) {
      expect(v.role).toBe('participant');
      expect(v.step!.facilitator).toBeUndefined();
      expect(v.cafe.boardUrl).toBeUndefined();
      expect(v.notices.map((n) => n.id)).toEqual(['n1']);
      expect(JSON.stringify(v)).not.toContain('secret');
    }
    expect(console_(cafe).notices.map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it('a console whose facilitator handed over shows a participant\'s view; the new facilitator\'s console the controls', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'hand-over', to: { id: karim.id, name: karim.name } });
    const former = console_(cafe);
    expect(former.role).toBe('participant');
    expect(former.step!.facilitator).toBeUndefined();
    expect(former.step!.controls).toEqual([]);
    expect(former.cafe.boardUrl).toBeUndefined();
    expect(former.notices.every((n) => !n.private)).toBe(true);
    const next = view(cafe, { id: karim.id, role: 'facilitator', locale: 'fr' });
    expect(next.role).toBe('facilitator');
    expect(next.step!.facilitator).toBeDefined();
  });
});

describe('Once the café has ended', () => {
  const cafe = atMadonna();
  cafe.do({ type: 'end' });

  it('the page shows the board\'s recap and no step', () => {
    for (const v of [page(cafe), console_(cafe)]) {
      expect(v.cafe.status).toBe('ended');
      expect(v.step).toBeUndefined();
      expect(v.plan).toBeUndefined();
      const quiz = v.recap!.steps.find((s) => s.kind === 'poll' && s.poll!.total === 2);
      expect(quiz).toBeDefined();
    }
  });
});

describe('The feedback poll, once asked, stays open after the end', () => {
  it('the pages show it with the recap, and a participant may still answer it', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'end', thenFeedback: true });
    expect(cafe.state.status).not.toBe('ended');
    cafe.do({ type: 'end' });
    expect(cafe.state.status).toBe('ended');
    const v = page(cafe);
    expect(v.recap).toBeDefined();
    expect(v.step).toMatchObject({ kind: 'feedback', acceptsAnswers: true });
  });
});

describe('The view travels as JSON', () => {
  it('round-trips unchanged, before, during and after the café', () => {
    const menu = new CafeSim();
    const { cafe } = atQuiz();
    const ended = atMadonna();
    ended.do({ type: 'end' });
    for (const v of [console_(menu), page(menu), console_(cafe), page(cafe), console_(ended), page(ended)]) {
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    }
  });
});

describe('Who facilitates', () => {
  it('every page says « animé par » with the name the facilitator gave, and nothing when none was given', () => {
    const cafe = new CafeSim();
    expect(page(cafe).cafe.facilitator).toBe(cafe.state.facilitatorName);
    const anonymous = new CafeSim();
    anonymous.state = { ...anonymous.state, facilitatorName: '  ' };
    expect(page(anonymous).cafe.facilitator).toBeUndefined();
  });
});
