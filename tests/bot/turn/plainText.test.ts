import { guideFr } from '../../../src/content';
import type { Actor, CafeState } from '../../../src/domain';
import { activityOf, questionOf } from '../../../src/domain/lookup';
import type { Reply, Scene } from '../../../src/channel/port';
import { renderScene } from '../../../src/channel/teams/render';
import { plainText } from '../../../src/i18n';
import { HOSTILE } from '../../support/markup';
import { PipelineHarness } from './harness';

/**
 * A whole café run by people whose names and texts are Markdown, HTML and web addresses: every
 * message Barista says or replies and every card it posts, updates or answers with shows them as
 * text. The contributions go through the pipeline (the domain cleans a free text as it stores
 * it), the names as Teams gives them (nothing cleans a name before a message or a card).
 */

const FACILITATOR: Actor = { id: 'u-fac', name: '[Cliquez ici](https://evil.example) **Camille**', locale: 'fr' };
const NAMES = ['[Cliquez ici](https://evil.example)', '**gras** _penché_', '<b>x</b><script>alert(1)</script>', 'https://evil.example', 'www.evil.com', '# Titre'];
const PEOPLE: Actor[] = NAMES.map((name, i) => ({ id: `u-${i}`, name, locale: 'fr' }));
const TEXTS = HOSTILE.filter((x) => !x.includes('\n'));

/**
 * What must never reach a card's or a message's text as typed, once its escaped characters are set
 * aside (Barista's own links stay: the guide's and the network's): each would be markup or a link.
 */
const RAW = ['Cliquez ici](', '**gras**', '_penché_', 'https://evil', 'evil.example', 'www.evil', 'evil.com', '# Titre'];
const RAW_HTML = ['<b>', '<script>', '<at>'];

interface Seen { surface: 'card' | 'message'; where: string; text: string }

/** The texts Teams renders as Markdown in a card: TextBlocks and facts (an input's value is typed text, not rendered). */
function cardTexts(card: unknown, where: string, out: Seen[]): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push({ surface: 'card', where, text: o.text });
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as Array<{ title: string; value: string }>) out.push({ surface: 'card', where, text: `${f.title} ${f.value}` });
    for (const [k, v] of Object.entries(o)) if (k !== 'value') walk(v);
  };
  walk(card);
}

class Walk {
  readonly h = new PipelineHarness();
  readonly seen: Seen[] = [];
  private seq = 0;

  private scene(scene: Scene, where: string): void {
    cardTexts(renderScene(scene, guideFr), where, this.seen);
  }

  private reply(reply: Reply, where: string): void {
    if (reply && 'message' in reply) this.seen.push({ surface: 'message', where, text: reply.message });
    if (reply && 'scene' in reply) this.scene(reply.scene, where);
  }

  async say(actor: Actor, text: string): Promise<void> {
    this.reply(await this.h.say(actor, text), `${actor.id} ${text}`);
  }

  async press(actor: Actor, data: Record<string, unknown>): Promise<Reply> {
    const reply = await this.h.press(actor, data as never);
    this.reply(reply, `${actor.id} ${String(data.verb)}`);
    return reply;
  }

  async drain(): Promise<void> {
    await this.h.drain();
    for (const c of this.h.channel.calls) {
      if (c.op === 'say' || c.op === 'reply') this.seen.push({ surface: 'message', where: c.op, text: c.text });
      if (c.op === 'post' || c.op === 'update') this.scene(c.scene, `${c.op} ${c.scene.kind}`);
    }
    this.h.channel.clear();
  }

  text(i: number): string {
    return TEXTS[(this.seq++ + i) % TEXTS.length];
  }

