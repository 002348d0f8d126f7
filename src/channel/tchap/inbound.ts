import { EventType, MatrixEventEvent, RoomEvent, RoomMemberEvent, type MatrixClient, type MatrixEvent, type Room, type RoomMember } from 'matrix-js-sdk';
import type { Input } from '../../bot/parse';
import type { TurnPipeline } from '../../bot/turn/pipeline';
import { KeyedQueue } from '../../bot/keyedQueue';
import type { Content } from '../../content/schema';
import type { Actor, Locale } from '../../domain/types';
import type { ErrorSink } from '../../errors';
import { t } from '../../i18n';
import type { CafeStore } from '../../store/port';
import type { Address, Reply } from '../port';
import type { TchapChannel } from './channel';
import type { BotIdentity } from './commands';
import { matrixText } from './html';
import { parseEvent, readEvent, type ReadEvent } from './events';
import { intentOf, type IntentContext } from './intents';
import { roleOf } from './roles';
import { roomReady } from './roomReady';
import type { TchapState } from './state';

export interface TchapInboundDeps {
  client: MatrixClient;
  pipeline: TurnPipeline;
  channel: TchapChannel;
  state: TchapState;
  store: CafeStore;
  content: Content;
  sink: ErrorSink;
  /** The homeserver's address (the café's `serviceUrl`). */
  baseUrl: string;
  /** Barista's display name in the rooms (what people mention). */
  displayName: string;
  /** Homeservers whose people may invite Barista and use it (their server names); empty: any. */
  allowedHomeservers?: string[];
  /** The language Barista speaks to people who start a café here (Matrix does not say a person's). */
  locale?: Locale;
  /** How long an encrypted event may wait for its keys (default 60 s). */
  decryptWaitMs?: number;
  now?: () => number;
}

/** Verbs that are a person's own answer: their reply is the poll or thread itself, not a card. */
const ANSWERS = new Set(['vote', 'pick', 'done', 'postit', 'argument', 'answer', 'feedback', 'register', 'refresh']);
const FIRST_START = 'first-start';
const CONFIRMATION_MS = 10 * 60_000;

function serverOf(userId: string): string {
  return userId.slice(userId.indexOf(':') + 1).toLowerCase();
}

/**
 * Tchap's side of a turn: the sync's events, decrypted, read by zod (`events.ts`), turned into the
 * pipeline's input (`intents.ts`: `!commands`, polls, thread replies, reactions) with the person
 * (their Matrix id and display name) and their room role (power levels), the pipeline run, and its
 * reply given back the Matrix way (refusals privately, in Barista's direct-message room with them).
 * Every event is handled once: marked in the state file when done, and skipped when met again (a
 * sync resumed from an older position, a restart).
 */
export class TchapInbound {
  private readonly queue = new KeyedQueue();
  private readonly pendingConfirm = new Map<string, NonNullable<IntentContext['pending']>>();
  private readonly waiting = new Set<string>();
  private readonly bot: BotIdentity;
  private readonly now: () => number;
  private readonly since: number;
  private started = false;

  constructor(private readonly deps: TchapInboundDeps) {
    this.bot = { userId: deps.client.getUserId()!, displayName: deps.displayName };
    this.now = deps.now ?? Date.now;
    // Events from before Barista first ran here are the rooms' history, never commands to it.
    const first = deps.state.first(FIRST_START);
    this.since = first ?? this.now();
    if (first === undefined) deps.state.setFirst(FIRST_START, this.since);
  }

