import type { Address, ChannelPort, Person, Scene } from '../../src/channel/port';
import type { Locale } from '../../src/domain/types';

/** One call a channel was asked to make. */
export type ChannelCall =
  | { op: 'post'; to: string; id: string; scene: Scene }
  | { op: 'update'; to: string; id: string; scene: Scene }
  | { op: 'delete'; to: string; id: string }
  | { op: 'say'; to: string; text: string }
  | { op: 'reply'; to: string; person: Person; text: string }
  | { op: 'notify'; to: string; meetingId?: string; recipients: string[]; key: string; locale: Locale };

/**
 * A channel that records what the pipeline asks of it, for the pipeline's and the routes' unit
 * tests. Updates are merged per message as a real channel does: `flush()` renders each pending
 * message once (the latest request wins) and records the update.
 */
export class FakeChannel implements ChannelPort {
  readonly calls: ChannelCall[] = [];
  private seq = 0;
  private readonly pending = new Map<string, { to: string; render: () => Promise<Scene | undefined>; done: Array<() => void> }>();

  async post(to: Address, scene: Scene): Promise<string | undefined> {
    const id = `m${++this.seq}`;
    this.calls.push({ op: 'post', to: to.conversationId, id, scene });
    return id;
  }

  update(to: Address, messageId: string, render: () => Promise<Scene | undefined>, done?: () => void): void {
    const waiting = this.pending.get(messageId)?.done ?? [];
    this.pending.set(messageId, { to: to.conversationId, render, done: done ? [...waiting, done] : waiting });
  }

  async delete(to: Address, messageId: string): Promise<void> {
    this.calls.push({ op: 'delete', to: to.conversationId, id: messageId });
  }

  async say(to: Address, text: string): Promise<void> {
    this.calls.push({ op: 'say', to: to.conversationId, text });
  }

  async reply(to: Address, person: Person, text: string): Promise<void> {
    this.calls.push({ op: 'reply', to: to.conversationId, person, text });
  }

  async notifyFacilitators(to: Address & { meetingId?: string }, recipients: string[], key: string, locale: Locale): Promise<void> {
    this.calls.push({ op: 'notify', to: to.conversationId, meetingId: to.meetingId, recipients, key, locale });
  }

  /**
   * The conversations' members: `setMembers` gives a chat its roster; a chat without one (and no
   * `defaultMembers`) answers like a channel that cannot read it.
   */
  private readonly rosters = new Map<string, string[]>();
  defaultMembers: string[] | undefined;

  setMembers(conversationId: string, ids: string[] | undefined): void {
    if (ids) this.rosters.set(conversationId, ids);
    else this.rosters.delete(conversationId);
  }

  async members(to: Address): Promise<string[] | undefined> {
    const ids = this.rosters.get(to.conversationId) ?? this.defaultMembers;
    return ids?.filter((id) => id !== to.botId);
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = [...this.pending];
      this.pending.clear();
      for (const [id, { to, render, done }] of batch) {
        const scene = await render();
        if (scene) this.calls.push({ op: 'update', to, id, scene });
        for (const d of done) d();
      }
    }
  }

  /** Calls of one kind. */
  of<K extends ChannelCall['op']>(op: K): Array<Extract<ChannelCall, { op: K }>> {
    return this.calls.filter((c): c is Extract<ChannelCall, { op: K }> => c.op === op);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
