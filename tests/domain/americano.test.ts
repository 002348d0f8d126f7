import { questionOf, voteCounts, everyoneDone, pickers, participants } from '../../src/domain';
import { CafeSim, camille, karim, lea, sophie } from './harness';

describe('Café Americano avec sucre, from the menu to the recap', () => {
  it('runs the whole café with several participants', () => {
    const cafe = new CafeSim('avec-sucre');
    expect(cafe.state.status).toBe('menu');
    // Le sucre is the Americano's own « Synthèse et ouverture » (L753–763), then the feedback poll.
    expect(cafe.state.steps.map((s) => s.kind)).toEqual(['choose', 'choose', 'board', 'question', 'question', 'question', 'feedback']);

    cafe.do({ type: 'begin' });
    expect(cafe.step).toMatchObject({ part: 'tasse', kind: 'choose' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    expect(cafe.step).toMatchObject({ kind: 'poll', activityId: 'madonna', ref: 'annees-80' });
    expect(cafe.state.steps.filter((s) => s.activityId === 'madonna')).toHaveLength(11);

    // Madonna: 'Elle est née dans le Michigan' → Madonna (the first /suivant reveals the statement before)
    cafe.do({ type: 'next' });
    expect(cafe.step).toMatchObject({ ref: 'annees-80' });
    expect(cafe.state.runtime[cafe.step!.id].revealed).toBe(true);
    cafe.do({ type: 'next' });
    const michigan = cafe.step!;
    expect(questionOf(michigan, cafe.content)!.text).toBe('Elle est née dans le Michigan');
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.give(karim, { kind: 'vote', choice: 'donnee' });
    cafe.give(karim, { kind: 'vote', choice: 'madonna' }); // changes their vote
    cafe.give(sophie, { kind: 'vote', choice: 'les-deux' });
    expect(voteCounts(cafe.contributions, michigan.id)).toEqual({ madonna: 2, 'les-deux': 1 });
    cafe.do({ type: 'reveal', stepId: michigan.id });
    expect(cafe.state.runtime[michigan.id].revealed).toBe(true);
    expect(cafe.give(lea, { kind: 'vote', choice: 'donnee' })).toEqual({ refused: 'closed' });
    expect(questionOf(michigan, cafe.content)!.correct).toEqual(['madonna']);

    // the video: the facilitator picks one of the two videos, or both
    cafe.nextUntil('choose');
    expect(cafe.step!.part).toBe('cafe');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' });
    expect(cafe.state.steps.filter((s) => s.kind === 'video').map((s) => s.ref)).toEqual(['donnee-open-data', 'donnees-personnelles']);
    expect(cafe.state.timer?.dueAt).toBe(cafe.now + 5 * 60_000);
    const video = cafe.step!;
    cafe.give(lea, { kind: 'done' });
    cafe.give(karim, { kind: 'done' });
    expect(everyoneDone(cafe.state, cafe.contributions, video.id, [camille.id, lea.id, karim.id, sophie.id])).toBe(false);
    cafe.give(sophie, { kind: 'done' });
    expect(everyoneDone(cafe.state, cafe.contributions, video.id, [camille.id, lea.id, karim.id, sophie.id])).toBe(true);
    cafe.do({ type: 'all-done', stepId: video.id });
    expect(cafe.run({ type: 'all-done', stepId: video.id })).toEqual({ refused: 'duplicate' });
    expect(cafe.said().filter((k) => k === 'allDone')).toHaveLength(1);

    // ma journée d'agent
    cafe.nextUntil('board');
    expect(cafe.state.timer).toBeUndefined();
    expect(cafe.give(lea, { kind: 'postit', column: 'trajet-aller', postitKind: 'ouvertes', text: 'Horaires de bus' })).toBeUndefined();
    expect(cafe.give(karim, { kind: 'postit', column: 'journee-travail', postitKind: 'personnelles', text: 'Je pointe <b>à 8h</b>' })).toBeUndefined();
    expect(cafe.contributions.filter((c) => c.kind === 'postit').map((c) => (c.value as { text: string }).text)).toEqual(['Horaires de bus', 'Je pointe à 8h']);
    expect(cafe.give(lea, { kind: 'postit', column: 'nulle-part', postitKind: 'ouvertes', text: 'x' })).toMatchObject({ refused: 'invalid' });

    // Synthèse et ouverture, le sucre: the guide's three questions, as free text
    cafe.do({ type: 'next' });
    expect(cafe.step).toMatchObject({ kind: 'question', part: 'sucre' });
    cafe.give(sophie, { kind: 'answer', text: 'Le nombre de données que je produis' });
    cafe.do({ type: 'next' });
    cafe.do({ type: 'next' });
    expect(cafe.step!.kind).toBe('question');
    expect(cafe.give(lea, { kind: 'feedback', rating: 'bien' })).toEqual({ refused: 'invalid', detail: 'step' }); // not yet
    cafe.tick(3);
    cafe.do({ type: 'next' });
    // The feedback poll closes the café: choices of its own, optional comments, one answer each.
    expect(cafe.step!.kind).toBe('feedback');
    expect(cafe.give(lea, { kind: 'feedback', rating: 'tres-bien', again: 'oui', topic: 'ia', positive: 'Le tableau <b>vivant</b>' })).toBeUndefined();
    expect(cafe.give(lea, { kind: 'feedback', rating: 'bien', again: 'oui', topic: 'ia' })).toBeUndefined();
    expect(cafe.give(karim, { kind: 'feedback', rating: 'excellent' })).toEqual({ refused: 'invalid', detail: 'choice' });
    expect(cafe.give(karim, { kind: 'feedback' })).toEqual({ refused: 'invalid', detail: 'empty' });
    expect(cafe.give(karim, { kind: 'feedback', negative: 'x'.repeat(281) })).toEqual({ refused: 'too-long', detail: '280' });
    expect(cafe.give(karim, { kind: 'vote', choice: 'oui' })).toEqual({ refused: 'invalid', detail: 'step' });
    cafe.do({ type: 'next' });
    expect(cafe.state.status).toBe('ended');
    expect(cafe.effects.at(-1)).toEqual({ type: 'post-recap' });
    // Late answers are still taken once the café has ended; nothing else is.
    expect(cafe.give(karim, { kind: 'feedback', again: 'peut-etre', negative: 'Un peu court' })).toBeUndefined();
    expect(cafe.give(karim, { kind: 'answer', text: 'trop tard' })).toEqual({ refused: 'closed' });
    const feedback = cafe.contributions.filter((c) => c.kind === 'feedback');
    expect(feedback.map((c) => c.value)).toEqual([
      { kind: 'feedback', rating: 'bien', again: 'oui', topic: 'ia' },
      { kind: 'feedback', again: 'peut-etre', negative: 'Un peu court' },
    ]);
    expect(participants(cafe.state, cafe.contributions).sort()).toEqual([karim.id, lea.id, sophie.id].sort());
  });
});

describe('Café Americano sans sucre', () => {
  it('starts with crazy jobs, gives the floor in turn, then debates with arguments', () => {
    const cafe = new CafeSim('sans-sucre');
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'next' }); // the default ice breaker: crazy jobs
    expect(cafe.step).toMatchObject({ kind: 'pick', activityId: 'crazy-jobs' });
    cafe.give(lea, { kind: 'pick', item: 'inspecteur-cookies' });
    cafe.give(karim, { kind: 'pick', item: 'inspecteur-cookies' }); // several may pick the same job
    cafe.give(sophie, { kind: 'pick', item: 'plombier-flux' });
    expect(pickers(cafe.contributions, cafe.step!.id).map((p) => p.userName)).toEqual(['Léa', 'Karim', 'Sophie']);
    cafe.do({ type: 'next' });
    expect(cafe.step!.kind).toBe('turns');
    expect(cafe.effects.at(-1)).toEqual({ type: 'say', key: 'floorTo', params: { name: 'Léa', item: 'Inspecteur/inspectrice à cookies' } });
    cafe.do({ type: 'next' });
    cafe.do({ type: 'next' });
    expect(cafe.state.runtime[cafe.step!.id].turn).toBe(2);
    cafe.do({ type: 'next' }); // everyone spoke: on to the video choice
    expect(cafe.step).toMatchObject({ kind: 'choose', part: 'cafe' });
    cafe.do({ type: 'next' }); // the default pair of cas d'usage videos
    expect(cafe.state.steps.filter((s) => s.kind === 'video')).toHaveLength(2);

    cafe.nextUntil('poll', 'debat');
    const statement = cafe.step!;
    expect(questionOf(statement, cafe.content)!.text).toBe('Je me sens concerné/concernée par le sujet de la donnée');
    cafe.give(lea, { kind: 'vote', choice: 'accord' });
    expect(cafe.give(karim, { kind: 'argument', side: 'contre', text: 'Ce sujet est réservé aux experts' })).toBeUndefined();
    cafe.do({ type: 'reveal', stepId: statement.id });
    expect(cafe.give(sophie, { kind: 'argument', side: 'pour', text: 'On en produit tous les jours' })).toBeUndefined();
    expect(cafe.contributions.filter((c) => c.stepId === statement.id && c.kind === 'argument')).toHaveLength(2);
    cafe.do({ type: 'end' });
    expect(cafe.state.status).toBe('ended');
  });
});

