import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../../src/config';
import { startBarista, type Barista, type StartOptions } from '../../src/server';
import { FakeConnector, type FakeConnectorOptions, type RecordedActivity } from '../support/fakeConnector';
import { TeamsUser, type Chat, type InvokeBody } from '../support/teamsUser';

/** Barista's real restify server and CloudAdapter (anonymous mode) wired to a fake Bot Connector. */
export class Stack {
  connector!: FakeConnector;
  app!: Barista;
  chat!: Chat;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'barista-it-'));

  constructor(
    readonly conversationId = `19:meeting_${Math.random().toString(36).slice(2)}@thread.v2`,
    readonly meetingId?: string,
    readonly overrides: Partial<Config> = {},
    /** More of startBarista's options (e.g. the single sign-on verifier). */
    readonly options: Omit<StartOptions, 'config' | 'logger'> = {},
  ) {}

  async start(connectorOptions: FakeConnectorOptions = {}): Promise<this> {
    this.connector = new FakeConnector(connectorOptions);
    await this.connector.start();
    await this.startBot();
    return this;
  }

  config(): Config {
    return {
      port: 0, host: '127.0.0.1', appId: '', appPassword: '', appType: 'MultiTenant', appTenantId: '',
      localMode: true, dataDir: this.dataDir, videoLinks: {}, logLevel: 'silent',
      ...this.overrides,
    };
  }

  async startBot(): Promise<void> {
    this.app = await startBarista({ ...this.options, config: this.config(), logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) });
    this.chat = { botUrl: this.app.url, serviceUrl: this.connector.url, conversationId: this.conversationId, meetingId: this.meetingId };
  }

  /** Stops the bot as a deployment would (the data folder stays), and starts it again. */
  async restartBot(): Promise<void> {
    await this.app.stop();
    await this.startBot();
  }

  user(id: string, name: string, locale?: string): TeamsUser {
    return new TeamsUser(this.chatProxy(), id, name, locale);
  }

  /** Users keep working across restarts: the chat's bot URL follows the running bot. */
  private chatProxy(): Chat {
    const stack = this;
    return {
      get botUrl() { return stack.chat.botUrl; },
      get serviceUrl() { return stack.chat.serviceUrl; },
      get conversationId() { return stack.chat.conversationId; },
      get meetingId() { return stack.chat.meetingId; },
    };
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.connector?.stop();
  }

  /** Messages posted in the chat, with their latest content (after updates). */
  messages(): RecordedActivity[] {
    return this.connector.sent(this.conversationId).map((a) => this.connector.latest(this.conversationId, a.id) ?? a);
  }

  texts(): string[] {
    return this.connector.sent(this.conversationId).map((a) => a.text ?? '').filter(Boolean);
  }

  /** Waits until the chat has a message (card or text) whose JSON contains `needle`. */
  async waitForMessage(needle: string, timeoutMs = 8000): Promise<RecordedActivity> {
    let found: RecordedActivity | undefined;
    await this.connector.waitFor(() => {
      found = this.messages().find((m) => JSON.stringify(m).includes(needle));
      return !!found;
    }, timeoutMs).catch(() => {
      throw new Error(`no message with « ${needle} » in:\n${this.messages().map((m) => cardText(m).slice(0, 200)).join('\n---\n')}`);
    });
    return found!;
  }

  /**
   * /fin, then the facilitator's answer on the confirmation card Barista posts (its own button's
   * data): `end` (end without the feedback poll, or once it was asked), `feedback` (ask it first).
   */
  async endCafe(user: TeamsUser, confirm: 'end' | 'feedback' = 'end'): Promise<InvokeBody> {
    const confirmations = () => this.messages().filter((m) => JSON.stringify(m).includes('"confirm":"cancel"'));
    const before = confirmations().length;
    await user.say('/fin');
    await this.connector.waitFor(() => confirmations().length > before, 8000);
    let data: Record<string, unknown> | undefined;
    const visit = (node: unknown): void => {
      if (data || !node || typeof node !== 'object') return;
      const d = (node as { data?: Record<string, unknown> }).data;
      if (d && d.verb === 'end' && d.confirm === confirm) data = d;
      for (const v of Object.values(node)) visit(v);
    };
    visit(confirmations().at(-1));
    if (!data) throw new Error(`no « ${confirm} » button on the confirmation card`);
    return user.press(data);
  }

  async cafe() {
    const c = await this.app.store.getActive(this.conversationId);
    if (!c) throw new Error('no active café');
    return c;
  }
}

/** Every text of a card or a message, for assertions that read like what people see. */
export function cardText(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k === 'text' || k === 'title' || k === 'body' || k === 'items' || k === 'columns' || k === 'attachments' || k === 'content' || k === 'actions' || k === 'card' || k === 'facts' || k === 'value' || k === 'inlines' || k === 'choices') walk(x);
    }
  };
  walk(value);
  return out.join('\n');
}
