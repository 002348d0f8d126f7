import { randomUUID } from 'node:crypto';
import type { Locale } from '../../domain/types';
import { t, type MessageId } from '../../i18n';
import type { WebNotice } from '../../web/contract';
import type { Address, ChannelPort, Person, Scene } from '../port';
import { chatToPlain } from './plain';

export interface WebChannelOptions {
  /** A web café's conversation changed (a message posted or updated, a notice): its pages refresh. */
  onChange(conversationId: string): void;
  /** Who is on the café's pages now (a video's expected finishers), when known. */
  members(conversationId: string): string[] | undefined;
  now?: () => number;
  newId?: () => string;
  /** Notices kept per conversation (the newest; default 30). */
  keep?: number;
  /** Conversations whose notices are kept (the oldest are forgotten first; default 10,000). */
  conversations?: number;
}

interface Kept extends WebNotice {
  /** A reply to one person: only they (and nobody else) see it. */
  to?: string;
}

const KEEP = 30;
const CONVERSATIONS = 10_000;
/** A private notice and the public one with the same words, this close together, are one message. */
const TWIN_MS = 10_000;

/**
 * The web channel: a web café has no chat to post cards into. Its pages read the café from the
 * store and render it themselves (src/web/view.ts), so posting or updating a "message" only tells
 * them to refresh; Barista's chat messages become the pages' notices, kept in memory (the newest
 * few per café: what a page shows under the step). A restart forgets the notices, never a vote.
 */
export class WebChannel implements ChannelPort {
  private readonly kept = new Map<string, Kept[]>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly o: WebChannelOptions) {
    this.now = o.now ?? Date.now;
    this.newId = o.newId ?? randomUUID;
  }

  async post(to: Address, _scene: Scene): Promise<string | undefined> {
    this.o.onChange(to.conversationId);
    return `web:${this.newId()}`;
  }

  update(to: Address, _messageId: string, _render: () => Promise<Scene | undefined>, done?: () => void): void {
    // The pages render from the store: the request is carried out once they are told.
    this.o.onChange(to.conversationId);
    done?.();
  }

  async delete(): Promise<void> {
    // Nothing is posted anywhere: erasing the café from the store is erasing it from the pages.
  }

  async say(to: Address, text: string): Promise<void> {
    const plain = chatToPlain(text);
    // The console shows every public notice: the private one that went with it is dropped.
    const list = this.kept.get(to.conversationId);
    if (list) {
      const twin = list.findIndex((n) => n.private && n.text === plain && this.now() - n.at < TWIN_MS);
      if (twin >= 0) list.splice(twin, 1);
    }
    this.add(to.conversationId, { text: plain, private: false });
  }

  async reply(to: Address, person: Person, text: string): Promise<void> {
    this.add(to.conversationId, { text: chatToPlain(text), private: false, to: person.id });
  }

  async notifyFacilitators(to: Address, _recipients: string[], key: string, locale: Locale): Promise<void> {
    const text = chatToPlain(t(locale, key as MessageId));
    // Teams notifies privately *and* says it in the chat; the console already shows what was said.
    if (this.kept.get(to.conversationId)?.some((n) => !n.private && n.text === text && this.now() - n.at < TWIN_MS)) return;
    this.add(to.conversationId, { text, private: true });
  }

  async members(to: Address): Promise<string[] | undefined> {
    return this.o.members(to.conversationId);
  }

  async flush(): Promise<void> {
    // Every call above is done when it returns.
  }

  /**
   * The notices a viewer of the conversation may read, oldest first: the public ones, the replies
   * to them, and the private ones when they facilitate.
   */
  notices(conversationId: string, viewer: { id: string; facilitator: boolean }): WebNotice[] {
    return (this.kept.get(conversationId) ?? [])
      .filter((n) => (n.to === undefined || n.to === viewer.id) && (!n.private || viewer.facilitator))
      .map(({ to: _to, ...notice }) => notice);
  }

  /** Forgets a conversation's notices (its café was erased). */
  forget(conversationId: string): void {
    this.kept.delete(conversationId);
  }

  private add(conversationId: string, notice: Omit<Kept, 'id' | 'at'>): void {
    let list = this.kept.get(conversationId);
    if (list) this.kept.delete(conversationId);
    else {
      list = [];
      if (this.kept.size >= (this.o.conversations ?? CONVERSATIONS)) this.kept.delete(this.kept.keys().next().value!);
    }
    // Re-inserted: the map's order is the conversations' last notice, the oldest first.
    this.kept.set(conversationId, list);
    list.push({ id: this.newId(), at: this.now(), ...notice });
    if (list.length > (this.o.keep ?? KEEP)) list.splice(0, list.length - (this.o.keep ?? KEEP));
    this.o.onChange(conversationId);
  }
}
