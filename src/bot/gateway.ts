import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { CafeState } from '../domain/types';
import { disableSdkRetries } from './outbound';

/** Where a café's messages go: enough to reach the conversation proactively. */
export type Channel = Pick<CafeState, 'conversationId' | 'serviceUrl' | 'botId' | 'channelId' | 'tenantId'>;

/**
 * The Teams calls the bot makes, outside any turn: every send and update is proactive, so the
 * answer to an invoke never waits for them and a timer can send after a restart. Implemented on
 * CloudAdapter.continueConversationAsync; tests can pass any object of this shape.
 */
export interface Gateway {
  send(channel: Channel, activity: Partial<Activity>): Promise<string | undefined>;
  update(channel: Channel, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export function reference(channel: Channel): Partial<ConversationReference> {
  return {
    channelId: channel.channelId,
    serviceUrl: channel.serviceUrl,
    bot: { id: channel.botId, name: 'Barista' },
    conversation: { id: channel.conversationId, tenantId: channel.tenantId, isGroup: true, conversationType: 'groupChat', name: '' },
  };
}

export class CloudGateway implements Gateway {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string) {}

  async send(channel: Channel, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference(channel), async (ctx) => {
      withoutSdkRetries(ctx);
      const res = await ctx.sendActivity(activity);
      id = res?.id;
    });
    return id;
  }

  async update(channel: Channel, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference(channel), async (ctx) => {
      withoutSdkRetries(ctx);
      await ctx.updateActivity({ ...activity, id: activityId, conversation: { id: channel.conversationId } as Activity['conversation'] });
    });
  }
}

/**
 * The SDK's connector client retries 429 and 5xx on its own, outside our per-conversation limiter
 * (and out of its counts): remove that policy so every attempt goes through Outbound.
 */
function withoutSdkRetries(ctx: TurnContext): void {
  disableSdkRetries(ctx.turnState.get(ctx.adapter.ConnectorClientKey));
}