describe('Facilitator controls', () => {
  it('refuses a participant pressing a facilitator button, and changes nothing', () => {
    const cafe = new CafeSim();
    const before = cafe.state;
    expect(cafe.run({ type: 'begin' }, lea)).toEqual({ refused: 'not-facilitator' });
    expect(cafe.state).toBe(before);
  });

  it('acts once on a retried delivery of the same activity', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    expect(cafe.run({ type: 'next' }, camille, 'activity-42')).toBeUndefined();
    const at = cafe.state.cursor;
    expect(cafe.run({ type: 'next' }, camille, 'activity-42')).toEqual({ refused: 'duplicate' });
    expect(cafe.state.cursor).toBe(at);
  });

  it('refuses a button pressed on an older card, so a double click never skips a step (nor the reveal)', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    const first = cafe.step!.id;
    cafe.do({ type: 'next', fromStep: first, shownRevealed: false }); // reveals
    expect(cafe.run({ type: 'next', fromStep: first, shownRevealed: false })).toEqual({ refused: 'duplicate' });
    expect(cafe.step!.id).toBe(first);
    cafe.do({ type: 'next', fromStep: first, shownRevealed: true }); // from the card showing the answer: moves on
    expect(cafe.run({ type: 'next', fromStep: first, shownRevealed: true })).toEqual({ refused: 'stale-step' });
  });

  it('goes back to the previous statement and reopens it as it was, without revealing the one left', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    const first = cafe.step!.id;
    cafe.do({ type: 'next' });
    cafe.do({ type: 'next' });
    const left = cafe.step!.id;
    expect(cafe.state.runtime[first]).toMatchObject({ revealed: true, endedAt: cafe.now });
    cafe.do({ type: 'back' });
    expect(cafe.step!.id).toBe(first);
    expect(cafe.state.runtime[first].revealed).toBe(true);
    expect(cafe.state.runtime[first].endedAt).toBeUndefined();
    expect(cafe.state.runtime[left]).toBeUndefined();
  });

  it('pauses and resumes the video countdown with the same time left, and says time is up once', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'next' }); // Madonna
    cafe.nextUntil('choose');
    cafe.do({ type: 'next' }); // default video
    const video = cafe.step!;
    cafe.tick(2);
    cafe.do({ type: 'pause' });
    expect(cafe.state.timer).toMatchObject({ remainingMs: 3 * 60_000 });
    expect(cafe.run({ type: 'next' })).toEqual({ refused: 'paused' });
    cafe.tick(10);
    cafe.do({ type: 'resume' });
    expect(cafe.state.timer!.dueAt).toBe(cafe.now + 3 * 60_000);
    expect(cafe.state.pausedMs).toBe(10 * 60_000);
    expect(cafe.run({ type: 'time-up', stepId: video.id })).toEqual({ refused: 'stale-step' }); // not yet
    cafe.do({ type: 'extend', minutes: 2 });
    cafe.tick(5);
    cafe.do({ type: 'time-up', stepId: video.id });
    expect(cafe.run({ type: 'time-up', stepId: video.id })).toEqual({ refused: 'stale-step' });
    expect(cafe.said().filter((k) => k === 'timeUp')).toHaveLength(1);
  });

  it('ends a café still on its menu', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'end' });
    expect(cafe.state.status).toBe('ended');
    expect(cafe.run({ type: 'begin' })).toEqual({ refused: 'closed' });
  });
});

