import { guideFr } from '../../../src/content';
import type { StepView } from '../../../src/views/types';
import type { WebView } from '../../../src/web/contract';
import { WEB_LABELS } from '../../../src/web/browser/labels';
import { renderConsole } from '../../../src/web/browser/renderConsole';
import { renderParticipant } from '../../../src/web/browser/renderPage';
import { webView } from '../../../src/web/view';
import { CafeSim, camille, karim, lea } from '../../domain/harness';

/** Each kind's key elements on a participant's page and on the console (what the e2e tests click). */

const { fr } = WEB_LABELS;

function views(cafe: CafeSim): { console: WebView; page: WebView } {
  const base = {
    state: cafe.state, contributions: cafe.contributions, content: guideFr, notices: [], now: cafe.now,
    code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345',
  };
  return {
    console: webView({ ...base, viewer: { id: camille.id, name: 'Camille', role: 'facilitator', locale: 'fr' } }),
    page: webView({ ...base, viewer: { id: lea.id, name: lea.name, role: 'participant', locale: 'fr' } }),
  };
}

/** Walks formulas until the console's step satisfies `pred` (choosing the default option on the way). */
function reach(pred: (s: StepView) => boolean): CafeSim {
  for (const f of guideFr.formulas) {
    const cafe = new CafeSim(f.variant, guideFr, f.id);
    cafe.do({ type: 'begin' });
    for (let i = 0; i < 120 && cafe.state.status !== 'ended'; i++) {
      const s = views(cafe).console.step;
      if (s && pred(s)) return cafe;
      if (s?.kind === 'choose' && !s.chosen) cafe.do({ type: 'choose', stepId: s.stepId, option: (s.options.find((o) => o.isDefault) ?? s.options[0]!).id });
      else if (cafe.run({ type: 'next', shownRevealed: true })) break;
    }
  }
  throw new Error('no such step in any formula');
}

const page = (cafe: CafeSim) => renderParticipant(views(cafe).page, fr, cafe.now);
const console_ = (cafe: CafeSim) => renderConsole(views(cafe).console, fr, cafe.now);

it('post-its: column, colour, text and send; the post-it then shows in its colour', () => {
  const cafe = reach((s) => s.kind === 'board');
  const html = page(cafe);
  for (const id of ['postit-form', 'postit-column', 'postit-text', 'postit-send']) expect(html).toContain(`data-testid="${id}"`);
  expect(html).toMatch(/data-testid="postit-kind-[^"]+"/);
  const s = views(cafe).console.step!;
  if (s.kind !== 'board') throw new Error('not a board');
  cafe.give(lea, { kind: 'postit', column: s.columns[0]!.id, postitKind: s.postitKinds[0]!.id, text: 'Les données ouvertes' });
  expect(page(cafe)).toMatch(new RegExp(`class="postit postit--${s.postitKinds[0]!.color}" data-testid="postit">Les données ouvertes<`));
});

it('a video: its link, « J\'ai fini », then the count and « vous avez fini »', () => {
  const cafe = reach((s) => s.kind === 'video');
  const html = page(cafe);
  expect(html).toMatch(/<a href="https:[^"]+" target="_blank" rel="noopener noreferrer" data-testid="video-link">/);
  expect(html).toMatch(/data-testid="done" aria-pressed="false"/);
  cafe.give(lea, { kind: 'done' });
  const after = page(cafe);
  expect(after).toMatch(/data-testid="done" aria-pressed="true" disabled/);
  expect(after).toContain('data-testid="you-done"');
  expect(after).toMatch(/data-testid="finished">1 /);
});

it('a pick then its turns: the participant\'s pick, then who has the floor, by name; the console moves the floor', () => {
  const cafe = reach((s) => s.kind === 'pick' && s.turns);
  const s = views(cafe).console.step!;
  if (s.kind !== 'pick') throw new Error('not a pick');
  expect(page(cafe)).toContain(`data-testid="pick-${s.options[0]!.id}"`);
  cafe.give(lea, { kind: 'pick', item: s.options[0]!.id });
  cafe.give(karim, { kind: 'pick', item: s.options[1]!.id });
  expect(page(cafe)).toContain('data-testid="my-pick"');
  cafe.do({ type: 'next' });
  const turns = views(cafe).console.step!;
  expect(turns.kind).toBe('turns');
  expect(page(cafe)).toMatch(/data-testid="floor-current">La parole est à (Léa|Karim)/);
  expect(console_(cafe)).toContain('data-testid="control-turn-next"');
});

it('a debate: the arguments form for and against; the console lists them', () => {
  const cafe = reach((s) => s.kind === 'poll' && s.debate);
  const html = page(cafe);
  for (const id of ['argument-form', 'argument-pour', 'argument-contre', 'argument-text', 'argument-send']) expect(html).toContain(`data-testid="${id}"`);
  cafe.give(lea, { kind: 'argument', side: 'contre', text: 'Trop de données' });
  expect(console_(cafe)).toMatch(/data-testid="arguments-contre"><li data-testid="argument">Trop de données</);
});

it('an open question: the answer field; a choose step: the participant waits, the console chooses', () => {
  const q = reach((s) => s.kind === 'question');
  expect(page(q)).toContain('data-testid="answer-text"');
  expect(page(q)).toContain('data-testid="answer-send"');
  const c = new CafeSim();
  c.do({ type: 'begin' });
  expect(views(c).console.step!.kind).toBe('choose');
  expect(page(c)).toContain('data-testid="choose-waiting"');
  expect(console_(c)).toMatch(/data-testid="choose-[^"]+"/);
});

it('the feedback: three questions, two comments; the console has the counts and the comments', () => {
  const cafe = reach((s) => s.kind === 'feedback');
  const html = page(cafe);
  expect(html.match(/<fieldset/g)).toHaveLength(3);
  for (const id of ['feedback-positive', 'feedback-negative', 'feedback-send', 'feedback-rating-bien']) expect(html).toContain(`data-testid="${id}"`);
  cafe.give(lea, { kind: 'feedback', rating: 'bien', positive: 'Très vivant' });
  expect(page(cafe)).toMatch(/data-testid="feedback-rating-bien" checked|checked data-testid="feedback-rating-bien"/);
  expect(page(cafe)).not.toContain('Très vivant</li>');
  expect(console_(cafe)).toContain('<li data-testid="comment">Très vivant</li>');
});

it('once ended: the thanks and the recap, for everyone', () => {
  const cafe = new CafeSim();
  cafe.do({ type: 'begin' });
  cafe.do({ type: 'end', confirmedAt: cafe.now });
  expect(cafe.state.status).toBe('ended');
  for (const html of [page(cafe), console_(cafe)]) {
    expect(html).toContain('data-testid="ended"');
    expect(html).toContain(fr.thanks);
  }
});
