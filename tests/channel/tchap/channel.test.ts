import { TchapChannel } from '../../../src/channel/tchap/channel';
import { matrixText } from '../../../src/channel/tchap/html';
import type { MatrixApi } from '../../../src/channel/tchap/matrixApi';
import { TchapSendError } from '../../../src/channel/tchap/matrixApi';
import { META_KEY, type Slot } from '../../../src/channel/tchap/out';
import { POLL_END, POLL_START, pollStartContent } from '../../../src/channel/tchap/polls';
import { TchapState } from '../../../src/channel/tchap/state';
import type { Address, Scene } from '../../../src/channel/port';
import { loadContent } from '../../../src/content';

const content = loadContent();
const to: Address = { conversationId: '!cafe:barista.test', serviceUrl: 'http://127.0.0.1:8008', botId: '@barista:barista.test', channelId: 'tchap' };

interface Sent {
  roomId: string;
  type: string;
  content: Record<string, unknown>;
  id: string;
}

/** The homeserver as the channel sees it: what was sent, redacted, which direct rooms exist. */
class FakeMatrix implements MatrixApi {
  readonly userId = '@barista:barista.test';
  sent: Sent[] = [];
  redacted: string[] = [];
  failNext?: unknown;
  private n = 0;
  async send(roomId: string, type: string, c: Record<string, unknown>): Promise<string> {
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = undefined;
      throw err;
    }
    const id = `$e${++this.n}`;
    this.sent.push({ roomId, type, content: c, id });
    return id;
  }
  async redact(_roomId: string, eventId: string): Promise<void> {
    this.redacted.push(eventId);
  }
  async directRoom(userId: string): Promise<string> {
    return `!dm-${userId}`;
  }
  members(): string[] {
    return ['@lea:barista.test', '@karim:barista.test'];
  }
  async setState(): Promise<boolean> {
    return true;
  }
}

/** A step scene the channel reads: the café's id, facilitator, timer; the step; the viewer. */
function stepScene(stepId: string, o: { viewer?: { isFacilitator: boolean; userId?: string }; timer?: boolean } = {}): Scene {
  return {
    kind: 'step',
    state: { id: 'cafe-1', facilitatorId: '@lea:barista.test', status: 'running', ...(o.timer ? { timer: { stepId, dueAt: Date.now() + 60_000 } } : {}) },
    step: { id: stepId },
    contributions: [],
    viewer: { locale: 'fr', isFacilitator: false, ...o.viewer },
    now: Date.now(),
  } as unknown as Scene;
}

/** The renderer, as the test says: a step's slots by step id (the facilitator's view: one text). */
function renderer(slotsOf: Record<string, Slot[]>) {
  return (scene: Scene): Slot[] => {
    if (scene.kind === 'menu') return [{ key: 'menu', out: { type: 'text', text: matrixText(scene.viewer.isFacilitator ? 'Le menu. Tapez !commencer' : 'Le menu') } }];
    if (scene.kind !== 'step') return [{ key: scene.kind, out: { type: 'text', text: matrixText(scene.kind) } }];
    if (scene.viewer.isFacilitator) return [{ key: `guide:${scene.step.id}`, out: { type: 'text', text: matrixText(`Pour l'animatrice : ${scene.step.id} ${slotsOf.guideWords?.[0]?.key ?? ''}`) } }];
    return slotsOf[scene.step.id] ?? [];
  };
}

const text = (key: string, words: string, step = 's1'): Slot => ({ key, out: { type: 'text', text: matrixText(words), meta: { cafe: 'cafe-1', step, takes: 'postit' } } });
const poll = (step: string, ended?: string): Slot => ({
  key: `poll:${step}`,
  out: { type: 'poll', content: pollStartContent({ question: 'Q ?', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], disclosed: false }), meta: { cafe: 'cafe-1', step, takes: 'vote' } },
  ...(ended !== undefined ? { ended: { text: ended } } : {}),
});

function setup(slotsOf: Record<string, Slot[]>) {
  const api = new FakeMatrix();
  const state = new TchapState(':memory:');
  const errors: unknown[] = [];
  const channel = new TchapChannel({ api, state, content, sink: (err) => errors.push(err), render: renderer(slotsOf), editGapMs: 0 });
  return { api, state, channel, errors };
}

