import { createHash } from 'node:crypto';
import { KeyedQueue } from '../../bot/keyedQueue';
import type { Content } from '../../content/schema';
import type { CafeState, Locale } from '../../domain/types';
import type { ErrorSink } from '../../errors';
import { t, type MessageId } from '../../i18n';
import type { Address, ChannelPort, Person, Scene, Viewer } from '../port';
import { matrixText } from './html';
import { tchapWorded } from './wording';
import type { MatrixApi } from './matrixApi';
import { META_KEY, type Slot, type TchapOut } from './out';
import { POLL_END, POLL_START, pollEndContent } from './polls';
import { renderTchap } from './render';
import type { SentSlot, TchapState } from './state';

export interface TchapChannelOptions {
  api: MatrixApi;
  state: TchapState;
  content: Content;
  sink: ErrorSink;
  render?: (scene: Scene, content: Content) => Slot[];
  /** What a facilitator's own view adds (the café board's link, the web door), when Barista has a public address. */
  facilitatorViewer?: (state: CafeState, userId: string) => Partial<Viewer>;
  /** The café board's read-only link, offered to the room as a widget. */
  boardLink?: (cafeId: string) => string | undefined;
  /** Least time between two edits of one message (default 3 s: a homeserver limits each user's messages). */
  editGapMs?: number;
  /** A running countdown's message is rendered again this often (default 60 s). */
  tickMs?: number;
  /** Tries of an update that failed on a transient cause, before the outbox's replay takes over (default 5). */
  retries?: number;
  now?: () => number;
}

interface PendingUpdate {
  to: Address;
  render: () => Promise<Scene | undefined>;
  dones: Array<() => void>;
  timer?: NodeJS.Timeout;
  failures: number;
}

const WIDGET = 'im.vector.modular.widgets';

/** A text slot worded for a Matrix room (« !suivant », no buttons): the renderer may reuse the Teams texts. */
function worded(slot: Slot): Slot {
  return slot.out.type === 'text' ? { ...slot, out: { ...slot.out, text: tchapWorded(slot.out.text) } } : slot;
}

function hashOf(out: TchapOut): string {
  return createHash('sha1').update(JSON.stringify(out)).digest('base64url');
}

/** The event a slot is sent as: its Matrix type and content, marked with Barista's meta. */
function eventOf(out: TchapOut): { type: string; content: Record<string, unknown> } {
  if (out.type === 'poll') return { type: POLL_START, content: { ...out.content, [META_KEY]: out.meta } };
  return { type: 'm.room.message', content: { ...out.text, ...(out.meta ? { [META_KEY]: out.meta } : {}) } };
}

/** An edit (m.replace) of one of Barista's text messages: clients show the new words in place. */
function editOf(eventId: string, out: Extract<TchapOut, { type: 'text' }>): Record<string, unknown> {
  const next = eventOf(out).content;
  return {
    msgtype: out.text.msgtype,
    body: `* ${out.text.body}`,
    format: out.text.format,
    formatted_body: `* ${out.text.formatted_body}`,
    'm.new_content': next,
    'm.relates_to': { rel_type: 'm.replace', event_id: eventId },
  };
}

/**
 * The Tchap channel: Barista's scenes as Matrix events in the café's room. A scene renders to
 * slots (render.ts); a message of the port is the slots sent for it (kept in the state file: a
 * restart edits, never posts again). An update sends what is new, edits a text whose words changed
 * (paced: one edit per message every few seconds, the latest words), ends a poll that was revealed or
 * left. A step's facilitator view goes to each facilitator's direct-message room; replies to one
 * person and private notices too. The homeserver's rate limits are the SDK's scheduler's to honour.
 */
