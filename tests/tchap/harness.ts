import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClientEvent, EventType, MsgType, RoomEvent, RoomMemberEvent, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import pino from 'pino';
import type { Config } from '../../src/config';
import { META_KEY, type EventMeta, type Takes } from '../../src/channel/tchap/out';
import { POLL_END, POLL_RESPONSE, POLL_START } from '../../src/channel/tchap/polls';
import type { CafeState } from '../../src/domain/types';
import { startBarista, type Barista } from '../../src/server';
import { matrixClient, startSync } from '../support/matrix';
import { startSynapse, type Synapse, type SynapseUser } from '../support/synapse';

/** One of Barista's events as a participant's client received it (decrypted). */
export interface Seen {
  id: string;
  roomId: string;
  type: string;
  content: Record<string, unknown>;
  meta?: EventMeta;
  /** Its text, with its later edits applied (m.replace). */
  body: string;
}

/**
 * A person in the café's room: their own Matrix client (Rust crypto, in memory), what they saw of
 * Barista's (in the room and in their direct messages), and what they can do there: speak, answer
 * a poll, reply in a thread, react.
 */
export class MatrixPerson {
  readonly seen: Seen[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly client: MatrixClient, readonly user: SynapseUser, readonly barista: string) {
    client.on(RoomEvent.Timeline, (event: MatrixEvent) => {
      void client.decryptEventIfNeeded(event).then(() => this.record(event));
    });
    // Barista's direct messages: joined when it invites.
    client.on(RoomMemberEvent.Membership, (event: MatrixEvent, member) => {
      if (member.userId === user.userId && member.membership === 'invite' && event.getSender() === barista) void client.joinRoom(member.roomId).catch(() => undefined);
    });
  }

  get id(): string {
    return this.user.userId;
  }

  private record(event: MatrixEvent): void {
    if (event.getSender() !== this.barista || event.isDecryptionFailure()) return;
    const content = event.getContent();
    const relates = content['m.relates_to'] as { rel_type?: string; event_id?: string } | undefined;
    if (relates?.rel_type === 'm.replace' && relates.event_id) {
      const edited = this.seen.find((s) => s.id === relates.event_id);
      const next = content['m.new_content'] as { body?: string } | undefined;
      if (edited && next?.body) edited.body = next.body;
    } else {
      this.seen.push({
        id: event.getId()!, roomId: event.getRoomId()!, type: event.getType(), content,
        meta: content[META_KEY] as EventMeta | undefined,
        body: typeof content.body === 'string' ? content.body : JSON.stringify(content),
      });
    }
    for (const w of this.waiters) w();
  }