describe('Contributions', () => {
  it('refuses a huge text politely and keeps nothing', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'next' });
    cafe.nextUntil('board');
    expect(cafe.give(lea, { kind: 'postit', column: 'trajet-aller', postitKind: 'ouvertes', text: 'x'.repeat(100_000) })).toEqual({ refused: 'too-long', detail: '280' });
    expect(cafe.give(lea, { kind: 'postit', column: 'trajet-aller', postitKind: 'ouvertes', text: '   ' })).toMatchObject({ refused: 'invalid' });
    expect(cafe.contributions).toHaveLength(0);
  });

  it('takes votes only on the current step and only valid choices', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'placement' });
    const first = cafe.step!.id;
    expect(cafe.give(lea, { kind: 'vote', choice: 'madonna' })).toMatchObject({ refused: 'invalid' });
    expect(cafe.give(lea, { kind: 'vote', choice: 'accord' })).toBeUndefined();
    cafe.do({ type: 'next' });
    expect(cafe.give(lea, { kind: 'vote', choice: 'accord' }, first)).toEqual({ refused: 'closed' });
  });
});

describe('Planned against actual time', () => {
  // Changed on purpose (issue 12, item 2): the limit is the café's own planned maximum, the
  // Americano's "entre 30 minutes et 1 heure" (L664), not the online 45 minutes.
  it('tells the facilitator once, privately, when the café runs past its planned time (60 min for the Americano)', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.tick(30);
    cafe.do({ type: 'pause' });
    cafe.tick(60); // a pause does not count
    cafe.do({ type: 'resume' });
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBeUndefined();
    cafe.tick(16); // 46 minutes: not late
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBeUndefined();
    cafe.tick(15); // 61 minutes
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBe(cafe.now);
    expect(cafe.effects.filter((e) => e.type === 'notify-facilitator')).toEqual([{ type: 'notify-facilitator', key: 'overtime' }]);
    expect(cafe.said()).not.toContain('overtime'); // nothing in the chat
    cafe.tick(5);
    cafe.do({ type: 'next' });
    expect(cafe.effects.filter((e) => e.type === 'notify-facilitator')).toHaveLength(1);
  });
});
