import { ActionDataSchema } from '../../../src/cards/actions';
import { guideFr } from '../../../src/content';
import { isQuiz } from '../../../src/domain';
import type { WebView } from '../../../src/web/contract';
import { WEB_LABELS, type WebLabels } from '../../../src/web/browser/labels';
import { renderConsole } from '../../../src/web/browser/renderConsole';
import { renderJoin, renderParticipant } from '../../../src/web/browser/renderPage';
import type { PollView } from '../../../src/views';
import { webView } from '../../../src/web/view';
import { CafeSim, camille, karim, lea } from '../../domain/harness';
import { actions, expectAllParse } from './helpers';

const { fr, en } = WEB_LABELS;
const EVIL = '<img src=x onerror=alert(1)>';

function views(cafe: CafeSim, who = lea, notices: WebView['notices'] = []): { console: WebView; page: WebView } {
  const base = {
    state: cafe.state, contributions: cafe.contributions, content: guideFr, notices, now: cafe.now,
    code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345', boardUrl: 'https://barista.example/board/cafe-1?t=secret',
  };
  return {
    console: webView({ ...base, viewer: { id: camille.id, name: 'Camille', role: 'facilitator', locale: 'fr' } }),
    page: webView({ ...base, viewer: { id: who.id, name: who.name, role: 'participant', locale: 'fr' } }),
  };
}

/** The opening tag of the element carrying `data-testid="<id>"`. */
function tag(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+\\b[^>]*data-testid="${id}"[^>]*>`).exec(html);
  expect({ id, found: !!m }).toEqual({ id, found: true });
  return m![0];
}

/** The café at its first quiz question (Ristretto), Léa and Karim having voted. */
function atQuiz(): { cafe: CafeSim; first: string; second: string } {
  const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
  cafe.do({ type: 'begin' });
  for (let i = 0; i < 60 && !(cafe.step && isQuiz(cafe.step, guideFr)); i++) cafe.do({ type: 'next' });
  const poll = views(cafe).console.step as PollView;
  cafe.give(lea, { kind: 'vote', choice: poll.choices[0]!.id });
  cafe.give(karim, { kind: 'vote', choice: poll.choices[1]!.id });
  return { cafe, first: poll.choices[0]!.id, second: poll.choices[1]!.id };
}

describe('before the café begins', () => {
  const cafe = new CafeSim();
  const v = views(cafe);

  it('a participant sees the plan and that the café waits; the console has « Commencer »', () => {
    const page = renderParticipant(v.page, fr, cafe.now);
    expect(page).toContain('data-testid="plan"');
    expect(page).toContain('La tasse');
    expect(page).toContain(fr.waitingText);
    expect(page).not.toContain('control-begin');
    const console_ = renderConsole(v.console, fr, cafe.now);
    const begin = actions(console_).find((a) => a.testid === 'control-begin');
    expect(begin?.data).toEqual({ verb: 'begin', cafe: 'cafe-1' });
    expect(ActionDataSchema.parse(begin!.data)).toEqual({ verb: 'begin', cafe: 'cafe-1' });
  });

  it('the console shows the code big, the QR code of the join link, the participants and the full-screen board', () => {
    const html = renderConsole(v.console, fr, cafe.now);
    expect(html).toMatch(/data-testid="cafe-code">ABCDE-12345</);
    expect(html).toMatch(/data-testid="qr"[^>]*><svg[^>]*>/);
    expect(tag(html, 'qr')).toContain(`aria-label="${fr.qrAlt}"`);
    expect(html).toContain('href="https://barista.example/j/ABCDE12345"');
    expect(html).toMatch(/data-testid="participants">0 participant</);
    expect(tag(html, 'fullscreen')).toContain('href="https://barista.example/board/cafe-1?t=secret"');
    expect(html).toContain('data-testid="hand-co"');
  });

  it('a participant\'s page has no code panel, no board link, no hand-over', () => {
    const html = renderParticipant(v.page, fr, cafe.now);
    for (const id of ['cafe-code', 'qr', 'fullscreen', 'hand-co', 'guidance']) expect(html).not.toContain(`data-testid="${id}"`);
    expect(html).not.toContain('secret');
  });
});

describe('a quiz question', () => {
  it('a participant votes, sees their vote (pressed), may change it, and sees no split before the reveal', () => {
    const { cafe, first, second } = atQuiz();
    const html = renderParticipant(views(cafe).page, fr, cafe.now);
    expect(tag(html, `vote-${first}`)).toContain('aria-pressed="true"');
    expect(tag(html, `vote-${second}`)).toContain('aria-pressed="false"');
    expect(html).toContain(`data-testid="choice-${first}"`);
    expect(html).toContain('data-testid="my-vote"');
    expect(html).toContain(fr.changeVote);
    expect(html).toContain(fr.resultsLater);
    expect(html).not.toContain('choice__count');
    const vote = actions(html).find((a) => a.testid === `vote-${second}`)!;
    expect(ActionDataSchema.parse(vote.data)).toEqual({ verb: 'vote', cafe: 'cafe-1', step: cafe.step!.id, choice: second });
  });

  it('the console sees the split and reveals; « Suivant » says whether it was revealed', () => {
    const { cafe } = atQuiz();
    const html = renderConsole(views(cafe).console, fr, cafe.now);
    expect(html).toContain('choice__count');
    expect(html).toContain('data-testid="guidance"');
    const byId = Object.fromEntries(actions(html).map((a) => [a.testid, a.data]));
    expect(byId['control-reveal']).toEqual({ verb: 'reveal', cafe: 'cafe-1', step: cafe.step!.id });
    expect(byId['control-next']).toEqual({ verb: 'next', cafe: 'cafe-1', step: cafe.step!.id, revealed: false });
    expectAllParse(html);
  });

  it('once revealed, the participant sees the answer and the split, and can no longer vote', () => {
    const { cafe } = atQuiz();
    cafe.do({ type: 'reveal', stepId: cafe.step!.id });
    const html = renderParticipant(views(cafe).page, fr, cafe.now);
    expect(html).toContain('data-testid="answer"');
    expect(html).toContain('badge--correct');
    expect(html).toContain('choice__count');
    expect(html).not.toMatch(/data-testid="vote-/);
  });
});

describe('the end confirmation', () => {
  it('« Terminer » asks first; the confirmation posts end with `confirm` and a date stamped when pressed', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    const v = views(cafe).console;
    const asked = renderConsole(v, fr, cafe.now);
    expect(tag(asked, 'control-end')).toContain('data-ui="end-ask"');
    expect(tag(asked, 'control-end')).not.toContain('data-act');
    const html = renderConsole(v, fr, cafe.now, { confirmEnd: true });
    const byId = Object.fromEntries(actions(html).map((a) => [a.testid, a]));
    expect(byId['end-now']).toMatchObject({ stamped: true, data: { verb: 'end', cafe: 'cafe-1', confirm: 'end' } });
    expect(byId['end-feedback']).toMatchObject({ stamped: true, data: { verb: 'end', cafe: 'cafe-1', confirm: 'feedback' } });
    expect(tag(html, 'end-cancel')).toContain('data-ui="end-cancel"');
    expectAllParse(html);
  });
});

describe('people\'s texts are never markup', () => {
  it('a name, a notice and a hand-over link that are markup are shown escaped', () => {
    const evil = { id: 'u-evil', name: EVIL, locale: 'fr' as const };
    const cafe = new CafeSim();
    const v = views(cafe, evil, [{ id: 'n', at: 1, text: EVIL, private: false }]);
    const page = renderParticipant(v.page, fr, cafe.now);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('data-testid="notice"');
    const console_ = renderConsole(v.console, fr, cafe.now, { handUrl: `https://x.example/console/c#t="><img src=x>` });
    expect(console_).not.toContain('<img');
    expect(tag(console_, 'hand-url')).toContain('value="https://x.example/console/c#t=&quot;&gt;&lt;img src=x&gt;"');
  });

  it('a join link that is not http(s) is neither linked nor put in a QR code', () => {
    const cafe = new CafeSim();
    const v = views(cafe).console;
    const html = renderConsole({ ...v, cafe: { ...v.cafe, joinUrl: 'javascript:alert(1)', boardUrl: 'javascript:alert(2)' } }, fr, cafe.now);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data-testid="qr"');
    expect(html).not.toContain('data-testid="fullscreen"');
  });
});

