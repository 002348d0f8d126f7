import type { Locale } from '../domain/types';
import type { Address, ChannelPort, Person, Scene } from './port';

export interface ChannelRouterOptions {
  /** The channels by the address's channelId ('web', later Tchap's). */
  byChannelId: Record<string, ChannelPort>;
  /** Every other address (Teams: 'msteams', and the Agents Playground's 'emulator'/'test'). */
  fallback: ChannelPort;
}

/**
 * One channel port over several channels: each call goes to the channel of its address. The turn
 * pipeline and the outbox see one port, as before; a café's messages go where its address says
 * (a Teams café to Teams, a web café to its pages), whatever door the person acting came through.
 */
export class ChannelRouter implements ChannelPort {
  private readonly ports: ChannelPort[];

  constructor(private readonly o: ChannelRouterOptions) {
    this.ports = [...new Set([o.fallback, ...Object.values(o.byChannelId)])];
  }

  /** The channel of an address (own keys only: a channelId like 'constructor' is not a channel). */
  channelOf(to: Pick<Address, 'channelId'>): ChannelPort {
    return Object.hasOwn(this.o.byChannelId, to.channelId) ? this.o.byChannelId[to.channelId]! : this.o.fallback;
  }

  post(to: Address, scene: Scene): Promise<string | undefined> {
    return this.channelOf(to).post(to, scene);
  }

  update(to: Address, messageId: string, render: () => Promise<Scene | undefined>, done?: () => void): void {
    this.channelOf(to).update(to, messageId, render, done);
  }

  delete(to: Address, messageId: string): Promise<void> {
    return this.channelOf(to).delete(to, messageId);
  }

  say(to: Address, text: string): Promise<void> {
    return this.channelOf(to).say(to, text);
  }

  reply(to: Address, person: Person, text: string): Promise<void> {
    return this.channelOf(to).reply(to, person, text);
  }

  notifyFacilitators(to: Address & { meetingId?: string }, recipients: string[], key: string, locale: Locale): Promise<void> {
    return this.channelOf(to).notifyFacilitators(to, recipients, key, locale);
  }

  members(to: Address): Promise<string[] | undefined> {
    return this.channelOf(to).members(to);
  }

  /** Waits for every channel's queued calls (each channel once). */
  async flush(): Promise<void> {
    await Promise.all(this.ports.map((p) => p.flush()));
  }
}
