import type { Activity } from 'botbuilder';
import type { Content } from '../../content/schema';
import type { Locale } from '../../domain/types';
import { BaristaError, type ErrorSink } from '../../errors';
import { t, type MessageId } from '../../i18n';
import { statusOf } from './outbound';
import type { OutboundPort } from './outboundPort';
import type { Address, ChannelPort, Person, Scene } from '../port';
import type { Gateway } from './gateway';
import { cardActivity, renderScene } from './render';

export interface TeamsChannelDeps {
  gateway: Gateway;
  outbound: OutboundPort;
  content: Content;
  sink: ErrorSink;
  /** Barista's public https address, for the page an in-meeting notification shows. */
  publicUrl?: string;
  /** How many posted cards' last shown JSON is remembered (to skip updates that change nothing). */
  rememberCards?: number;
  /**
   * Skip an update that would show what this process last sent (default true). Only when this
   * process is the only one that updates the chat's cards: with several instances another one
   * may have changed the card since, and what this process remembers is no longer what Teams shows.
   */
  skipUnchanged?: boolean;
  /** How long a conversation's roster is kept (default 5 minutes; joins and leaves forget it at once). */
  membersTtlMs?: number;
  now?: () => number;
}

const REMEMBERED_CARDS = 20_000;
const MEMBERS_TTL_MS = 5 * 60_000;
/** A roster that could not be read is not asked for again before this long. */
const MEMBERS_RETRY_MS = 60_000;
const REMEMBERED_ROSTERS = 5_000;

/**
 * The Teams channel: scenes rendered to Adaptive Cards (src/cards), every call through Outbound
 * (paced to Teams' limits, retried, card updates merged). It remembers what each posted card
 * shows, so an update that would show the same card again is not sent: after a post, after a
 * change that does not show (a vote changed back), after a repeated request.
 */
export class TeamsChannel implements ChannelPort {
  /** messageId → the JSON of the card Teams shows (as last posted or updated by this process). */
  private readonly shown = new Map<string, string>();
  private readonly json = new WeakMap<Partial<Activity>, string>();
  private readonly warned = new Set<string>();
  private readonly limit: number;
  /** conversationId → its members (Barista aside) as last read, or undefined when Teams would not say; and when. */
  /** Conversations where Teams refused a targeted message: replies there are chat messages. */
  private readonly noTargeted = new Set<string>();
  private readonly rosters = new Map<string, { at: number; ids: Promise<string[] | undefined> }>();

  constructor(private readonly deps: TeamsChannelDeps) {
    this.limit = deps.rememberCards ?? REMEMBERED_CARDS;
  }

  async post(to: Address, scene: Scene): Promise<string | undefined> {
    const card = renderScene(scene, this.deps.content);
    const order = orderOf(scene);
    const id = await this.deps.outbound.send(to, () => this.deps.gateway.send(to, cardActivity(card)), order ? { order } : undefined);
    if (id) this.remember(id, JSON.stringify(card));
    return id;
  }

  update(to: Address, messageId: string, render: () => Promise<Scene | undefined>, done?: () => void): void {
    this.deps.outbound.update(
      to,
      messageId,
      async () => {
        const scene = await render();
        if (!scene) return undefined;
        const card = renderScene(scene, this.deps.content);
        const json = JSON.stringify(card);
        // Teams already shows this card: no call.
        if (this.deps.skipUnchanged !== false && this.shown.get(messageId) === json) return undefined;
        const activity = cardActivity(card);
        this.json.set(activity, json);
        return activity;
      },
      async (activity) => {
        await this.deps.gateway.update(to, messageId, activity);
        const json = this.json.get(activity);
        if (json) this.remember(messageId, json);
      },
      done,
    );
  }

  async delete(to: Address, messageId: string): Promise<void> {
    this.shown.delete(messageId);
    await this.deps.outbound.send(to, () => this.deps.gateway.delete(to, messageId));
  }

  async say(to: Address, text: string): Promise<void> {
    await this.deps.outbound.send(to, () => this.deps.gateway.send(to, { type: 'message', text }));
  }

  /**
   * A reply to one person: a targeted message (only they see it) where Teams offers them; where it
   * refuses (a 4xx: not offered in this conversation, preview not enabled), the chat message with
   * their mention, as before, and targeted messages are not tried again in that conversation.
   */
  async reply(to: Address, person: Person, text: string): Promise<void> {
    if (await this.targeted(to, person, text)) return;
    await this.mentionReply(to, person, text);
  }