describe('one language at a time', () => {
  /** The page's own phrases of `l` (long enough not to be a content word by chance). */
  const phrases = (l: WebLabels): string[] => Object.values(l).filter((x): x is string => typeof x === 'string' && x.length > 12);

  it('an English page holds none of the French chrome, and the other way round', () => {
    const { cafe } = atQuiz();
    const v = views(cafe);
    const htmlEn = renderConsole(v.console, en, cafe.now, { confirmEnd: true }) + renderParticipant(v.page, en, cafe.now);
    const htmlFr = renderConsole(v.console, fr, cafe.now, { confirmEnd: true }) + renderParticipant(v.page, fr, cafe.now);
    expect(htmlEn).toContain('Step ');
    expect(htmlEn).not.toContain('Étape ');
    expect(htmlFr).toContain('Étape ');
    for (const p of phrases(fr).filter((p) => !phrases(en).includes(p))) expect({ p, inEnglish: htmlEn.includes(p) }).toEqual({ p, inEnglish: false });
    for (const p of phrases(en).filter((p) => !phrases(fr).includes(p))) expect({ p, inFrench: htmlFr.includes(p) }).toEqual({ p, inFrench: false });
  });
});

describe('the join form', () => {
  it('labels both fields, says the name is optional and where it shows, and prefills the code as shown', () => {
    const html = renderJoin(fr, { code: 'ABCDE12345' });
    expect(html).toContain('<label class="field__label" for="join-code">');
    expect(html).toContain('<label class="field__label" for="join-name">');
    expect(html).toContain(fr.nameHelp);
    expect(tag(html, 'join-code')).toContain('value="ABCDE-12345"');
    expect(tag(html, 'join-name')).toContain('aria-describedby="join-name-help"');
    expect(tag(html, 'join-name')).not.toContain('required');
  });

  it('an error is said (role alert) and marks the code; a typed value that is markup stays text', () => {
    const html = renderJoin(en, { code: EVIL, name: EVIL, error: fr.badCode });
    expect(html).not.toContain('<img');
    expect(tag(html, 'join-error')).toContain('role="alert"');
    expect(tag(html, 'join-code')).toContain('aria-invalid="true"');
  });
});