  /** Everyone does what the step asks, with hostile texts; the turns go round. */
  async contribute(state: CafeState): Promise<void> {
    const step = state.steps[state.cursor];
    const cafe = state.id;
    const activity = activityOf(step, guideFr);
    for (const [i, p] of PEOPLE.entries()) {
      if (step.kind === 'poll') {
        const q = questionOf(step, guideFr);
        if (q) await this.press(p, { verb: 'vote', cafe, step: step.id, choice: q.choices[i % q.choices.length].id });
        if (q?.arguments) await this.press(p, { verb: 'argument', cafe, step: step.id, side: i % 2 ? 'pour' : 'contre', argumentText: this.text(i) });
      }
      if (step.kind === 'pick' && activity?.kind === 'pick') await this.press(p, { verb: 'pick', cafe, step: step.id, item: activity.items[i % activity.items.length].id });
      if (step.kind === 'video') await this.press(p, { verb: 'done', cafe, step: step.id });
      if (step.kind === 'board' && activity?.kind === 'board') {
        await this.press(p, { verb: 'postit', cafe, step: step.id, postitColumn: activity.columns[i % activity.columns.length].id, postitKind: activity.postitKinds[0].id, postitText: this.text(i) });
      }
      if (step.kind === 'question') await this.press(p, { verb: 'answer', cafe, step: step.id, answerText: this.text(i) });
      if (step.kind === 'feedback') {
        await this.press(p, { verb: 'feedback', cafe, step: step.id, feedback_rating: 'bien', feedback_positive: this.text(i), feedback_negative: this.text(i + 1) });
      }
    }
    if (step.kind === 'turns') for (let i = 1; i < PEOPLE.length; i++) await this.press(FACILITATOR, { verb: 'turn', cafe, step: step.id, delta: 1 });
    await this.drain();
  }

  /** A café from /startcafe to its recap, each step done by everyone. */
  async cafe(command: string): Promise<void> {
    await this.say(FACILITATOR, command);
    await this.drain();
    const id = (await this.h.cafe()).id;
    // Someone else's /startcafe, a participant's Suivant: the facilitator is named to them.
    await this.say(PEOPLE[0], command);
    await this.press(PEOPLE[1], { verb: 'begin', cafe: id });
    await this.press(FACILITATOR, { verb: 'begin', cafe: id });
    await this.drain();
    for (let guard = 0; guard < 200; guard++) {
      const state = await this.h.store.get(id);
      if (!state || state.status === 'ended') break;
      await this.contribute(state);
      const step = state.steps[state.cursor];
      await this.press(PEOPLE[2], { verb: 'next', cafe: id, step: step.id });
      const reply = await this.press(FACILITATOR, { verb: 'next', cafe: id, step: step.id });
      if (reply && 'scene' in reply && reply.scene.kind === 'end-confirm') {
        await this.press(FACILITATOR, { verb: 'end', cafe: id, step: step.id, confirm: 'end', at: this.h.now });
      }
      await this.drain();
      this.h.now += 60_000;
    }
    await this.drain();
  }
}