  /** Waits until Barista sent something `match` accepts; returns the newest such. */
  async waitFor(match: (s: Seen) => boolean, what: string, timeoutMs = 20_000): Promise<Seen> {
    const find = () => [...this.seen].reverse().find(match);
    const now = find();
    if (now) return now;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${this.id} did not see ${what} within ${timeoutMs} ms; last: ${this.seen.slice(-3).map((s) => `${s.type} ${s.body.slice(0, 120)}`).join(' || ')}`));
      }, timeoutMs);
      const check = (): void => {
        const found = find();
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
    });
  }

  /** Barista's event for a step that takes `takes` (its poll, its thread). */
  marked(step: string, takes: Takes): Promise<Seen> {
    return this.waitFor((s) => s.meta?.step === step && s.meta.takes === takes, `the ${takes} event of ${step}`);
  }

  async say(roomId: string, body: string, mentions?: string[]): Promise<string> {
    const res = await this.client.sendEvent(roomId, EventType.RoomMessage, { msgtype: MsgType.Text, body, ...(mentions ? { 'm.mentions': { user_ids: mentions } } : {}) } as never);
    return res.event_id;
  }

  async vote(roomId: string, poll: Seen, answer: string): Promise<string> {
    const res = await this.client.sendEvent(roomId, POLL_RESPONSE as never, { 'm.relates_to': { rel_type: 'm.reference', event_id: poll.id }, [POLL_RESPONSE]: { answers: [answer] } } as never);
    return res.event_id;
  }

  async thread(roomId: string, root: Seen, body: string): Promise<string> {
    const res = await this.client.sendEvent(roomId, EventType.RoomMessage, {
      msgtype: MsgType.Text, body,
      'm.relates_to': { rel_type: 'm.thread', event_id: root.id, is_falling_back: true, 'm.in_reply_to': { event_id: root.id } },
    } as never);
    return res.event_id;
  }

  async react(roomId: string, to: Seen, key = '✅'): Promise<void> {
    await this.client.sendEvent(roomId, EventType.Reaction, { 'm.relates_to': { rel_type: 'm.annotation', event_id: to.id, key } } as never);
  }

  /** What Barista told this person privately (their direct-message room). */
  direct(roomId: string): Seen[] {
    return this.seen.filter((s) => s.roomId !== roomId);
  }
}

export { POLL_END, POLL_START };

/**
 * A real Synapse on loopback, Barista (the real server: restify, the pipeline, SQLite, the Tchap
 * door) logged in as @barista, five people, and the café's encrypted room made by the first of
 * them (its admin: power 100), who invites the others and Barista.
 */
export class TchapStack {
  synapse!: Synapse;
  app!: Barista;
  people: MatrixPerson[] = [];
  roomId = '';
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'barista-tchap-'));
  private bot!: SynapseUser;

  async start(names = ['lea', 'karim', 'nina', 'omar', 'zoe']): Promise<this> {
    this.synapse = await startSynapse();
    this.bot = await this.synapse.registerUser('barista', 'barista-secret-password');
    await this.startBarista();
    for (const name of names) {
      const user = await this.synapse.registerUser(name, `${name}-password`);
      const client = matrixClient(this.synapse.url, user);
      await client.initRustCrypto({ useIndexedDB: false });
      this.people.push(new MatrixPerson(client, user, this.bot.userId));
    }
    await Promise.all(this.people.map((p) => startSync(p.client)));
    const [host, ...guests] = this.people;
    const { room_id: roomId } = await host!.client.createRoom({
      name: 'Café de la data',
      invite: [...guests.map((g) => g.id), this.bot.userId],
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    this.roomId = roomId;
    for (const g of guests) await g.client.joinRoom(roomId);
    // Barista joins by itself (the inviter's homeserver is allowed) and says hello.
    await host!.waitFor((s) => s.roomId === roomId && s.type === 'm.room.message', "Barista's hello", 30_000);
    return this;
  }

  config(): Config {
    return {
      port: 0, host: '127.0.0.1', appId: '', appPassword: '', appType: 'MultiTenant', appTenantId: '',
      localMode: false, teams: 'off', dataDir: this.dataDir, videoLinks: {}, logLevel: 'silent',
      tchap: {
        homeserverUrl: this.synapse.url, userId: this.bot.userId, password: 'barista-secret-password',
        allowedHomeservers: [this.synapse.serverName], displayName: 'Barista', locale: 'fr',
        statePath: path.join(this.dataDir, 'tchap.sqlite'),
      },
    };
  }

  async startBarista(): Promise<void> {
    this.app = await startBarista({ config: this.config(), logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }), tchapPacing: { editGapMs: 300, tickMs: 2000 } });
  }

  /** Stops Barista as a deployment would (its data folder and state file stay), and starts it again. */
  async restartBarista(): Promise<void> {
    await this.app.stop();
    await this.startBarista();
  }

  private cafeId?: string;

  /** The room's café: the running one, or the last one seen once it ended. */
  async cafe(): Promise<CafeState | undefined> {
    const active = await this.app.store.getActive(this.roomId);
    if (active) this.cafeId = active.id;
    return active ?? (this.cafeId ? this.app.store.get(this.cafeId) : undefined);
  }

  /** Waits until the café in the room satisfies `ok`. */
  async until(ok: (c: CafeState | undefined) => boolean, what: string, timeoutMs = 20_000): Promise<CafeState | undefined> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const c = await this.cafe();
      if (ok(c)) return c;
      if (Date.now() > end) throw new Error(`the café never got to: ${what} (status ${c?.status}, cursor ${c?.cursor})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.app?.stop().catch(() => undefined);
    for (const p of this.people) p.client.stopClient();
    await this.synapse?.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export { ClientEvent };
