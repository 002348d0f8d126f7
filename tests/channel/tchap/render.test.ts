import { guideFr } from '../../../src/content';
import type { Actor, ContributionValue, Step } from '../../../src/domain';
import { en } from '../../../src/i18n/en';
import { fr } from '../../../src/i18n/fr';
import type { Scene, Viewer } from '../../../src/channel/port';
import { META_KEY, type Slot } from '../../../src/channel/tchap/out';
import { POLL_START } from '../../../src/channel/tchap/polls';
import { renderGuide, renderTchap } from '../../../src/channel/tchap/render';
import { stepView } from '../../../src/views';
import { CafeSim, camille, karim, lea, sophie } from '../../domain/harness';
import { longText } from '../../cards/fixtures';

/**
 * Barista's café on Tchap, step by step, as the room and its facilitator read it: Matrix polls
 * where people vote or pick, messages whose thread takes post-its, arguments, answers and comments,
 * and in the facilitator's direct messages the guide's words and the controls as `!` commands.
 */

const content = guideFr;
const ROOM: Viewer = { isFacilitator: false, locale: 'fr' };
const GUIDE: Viewer = { userId: camille.id, isFacilitator: true, locale: 'fr' };
const ROOM_EN: Viewer = { isFacilitator: false, locale: 'en' };
const GUIDE_EN: Viewer = { userId: camille.id, isFacilitator: true, locale: 'en' };
/** Someone who types markup: it must reach the room as the characters typed. */
const mallory: Actor = { id: 'u-mallory', name: '<b>Mallory</b> **bold**', locale: 'fr' };

let seq = 0;
/**
 * What a person typed, as it reaches the renderer when nothing on the way cleaned it (the domain
 * strips tags and Markdown from post-its and answers; the renderer must not count on it).
 */
function typed(cafe: CafeSim, actor: Actor, value: ContributionValue): void {
  seq += 1;
  cafe.contributions.push({ cafeId: cafe.state.id, stepId: cafe.step!.id, kind: value.kind, key: `raw-${seq}`, userId: actor.id, value, at: cafe.now + seq });
}

function stepScene(cafe: CafeSim, viewer: Viewer, step: Step = cafe.step!): Extract<Scene, { kind: 'step' }> {
  return { kind: 'step', state: cafe.state, step, contributions: cafe.contributions, viewer, now: cafe.now };
}
const room = (cafe: CafeSim, viewer = ROOM) => renderTchap(stepScene(cafe, viewer), content);
const guide = (cafe: CafeSim, viewer = GUIDE) => renderTchap(stepScene(cafe, viewer), content);

const slot = (slots: Slot[], key: string) => {
  const s = slots.find((x) => x.key === key);
  if (!s) throw new Error(`no slot ${key} in ${slots.map((x) => x.key).join(', ')}`);
  return s;
};
const html = (s: Slot) => (s.out.type === 'text' ? s.out.text.formatted_body : JSON.stringify(s.out.content));
const body = (s: Slot) => (s.out.type === 'text' ? s.out.text.body : JSON.stringify(s.out.content));
const bodies = (slots: Slot[]) => slots.map(body).join('\n');
const poll = (s: Slot) => {
  if (s.out.type !== 'poll') throw new Error(`${s.key} is not a poll`);
  return s.out.content[POLL_START] as { kind: string; answers: Array<{ id: string }> };
};

