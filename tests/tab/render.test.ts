import type { BoardSnapshot, BoardStep } from '../../src/tab/snapshotTypes';
import { formatCountdown, renderBoard, renderNotice } from '../../src/tab/browser/render';
import { LABELS, labelsFor, uiLocale } from '../../src/tab/browser/labels';
import { parseBoot, parseSnapshot } from '../../src/tab/browser/parse';
import { timerRemaining } from '../../src/tab/browser/countdown';

const NOW = 1_700_000_000_000;
const fr = LABELS.fr;

function snap(step?: Partial<BoardStep>, over: Partial<BoardSnapshot['cafe']> = {}): BoardSnapshot {
  return {
    v: 1,
    serverNow: NOW,
    cafe: { id: 'c1', formula: 'Americano avec sucre', variant: 'avec-sucre', status: 'running', locale: 'fr', participants: 8, ...over },
    step: step && {
      id: 's3',
      index: 3,
      total: 12,
      kind: 'poll',
      partLabel: 'La tasse',
      title: 'Quiz des années 80',
      ...step,
    },
  };
}

/** The `<li>` (or element) carrying `data-testid="<id>"`, up to its closing tag. */
function byTestId(html: string, id: string): string {
  const start = html.indexOf(`data-testid="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</li>', start));
}

describe('formatCountdown', () => {
  it('formats m:ss, rounds seconds up and never goes negative', () => {
    expect(formatCountdown(245_000)).toBe('4:05');
    expect(formatCountdown(244_001)).toBe('4:05');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(Number.NaN)).toBe('0:00');
  });

  it('computes the remaining time of running, paused and fired timers', () => {
    expect(timerRemaining({ dueAt: NOW + 10_000, paused: false }, NOW)).toBe(10_000);
    expect(timerRemaining({ dueAt: NOW - 10_000, paused: false }, NOW)).toBe(0);
    expect(timerRemaining({ remainingMs: 42_000, paused: true }, NOW)).toBe(42_000);
    expect(timerRemaining({ firedAt: NOW - 1, paused: false }, NOW)).toBe(0);
    expect(timerRemaining(undefined, NOW)).toBeUndefined();
  });
});

describe('renderBoard: header and countdown', () => {
  const html = renderBoard(snap({ timer: { dueAt: NOW + 245_000, paused: false } }), fr, NOW);

  it('shows the formula, variant, step position, part and participants', () => {
    expect(html).toContain('data-testid="header"');
    expect(html).toContain('Americano');
    expect(html).toContain('avec sucre');
    expect(html).toContain('Étape 3 / 12');
    expect(html).toContain('Étape 3 sur 12');
    expect(html).toContain('La tasse');
    expect(html).toContain('8 participants');
    expect(html).toMatch(/<h2[^>]*data-testid="step-title"[^>]*>Quiz des années 80<\/h2>/);
  });

  it('renders an accessible timer', () => {
    expect(html).toMatch(/role="timer"/);
    expect(html).toContain('aria-label="Temps restant : 4 minutes 5 secondes"');
    expect(html).toMatch(/data-testid="countdown"[^>]*>4:05</);
    expect(html).toContain(`data-due-at="${NOW + 245_000}"`);
  });

  it('shows a paused timer with its frozen remaining time', () => {
    const paused = renderBoard(snap({ timer: { remainingMs: 65_000, paused: true, dueAt: NOW + 1 } }, { status: 'paused' }), fr, NOW);
    expect(paused).toMatch(/data-testid="countdown"[^>]*>1:05</);
    expect(paused).toContain('data-paused="true"');
    expect(paused).not.toContain('data-due-at');
    expect(paused).toMatch(/data-testid="countdown-state">en pause</);
    expect(paused).toMatch(/data-testid="cafe-status">en pause</);
    expect(paused).toContain('Temps restant : 1 minute 5 secondes');
  });

  it('shows 0:00 and "Temps écoulé" once the time is past', () => {
    const over = renderBoard(snap({ timer: { dueAt: NOW - 3000, paused: false } }), fr, NOW);
    expect(over).toMatch(/data-testid="countdown"[^>]*>0:00</);
    expect(over).toContain('aria-label="Temps écoulé"');
    expect(over).toContain('is-over');
  });

  it('waits when there is no step yet', () => {
    const waiting = renderBoard(snap(undefined, { status: 'menu', participants: 1 }), fr, NOW);
    expect(waiting).toContain('data-testid="waiting"');
    expect(waiting).toContain('1 participant<');
    expect(waiting).toContain('pas encore commencé');
  });

  it('uses the English labels and tags French content with lang="fr"', () => {
    const en = renderBoard(snap({ timer: { dueAt: NOW + 61_000, paused: false } }), LABELS.en, NOW);
    expect(en).toContain('Step 3 / 12');
    // The formula's name is the guide's, variant included, in French; it is said once.
    expect(en).toMatch(/<span class="formula" lang="fr">Americano avec sucre<\/span><\/h1>/);
    expect(en).toContain('Time left: 1 minute 1 second');
    expect(en).toMatch(/<h2[^>]*lang="fr"[^>]*>Quiz des années 80/);
    expect(html).not.toContain('lang="fr"');
  });
});

describe('renderBoard: polls', () => {
  const quiz = snap({
    poll: {
      statement: 'Elle est née dans le Michigan',
      debate: false,
      choices: [
        { id: 'madonna', label: 'Madonna', count: 6, correct: true },
        { id: 'donnee', label: 'Une donnée', count: 3, correct: false },
        { id: 'les-deux', label: 'Les deux', count: 1, correct: false },
      ],
      total: 10,
      countsShown: true,
      revealed: true,
      answerText: 'Madonna, à Bay City',
      explanation: 'Née en 1958 dans le Michigan.',
    },
  });
  const html = renderBoard(quiz, fr, NOW);

  it('draws one bar per choice with the count and percentage as text', () => {
    const madonna = byTestId(html, 'bar-madonna');
    expect(madonna).toContain('Madonna');
    expect(madonna).toContain('<span class="bar__count">6</span> votes');
    expect(madonna).toContain('60\u00a0%');
    expect(madonna).toContain('data-pct="60"');
    expect(byTestId(html, 'bar-donnee')).toContain('30\u00a0%');
    expect(byTestId(html, 'bar-les-deux')).toContain('<span class="bar__count">1</span> vote ');
    expect(html).toContain('10 réponses');
    expect(html).toContain('Elle est née dans le Michigan');
    expect(html).not.toMatch(/style=/);
  });

  it('marks the right answer in text once revealed, with the answer and explanation', () => {
    const madonna = byTestId(html, 'bar-madonna');
    expect(madonna).toContain('✓');
    expect(madonna).toContain('bonne réponse');
    expect(byTestId(html, 'bar-donnee')).not.toContain('bonne réponse');
    expect(html).toContain('data-testid="answer"');
    expect(html).toContain('Madonna, à Bay City');
    expect(html).toContain('Née en 1958 dans le Michigan.');
  });

  it('hides the right answer before the reveal', () => {
    const hidden = renderBoard(snap({ poll: { ...quiz.step!.poll!, revealed: false } }), fr, NOW);
    expect(hidden).not.toContain('bonne réponse');
    expect(hidden).not.toContain('✓');
    expect(hidden).not.toContain('Madonna, à Bay City');
  });

  it('draws a debate as one split bar, with the arguments pour and contre', () => {
    const debate = renderBoard(
      snap({
        kind: 'poll',
        title: 'Séquence débat',
        poll: {
          statement: "L'IA va remplacer les agents",
          debate: true,
          choices: [
            { id: 'accord', label: "d'accord", count: 3, correct: false },
            { id: 'pas-accord', label: "pas d'accord", count: 1, correct: false },
          ],
          total: 4,
          countsShown: true,
          revealed: false,
          arguments: { pour: ['Gain de temps', 'Moins d’erreurs'], contre: ['<script>alert(1)</script>'] },
        },
      }),
      fr,
      NOW,
    );
    expect(debate).toContain('data-testid="debate-split"');
    expect(debate.match(/class="split__seg /g)).toHaveLength(2);
    expect(debate).toContain('data-pct="75"');
    expect(debate).toContain('data-pct="25"');
    expect(byTestId(debate, 'bar-accord')).toContain('<span class="bar__count">3</span>');
    expect(byTestId(debate, 'bar-accord')).toContain('d&#39;accord');
    expect(byTestId(debate, 'bar-pas-accord')).toContain('25\u00a0%');
    expect(debate).not.toContain('class="bars"');
    expect(debate).toContain('data-testid="arguments"');
    expect(debate).toMatch(/data-testid="arguments-pour"><li>Gain de temps<\/li><li>Moins d’erreurs<\/li><\/ul>/);
    expect(debate).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(debate).not.toContain('<script>');
  });

  it('shows 0 % bars when nobody answered yet', () => {
    const empty = renderBoard(snap({ poll: { ...quiz.step!.poll!, revealed: false, total: 0, choices: quiz.step!.poll!.choices.map((c) => ({ ...c, count: 0 })) } }), fr, NOW);
    expect(empty).toContain('0 réponse');
    expect(byTestId(empty, 'bar-madonna')).toContain('0\u00a0%');
  });
});

describe('renderBoard: post-it board', () => {
  const html = renderBoard(
    snap({
      kind: 'board',
      title: 'Ma journée d’agent',
      board: {
        columns: [
          { id: 'matin', label: 'Le matin' },
          { id: 'midi', label: 'Le midi' },
          { id: 'soir', label: 'Le soir' },
        ],
        kinds: [
          { id: 'donnee', label: 'Je produis des données', color: 'blue' },
          { id: 'outil', label: 'J’utilise un outil', color: 'pink' },
          { id: 'irritant', label: 'Un irritant', color: 'yellow' },
          { id: 'idee', label: 'Une idée', color: 'green' },
        ],
        postits: [
          { column: 'matin', kind: 'donnee', text: 'Je saisis les demandes' },
          { column: 'matin', kind: 'outil', text: 'Tableur partagé' },
          { column: 'midi', kind: 'irritant', text: '<img src=x onerror=alert(1)>' },
          { column: 'soir', kind: 'idee', text: 'Automatiser le rapport "hebdo" & le reste' },
        ],
      },
    }),
    fr,
    NOW,
  );

  it('lists the columns under headings and each post-it with its colour and kind label', () => {
    expect(html).toContain('data-testid="postit-board"');
    expect(html.match(/data-testid="postit-column"/g)).toHaveLength(3);
    expect(html).toMatch(/<h3>Le matin <span class="count">\(2 post-its\)<\/span><\/h3>/);
    expect(html).toMatch(/<h3>Le soir <span class="count">\(1 post-it\)<\/span><\/h3>/);
    expect(html.match(/data-testid="postit"/g)).toHaveLength(4);
    for (const color of ['blue', 'pink', 'yellow', 'green']) expect(html).toContain(`postit postit--${color}`);
    expect(html).toMatch(/postit--blue"[^>]*><span class="postit__kind">Je produis des données<\/span>/);
    expect(html).toContain('<span class="postit__text">Je saisis les demandes</span>');
  });

  it('shows a colour key with the kinds in text', () => {
    expect(html).toContain('Légende des couleurs');
    expect(html).toMatch(/legend__item postit--yellow"><span class="swatch" aria-hidden="true"><\/span>Un irritant<\/li>/);
  });

  it('escapes user text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Automatiser le rapport &quot;hebdo&quot; &amp; le reste');
  });

  it('puts post-its of an unknown column under "Autres", and never raw colours in classes', () => {
    const odd = renderBoard(
      snap({
        kind: 'board',
        board: {
          columns: [{ id: 'matin', label: 'Le matin' }],
          kinds: [{ id: 'k', label: 'Kind', color: 'red" onclick="x' as 'blue' }],
          postits: [{ column: 'nuit', kind: 'k', text: 'Tard' }],
        },
      }),
      fr,
      NOW,
    );
    expect(odd).toContain('Autres');
    expect(odd).toContain('postit postit--none');
    expect(odd).not.toContain('onclick="x');
    expect(odd).toContain('Aucun post-it pour l’instant.');
  });
});

describe('renderBoard: questions, video, text, pick, feedback', () => {
  it('lists open answers and the revealed answer', () => {
    const html = renderBoard(
      snap({
        kind: 'question',
        title: 'Tour des définitions',
        instruction: 'Donnez votre définition de la donnée',
        question: {
          text: 'Qu’est-ce qu’une donnée ?',
          answers: ['Une information', '<b>brute</b>'],
          revealed: true,
          answerText: 'Une valeur qui décrit un fait',
        },
      }),
      fr,
      NOW,
    );
    expect(html).toContain('data-testid="instruction"');
    expect(html).toContain('Donnez votre définition de la donnée');
    expect(html).toMatch(/data-testid="answers"><li class="answer">Une information<\/li><li class="answer">&lt;b&gt;brute&lt;\/b&gt;<\/li><\/ul>/);
    expect(html).toContain('2 réponses');
    expect(html).toContain('Une valeur qui décrit un fait');
  });

  it('says so when there is no answer yet', () => {
    const html = renderBoard(snap({ kind: 'question', question: { text: 'Q', answers: [], revealed: false } }), fr, NOW);
    expect(html).toContain('Pas encore de réponse.');
    expect(html).not.toContain('data-testid="answers"');
  });

  it('links the video (http only) and counts who finished it', () => {
    const html = renderBoard(snap({ kind: 'video', title: 'La vidéo', video: { title: 'Les données & vous', url: 'https://example.org/v?a=1&b=2', done: 5 } }), fr, NOW);
    expect(html).toMatch(/<a href="https:\/\/example.org\/v\?a=1&amp;b=2" target="_blank" rel="noopener noreferrer" data-testid="video-link">Les données &amp; vous/);
    expect(html).toContain('5 personnes ont terminé la vidéo');
    const bad = renderBoard(snap({ kind: 'video', video: { title: 'X', url: 'javascript:alert(1)', done: 1 } }), fr, NOW);
    expect(bad).not.toContain('javascript:');
    expect(bad).not.toContain('<a ');
    expect(bad).toContain('1 personne a terminé la vidéo');
  });

  it('renders texts, choices, picks and feedback', () => {
    const text = renderBoard(snap({ kind: 'text', text: { text: 'Merci !\nÀ bientôt' } }), fr, NOW);
    expect(text).toContain('data-testid="text"');
    expect(text).toContain('Merci !\nÀ bientôt');
    const choose = renderBoard(snap({ kind: 'choose', choose: { options: ['Madonna', 'Vidéo'] } }), fr, NOW);
    expect(choose).toContain('<ul class="choose" data-testid="choose"><li>Madonna</li><li>Vidéo</li></ul>');
    const pick = renderBoard(snap({ kind: 'pick', pick: { items: [{ id: 'a', label: 'A', count: 2 }, { id: 'b', label: 'B', count: 2 }], floor: 'Sophie a la parole' } }), fr, NOW);
    expect(byTestId(pick, 'pick-a')).toContain('50\u00a0%');
    expect(pick).toContain('Sophie a la parole');
    const feedback = renderBoard(
      snap({
        kind: 'feedback',
        feedback: { responses: 3, questions: [{ id: 'q1', text: 'Utile ?', choices: [{ id: 'oui', label: 'Oui', count: 3 }, { id: 'non', label: 'Non', count: 0 }] }] },
      }),
      fr,
      NOW,
    );
    expect(feedback).toContain('3 avis reçus');
    expect(byTestId(feedback, 'fb-q1-oui')).toContain('100\u00a0%');
    expect(byTestId(feedback, 'fb-q1-non')).toContain('<span class="bar__count">0</span>');
  });
});

describe('renderBoard: ended café', () => {
  it('says the café ended and recaps the steps’ results', () => {
    const s: BoardSnapshot = {
      ...snap(undefined, { status: 'ended' }),
      recap: {
        steps: [
          {
            id: 'q1',
            index: 2,
            total: 12,
            kind: 'poll',
            partLabel: 'La tasse',
            title: 'Quiz',
            poll: { statement: 'Madonna ?', debate: false, choices: [{ id: 'm', label: 'Madonna', count: 4, correct: true }], total: 4, countsShown: true, revealed: true },
          },
          {
            id: 'b1',
            index: 5,
            total: 12,
            kind: 'board',
            partLabel: 'Le café',
            title: 'Ma journée',
            board: { columns: [{ id: 'c', label: 'Matin' }], kinds: [{ id: 'k', label: 'Outil', color: 'orange' }], postits: [{ column: 'c', kind: 'k', text: 'Mail' }] },
          },
        ],
      },
    };
    const html = renderBoard(s, fr, NOW);
    expect(html).toContain('Café terminé');
    expect(html).toMatch(/data-testid="cafe-status">terminé</);
    expect(html.match(/data-testid="recap-step"/g)).toHaveLength(2);
    expect(html).toContain('Étape 2 / 12');
    expect(byTestId(html, 'bar-m')).toContain('bonne réponse');
    expect(html).toContain('postit postit--orange');
    expect(html).toMatch(/<h4>Matin/);
    expect(html).not.toContain('role="timer"');
  });
});

describe('notices, labels and parsing', () => {
  it('escapes notice texts', () => {
    const html = renderNotice({ testid: 'sso-error', title: 'T<', paragraphs: ['a & b'], detail: '<x>', retry: 'Réessayer' });
    expect(html).toContain('data-testid="sso-error"');
    expect(html).toContain('T&lt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('&lt;x&gt;');
    expect(html).toContain('<button type="button" class="button" data-action="retry"');
  });

  it('picks French or English from a locale tag, French by default', () => {
    expect(uiLocale('en-US')).toBe('en');
    expect(uiLocale('fr-fr')).toBe('fr');
    expect(uiLocale('de-DE')).toBe('fr');
    expect(uiLocale('de-DE', 'en')).toBe('en');
    expect(labelsFor(undefined).locale).toBe('fr');
  });

  it('parses the boot block and snapshots defensively', () => {
    expect(parseBoot('{"mode":"teams","locale":"en"}')).toEqual({ mode: 'teams', locale: 'en' });
    expect(parseBoot('{"mode":"browser","locale":"fr","token":"abc"}')).toEqual({ mode: 'browser', locale: 'fr', token: 'abc' });
    expect(parseBoot('nope')).toEqual({ mode: 'browser', locale: 'fr' });
    expect(parseBoot(null)).toEqual({ mode: 'browser', locale: 'fr' });
    expect(parseSnapshot(JSON.stringify(snap()))?.cafe.id).toBe('c1');
    expect(parseSnapshot('{"v":2}')).toBeUndefined();
    expect(parseSnapshot('garbage')).toBeUndefined();
  });
});
