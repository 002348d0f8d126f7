import { stepCard } from '../../src/cards';
import type { Content } from '../../src/content/schema';
import { currentStep } from '../../src/domain/lookup';
import { answer, cafeAt, content, FACILITATOR, run, T0 } from './fixtures';
import { buttons, problems, texts } from './validate';

/** An open question whose guide answer is given once the group has answered (the quizzes' open questions). */
const withAnswer: Content = structuredClone(content);
const synthesis = withAnswer.activities.find((a) => a.id === 'synthese-journee');
if (synthesis?.kind !== 'questions') throw new Error('synthese-journee is not a questions activity');
synthesis.questions[0].answerText = 'Pas de réponse vraie ou fausse.';

describe('Open question: the guide answer after the answers', () => {
  const at = cafeAt('avec-sucre', (s) => s.kind === 'question');
  const step = currentStep(at)!;
  const contributions = [answer(at, step.id, 1, 'Le nombre de traces')];
  const render = (state = at, isFacilitator = false) =>
    stepCard({ state, step, content: withAnswer, contributions, viewer: { isFacilitator, userId: isFacilitator ? FACILITATOR.id : undefined, locale: 'fr' }, now: T0 });

  it('keeps the answer for the facilitator, who gets a button to give it', () => {
    expect(texts(render())).not.toContain('Pas de réponse vraie ou fausse.');
    expect(buttons(render(at, true)).map((b) => b.verb)).toContain('reveal');
  });

  it('shows the answer to everyone once revealed, and the card stays valid', () => {
    const revealed = run(at, { type: 'reveal', stepId: step.id }, contributions, T0, withAnswer);
    const shared = render(revealed);
    expect(texts(shared)).toContain('Pas de réponse vraie ou fausse.');
    expect(texts(shared)).toContain('Le nombre de traces');
    expect(buttons(render(revealed, true)).map((b) => b.verb)).not.toContain('reveal');
    expect(problems(shared)).toEqual([]);
  });
});

describe('Running late', () => {
  it('shows the facilitator, and only them, how late the café is and what is left to shorten', () => {
    const at = cafeAt('avec-sucre', (s) => s.kind === 'question');
    const late = { ...at, overtimeAt: T0 + 50 * 60_000, startedAt: T0 - 50 * 60_000 };
    const step = currentStep(late)!;
    const mine = stepCard({ state: late, step, content, contributions: [], viewer: { isFacilitator: true, userId: FACILITATOR.id, locale: 'fr' }, now: T0 });
    // The Americano's own planned maximum, "entre 30 minutes et 1 heure" (L664), not the online 45 minutes.
    expect(texts(mine)).toContain('au-delà des 60 min prévues');
    expect(texts(mine)).not.toContain('45 min');
    expect(texts(mine)).toContain('Le sucre : ');
    expect(problems(mine)).toEqual([]);
    const shared = stepCard({ state: late, step, content, contributions: [], viewer: { isFacilitator: false, locale: 'fr' }, now: T0 });
    expect(texts(shared)).not.toContain('au-delà');
  });
});

describe('Time is up on the video', () => {
  it('tells the facilitator, and only them, what comes next', () => {
    const at = cafeAt('avec-sucre', (s) => s.kind === 'video');
    const step = currentStep(at)!;
    const over = { ...at, timer: { ...at.timer!, firedAt: T0 } };
    const mine = stepCard({ state: over, step, content, contributions: [], viewer: { isFacilitator: true, userId: FACILITATOR.id, locale: 'fr' }, now: T0 });
    expect(texts(mine)).toMatch(/Le temps est écoulé\. Ensuite : Le café : /);
    expect(problems(mine)).toEqual([]);
    const shared = stepCard({ state: over, step, content, contributions: [], viewer: { isFacilitator: false, locale: 'fr' }, now: T0 });
    expect(texts(shared)).not.toContain('Ensuite');
  });
});