describe('the Tchap channel: scenes as Matrix events', () => {
  it('posts a step as its events, marked with the café and the step, and keeps what it sent', async () => {
    const { api, state, channel } = setup({ s1: [poll('s1'), text('text:s1', 'Postez vos idées')] });
    const id = await channel.post(to, stepScene('s1'));
    const room = api.sent.filter((s) => s.roomId === to.conversationId);
    expect(room.map((s) => s.type)).toEqual([POLL_START, 'm.room.message']);
    expect(id).toBe(room[0]!.id);
    expect(room[1]!.content[META_KEY]).toEqual({ cafe: 'cafe-1', step: 's1', takes: 'postit' });
    expect(state.meta(room[0]!.id)).toEqual({ roomId: to.conversationId, meta: { cafe: 'cafe-1', step: 's1', takes: 'vote' } });
    expect(state.slots(id!).map((s) => s.key)).toEqual(['poll:s1', 'text:s1']);
  });

  it("sends the facilitator's view of a step to their direct messages, not to the room", async () => {
    const { api, channel } = setup({ s1: [text('text:s1', 'Pour tout le monde')] });
    await channel.post(to, stepScene('s1'));
    const dm = api.sent.filter((s) => s.roomId === '!dm-@lea:barista.test');
    expect(dm).toHaveLength(1);
    expect(String(dm[0]!.content.body)).toContain("Pour l'animatrice : s1");
    expect(api.sent.filter((s) => s.roomId === to.conversationId).map((s) => s.content.body)).toEqual(['Pour tout le monde']);
  });

  it("sends the facilitator's view of the menu (how to begin) to their direct messages too", async () => {
    const { api, channel } = setup({});
    const menu = { kind: 'menu', state: { id: 'cafe-1', facilitatorId: '@lea:barista.test', coFacilitatorIds: ['@karim:barista.test'], status: 'ready' }, viewer: { locale: 'fr', isFacilitator: false } } as unknown as Scene;
    await channel.post(to, menu);
    expect(api.sent.filter((s) => s.roomId === to.conversationId && s.type === 'm.room.message').map((s) => s.content.body)).toEqual(['Le menu']);
    for (const person of ['@lea:barista.test', '@karim:barista.test']) {
      expect(api.sent.filter((s) => s.roomId === `!dm-${person}`).map((s) => s.content.body)).toEqual(['Le menu. Tapez !commencer']);
    }
  });

  it('edits a text in place when its words change, and sends nothing when they did not', async () => {
    const slots: Record<string, Slot[]> = { s1: [text('text:s1', 'Deux post-its')] };
    const { api, channel } = setup(slots);
    const id = (await channel.post(to, stepScene('s1')))!;
    const before = api.sent.length;
    channel.update(to, id, async () => stepScene('s1'));
    await channel.flush();
    expect(api.sent.length).toBe(before);
    slots.s1 = [text('text:s1', 'Trois post-its')];
    channel.update(to, id, async () => stepScene('s1'));
    await channel.flush();
    const edit = api.sent.filter((s) => s.roomId === to.conversationId).at(-1)!;
    expect(edit.content['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: id });
    expect((edit.content['m.new_content'] as { body: string }).body).toBe('Trois post-its');
    expect((edit.content['m.new_content'] as Record<string, unknown>)[META_KEY]).toEqual({ cafe: 'cafe-1', step: 's1', takes: 'postit' });
  });

  it('merges updates asked in a row into one edit with the latest words', async () => {
    const slots: Record<string, Slot[]> = { s1: [text('text:s1', 'v0')] };
    const api = new FakeMatrix();
    const channel = new TchapChannel({ api, state: new TchapState(':memory:'), content, sink: () => undefined, render: renderer(slots), editGapMs: 50 });
    const id = (await channel.post(to, stepScene('s1')))!;
    const before = api.sent.filter((s) => s.roomId === to.conversationId).length;
    const dones: number[] = [];
    for (let i = 1; i <= 5; i++) {
      slots.s1 = [text('text:s1', `v${i}`)];
      channel.update(to, id, async () => stepScene('s1'), () => dones.push(i));
    }
    await channel.flush();
    const edits = api.sent.filter((s) => s.roomId === to.conversationId).slice(before);
    expect(edits.map((e) => (e.content['m.new_content'] as { body: string }).body)).toEqual(['v5']);
    expect(dones).toEqual([1, 2, 3, 4, 5]);
  });

  it('ends a poll once when its step is revealed, saying the answer, and never edits it', async () => {
    const slots: Record<string, Slot[]> = { s1: [poll('s1')] };
    const { api, channel } = setup(slots);
    const id = (await channel.post(to, stepScene('s1')))!;
    slots.s1 = [poll('s1', 'Réponse : A'), text('answer:s1', 'La bonne réponse est A')];
    channel.update(to, id, async () => stepScene('s1'));
    await channel.flush();
    channel.update(to, id, async () => stepScene('s1'));
    await channel.flush();
    const room = api.sent.filter((s) => s.roomId === to.conversationId);
    const ends = room.filter((s) => s.type === POLL_END);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.content['m.relates_to']).toEqual({ rel_type: 'm.reference', event_id: id });
    expect(room.filter((s) => s.type === POLL_START)).toHaveLength(1);
    expect(room.at(-1)!.content.body).toBe('La bonne réponse est A');
  });

  it("closes the poll of a step the part's message left, and posts the next step's events", async () => {
    const slots: Record<string, Slot[]> = { s1: [poll('s1')], s2: [poll('s2')] };
    const { api, channel } = setup(slots);
    const id = (await channel.post(to, stepScene('s1')))!;
    channel.update(to, id, async () => stepScene('s2'));
    await channel.flush();
    const room = api.sent.filter((s) => s.roomId === to.conversationId);
    expect(room.map((s) => s.type)).toEqual([POLL_START, POLL_START, POLL_END]);
    expect(room[2]!.content['m.relates_to']).toEqual({ rel_type: 'm.reference', event_id: id });
  });

  it('after a restart, the same message is edited, not posted again (what was sent is in the state file)', async () => {
    const slots: Record<string, Slot[]> = { s1: [text('text:s1', 'Avant')] };
    const api = new FakeMatrix();
    const state = new TchapState(':memory:');
    const first = new TchapChannel({ api, state, content, sink: () => undefined, render: renderer(slots), editGapMs: 0 });
    const id = (await first.post(to, stepScene('s1')))!;
    first.close();
    const second = new TchapChannel({ api, state, content, sink: () => undefined, render: renderer(slots), editGapMs: 0 });
    slots.s1 = [text('text:s1', 'Après')];
    second.update(to, id, async () => stepScene('s1'));
    await second.flush();
    const room = api.sent.filter((s) => s.roomId === to.conversationId);
    expect(room).toHaveLength(2);
    expect(room[1]!.content['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: id });
  });

  it('tries an update again after a transient failure, and reports one the homeserver refuses for good', async () => {
    const slots: Record<string, Slot[]> = { s1: [text('text:s1', 'a')] };
    const { api, channel, errors } = setup(slots);
    const id = (await channel.post(to, stepScene('s1')))!;
    slots.s1 = [text('text:s1', 'b')];
    api.failNext = new TchapSendError(true, new Error('429'), 429);
    let done = 0;
    channel.update(to, id, async () => stepScene('s1'), () => done++);
    await new Promise((r) => setTimeout(r, 10));
    await channel.flush();
    expect(done).toBe(1);
    expect(errors).toHaveLength(1);
    expect(api.sent.filter((s) => s.roomId === to.conversationId).at(-1)!.content['m.relates_to']).toMatchObject({ rel_type: 'm.replace' });

    slots.s1 = [text('text:s1', 'c')];
    api.failNext = new TchapSendError(false, new Error('403'), 403);
    channel.update(to, id, async () => stepScene('s1'), () => done++);
    await channel.flush();
    expect(done).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it("redacts a message's events when it is deleted (/effacer)", async () => {
    const { api, state, channel } = setup({ s1: [poll('s1'), text('text:s1', 'x')] });
    const id = (await channel.post(to, stepScene('s1')))!;
    const events = state.slots(id).map((s) => s.eventId);
    await channel.delete(to, id);
    expect(api.redacted).toEqual(events);
    expect(state.slots(id)).toEqual([]);
  });

  it('says things to the room, and replies and private notices to each person in their direct messages', async () => {
    const { api, channel } = setup({});
    await channel.say(to, 'Le temps est écoulé **pour la vidéo**');
    await channel.reply(to, { id: '@omar:barista.test', name: 'Omar' }, 'Seule la personne qui anime peut faire ça.');
    await channel.notifyFacilitators(to, ['@lea:barista.test', '@lea:barista.test'], 'timeUp', 'fr');
    expect(api.sent.map((s) => s.roomId)).toEqual([to.conversationId, '!dm-@omar:barista.test', '!dm-@lea:barista.test']);
    expect(api.sent[0]!.content).toMatchObject({ msgtype: 'm.notice', formatted_body: 'Le temps est écoulé <strong>pour la vidéo</strong>' });
    await expect(channel.members(to)).resolves.toEqual(['@lea:barista.test', '@karim:barista.test']);
  });

  it('shows a running countdown again every tick, until it stops', async () => {
    const slots: Record<string, Slot[]> = { v: [text('text:v', 'encore 2 min', 'v')] };
    const api = new FakeMatrix();
    const channel = new TchapChannel({ api, state: new TchapState(':memory:'), content, sink: () => undefined, render: renderer(slots), editGapMs: 0, tickMs: 20 });
    const id = (await channel.post(to, stepScene('v', { timer: true })))!;
    slots.v = [text('text:v', 'encore 1 min', 'v')];
    await new Promise((r) => setTimeout(r, 80));
    await channel.flush();
    const edits = api.sent.filter((s) => s.roomId === to.conversationId && s.content['m.relates_to']);
    expect(edits.map((e) => (e.content['m.new_content'] as { body: string }).body)).toEqual(['encore 1 min']);
    expect(edits[0]!.content['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: id });
    channel.close();
  });
});
