import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import {
  AuthenticationConstants, ClaimsIdentity, TeamsConnectorClient, type BotFrameworkAuthentication, type ConnectorClient,
} from 'botframework-connector';
import type { CafeState } from '../../domain/types';
import { addRequestTimeout, disableSdkRetries } from './outbound';
import { sendTargeted } from './targeted';

/** Where a café's messages go: enough to reach the conversation proactively. */
export type Channel = Pick<CafeState, 'conversationId' | 'serviceUrl' | 'botId' | 'channelId' | 'tenantId'>;

/**
 * The Teams calls the bot makes, outside any turn: every send and update is proactive, so the
 * answer to an invoke never waits for them and a timer can send after a restart. Errors reach the
 * caller (Outbound), which retries 429/5xx and reports what finally fails.
 */
export interface Gateway {
  send(channel: Channel, activity: Partial<Activity>): Promise<string | undefined>;
  update(channel: Channel, activityId: string, activity: Partial<Activity>): Promise<void>;
  /** Removes one of Barista's messages from the conversation (/effacer). */
  delete(channel: Channel, activityId: string): Promise<void>;
  /** A targeted in-meeting notification (POST /v1/meetings/{meetingId}/notification). */
  notify(channel: Channel, meetingId: string, notification: MeetingNotice): Promise<void>;
  /**
   * A member of the conversation by Teams or Entra (AAD) object id, or undefined when that person
   * is not in it (the café board checks who may watch a chat's café).
   */
  member(channel: Channel, userId: string): Promise<{ id: string; aadObjectId?: string } | undefined>;
  /**
   * A message only `person` sees in a group conversation (a targeted message:
   * POST /v3/conversations/{id}/activities?isTargetedActivity=true, the person as recipient).
   */
  sendTargeted(channel: Channel, person: { id: string; name: string }, activity: Partial<Activity>): Promise<string | undefined>;
  /** Every member's id, page by page (GET /v3/conversations/{id}/pagedmembers): one call per page of up to 500. */
  members(channel: Channel): Promise<string[]>;
}

/** What Barista shows a few people of a meeting on the meeting stage: a small page of its own. */
export interface MeetingNotice {
  recipients: string[];
  title: string;
  url: string;
}

/** Teams' largest page of members, and how many pages are read at most (a group chat holds 250, a meeting chat a thousand). */
const MEMBERS_PAGE = 500;
type PagedMembersOptions = NonNullable<Parameters<ConnectorClient['conversations']['getConversationPagedMembers']>[1]> & object;
const MAX_MEMBER_PAGES = 4;

export function reference(channel: Channel): Partial<ConversationReference> {
  return {
    channelId: channel.channelId,
    serviceUrl: channel.serviceUrl,
    bot: { id: channel.botId, name: 'Barista' },
    conversation: { id: channel.conversationId, tenantId: channel.tenantId, isGroup: true, conversationType: 'groupChat', name: '' },
  };
}

/**
 * The Bot Connector client, one per service URL, kept: a proactive turn per call
 * (continueConversationAsync) built a client and its request pipeline every time, which cost
 * most of a vote's time and memory. The SDK's own retry policy is removed so every attempt goes
 * through Outbound's limiter.
 */
export class CloudGateway implements Gateway {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly appId: string,
    /** `requestTimeoutMs`: how long a call may go unanswered (default 30 s; then 'ETIMEDOUT', retried). */
    private readonly options: { requestTimeoutMs?: number } = {},
  ) {}

  async send(channel: Channel, activity: Partial<Activity>): Promise<string | undefined> {
    const client = await this.client(channel.serviceUrl);
    const full = TurnContext.applyConversationReference({ ...activity }, reference(channel)) as Activity;
    return (await client.conversations.sendToConversation(channel.conversationId, full))?.id;
  }

  async sendTargeted(channel: Channel, person: { id: string; name: string }, activity: Partial<Activity>): Promise<string | undefined> {
    const client = await this.client(channel.serviceUrl);
    const full = TurnContext.applyConversationReference({ ...activity }, reference(channel)) as Activity;
    full.recipient = { id: person.id, name: person.name };
    return sendTargeted(client, channel.conversationId, full);
  }

  async update(channel: Channel, activityId: string, activity: Partial<Activity>): Promise<void> {
    const client = await this.client(channel.serviceUrl);
    const full = TurnContext.applyConversationReference({ ...activity }, reference(channel)) as Activity;
    full.id = activityId;
    await client.conversations.updateActivity(channel.conversationId, activityId, full);
  }

  async delete(channel: Channel, activityId: string): Promise<void> {
    const client = await this.client(channel.serviceUrl);
    await client.conversations.deleteActivity(channel.conversationId, activityId);
  }

  async notify(channel: Channel, meetingId: string, notice: MeetingNotice): Promise<void> {
    const client = await this.client(channel.serviceUrl);
    const teams = new TeamsConnectorClient(client.credentials, { baseUri: channel.serviceUrl });
    disableSdkRetries(teams);
    addRequestTimeout(teams, this.options.requestTimeoutMs);
    await teams.teams.sendMeetingNotification(meetingId, {
      type: 'targetedMeetingNotification',
      value: {
        recipients: notice.recipients,
        surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: 240, width: 400, title: notice.title, url: notice.url } } }],
      },
    } as Parameters<TeamsConnectorClient['teams']['sendMeetingNotification']>[1]);
  }

  async member(channel: Channel, userId: string): Promise<{ id: string; aadObjectId?: string } | undefined> {
    const client = await this.client(channel.serviceUrl);
    try {
      const m = await client.conversations.getConversationMember(channel.conversationId, userId);
      return { id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) };
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  async members(channel: Channel): Promise<string[]> {
    const client = await this.client(channel.serviceUrl);
    const ids: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const options: { pageSize: number; continuationToken?: string } = { pageSize: MEMBERS_PAGE };
      if (token) options.continuationToken = token;
      // The SDK's type requires a token even on the first page; Teams wants none there.
      const result = await client.conversations.getConversationPagedMembers(channel.conversationId, options as PagedMembersOptions);
      for (const m of result.members ?? []) if (m.id) ids.push(m.id);
      token = result.continuationToken;
      if (!token) return ids;
    }
    return ids;
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    const cached = this.clients.get(serviceUrl);
    if (cached) return cached;
    const identity = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: this.appId },
      { type: AuthenticationConstants.AppIdClaim, value: this.appId },
    ]);
    const client = this.auth
      .createConnectorFactory(identity)
      .create(serviceUrl, undefined as unknown as string)
      .then((c) => {
        disableSdkRetries(c);
        addRequestTimeout(c, this.options.requestTimeoutMs);
        return c;
      });
    client.catch(() => this.clients.delete(serviceUrl));
    this.clients.set(serviceUrl, client);
    return client;
  }
}