describe('An Americano avec sucre in a Tchap room', () => {
  const cafe = new CafeSim('avec-sucre', content, 'americano');

  test('the menu names !commencer for the facilitator, and the room waits', () => {
    const menu = (viewer: Viewer) => renderTchap({ kind: 'menu', state: cafe.state, viewer }, content);
    const shared = menu(ROOM);
    expect(shared.map((s) => s.key)).toEqual([`menu:${cafe.state.id}`]);
    expect(body(shared[0])).toContain('Americano');
    expect(body(shared[0])).toContain(fr['menu.waiting']);
    expect(bodies(shared)).not.toContain('!commencer');
    const own = menu(GUIDE);
    for (const s of own) expect(Buffer.byteLength(JSON.stringify(s.out), 'utf8')).toBeLessThan(60_000);
    expect(bodies(own)).toContain('!commencer');
    expect(bodies(own)).toContain('!formule');
    expect(own.some((s) => s.key === `tips:menu:${cafe.state.id}`)).toBe(true);
    expect(own[0].out.meta).toEqual({ cafe: cafe.state.id });
  });

  test('the ice breaker is chosen with !choisir N, which only the facilitator reads', () => {
    cafe.do({ type: 'begin' });
    expect(cafe.step!.kind).toBe('choose');
    const shared = room(cafe);
    expect(shared).toHaveLength(1);
    expect(body(shared[0])).toMatch(/1\. .*\n2\. /);
    expect(body(shared[0])).not.toContain('!choisir');
    expect(shared[0].out.meta).toEqual({ cafe: cafe.state.id, step: cafe.step!.id });
    const own = guide(cafe);
    expect(bodies(own)).toContain('!choisir N');
    expect(bodies(own)).toContain('`!pause`');
    expect(own.every((s) => s.out.type === 'text')).toBe(true);
  });

  test('the Madonna poll is a disclosed Matrix poll whose answers are the choices, ended with the answer at the reveal', () => {
    cafe.nextUntil('poll');
    const step = cafe.step!;
    const view = stepView({ ...stepScene(cafe, ROOM), content });
    if (view.kind !== 'poll') throw new Error('poll expected');
    const shared = room(cafe);
    const p = slot(shared, `poll:${step.id}`);
    expect(p.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: 'vote' });
    expect(poll(p).kind).toBe('org.matrix.msc3381.poll.disclosed');
    expect(poll(p).answers.map((a) => a.id)).toEqual(view.choices.map((c) => c.id));
    expect(p.ended).toBeUndefined();
    expect(bodies(shared)).toContain('!vote N');

    cafe.give(lea, { kind: 'vote', choice: view.choices[0].id });
    cafe.do({ type: 'reveal', stepId: step.id });
    const revealed = room(cafe);
    expect(slot(revealed, `poll:${step.id}`).ended?.text).toContain('Réponse');
    const answer = slot(revealed, `answer:${step.id}`);
    const shown = stepView({ ...stepScene(cafe, ROOM), content });
    if (shown.kind !== 'poll' || !shown.answer) throw new Error('a revealed poll with the guide’s answer expected');
    expect(body(answer)).toContain(`Réponse : ${shown.answer}`);
    // The split, with the guide's answers marked.
    expect(body(answer)).toMatch(/✅ .+ : \d+ \(\d+ %\)/);
  });

  test('the video gives its link, the clock time it ends at and the minutes left, and takes « J’ai fini »', () => {
    cafe.nextUntil('video');
    const step = cafe.step!;
    const text = slot(room(cafe), `text:${step.id}`);
    expect(text.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: 'done' });
    const due = cafe.state.timer!.dueAt!;
    const minutes = Math.ceil((due - cafe.now) / 60_000);
    const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(due)).replace(':', ' h ');
    expect(body(text)).toContain(`Fin prévue à ${clock} (encore ${minutes} min)`);
    expect(body(text)).toContain('réagissez à ce message ou répondez `!fini`');
    expect(html(text)).toMatch(/<a href="https:\/\/[^"]+">/);

    cafe.tick(2);
    cafe.give(lea, { kind: 'done' });
    const later = body(slot(room(cafe), `text:${step.id}`));
    expect(later).toContain(`(encore ${minutes - 2} min)`);
    expect(later).toMatch(/1 ont dit avoir fini|1 \/ \d+ ont fini/);
    expect(bodies(guide(cafe))).toContain('!prolonger');
  });

  test('the board numbers its columns and kinds, takes post-its in its thread, and shows what people typed as text', () => {
    cafe.nextUntil('board');
    const step = cafe.step!;
    const view = stepView({ ...stepScene(cafe, ROOM), content });
    if (view.kind !== 'board') throw new Error('board expected');
    typed(cafe, mallory, { kind: 'postit', column: view.columns[1].id, postitKind: view.postitKinds[0].id, text: '<b>x</b> and **x** [clic](https://evil.example)' });
    const text = slot(room(cafe), `text:${step.id}`);
    expect(text.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: 'postit' });
    expect(body(text)).toContain(`1. ${view.columns[0].label}`);
    expect(body(text)).toContain('Répondez dans le fil de ce message');
    const h = html(text);
    expect(h).toContain('&lt;b&gt;x&lt;/b&gt; and **x**');
    expect(h).not.toContain('<b>x</b>');
    expect(h).not.toContain('<strong>x</strong>');
    expect(h).not.toContain('<a ');
    // Under its column: the second.
    expect(body(text).indexOf('<b>x</b>')).toBeGreaterThan(body(text).indexOf(`2. ${view.columns[1].label}`));
  });

  test('the synthesis question takes answers in its thread, and gives the guide’s answer once revealed', () => {
    cafe.nextUntil('question');
    const step = cafe.step!;
    typed(cafe, mallory, { kind: 'answer', text: '<i>moi</i> **aussi**' });
    const shared = room(cafe);
    const text = slot(shared, `text:${step.id}`);
    expect(text.out.meta?.takes).toBe('answer');
    expect(html(text)).toContain('&lt;i&gt;moi&lt;/i&gt; **aussi**');
    const view = stepView({ ...stepScene(cafe, ROOM), content });
    if (view.kind !== 'question') throw new Error('question expected');
    const own = guide(cafe);
    if (view.controls.some((c) => c.verb === 'reveal')) {
      expect(bodies(own)).toContain('!reveler');
      cafe.do({ type: 'reveal', stepId: step.id });
      expect(body(slot(room(cafe), `answer:${step.id}`))).toContain(fr['tchap.answer.title'].replace(/\*/g, ''));
    } else {
      expect(shared.some((s) => s.key === `answer:${step.id}`)).toBe(false);
    }
  });

  test('the feedback is three polls and a message whose thread takes comments; the comments reach the facilitator only', () => {
    cafe.nextUntil('feedback');
    const step = cafe.step!;
    const shared = room(cafe);
    for (const q of ['rating', 'again', 'topic']) {
      const p = slot(shared, `feedback:${q}:${step.id}`);
      expect(p.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: `feedback:${q}` });
      expect(poll(p).kind).toBe('org.matrix.msc3381.poll.disclosed');
    }
    expect(slot(shared, `feedback:comments:${step.id}`).out.meta?.takes).toBe('feedback:comments');
    typed(cafe, mallory, { kind: 'feedback', rating: 'bien', positive: '<script>alert(1)</script>' });
    expect(bodies(room(cafe))).not.toContain('alert(1)');
    const own = guide(cafe);
    expect(own.every((s) => s.out.type === 'text')).toBe(true);
    expect(html(slot(own, `guide:${step.id}`))).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(bodies(own)).toContain('!fin');
  });

  test('the recap names what happened, post-its escaped', () => {
    cafe.do({ type: 'end' });
    const recap = renderTchap({ kind: 'recap', state: cafe.state, contributions: cafe.contributions, locale: 'fr', now: cafe.now }, content);
    expect(recap.map((s) => s.key)).toEqual([`recap:${cafe.state.id}`]);
    expect(body(recap[0])).toContain('Récapitulatif');
    expect(html(recap[0])).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html(recap[0])).not.toContain('<b>x</b>');
  });
});