describe.each(['/startcafe americano', '/startcafe americano sans sucre'])('%s with hostile names and texts', (command) => {
  const walk = new Walk();
  beforeAll(() => walk.cafe(command), 60_000);

  it('reached the recap, through every kind of step', async () => {
    expect(walk.seen.some((s) => s.where === 'post recap')).toBe(true);
    expect(walk.h.errors).toEqual([]);
  });

  it('no card and no message shows a person’s text as markup or a link', () => {
    const offending = walk.seen.flatMap((s) => {
      const raw = s.surface === 'message' ? [...RAW, ...RAW_HTML] : RAW;
      const bare = s.text.replace(/\\[!-/:-@[-`{-~]/g, ' ');
      const hits = raw.filter((r) => bare.includes(r));
      return hits.length ? [`${s.where} (${s.surface}): ${hits.join(', ')} in ${JSON.stringify(s.text.slice(0, 300))}`] : [];
    });
    expect(offending).toEqual([]);
  });

  it('the texts are shown (as text), not dropped: a web address typed in a post-it, an answer, an argument, a comment', () => {
    const where = new Set(walk.seen.filter((s) => s.surface === 'card' && s.text.includes(plainText('https://evil.example', 'card'))).map((s) => s.where));
    expect(where.size).toBeGreaterThan(1);
  });

  it('the names are shown (as text), not dropped: the refusal and the already-running card name the facilitator', () => {
    expect(walk.seen.some((s) => s.surface === 'message' && s.text.includes(plainText(FACILITATOR.name, 'message')))).toBe(true);
    expect(walk.seen.some((s) => s.surface === 'card' && s.where.includes('/startcafe') && s.text.includes(plainText(FACILITATOR.name, 'card')))).toBe(true);
  });
});

describe('the crazy jobs with hostile names', () => {
  const walk = new Walk();
  beforeAll(() => walk.cafe('/startcafe americano sans sucre'), 60_000);

  it('la parole est à: each name as text, then the job’s label (never its id)', () => {
    const floors = walk.seen.filter((s) => s.surface === 'message' && s.text.startsWith('🎤'));
    expect(floors.length).toBeGreaterThanOrEqual(PEOPLE.length);
    const jobs = guideFr.activities.find((a) => a.id === 'crazy-jobs');
    if (jobs?.kind !== 'pick') throw new Error('no crazy jobs');
    for (const [i, p] of PEOPLE.entries()) {
      const item = jobs.items[i % jobs.items.length];
      expect(floors.map((f) => f.text)).toContain(`🎤 La parole est à ${plainText(p.name, 'message')} (${item.label})`);
    }
    expect(floors.every((f) => !jobs.items.some((item) => f.text.includes(`(${item.id})`)))).toBe(true);
  });

  it('the pick and the turns cards show the names as text', () => {
    const cards = walk.seen.filter((s) => s.surface === 'card').map((s) => s.text).join('\n');
    expect(cards).toContain(plainText('**gras** _penché_', 'card'));
    expect(cards).toContain(`La parole est à ${plainText('[Cliquez ici](https://evil.example)', 'card')}`);
  });
});

describe('handing over to a hostile name', () => {
  it('says the new facilitator’s name as text', async () => {
    const walk = new Walk();
    await walk.say(FACILITATOR, '/startcafe americano');
    await walk.drain();
    const person = { id: 'u-new', name: '[Cliquez ici](https://evil.example) <b>x</b>' };
    for (const type of ['cofacilitator', 'handover'] as const) {
      const reply = await walk.h.pipeline.run(walk.h.turn(FACILITATOR, { kind: 'text', command: { type, person } }));
      if (reply && 'message' in reply) walk.seen.push({ surface: 'message', where: type, text: reply.message });
    }
    await walk.drain();
    const said = walk.seen.filter((s) => s.surface === 'message').map((s) => s.text);
    expect(said).toEqual(expect.arrayContaining([`🤝 ${plainText(person.name, 'message')} co-anime le café.`, `🎙 ${plainText(person.name, 'message')} anime maintenant le café.`]));
    expect(said.every((s) => !s.includes('Cliquez ici](') && !s.includes('<b>'))).toBe(true);
  });
});

describe('a re-delivered /startcafe', () => {
  it('gets no answer and posts nothing; someone else’s /startcafe is told a café runs', async () => {
    const h = new PipelineHarness();
    expect(await h.say(FACILITATOR, '/startcafe americano', 'act-start')).toBeUndefined();
    await h.drain();
    expect(h.channel.of('post')).toHaveLength(1);
    h.channel.clear();
    expect((await h.cafe()).startActivityId).toBe('act-start');
    expect(await h.say(FACILITATOR, '/startcafe americano', 'act-start')).toBeUndefined();
    await h.drain();
    expect(h.channel.calls).toEqual([]);
    const genuine = await h.say(PEOPLE[0], '/startcafe americano', 'act-other');
    expect(genuine && 'scene' in genuine && genuine.scene.kind).toBe('already-running');
    // A button's start delivered again is told the menu is in the chat (an invoke needs an answer).
    const pressed = await h.press(FACILITATOR, { verb: 'start', formula: 'americano', variant: 'avec-sucre' }, 'act-start');
    expect(pressed && 'message' in pressed && pressed.message).toContain('le menu du café est dans la conversation');
  });
});
