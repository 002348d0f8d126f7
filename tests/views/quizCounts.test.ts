import { stepCard } from '../../src/cards';
import { guideFr } from '../../src/content';
import { currentStep, isQuiz, type CafeState, type Contribution } from '../../src/domain';
import { exportJson } from '../../src/export/model';
import { LABELS } from '../../src/tab/browser/labels';
import { renderBoard } from '../../src/tab/browser/render';
import { boardSnapshot } from '../../src/tab/snapshot';
import { stepView, type PollView, type Viewer } from '../../src/views';
import { CafeSim, camille, karim, lea, sophie } from '../domain/harness';

/**
 * The guide's quizzes are for thinking, not for following the crowd: the facilitator sees the live
 * split; participants (and the board everyone sees) see how many answered, then the split at the
 * reveal. The ice breaker stays live.
 */

const FACILITATOR: Viewer = { userId: camille.id, isFacilitator: true, locale: 'fr' };
const VOTER: Viewer = { userId: lea.id, isFacilitator: false, locale: 'fr' };
const SHARED: Viewer = { isFacilitator: false, locale: 'fr' };

/** A Ristretto at its first quiz question, three votes in. */
function atQuiz(): CafeSim {
  const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
  cafe.do({ type: 'begin' });
  for (let i = 0; i < 60 && !(cafe.step && isQuiz(cafe.step, guideFr)); i++) cafe.do({ type: 'next' });
  const choices = stepView({ state: cafe.state, step: cafe.step!, content: guideFr, contributions: [], viewer: SHARED, now: cafe.now }) as PollView;
  cafe.give(lea, { kind: 'vote', choice: choices.choices[0].id });
  cafe.give(karim, { kind: 'vote', choice: choices.choices[0].id });
  cafe.give(sophie, { kind: 'vote', choice: choices.choices[1].id });
  return cafe;
}

function poll(state: CafeState, contributions: Contribution[], viewer: Viewer): PollView {
  const v = stepView({ state, step: currentStep(state)!, content: guideFr, contributions, viewer, now: state.startedAt! });
  expect(v.kind).toBe('poll');
  return v as PollView;
}

describe('A quiz question before its reveal', () => {
  const cafe = atQuiz();
  const { state, contributions } = cafe;

  it('the facilitator sees the live split', () => {
    const v = poll(state, contributions, FACILITATOR);
    expect(v.countsShown).toBe(true);
    expect(v.choices.map((c) => c.count)).toEqual([2, 1, ...v.choices.slice(2).map(() => 0)]);
  });

  it('a participant, and the shared card, see how many answered and nothing of the split', () => {
    for (const viewer of [VOTER, SHARED]) {
      const v = poll(state, contributions, viewer);
      expect(v.countsShown).toBe(false);
      expect(v.voters).toBe(3);
      expect(v.choices.every((c) => c.count === undefined && c.percent === undefined)).toBe(true);
    }
    const card = JSON.stringify(stepCard({ state, step: currentStep(state)!, content: guideFr, contributions, viewer: SHARED, now: state.startedAt! }));
    expect(card).toContain('3 personnes ont voté.');
    expect(card).toContain('Les résultats seront montrés avec la réponse');
    expect(card).not.toContain('67 %');
  });

  it('the board everyone sees carries no counts, and says the results come with the answer', () => {
    const snap = boardSnapshot(state, contributions, guideFr, state.startedAt!);
    expect(snap.step!.poll).toMatchObject({ total: 3, countsShown: false, revealed: false });
    expect(snap.step!.poll!.choices.every((c) => c.count === undefined)).toBe(true);
    const html = renderBoard(snap, LABELS.fr, state.startedAt!);
    expect(html).toContain('data-testid="poll-later"');
    expect(html).not.toContain('data-count=');
  });

  it('the export of the running café carries no split of it either', () => {
    const step = exportJson(state, contributions, guideFr, state.startedAt!).steps.find((s) => s.stepId === currentStep(state)!.id);
    expect(step?.kind).toBe('poll');
    if (step?.kind === 'poll') expect(step.choices.every((c) => c.count === undefined)).toBe(true);
  });
});

describe('A quiz question once revealed', () => {
  const cafe = atQuiz();
  cafe.do({ type: 'next' }); // Suivant reveals first
  const { state, contributions } = cafe;

  it('everyone sees the split, with the answer', () => {
    for (const viewer of [VOTER, SHARED, FACILITATOR]) {
      const v = poll(state, contributions, viewer);
      expect(v.revealed).toBe(true);
      expect(v.countsShown).toBe(true);
      expect(v.choices[0]).toMatchObject({ count: 2, percent: 67 });
    }
    const snap = boardSnapshot(state, contributions, guideFr, state.startedAt!);
    expect(snap.step!.poll).toMatchObject({ countsShown: true, revealed: true });
    expect(snap.step!.poll!.choices[0].count).toBe(2);
  });
});

describe('The ice breaker stays live', () => {
  it('Madonna: everyone sees the split while the vote is open', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.give(lea, { kind: 'vote', choice: 'donnee' });
    const v = poll(cafe.state, cafe.contributions, SHARED);
    expect(v.revealed).toBe(false);
    expect(v.countsShown).toBe(true);
    expect(v.choices.find((c) => c.id === 'donnee')!.count).toBe(1);
  });
});