describe('An Americano sans sucre: crazy jobs, turns, the debate and its synthesis', () => {
  const cafe = new CafeSim('sans-sucre', content, 'americano');
  cafe.do({ type: 'begin' });

  test('the crazy jobs are a pick poll whose answers are the items', () => {
    cafe.nextUntil('pick');
    const step = cafe.step!;
    const view = stepView({ ...stepScene(cafe, ROOM), content });
    if (view.kind !== 'pick') throw new Error('pick expected');
    const p = slot(room(cafe), `poll:${step.id}`);
    expect(p.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: 'pick' });
    expect(poll(p).kind).toBe('org.matrix.msc3381.poll.disclosed');
    expect(poll(p).answers.map((a) => a.id)).toEqual(view.options.map((o) => o.id));
    cafe.give(mallory, { kind: 'pick', item: view.options[0].id });
    cafe.give(lea, { kind: 'pick', item: view.options[1].id });
    const who = html(slot(room(cafe), `text:${step.id}`));
    expect(who).toContain('&lt;b&gt;Mallory&lt;/b&gt; **bold**');
  });

  test('the turns say who has the floor and who is next; the facilitator passes it with !tour', () => {
    const pickStep = cafe.step!;
    cafe.do({ type: 'next' });
    expect(cafe.step!.kind).toBe('turns');
    const text = body(room(cafe)[0]);
    expect(text).toMatch(/La parole est à (Léa|<b>Mallory<\/b> \*\*bold\*\*)/);
    expect(text).toContain('Ensuite');
    expect(html(room(cafe)[0])).not.toContain('<b>Mallory</b>');
    expect(bodies(guide(cafe))).toContain('`!tour`');
    expect(bodies(guide(cafe))).not.toContain('`!tour -1`');
    cafe.do({ type: 'turn', stepId: cafe.step!.id, delta: 1 });
    expect(bodies(guide(cafe))).toContain('`!tour -1`');
    // The pick's poll, rendered again once left, is ended.
    expect(slot(renderTchap(stepScene(cafe, ROOM, pickStep), content), `poll:${pickStep.id}`).ended).toBeDefined();
  });

  test('the debate is a poll with a message whose thread takes the arguments, listed for the facilitator', () => {
    cafe.nextUntil('poll', 'debat');
    const step = cafe.step!;
    const arg = slot(room(cafe), `argument:${step.id}`);
    expect(arg.out.meta).toEqual({ cafe: cafe.state.id, step: step.id, takes: 'argument' });
    expect(body(arg)).toContain('Répondez dans le fil de ce message');
    typed(cafe, karim, { kind: 'argument', side: 'contre', text: '<em>non</em>' });
    expect(body(slot(room(cafe), `argument:${step.id}`))).toContain('0 pour · 1 contre');
    expect(bodies(room(cafe))).not.toContain('<em>non</em>');
    expect(html(slot(guide(cafe), `guide:${step.id}`))).toContain('&lt;em&gt;non&lt;/em&gt;');
  });

  test('the debate’s synthesis is a text of the guide', () => {
    cafe.nextUntil('text');
    const text = room(cafe);
    expect(text).toHaveLength(1);
    expect(text[0].key).toBe(`text:${cafe.step!.id}`);
    expect(text[0].out.meta).toEqual({ cafe: cafe.state.id, step: cafe.step!.id });
  });
});