  /** Listens to the client's sync (call before `startClient`). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.deps.client.on(RoomEvent.Timeline, this.onTimeline);
    this.deps.client.on(RoomMemberEvent.Membership, this.onMembership);
  }

  stop(): void {
    this.deps.client.removeListener(RoomEvent.Timeline, this.onTimeline);
    this.deps.client.removeListener(RoomMemberEvent.Membership, this.onMembership);
    this.started = false;
  }

  /** Waits until every event received so far was handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private readonly onTimeline = (event: MatrixEvent, room: Room | undefined, toStart: boolean | undefined): void => {
    if (toStart || !room) return;
    const id = event.getId();
    if (!id || id.startsWith('~') || event.getSender() === this.bot.userId) return;
    if (event.getTs() < this.since - 60_000) return;
    void this.queue.run(room.roomId, () => this.handle(event, room)).catch((err) => this.deps.sink(err, { code: 'tchap-inbound', eventId: id }));
  };

  private readonly onMembership = (event: MatrixEvent, member: RoomMember): void => {
    if (member.userId !== this.bot.userId || member.membership !== 'invite') return;
    const inviter = event.getSender() ?? '';
    void this.queue.run(member.roomId, () => this.answerInvite(member.roomId, inviter)).catch((err) => this.deps.sink(err, { code: 'tchap-invite', conversationId: member.roomId }));
  };

  private allowed(userId: string): boolean {
    const allowed = this.deps.allowedHomeservers ?? [];
    return !allowed.length || allowed.includes(serverOf(userId));
  }

  /** Invited to a room: joins it when the inviter's homeserver is allowed (and says how to start), else declines. */
  private async answerInvite(roomId: string, inviter: string): Promise<void> {
    if (!this.allowed(inviter)) {
      await this.deps.client.leave(roomId).catch(() => undefined);
      return;
    }
    await this.deps.client.joinRoom(roomId);
    await roomReady(this.deps.client, roomId);
    await this.deps.client.sendEvent(roomId, EventType.RoomMessage, matrixText(t(this.deps.locale ?? 'fr', 'tchap.hello')) as never);
  }

