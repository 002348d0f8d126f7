import type { ActionData } from '../../src/cards/actions';

/**
 * A person in a Teams group chat, as the bot sees them: builds the activities Teams would POST
 * to /api/messages (a message that @mentions Barista, an Action.Execute invoke, an Action.Submit
 * fallback) and posts them to the real server.
 */
export interface Chat {
  botUrl: string;
  serviceUrl: string;
  conversationId: string;
  botId?: string;
}

let seq = 0;

export class TeamsUser {
  constructor(readonly chat: Chat, readonly id: string, readonly name: string, readonly locale = 'fr-FR') {}

  private base(type: string) {
    return {
      type,
      id: `act-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
      channelId: 'msteams',
      serviceUrl: this.chat.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: this.locale,
      from: { id: this.id, name: this.name, aadObjectId: `aad-${this.id}` },
      recipient: { id: this.chat.botId ?? '28:barista', name: 'Barista' },
      conversation: { id: this.chat.conversationId, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
    };
  }

  /** `@Barista <text>` as Teams sends it. */
  messageActivity(text: string) {
    const botId = this.chat.botId ?? '28:barista';
    return {
      ...this.base('message'),
      text: `<at>Barista</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Barista</at>', mentioned: { id: botId, name: 'Barista' } }],
    };
  }

  invokeActivity(data: Partial<ActionData> & Record<string, unknown>) {
    const { verb, ...rest } = data as { verb?: string };
    return {
      ...this.base('invoke'),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...rest } }, trigger: 'manual' },
    };
  }

  submitActivity(data: Record<string, unknown>) {
    return { ...this.base('message'), value: data };
  }

  async say(text: string): Promise<Response> {
    return this.post(this.messageActivity(text));
  }

  /** Presses an Action.Execute button; returns Teams' invoke response body. */
  async press(data: Partial<ActionData> & Record<string, unknown>): Promise<InvokeBody> {
    return this.pressRaw(this.invokeActivity(data));
  }

  async pressRaw(activity: unknown): Promise<InvokeBody> {
    const res = await this.post(activity);
    if (res.status !== 200) throw new Error(`invoke answered ${res.status}`);
    return (await res.json()) as InvokeBody;
  }

  async submit(data: Record<string, unknown>): Promise<Response> {
    return this.post(this.submitActivity(data));
  }

  post(activity: unknown): Promise<Response> {
    return fetch(`${this.chat.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  }
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}