describe('A Ristretto: the quiz', () => {
  const cafe = new CafeSim('avec-sucre', content, 'ristretto');
  cafe.do({ type: 'begin' });
  cafe.nextUntil('poll', 'quiz-open-data-q1');
  const step = cafe.step!;
  const view = stepView({ ...stepScene(cafe, ROOM), content });
  if (view.kind !== 'poll') throw new Error('poll expected');
  cafe.give(lea, { kind: 'vote', choice: view.choices[0].id });
  cafe.give(karim, { kind: 'vote', choice: view.choices[0].id });
  cafe.give(sophie, { kind: 'vote', choice: view.choices[1].id });

  test('before the reveal the poll is undisclosed, and only the facilitator reads the split', () => {
    expect(poll(slot(room(cafe), `poll:${step.id}`)).kind).toBe('org.matrix.msc3381.poll.undisclosed');
    expect(bodies(room(cafe))).not.toContain('(67 %)');
    const own = body(slot(guide(cafe), `guide:${step.id}`));
    expect(own).toContain('La répartition des votes');
    expect(own).toContain(`${view.choices[0].label} : 2 (67 %)`);
    expect(own).toContain('`!reveler`');
  });

  test('once revealed the poll ends and the answer slot gives the guide’s answer and the split', () => {
    cafe.do({ type: 'reveal', stepId: step.id });
    const shared = room(cafe);
    const revealed = stepView({ ...stepScene(cafe, ROOM), content });
    if (revealed.kind !== 'poll') throw new Error('poll expected');
    expect(slot(shared, `poll:${step.id}`).ended?.text).toBe(`Le vote est clos. Réponse : ${revealed.answer}`);
    const answer = body(slot(shared, `answer:${step.id}`));
    expect(answer).toContain(`Réponse : ${revealed.answer}`);
    if (revealed.explanation) expect(answer).toContain(revealed.explanation.slice(0, 40));
    expect(answer).toContain('(67 %)');
  });
});