  private async decrypted(event: MatrixEvent): Promise<boolean> {
    await this.deps.client.decryptEventIfNeeded(event);
    if (!event.isDecryptionFailure() && !event.isBeingDecrypted()) return true;
    // The keys may come a little later (another to-device message): waited for, a while.
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        event.removeListener(MatrixEventEvent.Decrypted, onDecrypted);
        resolve(false);
      }, this.deps.decryptWaitMs ?? 60_000);
      timer.unref();
      const onDecrypted = (e: MatrixEvent): void => {
        if (e.isDecryptionFailure()) return;
        clearTimeout(timer);
        event.removeListener(MatrixEventEvent.Decrypted, onDecrypted);
        resolve(true);
      };
      event.on(MatrixEventEvent.Decrypted, onDecrypted);
    });
  }

  private async handle(event: MatrixEvent, room: Room): Promise<void> {
    const eventId = event.getId()!;
    if (this.deps.state.isHandled(eventId) || this.waiting.has(eventId)) return;
    this.waiting.add(eventId);
    try {
      if (!(await this.decrypted(event))) {
        this.deps.sink(new Error('an event stayed undecryptable'), { code: 'tchap-undecryptable', eventId, conversationId: room.roomId });
        return;
      }
      const raw = parseEvent({ type: event.getType(), event_id: eventId, sender: event.getSender(), room_id: room.roomId, origin_server_ts: event.getTs(), content: event.getContent(), unsigned: event.getUnsigned() });
      if (!raw) return this.deps.state.markHandled(eventId);
      const read = readEvent(raw, this.bot.userId);
      if (read.kind === 'ignore') return this.deps.state.markHandled(eventId);
      await this.turn(read, raw.sender, eventId, raw.origin_server_ts, room);
      this.deps.state.markHandled(eventId);
    } finally {
      this.waiting.delete(eventId);
    }
  }

  private async turn(read: Exclude<ReadEvent, { kind: 'ignore' }>, sender: string, eventId: string, at: number, room: Room): Promise<void> {
    const roomId = room.roomId;
    const targetId = read.kind === 'message' ? read.thread ?? read.replyTo : read.kind === 'reaction' ? read.to : read.pollEventId;
    const marked = targetId ? this.deps.state.meta(targetId) : undefined;
    const cafe = await this.deps.store.getActive(roomId);
    const pending = this.pendingOf(roomId);
    const ctx: IntentContext = {
      bot: this.bot,
      content: this.deps.content,
      ...(cafe ? { cafe } : {}),
      // Only Barista's own events of this room carry a meaning: anything else is not an answer.
      ...(marked && marked.roomId === roomId ? { target: marked.meta } : {}),
      ...(pending ? { pending } : {}),
      mentioned: read.kind === 'message' ? read.mentions.filter((id) => id !== this.bot.userId).map((id) => ({ id, name: room.getMember(id)?.name ?? id })) : [],
    };
    if (cafe && marked?.meta.takes?.startsWith('feedback') && marked.meta.step) {
      const mine = (await this.deps.store.listContributions(cafe.id, marked.meta.step)).find((c) => c.kind === 'feedback' && c.userId === sender);
      if (mine && mine.value.kind === 'feedback') {
        const { kind: _kind, ...answers } = mine.value;
        ctx.myFeedback = answers;
      }
    }
    const input = intentOf(read, ctx);
    if (!input) return;
    const actor: Actor = { id: sender, name: room.getMember(sender)?.name ?? sender, locale: cafe?.locale ?? this.deps.locale ?? 'fr' };
    const address: Address = { conversationId: roomId, serviceUrl: this.deps.baseUrl, botId: this.bot.userId, channelId: 'tchap' };
    if (!this.allowed(sender)) {
      await this.deps.channel.reply(address, actor, t(actor.locale, 'tenantNotAllowed'));
      return;
    }
    const reply = await this.deps.pipeline.run({
      input,
      actor,
      address,
      activityId: eventId,
      at,
      meetingRole: async () => roleOf(room.currentState.getStateEvents(EventType.RoomPowerLevels, '')?.getContent(), sender),
    });
    await this.answer(reply, input, read, address, actor, eventId);
  }

  private pendingOf(roomId: string): IntentContext['pending'] {
    const p = this.pendingConfirm.get(roomId);
    if (!p) return undefined;
    const fresh = (at?: number): boolean => at !== undefined && this.now() - at < CONFIRMATION_MS;
    const out: NonNullable<IntentContext['pending']> = {
      ...(p.end && fresh(p.end.at) ? { end: p.end } : {}),
      ...(p.erase && fresh(p.erase.at) ? { erase: p.erase } : {}),
    };
    return out.end || out.erase ? out : undefined;
  }

  /** The pipeline's answer, the Matrix way. */
  private async answer(reply: Reply, input: Input, read: ReadEvent, address: Address, actor: Actor, eventId: string): Promise<void> {
    if (!reply) return;
    if ('message' in reply) {
      await this.deps.channel.reply(address, actor, reply.message);
      return;
    }
    const scene = reply.scene;
    if (input.kind === 'action' && ANSWERS.has(input.data.verb)) {
      // The person's answer is in the poll or the thread already: a ✓ on what they wrote says it was taken.
      if (read.kind === 'message') await this.deps.client.sendEvent(address.conversationId, EventType.Reaction, { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key: '✅' } } as never).catch(() => undefined);
      return;
    }
    if (scene.kind === 'end-confirm' && !scene.outcome) this.pendingConfirm.set(address.conversationId, { ...this.pendingConfirm.get(address.conversationId), end: { at: scene.at, ...(scene.step ? { step: scene.step } : {}) } });
    if (scene.kind === 'erase-confirm') this.pendingConfirm.set(address.conversationId, { ...this.pendingConfirm.get(address.conversationId), erase: { at: scene.at } });
    if (scene.kind === 'end-confirm' && scene.outcome) this.clearPending(address.conversationId, 'end');
    if (scene.kind === 'erased') this.clearPending(address.conversationId, 'erase');
    // The help is the asker's: in their direct messages, the room stays readable.
    if (scene.kind === 'help') {
      const dm = await this.deps.channel.directAddress(address, actor.id);
      await this.deps.channel.post(dm, scene);
      return;
    }
    await this.deps.channel.post(address, scene);
  }

  private clearPending(roomId: string, which: 'end' | 'erase'): void {
    const p = this.pendingConfirm.get(roomId);
    if (!p) return;
    delete p[which];
    if (!p.end && !p.erase) this.pendingConfirm.delete(roomId);
  }
}
