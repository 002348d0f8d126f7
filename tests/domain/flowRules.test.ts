import { guideFr } from '../../src/content';
import {
  CONFIRM_MS, decide, endRequest, FEEDBACK_STEP_ID, hasAnswer, isQuiz, isRefusal, isRevealed, showsCounts, voteCounts,
} from '../../src/domain';
import { CafeSim, camille, karim, lea } from './harness';

/**
 * The café's flow rules in a busy chat: reveal, then next; back never gives an answer away;
 * nothing irreversible by accident (/fin asks, offers the feedback poll); a quiz's split waits
 * for the reveal.
 */

function atMadonna(): CafeSim {
  const cafe = new CafeSim();
  cafe.do({ type: 'begin' });
  cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
  return cafe;
}

describe('Reveal, then next', () => {
  it('Suivant on an open poll reveals its answer (the card everyone sees is updated), then the next Suivant moves on', () => {
    const cafe = atMadonna();
    const first = cafe.step!;
    cafe.effects = [];
    cafe.do({ type: 'next' });
    expect(cafe.step!.id).toBe(first.id);
    expect(cafe.state.runtime[first.id].revealed).toBe(true);
    expect(cafe.effects).toEqual([{ type: 'update-step', stepId: first.id }]);
    cafe.do({ type: 'next' });
    expect(cafe.step!.ref).toBe('michigan');
    expect(cafe.effects.filter((e) => e.type === 'post-step')).toEqual([{ type: 'post-step', stepId: cafe.step!.id }]);
  });

  it('Révéler (/reveler) reveals; once revealed, Suivant moves on at once', () => {
    const cafe = atMadonna();
    const first = cafe.step!;
    cafe.do({ type: 'reveal', stepId: first.id });
    expect(isRevealed(cafe.state, first)).toBe(true);
    expect(cafe.run({ type: 'reveal', stepId: first.id })).toEqual({ refused: 'closed' });
    cafe.do({ type: 'next' });
    expect(cafe.step!.ref).toBe('michigan');
  });

  it('an opinion poll (the debate) has no answer: Suivant moves on at once', () => {
    const cafe = new CafeSim('sans-sucre');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('poll', 'debat');
    const debate = cafe.step!;
    expect(hasAnswer(debate, guideFr)).toBe(false);
    cafe.do({ type: 'next' });
    expect(cafe.step!.id).not.toBe(debate.id);
  });

  it('an open question reveals the guide\'s answer first when it has one', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'data-ia' });
    cafe.nextUntil('question');
    const q = cafe.step!;
    expect(hasAnswer(q, guideFr)).toBe(true); // « Qu'est-ce que le big data ? »
    cafe.do({ type: 'next' });
    expect(cafe.step!.id).toBe(q.id);
    expect(cafe.state.runtime[q.id].revealed).toBe(true);
  });

  it('a Suivant pressed on the card that still showed the question, after the reveal, is the same press again', () => {
    const cafe = atMadonna();
    const first = cafe.step!;
    cafe.do({ type: 'next', fromStep: first.id, shownRevealed: false });
    expect(cafe.run({ type: 'next', fromStep: first.id, shownRevealed: false })).toEqual({ refused: 'duplicate' });
    expect(cafe.step!.id).toBe(first.id);
  });
});

describe('Back never reveals', () => {
  it('leaving a statement nobody voted on: it is not revealed nor closed; the previous one is reopened as it was, on its card', () => {
    const cafe = atMadonna();
    const first = cafe.step!;
    cafe.do({ type: 'next' });
    cafe.do({ type: 'next' });
    const left = cafe.step!;
    cafe.effects = [];
    cafe.do({ type: 'back' });
    expect(cafe.step!.id).toBe(first.id);
    expect(cafe.state.runtime[left.id]).toBeUndefined();
    expect(isRevealed(cafe.state, left)).toBe(false);
    // Reopened as it was: its answer had been revealed, it still is.
    expect(cafe.state.runtime[first.id]).toMatchObject({ revealed: true });
    expect(cafe.state.runtime[first.id].endedAt).toBeUndefined();
    expect(cafe.effects).toEqual([{ type: 'update-step', stepId: left.id }, { type: 'reopen-step', stepId: first.id }]);
    expect(cafe.effects.some((e) => e.type === 'post-step')).toBe(false);
  });

  it('a poll left unrevealed by going back keeps its votes and opens again, unrevealed, when the café comes back to it', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'next' });
    cafe.do({ type: 'next' });
    const michigan = cafe.step!;
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.do({ type: 'back' });
    expect(isRevealed(cafe.state, michigan)).toBe(false);
    cafe.do({ type: 'next' });
    expect(cafe.step!.id).toBe(michigan.id);
    expect(isRevealed(cafe.state, michigan)).toBe(false);
    expect(voteCounts(cafe.contributions, michigan.id)).toEqual({ madonna: 1 });
    expect(cafe.give(karim, { kind: 'vote', choice: 'donnee' })).toBeUndefined();
  });

  it('an opinion poll left by Suivant reopens with its vote open', () => {
    const cafe = new CafeSim('sans-sucre');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('poll', 'debat');
    const debate = cafe.step!;
    cafe.do({ type: 'next' });
    cafe.do({ type: 'back' });
    expect(cafe.step!.id).toBe(debate.id);
    expect(isRevealed(cafe.state, debate)).toBe(false);
    expect(cafe.give(lea, { kind: 'vote', choice: 'accord' })).toBeUndefined();
  });
});