describe('The facilitator’s view holds what is theirs only', () => {
  test.each([['americano', 'avec-sucre'], ['americano', 'sans-sucre'], ['ristretto', 'avec-sucre'], ['ristretto', 'sans-sucre']] as const)('%s %s: the guide’s texts to the facilitator are in their view, never in the room’s', (formula, variant) => {
    const cafe = new CafeSim(variant, content, formula);
    cafe.do({ type: 'begin' });
    let seen = 0;
    for (let i = 0; i < 80 && cafe.step; i++) {
      const f = stepView({ ...stepScene(cafe, GUIDE), content }).facilitator;
      const shared = bodies(room(cafe));
      const own = guide(cafe);
      expect(own.every((s) => s.out.type === 'text' && !!s.out.meta?.cafe)).toBe(true);
      // The guide's tips are whole, and still one Matrix event.
      for (const s of own) expect(Buffer.byteLength(JSON.stringify(s.out), 'utf8')).toBeLessThan(60_000);
      expect(room(cafe).every((s) => s.out.meta?.cafe === cafe.state.id && s.out.meta.step === cafe.step!.id)).toBe(true);
      for (const text of f?.texts ?? []) {
        const probe = text.slice(0, 60);
        expect(bodies(own)).toContain(probe.replace(/\*\*/g, ''));
        expect(shared).not.toContain(probe);
        seen++;
      }
      if (cafe.run({ type: 'next' })) break;
    }
    expect(seen).toBeGreaterThan(0);
  });

  test('renderGuide gives the facilitator’s view of a step, text only', () => {
    const cafe = new CafeSim('avec-sucre', content, 'ristretto');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('poll');
    const slots = renderGuide(stepScene(cafe, ROOM), content);
    expect(slots.every((s) => s.out.type === 'text')).toBe(true);
    expect(slots[0].key).toBe(`guide:${cafe.step!.id}`);
  });

  test('every event carries its mark under META_KEY’s name in the contract', () => {
    expect(META_KEY).toBe('fr.barista');
  });
});

