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
  /** A meeting chat: Teams adds the meeting's id to every activity's channelData. */
  meetingId?: string;
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
      ...(this.chat.meetingId ? { channelData: { meeting: { id: this.chat.meetingId }, tenant: { id: 'tenant-1' } } } : {}),
    };
  }

  /** `@Barista <text>` as Teams sends it; `mentions` are other people @mentioned after the text. */
  messageActivity(text: string, mentions: Array<{ id: string; name: string }> = []) {
    const botId = this.chat.botId ?? '28:barista';
    return {
      ...this.base('message'),
      text: `<at>Barista</at> ${text}${mentions.map((m) => ` <at>${m.name}</at>`).join('')}`,
      entities: [
        { type: 'mention', text: '<at>Barista</at>', mentioned: { id: botId, name: 'Barista' } },
        ...mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
      ],
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

  async say(text: string, mentions: Array<{ id: string; name: string }> = []): Promise<Response> {
    return this.post(this.messageActivity(text, mentions));
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