export class TchapChannel implements ChannelPort {
  private readonly queue = new KeyedQueue();
  private readonly pending = new Map<string, PendingUpdate>();
  private readonly lastEdit = new Map<string, number>();
  private readonly ticks = new Map<string, NodeJS.Timeout>();
  private readonly widgets = new Set<string>();
  private readonly render: (scene: Scene, content: Content) => Slot[];
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly o: TchapChannelOptions) {
    const render = o.render ?? renderTchap;
    this.render = (scene, c) => render(scene, c).map(worded);
    this.now = o.now ?? Date.now;
  }

  async post(to: Address, scene: Scene): Promise<string | undefined> {
    const roomId = to.conversationId;
    const slots = this.render(scene, this.o.content);
    const messageId = await this.queue.run(roomId, async () => {
      let id: string | undefined;
      for (const slot of slots) {
        const sent = await this.sendSlot(roomId, slot);
        id ??= sent.eventId;
        this.o.state.putSlot(id, sent);
      }
      return id;
    });
    if (scene.kind === 'menu') await this.offerWidget(roomId, scene.state.id);
    if (messageId && (scene.kind === 'step' || scene.kind === 'menu')) await this.guide(to, messageId, scene);
    if (messageId) this.tick(to, messageId, scene, async () => ({ ...scene, now: this.now() }) as Scene);
    return messageId;
  }

  update(to: Address, messageId: string, render: () => Promise<Scene | undefined>, done?: () => void): void {
    let p = this.pending.get(messageId);
    if (!p) {
      p = { to, render, dones: [], failures: 0 };
      this.pending.set(messageId, p);
    }
    p.render = render;
    if (done) p.dones.push(done);
    this.schedule(messageId, p);
  }

  async delete(to: Address, messageId: string): Promise<void> {
    const roomId = to.conversationId;
    this.stopTick(messageId);
    await this.queue.run(roomId, async () => {
      for (const slot of this.o.state.slots(messageId)) await this.o.api.redact(roomId, slot.eventId);
      this.o.state.dropSlots(messageId);
    });
  }

  async say(to: Address, text: string): Promise<void> {
    const roomId = to.conversationId;
    await this.queue.run(roomId, () => this.o.api.send(roomId, 'm.room.message', { ...tchapWorded(matrixText(text)) }));
  }

  /** A reply to one person: in their direct-message room with Barista, seen by them only. */
  async reply(_to: Address, person: Person, text: string): Promise<void> {
    const roomId = await this.o.api.directRoom(person.id);
    await this.queue.run(roomId, () => this.o.api.send(roomId, 'm.room.message', { ...tchapWorded(matrixText(text)) }));
  }

  async notifyFacilitators(to: Address, recipients: string[], key: string, locale: Locale): Promise<void> {
    const text = t(locale, key as MessageId);
    for (const person of new Set(recipients)) await this.reply(to, { id: person, name: '' }, text);
  }

  /** The address of a person's direct-message room with Barista (made the first time). */
  async directAddress(to: Address, userId: string): Promise<Address> {
    return { ...to, conversationId: await this.o.api.directRoom(userId) };
  }

  async members(to: Address): Promise<string[] | undefined> {
    return this.o.api.members(to.conversationId);
  }

  async flush(): Promise<void> {
    for (;;) {
      const waiting = [...this.pending.entries()];
      if (!waiting.length) break;
      for (const [id, p] of waiting) {
        if (p.timer) clearTimeout(p.timer);
        p.timer = undefined;
        await this.runUpdate(id, p);
      }
    }
    await this.queue.idle();
  }

  /** Stops the countdowns' ticks and the paced edits (shutdown; what is pending is the outbox's). */
  close(): void {
    this.closed = true;
    for (const timer of this.ticks.values()) clearTimeout(timer);
    this.ticks.clear();
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
  }

  private schedule(messageId: string, p: PendingUpdate): void {
    if (p.timer || this.closed) return;
    const wait = Math.max(0, (this.lastEdit.get(messageId) ?? 0) + (this.o.editGapMs ?? 3000) - this.now());
    p.timer = setTimeout(() => {
      p.timer = undefined;
      void this.runUpdate(messageId, p);
    }, wait);
    p.timer.unref();
  }

  private async runUpdate(messageId: string, p: PendingUpdate): Promise<void> {
    // The requests so far are carried out by this one render: later ones wait for the next.
    if (this.pending.get(messageId) !== p) return;
    this.pending.delete(messageId);
    const dones = p.dones;
    this.lastEdit.set(messageId, this.now());
    try {
      const scene = await p.render();
      if (scene) {
        await this.apply(p.to.conversationId, messageId, this.render(scene, this.o.content));
        if (scene.kind === 'step' || scene.kind === 'menu') await this.guide(p.to, messageId, scene);
        this.tick(p.to, messageId, scene, p.render);
      }
      for (const done of dones) done();
    } catch (err) {
      const retryable = (err as { retryable?: boolean }).retryable !== false;
      this.o.sink(err, { code: 'tchap-update', messageId, retryable });
      if (!retryable) {
        for (const done of dones) done();
        return;
      }
      if (p.failures + 1 >= (this.o.retries ?? 5)) return; // Left to the outbox's replay.
      // Tried again later, merged with whatever was asked meanwhile.
      const again = this.pending.get(messageId) ?? { ...p, dones: [], failures: p.failures + 1, timer: undefined };
      again.dones.unshift(...dones);
      again.failures = Math.max(again.failures, p.failures + 1);
      this.pending.set(messageId, again);
      this.lastEdit.set(messageId, this.now() + 2000 * again.failures);
      this.schedule(messageId, again);
    }
  }

  /** Sends what is new of `slots`, edits what changed, ends the polls revealed or left. */
  private async apply(roomId: string, messageId: string, slots: Slot[]): Promise<void> {
    await this.queue.run(roomId, async () => {
      const sent = new Map(this.o.state.slots(messageId).map((s) => [s.key, s]));
      for (const slot of slots) {
        const before = sent.get(slot.key);
        if (!before) {
          this.o.state.putSlot(messageId, await this.sendSlot(roomId, slot));
          continue;
        }
        const hash = hashOf(slot.out);
        if (slot.out.type === 'text' && hash !== before.hash) {
          await this.o.api.send(roomId, 'm.room.message', editOf(before.eventId, slot.out));
          this.o.state.putSlot(messageId, { ...before, hash });
        }
        if (slot.out.type === 'poll' && slot.ended && !before.ended) {
          await this.endPoll(roomId, messageId, before, slot.ended.text);
        }
      }
      // A poll of a step the message no longer shows (the part's message went on): closed.
      const keys = new Set(slots.map((s) => s.key));
      for (const before of sent.values()) {
        if (!keys.has(before.key) && before.key.startsWith('poll') && !before.ended) await this.endPoll(roomId, messageId, before, '');
      }
    });
  }

  private async endPoll(roomId: string, messageId: string, slot: SentSlot, text: string): Promise<void> {
    await this.o.api.send(roomId, POLL_END, pollEndContent(slot.eventId, text));
    this.o.state.putSlot(messageId, { ...slot, ended: true });
  }

  private async sendSlot(roomId: string, slot: Slot): Promise<SentSlot> {
    const { type, content } = eventOf(slot.out);
    const eventId = await this.o.api.send(roomId, type, content);
    if (slot.out.meta) this.o.state.putMeta(eventId, roomId, slot.out.meta);
    let ended = false;
    if (slot.out.type === 'poll' && slot.ended) {
      await this.o.api.send(roomId, POLL_END, pollEndContent(eventId, slot.ended.text));
      ended = true;
    }
    return { key: slot.key, eventId, hash: hashOf(slot.out), ended };
  }

  /**
   * The facilitator's view of the menu (how to begin, the guide's advice) and of each step, in each
   * facilitator's direct-message room, kept up to date with the room's.
   */
  private async guide(to: Address, messageId: string, scene: Extract<Scene, { kind: 'step' | 'menu' }>): Promise<void> {
    if (scene.viewer.isFacilitator || scene.viewer.userId) return;
    const people = [scene.state.facilitatorId, ...(scene.state.coFacilitatorIds ?? [])];
    for (const person of new Set(people)) {
      try {
        const roomId = await this.o.api.directRoom(person);
        const viewer: Viewer = { ...this.o.facilitatorViewer?.(scene.state, person), isFacilitator: true, userId: person, locale: scene.viewer.locale };
        await this.apply(roomId, `guide:${person}:${messageId}`, this.render({ ...scene, viewer }, this.o.content));
      } catch (err) {
        // The room's message went out; the facilitator's guidance is told again at the next change.
        this.o.sink(err, { code: 'tchap-guide', messageId, conversationId: to.conversationId });
      }
    }
  }

  /** A step whose countdown runs is shown again every minute (the minutes left), until it stops. */
  private tick(to: Address, messageId: string, scene: Scene, render: () => Promise<Scene | undefined>): void {
    this.stopTick(messageId);
    if (this.closed || scene.kind !== 'step') return;
    const timer = scene.state.timer;
    if (!timer || timer.stepId !== scene.step.id || !timer.dueAt || timer.firedAt || scene.state.status !== 'running') return;
    const handle = setTimeout(() => {
      this.ticks.delete(messageId);
      this.update(to, messageId, render);
    }, this.o.tickMs ?? 60_000);
    handle.unref();
    this.ticks.set(messageId, handle);
  }

  private stopTick(messageId: string): void {
    const handle = this.ticks.get(messageId);
    if (handle) clearTimeout(handle);
    this.ticks.delete(messageId);
  }

  /** The café board as a room widget (where Barista may set it), once per café. */
  private async offerWidget(roomId: string, cafeId: string): Promise<void> {
    const url = this.o.boardLink?.(cafeId);
    if (!url || this.widgets.has(cafeId)) return;
    this.widgets.add(cafeId);
    const id = `barista-${cafeId}`;
    try {
      await this.o.api.setState(roomId, WIDGET, id, { id, type: 'm.custom', url, name: 'Barista', data: { title: 'Café' } });
    } catch (err) {
      this.o.sink(err, { code: 'tchap-widget', conversationId: roomId });
    }
  }
}