describe('The other messages name their commands', () => {
  const cafe = new CafeSim('avec-sucre', content, 'americano');
  const scenes = (L: 'fr' | 'en'): Array<[string, Scene]> => [
    ['help', { kind: 'help', locale: L, isFacilitator: true, retentionDays: 30 }],
    ['formulas', { kind: 'formulas', locale: L, input: '<b>latte</b>' }],
    ['already-running', { kind: 'already-running', state: cafe.state, locale: L }],
    ['compose', { kind: 'compose', locale: L }],
    ['erase-confirm', { kind: 'erase-confirm', locale: L, count: 2, at: cafe.now, days: 30 }],
    ['erased', { kind: 'erased', locale: L, count: 2 }],
    ['end-confirm', { kind: 'end-confirm', locale: L, cafeId: cafe.state.id, at: cafe.now, feedbackAsked: false }],
    ['end-confirm asked', { kind: 'end-confirm', locale: L, cafeId: cafe.state.id, at: cafe.now, feedbackAsked: true }],
    ['end-confirm feedback', { kind: 'end-confirm', locale: L, cafeId: cafe.state.id, at: cafe.now, feedbackAsked: false, outcome: 'feedback' }],
    ['network', { kind: 'network', locale: L, cafeId: cafe.state.id }],
    ['network saved', { kind: 'network', locale: L, cafeId: cafe.state.id, saved: true, profile: { organisation: '<b>DDT</b>', town: 'Reims', updatedAt: 0 }, links: [{ label: 'GeoJSON', url: 'https://barista.example/r.geojson' }] }],
    ['menu-tree', { kind: 'menu-tree', answers: {}, locale: L }],
    ['menu-tree audience', { kind: 'menu-tree', answers: { organise: true, long: false }, locale: L }],
    ['menu-tree done', { kind: 'menu-tree', answers: { organise: true, long: true, audience: 'novice', online: true }, locale: L }],
    ['menu', { kind: 'menu', state: cafe.state, viewer: L === 'fr' ? GUIDE : GUIDE_EN }],
  ];
  const text = (scene: Scene) => bodies(renderTchap(scene, content));
  const fr_ = Object.fromEntries(scenes('fr'));
  const en_ = Object.fromEntries(scenes('en'));

  test.each([
    ['help', ['!suivant', '!reveler', '!commencer', '!choisir N', '!fini', '!tour', '!inscription', '!effacer', '!reseau']],
    ['formulas', ['!startcafe americano', '!startcafe ristretto sans sucre']],
    ['already-running', ['`!fin`']],
    ['compose', ['!surmesure N N N N', '0. (sans)']],
    ['erase-confirm', ['`!effacer oui`', '`!effacer non`']],
    ['end-confirm', ['`!fin avis`', '`!fin oui`', '`!fin non`']],
    ['end-confirm asked', ['`!fin oui`', '`!fin non`']],
    ['end-confirm feedback', ['`!fin`']],
    ['network', ['!reseau Organisation ; Ville']],
    ['network saved', ['!reseau', 'GeoJSON']],
    ['menu-tree', ['`!menu oui`', '`!menu non`']],
    ['menu-tree audience', ['`!menu oui non averti`', '`!menu oui non intermediaire`']],
    ['menu-tree done', ['!startcafe']],
    ['menu', ['!commencer']],
  ])('%s (fr)', (name, commands) => {
    const said = text(fr_[name]);
    for (const c of commands) expect(said).toContain(c);
  });

  test.each([
    ['help', ['!next', '!begin', '!choose N', '!done', '!turn']],
    ['erase-confirm', ['`!erase yes`', '`!erase no`']],
    ['end-confirm', ['`!end feedback`', '`!end yes`', '`!end no`']],
    ['network', ['!network Organisation ; Town']],
    ['menu-tree audience', ['`!menu yes no informed`']],
    ['menu', ['!begin']],
  ])('%s (en)', (name, commands) => {
    const said = text(en_[name]);
    for (const c of commands) expect(said).toContain(c);
  });

  test('a person’s text in them stays text', () => {
    const formulas = renderTchap(fr_.formulas, content)[0];
    expect(html(formulas)).toContain('&lt;b&gt;latte&lt;/b&gt;');
    const network = renderTchap(fr_['network saved'], content)[0];
    expect(html(network)).toContain('&lt;b&gt;DDT&lt;/b&gt;');
  });

  test('the erase confirmation and its outcome are one slot (the channel edits it)', () => {
    expect(renderTchap(fr_['erase-confirm'], content)[0].key).toBe(renderTchap(fr_.erased, content)[0].key);
  });
});

describe('A busy room: every event stays within Matrix’s 64 KiB', () => {
  const sixty = Array.from({ length: 60 }, (_, i): Actor => ({ id: `u-${i}`, name: `<i>Dominique</i> Zébulon${i}`, locale: 'fr' }));
  const size = (s: Slot) => Buffer.byteLength(JSON.stringify({ ...(s.out.type === 'text' ? s.out.text : s.out.content), [META_KEY]: s.out.meta }), 'utf8');
  const within = (cafe: CafeSim) => {
    for (const viewer of [ROOM, GUIDE]) for (const s of renderTchap(stepScene(cafe, viewer), content)) expect(size(s)).toBeLessThan(60_000);
  };

  test('a board of 120 long post-its, a synthesis of 60 long answers, the feedback’s 60 long comments', () => {
    const cafe = new CafeSim('avec-sucre', content, 'americano');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('board');
    const board = stepView({ ...stepScene(cafe, ROOM), content });
    if (board.kind !== 'board') throw new Error('board expected');
    for (let i = 0; i < 120; i++) typed(cafe, sixty[i % 60], { kind: 'postit', column: board.columns[i % board.columns.length].id, postitKind: board.postitKinds[0].id, text: longText(i) });
    within(cafe);
    expect(body(room(cafe)[0])).toMatch(/… et \d+ autres/);
    cafe.nextUntil('question');
    for (const p of sixty) typed(cafe, p, { kind: 'answer', text: longText(1) });
    within(cafe);
    cafe.nextUntil('feedback');
    for (const p of sixty) typed(cafe, p, { kind: 'feedback', rating: 'bien', positive: longText(2), negative: longText(3) });
    within(cafe);
  });

  test('a debate with 60 long arguments, the crazy jobs picked by 60', () => {
    const cafe = new CafeSim('sans-sucre', content, 'americano');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('pick');
    const pick = stepView({ ...stepScene(cafe, ROOM), content });
    if (pick.kind !== 'pick') throw new Error('pick expected');
    sixty.forEach((p, i) => cafe.give(p, { kind: 'pick', item: pick.options[i % pick.options.length].id }));
    within(cafe);
    cafe.nextUntil('poll', 'debat');
    sixty.forEach((p, i) => typed(cafe, p, { kind: 'argument', side: i % 2 ? 'pour' : 'contre', text: longText(i) }));
    within(cafe);
  });
});