describe('Nothing irreversible by accident: ending', () => {
  it('asks for a confirmation, offering the feedback poll while it has not been asked', () => {
    const cafe = atMadonna();
    expect(endRequest(cafe.state, camille)).toEqual({ kind: 'confirm', feedbackAsked: false });
    cafe.nextUntil('feedback');
    expect(endRequest(cafe.state, camille)).toEqual({ kind: 'confirm', feedbackAsked: true });
  });

  it('confirmed "with the feedback poll": the café goes to it (nothing ends yet); the last Suivant then ends it', () => {
    const cafe = atMadonna();
    cafe.effects = [];
    cafe.do({ type: 'end', confirmedAt: cafe.now, thenFeedback: true });
    expect(cafe.state.status).toBe('running');
    expect(cafe.step!.id).toBe(FEEDBACK_STEP_ID);
    expect(cafe.effects.filter((e) => e.type === 'post-step')).toEqual([{ type: 'post-step', stepId: FEEDBACK_STEP_ID }]);
    expect(cafe.effects.some((e) => e.type === 'post-recap')).toBe(false);
    cafe.do({ type: 'next' });
    expect(cafe.state.status).toBe('ended');
  });

  it('back from the feedback poll asked early: the step the café was at is reopened', () => {
    const cafe = atMadonna();
    const at = cafe.step!;
    cafe.do({ type: 'end', confirmedAt: cafe.now, thenFeedback: true });
    cafe.effects = [];
    cafe.do({ type: 'back' });
    expect(cafe.step!.id).toBe(at.id);
    expect(cafe.effects).toContainEqual({ type: 'reopen-step', stepId: at.id });
  });

  it('confirmed "without": the café ends and its recap is posted', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'end', confirmedAt: cafe.now });
    expect(cafe.state.status).toBe('ended');
    expect(cafe.state.runtime[FEEDBACK_STEP_ID]).toBeUndefined();
    expect(cafe.effects.some((e) => e.type === 'post-recap')).toBe(true);
  });

  it('"with the feedback poll" once it was asked: ends', () => {
    const cafe = atMadonna();
    cafe.nextUntil('feedback');
    cafe.do({ type: 'end', confirmedAt: cafe.now, thenFeedback: true });
    expect(cafe.state.status).toBe('ended');
  });

  it('a participant can neither ask nor confirm', () => {
    const cafe = atMadonna();
    expect(endRequest(cafe.state, lea)).toEqual({ refused: 'not-facilitator' });
    expect(cafe.run({ type: 'end', confirmedAt: cafe.now }, lea)).toEqual({ refused: 'not-facilitator' });
    expect(cafe.state.status).toBe('running');
  });

  it('a stale confirmation, one from the future or from before the café existed, changes nothing', () => {
    const cafe = atMadonna();
    const shown = cafe.now;
    cafe.tick(CONFIRM_MS / 60_000 + 1);
    expect(cafe.run({ type: 'end', confirmedAt: shown })).toEqual({ refused: 'expired', detail: 'end' });
    expect(cafe.run({ type: 'end', confirmedAt: cafe.now + 3_600_000 })).toEqual({ refused: 'expired', detail: 'end' });
    expect(cafe.run({ type: 'end', confirmedAt: cafe.state.createdAt - 1 })).toEqual({ refused: 'expired', detail: 'end' });
    expect(cafe.state.status).toBe('running');
    // A fresh one does.
    cafe.do({ type: 'end', confirmedAt: cafe.now });
    expect(cafe.state.status).toBe('ended');
  });

  it('before Commencer: /fin cancels the café, says so, and posts no (empty) recap', () => {
    const cafe = new CafeSim();
    expect(endRequest(cafe.state, camille)).toEqual({ kind: 'cancel' });
    const d = decide(cafe.state, { type: 'end' }, { actor: camille, content: guideFr, now: cafe.now, contributions: [] });
    if (isRefusal(d)) throw new Error(d.refused);
    expect(d.state.status).toBe('ended');
    expect(d.effects).toEqual([{ type: 'update-menu' }, { type: 'say', key: 'cancelled' }]);
  });

  it('an ended café asks nothing', () => {
    const cafe = atMadonna();
    cafe.do({ type: 'end' });
    expect(endRequest(cafe.state, camille)).toEqual({ refused: 'closed' });
  });
});

describe('A quiz is for thinking, not for following the crowd', () => {
  it('the guide\'s quizzes are quizzes; the ice breaker, the debates and the feedback poll are not', () => {
    const quizzes = new Set<string>();
    const live = new Set<string>();
    for (const f of guideFr.formulas) {
      const cafe = new CafeSim(f.variant, guideFr, f.id);
      for (const step of cafe.state.steps) (isQuiz(step, guideFr) ? quizzes : live).add(step.activityId);
    }
    // What a fresh plan holds (the defaults); the quizzes that follow a video are there for the default video.
    expect([...quizzes].every((a) => a.startsWith('quiz-'))).toBe(true);
    expect(quizzes.size).toBeGreaterThan(0);
    for (const a of ['madonna', 'placement', 'debat', 'debat-cappuccino', 'feedback']) expect(quizzes.has(a)).toBe(false);
  });

  it('its counts: the facilitator always; participants once revealed', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
    cafe.do({ type: 'begin' });
    for (let i = 0; i < 60 && !(cafe.step && isQuiz(cafe.step, guideFr)); i++) cafe.do({ type: 'next' });
    const quiz = cafe.step!;
    expect(isQuiz(quiz, guideFr)).toBe(true);
    expect(showsCounts(cafe.state, quiz, guideFr, { isFacilitator: true })).toBe(true);
    expect(showsCounts(cafe.state, quiz, guideFr, { isFacilitator: false })).toBe(false);
    cafe.do({ type: 'next' }); // reveals
    expect(showsCounts(cafe.state, quiz, guideFr, { isFacilitator: false })).toBe(true);
  });
});
