import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Content } from '../../content/schema';
import type { Actor } from '../../domain';
import { localeOf, t } from '../../i18n';
import { ActivitySchema, activityTimeOf, parseInput, timeZoneOf, type ParsedActivity } from '../../bot/parse';
import type { TurnPipeline } from '../../bot/turn/pipeline';
import type { Address, Reply } from '../port';
import type { TeamsChannel } from './channel';
import type { MeetingRoles } from './meetingRoles';
import { renderScene } from './render';

export interface TeamsInboundDeps {
  pipeline: TurnPipeline;
  channel: TeamsChannel;
  content: Content;
  roles: MeetingRoles;
  /** Tenants allowed to use the bot; empty or absent: all. */
  allowedTenants?: string[];
}

/**
 * Teams' side of a turn: the activity parsed by zod (nothing unparsed goes further), the tenant
 * checked, the person and the conversation read, the pipeline run, and its reply given back the
 * Teams way — an invoke's answer (the person's own card, or a private message), else a message in
 * the chat. The turn handler given to CloudAdapter.process.
 */
export class TeamsInbound {
  constructor(private readonly deps: TeamsInboundDeps) {}

  async onTurn(ctx: TurnContext): Promise<void> {
    const parsed = ActivitySchema.safeParse(ctx.activity);
    if (!parsed.success) {
      if (ctx.activity.type === ActivityTypes.Invoke) await this.answerInvoke(ctx, { message: t('fr', 'badPayload') });
      return;
    }
    const activity = parsed.data;
    const address = addressOf(activity);
    const tenant = (activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? '').toLowerCase();
    if (this.deps.allowedTenants?.length && !this.deps.allowedTenants.includes(tenant)) {
      // Another administration's tenant: a polite no, and nothing is stored for it.
      const text = t(localeOf(activity.locale), 'tenantNotAllowed');
      if (activity.type === 'invoke') await this.answerInvoke(ctx, { message: text });
      else if (activity.type === 'message') await this.deps.channel.say(address, text);
      return;
    }
    // Someone joined or left: who is expected to finish a video is read again.
    if (activity.type === 'conversationUpdate' && (activity.membersAdded?.length || activity.membersRemoved?.length)) {
      this.deps.channel.forgetMembers(address.conversationId);
    }
    // botbuilder reads every entity's type: it is given only the typed ones (parse.ts keeps those).
    const text = activity.type === 'message' ? TurnContext.removeRecipientMention({ ...ctx.activity, entities: activity.entities } as Activity) ?? activity.text ?? '' : '';
    const timeZone = timeZoneOf(activity);
    const actor: Actor = { id: activity.from.id, name: activity.from.name ?? '', locale: localeOf(activity.locale), ...(timeZone ? { timeZone } : {}) };
    const meetingId = activity.channelData?.meeting?.id;
    const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
    const at = activityTimeOf(activity);
    const reply = await this.deps.pipeline.run({
      input: parseInput(activity, stripTags(text)),
      actor,
      address,
      activityId: activity.id,
      ...(at !== undefined ? { at } : {}),
      ...(meetingId ? { meetingId, meetingRole: () => this.deps.roles.roleOf(ctx, meetingId, activity.from.aadObjectId ?? activity.from.id, tenantId) } : {}),
    });
    if (activity.type === 'invoke') await this.answerInvoke(ctx, reply ?? { message: t(actor.locale, 'badPayload') });
    else if (reply && 'message' in reply) await this.deps.channel.reply(address, actor, reply.message);
    else if (reply && 'scene' in reply) await this.deps.channel.post(address, reply.scene);
  }

  private async answerInvoke(ctx: TurnContext, reply: Reply): Promise<void> {
    const body = reply && 'scene' in reply
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderScene(reply.scene, this.deps.content) }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply?.message ?? '' };
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }
}

function addressOf(a: ParsedActivity): Address {
  return { conversationId: a.conversation.id, serviceUrl: a.serviceUrl, botId: a.recipient.id, channelId: a.channelId, tenantId: a.conversation.tenantId };
}

/** Teams wraps mentions and formatting in tags; commands are plain words. */
function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}