describe('English throughout, French throughout', () => {
  /** Barista's French words (not the guide's), long enough to be told apart, that English says otherwise. */
  const frenchOnly = (Object.keys(fr) as Array<keyof typeof fr>)
    .map((k) => fr[k].split(/\{\w+\}/)[0].trim())
    .filter((words) => words.length >= 14 && !Object.values(en).some((e) => e.includes(words)))
    // The guide's own words stay French in every locale.
    .filter((words) => !JSON.stringify(content).includes(words));

  function englishRenders(): string[] {
    const out: string[] = [];
    for (const [formula, variant] of [['americano', 'avec-sucre'], ['americano', 'sans-sucre'], ['ristretto', 'avec-sucre']] as const) {
      const cafe = new CafeSim(variant, content, formula);
      out.push(bodies(renderTchap({ kind: 'menu', state: cafe.state, viewer: ROOM_EN }, content)));
      out.push(bodies(renderTchap({ kind: 'menu', state: cafe.state, viewer: GUIDE_EN }, content)));
      cafe.do({ type: 'begin' });
      for (let i = 0; i < 80 && cafe.step; i++) {
        if (cafe.step.kind === 'poll' || cafe.step.kind === 'question') cafe.run({ type: 'reveal', stepId: cafe.step.id });
        out.push(bodies(room(cafe, ROOM_EN)), bodies(guide(cafe, GUIDE_EN)));
        if (cafe.run({ type: 'next' })) break;
      }
      cafe.run({ type: 'end' });
      out.push(bodies(renderTchap({ kind: 'recap', state: cafe.state, contributions: cafe.contributions, locale: 'en', now: cafe.now }, content)));
    }
    for (const scene of [
      { kind: 'help', locale: 'en', isFacilitator: false }, { kind: 'formulas', locale: 'en' }, { kind: 'compose', locale: 'en' },
      { kind: 'erase-confirm', locale: 'en', count: 1, at: 0, days: 30 }, { kind: 'erased', locale: 'en', count: 1, cancelled: true },
      { kind: 'end-confirm', locale: 'en', cafeId: 'c', at: 0, feedbackAsked: false }, { kind: 'network', locale: 'en', cafeId: 'c' },
      { kind: 'menu-tree', answers: { organise: true, long: true, audience: 'averti', online: false }, locale: 'en' },
    ] as Scene[]) out.push(bodies(renderTchap(scene, content)));
    return out;
  }

  test('an English render holds none of Barista’s French words', () => {
    expect(frenchOnly.length).toBeGreaterThan(100);
    const all = englishRenders().join('\n');
    const found = frenchOnly.filter((words) => all.includes(words));
    expect(found).toEqual([]);
  });

  test('every Tchap word has its English', () => {
    const keys = Object.keys(fr).filter((k) => k.startsWith('tchap.'));
    expect(keys.length).toBeGreaterThan(40);
    for (const k of keys) expect(en[k as keyof typeof en]).toBeTruthy();
  });
});