  /** Sends a targeted message; false when Teams refused it or it failed (the caller falls back). */
  private async targeted(to: Address, person: Person, text: string): Promise<boolean> {
    if (!person.id || this.noTargeted.has(to.conversationId)) return false;
    try {
      await this.deps.outbound.send(to, () => this.deps.gateway.sendTargeted(to, person, { type: 'message', text }));
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
        this.noTargeted.add(to.conversationId);
        if (this.noTargeted.size > REMEMBERED_ROSTERS) this.noTargeted.delete(this.noTargeted.values().next().value!);
      }
      this.once('targeted-refused', () => this.deps.sink(new BaristaError('channel-failed', `targeted message refused (${status ?? 'no status'}): the chat message instead (logged once)`, err), { where: 'targeted' }));
      return false;
    }
  }

  private async mentionReply(to: Address, person: Person, text: string): Promise<void> {
    const mention = { type: 'mention', text: `<at>${escapeXml(person.name)}</at>`, mentioned: { id: person.id, name: person.name } };
    await this.deps.outbound.send(to, () =>
      this.deps.gateway.send(to, { type: 'message', text: person.name ? `${mention.text} ${text}` : text, entities: person.name ? [mention] : [] }),
    );
  }

  /**
   * A targeted in-meeting notification; outside a meeting, a targeted message to each facilitator.
   * Without PUBLIC_URL, or when Teams refuses (permission not granted, targeted messages not offered),
   * the chat message is all, and why is logged once.
   */
  async notifyFacilitators(to: Address & { meetingId?: string }, recipients: string[], key: string, locale: Locale): Promise<void> {
    const meetingId = to.meetingId;
    if (!meetingId) {
      // A group chat: a targeted message to each facilitator where Teams offers them (the chat
      // message everyone reads is said anyway: nothing is lost where it refuses).
      for (const id of recipients) await this.targeted(to, { id, name: '' }, t(locale, key as MessageId));
      return;
    }
    const base = this.deps.publicUrl;
    if (!base) {
      this.once('notify-off', () => this.deps.sink(new BaristaError('notify-off', 'PUBLIC_URL is not set: no in-meeting notifications, the chat message only'), { where: 'notify' }));
      return;
    }
    const url = `${base.replace(/\/$/, '')}/notice?m=${encodeURIComponent(key)}&l=${locale}`;
    try {
      await this.deps.outbound.send(to, () => this.deps.gateway.notify(to, meetingId, { recipients, title: 'Barista', url }));
    } catch (err) {
      this.once('notify-failed', () => this.deps.sink(new BaristaError('notify-refused', 'in-meeting notification refused: the chat message only (logged once)', err), { where: 'notify' }));
    }
  }

  /**
   * The conversation's members, Barista aside, read through Outbound (a roster read counts against
   * Teams' limits like any call; it does not wait behind the chat's queued messages) and kept
   * `membersTtlMs`; one read at a time per conversation. Never call it from a card's render (the
   * render holds the conversation's slot): read it before asking for the update. A
   * read that fails gives undefined (the views then claim nobody is "everyone"), logged once, and
   * is tried again after a minute.
   */
  members(to: Address): Promise<string[] | undefined> {
    const now = (this.deps.now ?? Date.now)();
    const kept = this.rosters.get(to.conversationId);
    if (kept && now - kept.at < (this.deps.membersTtlMs ?? MEMBERS_TTL_MS)) return kept.ids;
    const ids = this.deps.outbound
      .send(to, () => this.deps.gateway.members(to), { ordered: false })
      .then((all) => all.filter((id) => id !== to.botId))
      .catch((err) => {
        this.once('members-failed', () => this.deps.sink(new BaristaError('channel-failed', 'the conversation\'s members could not be read: nobody is counted as "everyone" (logged once)', err), { where: 'members' }));
        // Asked again in a minute rather than at every card.
        const failed = this.rosters.get(to.conversationId);
        if (failed) failed.at = (this.deps.now ?? Date.now)() - (this.deps.membersTtlMs ?? MEMBERS_TTL_MS) + MEMBERS_RETRY_MS;
        return undefined;
      });
    this.rosters.delete(to.conversationId);
    this.rosters.set(to.conversationId, { at: now, ids });
    if (this.rosters.size > REMEMBERED_ROSTERS) this.rosters.delete(this.rosters.keys().next().value!);
    return ids;
  }

  /** Someone joined or left the conversation (conversationUpdate): its roster is read again when next needed. */
  forgetMembers(conversationId: string): void {
    this.rosters.delete(conversationId);
  }

  flush(): Promise<void> {
    return this.deps.outbound.flush();
  }

  private remember(messageId: string, json: string): void {
    this.shown.delete(messageId);
    this.shown.set(messageId, json);
    // Oldest first out: a Map keeps insertion order.
    if (this.shown.size > this.limit) this.shown.delete(this.shown.keys().next().value!);
  }

  private once(key: string, report: () => void): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    report();
  }
}

/**
 * A posted card's place in its café, so that instances post a café's cards in the café's order:
 * the menu first, each part's card at its step's index in the plan, the recap last.
 */
function orderOf(scene: Scene): { key: string; rank: number } | undefined {
  switch (scene.kind) {
    case 'menu':
      return { key: scene.state.id, rank: -1 };
    case 'step': {
      const index = scene.state.steps.findIndex((s) => s.id === scene.step.id);
      return index < 0 ? undefined : { key: scene.state.id, rank: index };
    }
    case 'recap':
      return { key: scene.state.id, rank: scene.state.steps.length };
    default:
      return undefined;
  }
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
