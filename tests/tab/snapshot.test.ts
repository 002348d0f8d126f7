import { findVideo } from '../../src/content';
import { currentStep } from '../../src/domain/lookup';
import type { CafeState, Contribution } from '../../src/domain/types';
import { boardSnapshot } from '../../src/tab/snapshot';
import type { BoardSnapshot } from '../../src/tab/snapshotTypes';
import {
  answer, argument, byId, cafeAt, content, done, FACILITATOR, feedback, newCafe, people, person, pick, postit, run, T0, vote,
} from '../cards/fixtures';

const NOW = T0 + 90_000;

const snap = (state: CafeState, contributions: Contribution[] = [], now = NOW) => boardSnapshot(state, contributions, content, now);

/** Nothing that names or identifies a participant (or the facilitator) is in the snapshot. */
function expectAnonymous(snapshot: BoardSnapshot, contributions: Contribution[]): void {
  const json = JSON.stringify(snapshot);
  const secrets = new Set<string>([FACILITATOR.id, FACILITATOR.name, 'Zébulon', 'participant-']);
  for (const c of contributions) {
    secrets.add(c.userId);
    if (c.userName) secrets.add(c.userName);
  }
  for (const s of secrets) expect(json).not.toContain(s);
}

describe('boardSnapshot', () => {
  it('shows a café on its menu card: no step, no recap, the café and the clock', () => {
    const state = newCafe('avec-sucre');
    const s = snap(state, [], NOW);
    expect(s).toEqual({
      v: 1,
      serverNow: NOW,
      cafe: { id: 'cafe-avec-sucre', formula: 'Americano avec sucre', variant: 'avec-sucre', status: 'menu', locale: 'fr', participants: 0 },
    });
    expect(snap(newCafe('sans-sucre'), [], NOW + 1)).toMatchObject({ serverNow: NOW + 1, cafe: { variant: 'sans-sucre', formula: 'Americano sans sucre' } });
  });

  it('is pure: the same café and contributions give the same snapshot, and the input is not changed', () => {
    const state = cafeAt('avec-sucre', byId('tasse.madonna.michigan'));
    const contributions = [vote(state, 'tasse.madonna.michigan', 1, 'madonna')];
    const before = JSON.stringify([state, contributions]);
    expect(snap(state, contributions)).toEqual(snap(state, contributions));
    expect(JSON.stringify([state, contributions])).toBe(before);
  });

  describe('a Madonna poll', () => {
    const stepId = 'tasse.madonna.michigan';
    const state = cafeAt('avec-sucre', byId(stepId));
    const votes = [
      vote(state, stepId, 1, 'madonna'), vote(state, stepId, 2, 'madonna'), vote(state, stepId, 3, 'madonna'),
      vote(state, stepId, 4, 'donnee'), vote(state, stepId, 5, 'donnee'),
      vote(state, stepId, 6, 'les-deux'),
      // Another step's vote and the facilitator's vote: not counted here; only the former is a participant.
      vote(state, 'tasse.madonna.annees-80', 7, 'donnee'),
      { ...vote(state, stepId, 8, 'madonna'), userId: FACILITATOR.id, key: FACILITATOR.id },
    ];

    it('counts the votes, hides the answer until revealed', () => {
      const s = snap(state, votes);
      expect(s.cafe).toMatchObject({ status: 'running', participants: 7 });
      expect(s.recap).toBeUndefined();
      expect(s.step).toMatchObject({
        id: stepId, index: 3, total: state.steps.length, kind: 'poll', partLabel: 'La tasse', title: 'Ma donnée, Madonna ou les deux',
      });
      expect(s.step!.instruction).toContain('Madonna');
      expect(s.step!.poll).toEqual({
        statement: 'Elle est née dans le Michigan',
        debate: false,
        choices: [
          { id: 'donnee', label: 'Ma donnée', count: 2, correct: false },
          { id: 'madonna', label: 'Madonna', count: 4, correct: false },
          { id: 'les-deux', label: 'Les deux', count: 1, correct: false },
        ],
        total: 7,
        countsShown: true,
        revealed: false,
      });
      expect(JSON.stringify(s)).not.toContain('answerText');
    });

    it('once revealed: the correct choice and the answer text', () => {
      const revealed = run(state, { type: 'reveal', stepId }, votes);
      const poll = snap(revealed, votes).step!.poll!;
      expect(poll.revealed).toBe(true);
      expect(poll.choices.map((c) => [c.id, c.correct])).toEqual([['donnee', false], ['madonna', true], ['les-deux', false]]);
      expect(poll.answerText).toBe('Madonna');
      expect(poll.total).toBe(7);
      expect(poll.arguments).toBeUndefined();
    });

    it('ignores a vote for a choice the question does not have in the total', () => {
      const s = snap(state, [vote(state, stepId, 1, 'madonna'), vote(state, stepId, 2, 'not-a-choice')]);
      expect(s.step!.poll!.total).toBe(1);
      expect(s.step!.poll!.choices.map((c) => c.count)).toEqual([0, 1, 0]);
    });

    it('is anonymous', () => {
      expectAnonymous(snap(state, votes), votes);
      expectAnonymous(snap(run(state, { type: 'reveal', stepId }, votes), votes), votes);
    });
  });

  describe('a debate', () => {
    const state = cafeAt('sans-sucre', (s) => s.kind === 'poll' && s.activityId === 'debat');
    const step = currentStep(state)!;
    const contributions = [
      vote(state, step.id, 1, 'accord'), vote(state, step.id, 2, 'accord'), vote(state, step.id, 3, 'pas-accord'),
      argument(state, step.id, 1, 'pour', 'On en produit tous les jours'),
      argument(state, step.id, 3, 'contre', "Ce n'est pas mon métier"),
      argument(state, step.id, 2, 'pour', 'Les usagers nous le demandent'),
      argument(state, 'chocolat.debat.a-la-mode', 4, 'pour', 'Autre affirmation'),
    ];

    it('is a debate poll with the split and the arguments for and against, oldest first', () => {
      const s = snap(state, contributions);
      expect(s.step).toMatchObject({ kind: 'poll', title: 'Séquence débat', partLabel: 'Le carré de chocolat' });
      expect(s.step!.poll).toEqual({
        statement: 'Je me sens concerné/concernée par le sujet de la donnée',
        debate: true,
        choices: [
          { id: 'accord', label: "D'accord", count: 2, correct: false },
          { id: 'pas-accord', label: "Pas d'accord", count: 1, correct: false },
        ],
        total: 3,
        countsShown: true,
        revealed: false,
        arguments: { pour: ['On en produit tous les jours', 'Les usagers nous le demandent'], contre: ["Ce n'est pas mon métier"] },
      });
      expectAnonymous(s, contributions);
    });

    it('has empty argument lists before anyone argues', () => {
      expect(snap(state, []).step!.poll!.arguments).toEqual({ pour: [], contre: [] });
    });
  });

  describe('the post-it board', () => {
    const state = cafeAt('avec-sucre', (s) => s.kind === 'board');
    const step = currentStep(state)!;
    const contributions = [
      postit(state, step.id, 1, 'trajet-aller', 'personnelles', 'Badge de transport'),
      postit(state, step.id, 2, 'pause-dejeuner', 'sensibles', 'Ticket resto et allergies'),
      postit(state, step.id, 1, 'journee-travail', 'ouvertes', 'Horaires de la piscine'),
    ];

    it('has the columns, the kinds with their colours and the post-its in order', () => {
      const s = snap(state, contributions);
      expect(s.step).toMatchObject({ id: 'chocolat.journee-agent.tableau', kind: 'board', title: "Ma journée d'agent" });
      const board = s.step!.board!;
      expect(board.columns.map((c) => c.id)).toEqual(['trajet-aller', 'journee-travail', 'pause-dejeuner', 'activites-exterieures', 'trajet-retour']);
      expect(board.columns[0]).toEqual({ id: 'trajet-aller', label: 'le trajet domicile/travail' });
      expect(board.kinds).toEqual([
        { id: 'personnelles', label: 'données personnelles', color: 'blue' },
        { id: 'sensibles', label: 'données sensibles', color: 'pink' },
        { id: 'publiques-non-ouvertes', label: 'données publiques non ouvertes', color: 'yellow' },
        { id: 'ouvertes', label: 'données ouvertes (open data)', color: 'green' },
      ]);
      expect(board.postits).toEqual([
        { column: 'trajet-aller', kind: 'personnelles', text: 'Badge de transport' },
        { column: 'pause-dejeuner', kind: 'sensibles', text: 'Ticket resto et allergies' },
        { column: 'journee-travail', kind: 'ouvertes', text: 'Horaires de la piscine' },
      ]);
      expect(s.cafe.participants).toBe(2);
      expectAnonymous(s, contributions);
    });

    it('keeps the newest 200 post-its', () => {
      const many = Array.from({ length: 205 }, (_, i) => postit(state, step.id, (i % 10) + 1, 'trajet-aller', 'personnelles', `n°${i}`));
      const postits = snap(state, many).step!.board!.postits;
      expect(postits).toHaveLength(200);
      expect(postits[0]!.text).toBe('n°5');
      expect(postits[199]!.text).toBe('n°204');
    });
  });

  it('an open question shows its answers', () => {
    const state = cafeAt('avec-sucre', (s) => s.kind === 'question');
    const step = currentStep(state)!;
    const contributions = [
      answer(state, step.id, 1, 'Tout ce que je laisse en une journée'),
      answer(state, step.id, 2, 'Le badge'),
      answer(state, step.id, 1, 'Les données de santé'),
      answer(state, 'sucre.synthese-journee.appris', 3, 'Pas cette question'),
    ];
    const s = snap(state, contributions);
    expect(s.step).toMatchObject({ id: 'sucre.synthese-journee.surprend', kind: 'question', title: 'Synthèse et ouverture' });
    expect(s.step!.question).toEqual({
      text: "qu'est-ce qui vous surprend ?",
      answers: ['Tout ce que je laisse en une journée', 'Le badge', 'Les données de santé'],
      revealed: false,
    });
    expect(s.step!.poll).toBeUndefined();
    expectAnonymous(s, contributions);
  });

  describe('a video', () => {
    const state = cafeAt('avec-sucre', (s) => s.kind === 'video');
    const step = currentStep(state)!;
    const video = findVideo(content, step.ref)!;
    const contributions = [
      done(state, step.id, 1), done(state, step.id, 2), done(state, step.id, 1),
      done(state, 'cafe.video-open-data-donnees-personnelles.donnees-personnelles', 3),
      vote(state, 'tasse.madonna.michigan', 4, 'madonna'),
    ];

    it('has its countdown and how many finished watching', () => {
      expect(state.timer?.stepId).toBe(step.id);
      const dueAt = state.timer!.dueAt!;
      const s = snap(state, contributions, dueAt - 60_000);
      expect(s.serverNow).toBe(dueAt - 60_000);
      expect(s.step!.kind).toBe('video');
      // The end's clock time, in the café's time zone (Paris here), as the card says it.
      const until = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(dueAt);
      expect(s.step!.timer).toEqual({ dueAt, paused: false, until });
      expect(s.step!.video).toEqual({ title: video.title, url: video.url ?? content.playlistUrl, done: 2 });
      expect(s.step!.video!.title).toBe("La donnée et l'open data : la donnée par et pour le service public");
      expect(s.cafe.participants).toBe(4);
      expectAnonymous(s, contributions);
    });

    it('paused: the timer is paused with the time left, no due time', () => {
      const dueAt = state.timer!.dueAt!;
      const paused = run(state, { type: 'pause' }, contributions, dueAt - 150_000);
      const s = snap(paused, contributions, dueAt - 100_000);
      expect(s.cafe.status).toBe('paused');
      expect(s.step!.timer).toEqual({ remainingMs: 150_000, paused: true });
      expect(s.step!.video!.done).toBe(2);
    });

    it('once time is up: when it fired', () => {
      const dueAt = state.timer!.dueAt!;
      const fired = run(state, { type: 'time-up', stepId: step.id }, contributions, dueAt + 5);
      expect(snap(fired, contributions, dueAt + 1000).step!.timer).toMatchObject({ firedAt: dueAt + 5, paused: false });
    });

    it('a step without timer has none on the board', () => {
      const poll = cafeAt('avec-sucre', byId('tasse.madonna.michigan'));
      expect(poll.timer?.stepId === 'tasse.madonna.michigan').toBe(false);
      expect(snap(poll).step!.timer).toBeUndefined();
    });
  });

  it('the crazy jobs pick and turns: counts and the job with the floor, never who', () => {
    const pickCafe = cafeAt('sans-sucre', (s) => s.kind === 'pick');
    const pickStep = currentStep(pickCafe)!;
    const jobs = content.activities.find((a) => a.id === 'crazy-jobs');
    if (jobs?.kind !== 'pick') throw new Error('no crazy jobs');
    const [a, b] = jobs.items;
    const picks = [pick(pickCafe, pickStep.id, 1, a!.id), pick(pickCafe, pickStep.id, 2, b!.id), pick(pickCafe, pickStep.id, 3, a!.id)];
    const s = snap(pickCafe, picks);
    // Only the jobs someone picked, in the guide's order.
    expect(s.step!.pick).toEqual({ items: [{ id: a!.id, label: a!.label, count: 2 }, { id: b!.id, label: b!.label, count: 1 }] });
    expectAnonymous(s, picks);

    const turns = cafeAt('sans-sucre', (st) => st.kind === 'turns', { contributions: picks });
    const second = run(turns, { type: 'turn', stepId: currentStep(turns)!.id, delta: 1 }, picks);
    const t = snap(second, picks);
    expect(t.step!.kind).toBe('turns');
    expect(t.step!.pick!.floor).toBe(b!.label);
    expectAnonymous(t, picks);
  });

  it('the feedback step: responses and counts per question', () => {
    const state = cafeAt('avec-sucre', (s) => s.kind === 'feedback');
    const contributions = [
      feedback(state, 'feedback', 1, { rating: 'tres-bien', again: 'oui', topic: 'ia' }),
      feedback(state, 'feedback', 2, { rating: 'tres-bien', again: 'peut-etre', topic: 'donnee' }),
      feedback(state, 'feedback', 3, { rating: 'moyen' }),
      feedback(state, 'feedback', 4, { rating: 'not-a-choice', again: 'non', positive: 'Super animation' }),
    ];
    const s = snap(state, contributions);
    expect(s.step).toMatchObject({ id: 'feedback', kind: 'feedback', title: 'Votre avis sur ce café', partLabel: 'Le sucre' });
    const fb = s.step!.feedback!;
    expect(fb.responses).toBe(4);
    expect(fb.questions.map((q) => q.id)).toEqual(['rating', 'again', 'topic']);
    const counts = Object.fromEntries(fb.questions.map((q) => [q.id, Object.fromEntries(q.choices.map((c) => [c.id, c.count]))]));
    expect(counts).toEqual({
      rating: { 'tres-bien': 2, bien: 0, moyen: 1, decevant: 0 },
      again: { oui: 1, 'peut-etre': 1, non: 1 },
      topic: { donnee: 1, 'donnees-personnelles': 0, 'open-data-collectivites': 0, ia: 1, autre: 0 },
    });
    expect(fb.questions[0]).toMatchObject({ text: 'Comment avez-vous trouvé ce café ?' });
    expect(fb.questions[0]!.choices[0]).toEqual({ id: 'tres-bien', label: '😀 Très bien', count: 2 });
    expectAnonymous(s, contributions);
  });

  describe('an ended café', () => {
    it('has no step and the recap of every poll, board, question and feedback step it went through', () => {
      const last = cafeAt('avec-sucre', (s) => s.kind === 'feedback');
      const contributions = [
        vote(last, 'tasse.madonna.michigan', 1, 'madonna'), vote(last, 'tasse.madonna.michigan', 2, 'donnee'),
        postit(last, 'chocolat.journee-agent.tableau', 1, 'trajet-aller', 'personnelles', 'Le pass Navigo'),
        answer(last, 'sucre.synthese-journee.appris', 3, 'Beaucoup de choses'),
        done(last, 'cafe.video-open-data-donnees-personnelles.donnee-open-data', 4),
        feedback(last, 'feedback', 2, { rating: 'bien' }),
      ];
      const ended = run(last, { type: 'end' }, contributions, T0 + 3_600_000);
      const s = snap(ended, contributions);
      expect(s.cafe).toMatchObject({ status: 'ended', participants: 4 });
      expect(s.step).toBeUndefined();
      const steps = s.recap!.steps;
      expect(steps.map((st) => st.id)).toEqual([
        'tasse.madonna.annees-80', 'tasse.madonna.michigan', 'tasse.madonna.nuages', 'tasse.madonna.controler', 'tasse.madonna.unique',
        'tasse.madonna.en-vogue', 'tasse.madonna.place', 'tasse.madonna.traces', 'tasse.madonna.ma-vie', 'tasse.madonna.chiffre',
        'tasse.madonna.milliard', 'chocolat.journee-agent.tableau', 'sucre.synthese-journee.surprend',
        'sucre.synthese-journee.surprend-pas', 'sucre.synthese-journee.appris', 'feedback',
      ]);
      expect(new Set(steps.map((st) => st.kind))).toEqual(new Set(['poll', 'board', 'question', 'feedback']));
      // Every poll shows its answer at the end, revealed or not during the café.
      const michigan = steps.find((st) => st.id === 'tasse.madonna.michigan')!;
      expect(michigan.poll).toMatchObject({ revealed: true, total: 2, answerText: 'Madonna' });
      expect(michigan.poll!.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['madonna']);
      expect(michigan.index).toBe(3);
      expect(steps.find((st) => st.kind === 'board')!.board!.postits).toEqual([{ column: 'trajet-aller', kind: 'personnelles', text: 'Le pass Navigo' }]);
      expect(steps.find((st) => st.id === 'sucre.synthese-journee.appris')!.question!.answers).toEqual(['Beaucoup de choses']);
      expect(steps.find((st) => st.kind === 'feedback')!.feedback!.responses).toBe(1);
      // No countdown in the results.
      for (const st of steps) expect(st.timer).toBeUndefined();
      expectAnonymous(s, contributions);
    });

    it('ended early: only the steps it reached', () => {
      const early = run(cafeAt('avec-sucre', byId('tasse.madonna.michigan')), { type: 'end' });
      const s = snap(early);
      expect(s.step).toBeUndefined();
      expect(s.recap!.steps.map((st) => st.id)).toEqual(['tasse.madonna.annees-80', 'tasse.madonna.michigan']);
    });
  });

  it('60 people doing everything: nobody is named or identified', () => {
    const last = cafeAt('avec-sucre', (s) => s.kind === 'feedback');
    const all: Contribution[] = [];
    for (const [i] of people(60).entries()) {
      const n = i + 1;
      all.push(vote(last, 'tasse.madonna.michigan', n, 'madonna'));
      all.push(postit(last, 'chocolat.journee-agent.tableau', n, 'trajet-aller', 'personnelles', `post-it ${n}`));
      all.push(answer(last, 'sucre.synthese-journee.surprend', n, `réponse ${n}`));
      all.push(done(last, 'cafe.video-open-data-donnees-personnelles.donnee-open-data', n));
      all.push(feedback(last, 'feedback', n, { rating: 'bien', positive: `merci ${n}` }));
      all.push({ ...vote(last, 'tasse.madonna.nuages', n, 'les-deux'), userName: person(n).name });
    }
    expect(snap(last, all).cafe.participants).toBe(60);
    expectAnonymous(snap(last, all), all);
    expectAnonymous(snap(run(last, { type: 'end' }, all), all), all);
  });
});
