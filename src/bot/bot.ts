import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { ActionData } from '../cards/actions';
import * as cards from '../cards';
import { t, localeOf } from '../i18n';
import type { Content, Formula } from '../content/schema';
import {
  canFacilitate, chatCafe, checkAnswers, cleanText, composeFormula, contribute, decide, everyoneDone, findFormula, isRefusal, startCafe, stepById,
  type Actor, type CafeState, type Command, type Contribution, type ContributionValue, type Effect, type MessageKey, type Refusal,
} from '../domain';
import type { ErrorSink } from '../errors';
import type { CafeStore } from '../store/port';
import type { Timers } from '../timers/port';
import type { Channel, Gateway } from './gateway';
import { KeyedQueue } from './keyedQueue';
import { MeetingRoles } from './meetingRoles';
import { ActivitySchema, parseInput, type Input, type ParsedActivity, type TextCommand } from './parse';

/** How outbound calls are paced and retried (src/bot/outbound): one path for every Teams call. */
export interface OutboundPort {
  send<T>(conversationId: string, fn: () => Promise<T>): Promise<T>;
  update(conversationId: string, activityId: string, render: () => Promise<Partial<Activity> | undefined>, io: (activity: Partial<Activity>) => Promise<unknown>): void;
  flush(): Promise<void>;
}

export interface BotDeps {
  store: CafeStore;
  content: Content;
  gateway: Gateway;
  outbound: OutboundPort;
  timers: Timers;
  sink: ErrorSink;
  now?: () => number;
  newId?: () => string;
  roles?: MeetingRoles;
  /** Offer /menu when a meeting with Barista starts (default true). */
  meetingStartCard?: boolean;
  /** Tenants allowed to use the bot; empty or absent: all. */
  allowedTenants?: string[];
  /** Barista's public https address, for the page an in-meeting notification shows. */
  publicUrl?: string;
  /** The tokened links to a café's export, for the recap card (when there is a public address). */
  exportLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
  /** The tokened links to a café's report for the cafés network (GeoJSON, CSV). */
  networkLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
  /** Days a café is kept after it ends (said in /effacer's confirmation). */
  retentionDays?: number;
  /** The café board's read-only link for the facilitator's view (when there is a public address). */
  boardLink?: (cafeId: string) => string;
  /** Told of every change of a café (its board refreshes at once). */
  onChange?: (state: Pick<CafeState, 'id' | 'conversationId'>) => void;
}

type Card = Record<string, unknown>;
/** What answers an invoke: the refreshed card for that user, or a short private message. */
type Reply = { card: Card } | { message: string } | undefined;

const SAVE_ATTEMPTS = 8;

/**
 * The thin adapter: activity → input (zod) → store → engine → store → effects. It owns no rule;
 * it turns decisions into Teams calls, always outside the turn, through the outbound limiter.
 */
export class BaristaBot {
  private readonly cafeLocks = new KeyedQueue();
  private readonly effectQueues = new KeyedQueue();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly roles: MeetingRoles;

  constructor(private readonly deps: BotDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.roles = deps.roles ?? new MeetingRoles(deps.sink);
  }

  /** The turn handler given to CloudAdapter.process. */
  async onTurn(ctx: TurnContext): Promise<void> {
    const parsed = ActivitySchema.safeParse(ctx.activity);
    if (!parsed.success) {
      if (ctx.activity.type === ActivityTypes.Invoke) await this.answerInvoke(ctx, { message: t('fr', 'badPayload') });
      return;
    }
    const activity = parsed.data;
    const tenant = (activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? '').toLowerCase();
    if (this.deps.allowedTenants?.length && !this.deps.allowedTenants.includes(tenant)) {
      // Another administration's tenant: a polite no, and nothing is stored for it.
      if (activity.type === 'invoke') await this.answerInvoke(ctx, { message: t(localeOf(activity.locale), 'tenantNotAllowed') });
      else if (activity.type === 'message') {
        const channel = channelOf(activity);
        await this.deps.outbound.send(channel.conversationId, () => this.deps.gateway.send(channel, { type: 'message', text: t(localeOf(activity.locale), 'tenantNotAllowed') }));
      }
      return;
    }
    const text = activity.type === 'message' ? TurnContext.removeRecipientMention(ctx.activity as Activity) ?? activity.text ?? '' : '';
    const input = parseInput(activity, stripTags(text));
    const actor: Actor = { id: activity.from.id, name: activity.from.name ?? '', locale: localeOf(activity.locale) };
    const meetingId = activity.channelData?.meeting?.id;
    if (meetingId && drives(input)) {
      const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
      actor.meetingRole = await this.roles.roleOf(ctx, meetingId, activity.from.aadObjectId ?? activity.from.id, tenantId);
    }
    const reply = await this.handle(activity, input, actor);
    if (activity.type === 'invoke') await this.answerInvoke(ctx, reply ?? { message: t(actor.locale, 'badPayload') });
    else if (reply && 'message' in reply) await this.replyInChat(activity, actor, reply.message);
    else if (reply && 'card' in reply) await this.postCardInChat(activity, reply.card);
  }

  /** A timer fell due (now, or while the server was down: then it is late and fires at start). */
  async onTimer(cafeId: string, stepId: string): Promise<void> {
    const system: Actor = { id: 'barista:timer', name: 'Barista', locale: 'fr' };
    await this.command(cafeId, () => ({ type: 'time-up', stepId }), system);
  }

  /** Waits for every queued Teams call (shutdown, tests). */
  async drain(): Promise<void> {
    await this.cafeLocks.idle();
    await this.effectQueues.idle();
    await this.deps.outbound.flush();
  }

  private async handle(activity: ParsedActivity, input: Input, actor: Actor): Promise<Reply> {
    switch (input.kind) {
      case 'ignore':
        return undefined;
      case 'meeting-start':
        // A short card offering /menu, unless the operator turned it off or a café already runs here.
        if (this.deps.meetingStartCard === false || (await this.deps.store.getActive(activity.conversation.id))) return undefined;
        return { card: cards.menuTreeCard({ answers: {}, content: this.deps.content, locale: actor.locale }) };
      case 'bad-payload':
        return { message: t(actor.locale, 'badPayload') };
      case 'unknown-command':
        return { message: t(actor.locale, 'unknownCommand', { command: input.text }) };
      case 'text':
        return this.onText(activity, input.command, actor);
      case 'action':
        return this.onAction(activity, input.data, actor);
    }
  }

  private async onText(activity: ParsedActivity, cmd: TextCommand, actor: Actor): Promise<Reply> {
    const conversationId = activity.conversation.id;
    if (cmd.type === 'help') return { card: cards.helpCard({ locale: actor.locale, isFacilitator: true, retentionDays: this.deps.retentionDays }) };
    if (cmd.type === 'menu') return { card: cards.menuTreeCard({ answers: {}, content: this.deps.content, locale: actor.locale }) };
    if (cmd.type === 'startcafe' && cmd.formula === 'virtuel' && !cmd.variant) {
      return { card: cards.menuTreeCard({ answers: { organise: true, online: true }, content: this.deps.content, locale: actor.locale }) };
    }
    if (cmd.type === 'startcafe' && cmd.formula === 'sur-mesure' && !cmd.variant) {
      const active = await this.deps.store.getActive(activity.conversation.id);
      if (active) return { card: cards.alreadyRunningCard({ state: active, content: this.deps.content, locale: actor.locale }) };
      return { card: cards.composeCard({ content: this.deps.content, locale: actor.locale }) };
    }
    if (cmd.type === 'startcafe') return this.start(activity, cmd.formula, cmd.variant ?? 'avec-sucre', actor);
    if (cmd.type === 'erase' || cmd.type === 'network') return this.chatCommand(activity, cmd.type, actor);
    const active = await this.deps.store.getActive(conversationId);
    if (!active) return { message: t(actor.locale, 'refusal.no-cafe') };
    if ((cmd.type === 'handover' || cmd.type === 'cofacilitator') && !cmd.person) return { message: t(actor.locale, 'mentionSomeone') };
    const toCommand = (s: CafeState): Command => {
      switch (cmd.type) {
        case 'next':
          return s.status === 'menu' ? { type: 'begin' } : { type: 'next' };
        case 'back':
          return { type: 'back' };
        case 'pause':
          return { type: 'pause' };
        case 'resume':
          return { type: 'resume' };
        case 'extend':
          return { type: 'extend', minutes: cmd.minutes };
        case 'end':
          return { type: 'end' };
        case 'handover':
          return { type: 'hand-over', to: cmd.person! };
        case 'cofacilitator':
          return { type: 'add-cofacilitator', who: cmd.person! };
      }
    };
    const result = await this.command(active.id, toCommand, actor, activity.id);
    if (isRefusal(result) && result.refused !== 'duplicate') return this.refusalReply(result, actor, active);
    return undefined;
  }

  private async start(activity: ParsedActivity, formulaId: string, variant: 'avec-sucre' | 'sans-sucre', actor: Actor, custom?: Formula): Promise<Reply> {
    const { store, content } = this.deps;
    const active = await store.getActive(activity.conversation.id);
    if (active) return { card: cards.alreadyRunningCard({ state: active, content, locale: actor.locale }) };
    if (!custom && !findFormula(content, formulaId, variant)) return { card: cards.formulasCard({ content, locale: actor.locale, input: formulaId }) };
    const state = startCafe(
      {
        type: 'start', formulaId, variant, cafeId: this.newId(),
        conversationId: activity.conversation.id, tenantId: activity.conversation.tenantId,
        serviceUrl: activity.serviceUrl, botId: activity.recipient.id, channelId: activity.channelId,
        ...(activity.channelData?.meeting?.id ? { meetingId: activity.channelData.meeting.id } : {}),
        ...(custom ? { formula: custom } : {}),
      },
      { actor, content, now: this.now(), activityId: activity.id },
    );
    if (isRefusal(state)) return { card: cards.formulasCard({ content, locale: actor.locale, input: formulaId }) };
    if (!(await store.create(state))) {
      const other = await store.getActive(activity.conversation.id);
      return other ? { card: cards.alreadyRunningCard({ state: other, content, locale: actor.locale }) } : { message: t(actor.locale, 'refusal.invalid') };
    }
    this.enqueue(state, async () => {
      const id = await this.sendCard(state, cards.menuCard({ state, content, viewer: sharedViewer(state) }));
      if (id) await store.setMessageId(state.id, 'menu', id);
    });
    return undefined;
  }

  private async onAction(activity: ParsedActivity, data: ActionData, actor: Actor): Promise<Reply> {
    const { store, content } = this.deps;
    const started = (reply: Reply): Reply => reply ?? { message: t(actor.locale, 'started') };
    if (data.verb === 'start') return started(await this.start(activity, data.formula, data.variant, actor));
    if (data.verb === 'advise') {
      // The answers travel in the card: a combination the tree's buttons cannot make is refused.
      const answers = cards.answersOf(data);
      const refused = checkAnswers(answers);
      return refused ? { message: t(actor.locale, 'tree.invalid') } : { card: cards.menuTreeCard({ answers, content, locale: actor.locale }) };
    }
    if (data.verb === 'compose') {
      const formula = composeFormula(content, { tasse: data.composeTasse, cafe: data.composeCafe, chocolat: data.composeChocolat, sucre: data.composeSucre });
      if (isRefusal(formula)) return this.refusalReply(formula, actor);
      return started(await this.start(activity, formula.id, formula.variant, actor, formula));
    }
    if (data.verb === 'erase') return this.erase(activity, data, actor);
    if (data.verb === 'network') return this.saveNetwork(activity, data, actor);
    const state = await store.get(data.cafe);
    if (!state || state.conversationId !== activity.conversation.id) return { message: t(actor.locale, 'refusal.no-cafe') };
    switch (data.verb) {
      case 'refresh':
        return { card: await this.viewFor(state, data.step, actor) };
      case 'vote':
        return this.contribution(state, data.step, { kind: 'vote', choice: data.choice }, actor, activity);
      case 'pick':
        return this.contribution(state, data.step, { kind: 'pick', item: data.item }, actor, activity);
      case 'done':
        return this.contribution(state, data.step, { kind: 'done' }, actor, activity);
      case 'postit':
        return this.contribution(state, data.step, { kind: 'postit', column: data.postitColumn, postitKind: data.postitKind, text: data.postitText }, actor, activity);
      case 'argument':
        return this.contribution(state, data.step, { kind: 'argument', side: data.side, text: data.argumentText }, actor, activity);
      case 'answer':
        return this.contribution(state, data.step, { kind: 'answer', text: data.answerText }, actor, activity);
      case 'feedback':
        return this.contribution(state, data.step, {
          kind: 'feedback', rating: data.feedback_rating || undefined, again: data.feedback_again || undefined, topic: data.feedback_topic || undefined,
          positive: data.feedback_positive || undefined, negative: data.feedback_negative || undefined,
        }, actor, activity);
      default: {
        const command = commandOf(data);
        const result = await this.command(state.id, () => command, actor, activity.id);
        if (isRefusal(result)) {
          if (result.refused === 'duplicate') return { card: await this.viewFor(state, 'step' in data ? data.step : undefined, actor) };
          return this.refusalReply(result, actor, state);
        }
        return { card: await this.viewFor(result, 'step' in data ? data.step : undefined, actor) };
      }
    }
  }

  /**
   * The chat's commands that are not about one café: /effacer asks for a confirmation, /reseau
   * shows the network's questions (prefilled). Both are the facilitator's: the one of the chat's
   * current or last café, its co-facilitators, the meeting's organizers and presenters.
   */
  private async chatCommand(activity: ParsedActivity, type: 'erase' | 'network', actor: Actor): Promise<Reply> {
    const chat = await this.chatCafes(activity.conversation.id, actor, type === 'erase' ? 'erase.nothing' : 'network.noCafe');
    if ('reply' in chat) return chat.reply;
    if (type === 'erase') return { card: cards.eraseConfirmCard({ locale: actor.locale, count: chat.cafes.length, at: this.now(), days: this.deps.retentionDays ?? 30 }) };
    const profile = await this.deps.store.getProfile(activity.conversation.id);
    return { card: cards.networkCard({ locale: actor.locale, map: this.deps.content.cafesMap, profile, cafeId: chat.latest.id }) };
  }

  /**
   * A chat's cafés, newest first, and the one that says who may act for the chat (the running café,
   * else the last one) — or the answer when there is none, or when the person is not its facilitator.
   */
  private async chatCafes(conversationId: string, actor: Actor, none: 'erase.nothing' | 'network.noCafe'): Promise<{ cafes: CafeState[]; latest: CafeState } | { reply: Reply }> {
    const cafes = await this.deps.store.listCafes(conversationId);
    const latest = chatCafe(cafes);
    if (!latest) return { reply: { message: t(actor.locale, none) } };
    if (!canFacilitate(latest, actor)) return { reply: this.refusalReply({ refused: 'not-facilitator' }, actor, latest) };
    return { cafes, latest };
  }

  /**
   * /effacer, confirmed: every café of the chat goes (the store erases cafés, contributions, card ids
   * and the chat's profile), their timers are cancelled and Barista's cards are removed from the chat.
   */
  private async erase(activity: ParsedActivity, data: Extract<ActionData, { verb: 'erase' }>, actor: Actor): Promise<Reply> {
    const { store, timers } = this.deps;
    const conversationId = activity.conversation.id;
    const chat = await this.chatCafes(conversationId, actor, 'erase.nothing');
    if ('reply' in chat) return chat.reply;
    if (data.confirm === 'non') return { card: cards.erasedCard({ locale: actor.locale, count: 0, cancelled: true }) };
    if (this.now() - data.at > ERASE_CONFIRM_MS || data.at > this.now() + 60_000) return { message: t(actor.locale, 'erase.expired') };
    const posted: Array<{ cafe: CafeState; ids: string[] }> = [];
    for (const cafe of chat.cafes) {
      timers.cancel(cafe.id);
      const keys = ['menu', 'recap', 'network', ...cafe.steps.map((s) => s.id)];
      const ids = (await Promise.all(keys.map((k) => store.getMessageId(cafe.id, k)))).filter((id): id is string => !!id);
      posted.push({ cafe, ids });
    }
    const count = await store.eraseConversation(conversationId);
    for (const { cafe, ids } of posted) {
      this.deps.onChange?.(cafe);
      this.enqueue(cafe, async () => {
        for (const id of ids) {
          await this.deps.outbound.send(conversationId, () => this.deps.gateway.delete(cafe, id))
            .catch((err) => this.deps.sink(err, { where: 'erase', note: 'a card could not be removed from the chat' }));
        }
      });
    }
    return { card: cards.erasedCard({ locale: actor.locale, count }) };
  }

  /** The network's questions answered: remembered for the chat; the answer gives the café's report links. */
  private async saveNetwork(activity: ParsedActivity, data: Extract<ActionData, { verb: 'network' }>, actor: Actor): Promise<Reply> {
    const { store } = this.deps;
    const conversationId = activity.conversation.id;
    const chat = await this.chatCafes(conversationId, actor, 'network.noCafe');
    if ('reply' in chat) return chat.reply;
    const organisation = cleanText(data.networkOrganisation);
    const town = cleanText(data.networkTown);
    if (!organisation || !town) return { message: t(actor.locale, 'network.required') };
    if (organisation.length > 120 || town.length > 120) return this.refusalReply({ refused: 'too-long', detail: '120' }, actor);
    const position = parsePosition(data.networkPosition);
    if (position === null) return { message: t(actor.locale, 'network.badPosition') };
    const profile = { organisation, town, ...(position ?? {}), updatedAt: this.now() };
    await store.setProfile(conversationId, profile);
    const cafe = chat.cafes.find((c) => c.id === data.cafe) ?? chat.cafes.find((c) => c.status === 'ended') ?? chat.latest;
    return { card: cards.networkCard({ locale: actor.locale, map: this.deps.content.cafesMap, profile, cafeId: cafe.id, saved: true, links: this.deps.networkLinks?.(cafe.id) }) };
  }

  /** A participant's vote, pick, post-it…: checked by the engine, upserted as its own record. */
  private async contribution(state: CafeState, stepId: string, value: ContributionValue, actor: Actor, activity: ParsedActivity): Promise<Reply> {
    const { store, content } = this.deps;
    const record = contribute(state, { stepId, value, activityId: activity.id ?? this.newId() }, actor, content, this.now());
    if (isRefusal(record)) return this.refusalReply(record, actor, state);
    await store.putContribution(record);
    this.deps.onChange?.(state);
    const contributions = await store.listContributions(state.id);
    this.requestStepUpdate(state, stepId);
    if (value.kind === 'done' && everyoneDone(state, contributions, stepId)) {
      const system: Actor = { id: 'barista:video', name: 'Barista', locale: state.locale };
      void this.command(state.id, () => ({ type: 'all-done', stepId }), system).catch((err) => this.deps.sink(err, { where: 'all-done', cafeId: state.id }));
    }
    return { card: this.stepView(state, stepId, contributions, actor) };
  }

  /**
   * Loads the café, decides, saves with optimistic concurrency (reloading on conflict), then
   * queues the effects. Serialised per café in this process; across processes the version check
   * keeps it safe.
   */
  private command(cafeId: string, build: (s: CafeState) => Command, actor: Actor, activityId?: string): Promise<CafeState | Refusal> {
    return this.cafeLocks.run(cafeId, async () => {
      const { store, content } = this.deps;
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        const state = await store.get(cafeId);
        if (!state) return { refused: 'no-cafe' } as Refusal;
        const contributions = await store.listContributions(cafeId);
        const decision = decide(state, build(state), { actor, content, now: this.now(), activityId, contributions });
        if (isRefusal(decision)) return decision;
        if (await store.save(decision.state)) {
          this.deps.onChange?.(decision.state);
          this.apply(decision.state, decision.effects);
          return decision.state;
        }
        // Someone else saved first (another instance): reload and decide again, after a short random pause.
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
      }
      return { refused: 'invalid', detail: 'conflict' } as Refusal;
    });
  }

  /** Runs effects in order, in the background, per conversation. */
  private apply(state: CafeState, effects: Effect[]): void {
    const { store, content, timers } = this.deps;
    for (const effect of effects) {
      switch (effect.type) {
        case 'arm-timer':
          timers.arm(state.id, effect.stepId, effect.dueAt);
          break;
        case 'cancel-timer':
          timers.cancel(state.id);
          break;
        case 'update-step':
          this.requestStepUpdate(state, effect.stepId);
          break;
        case 'update-menu':
          this.requestUpdate(state, 'menu', async (latest) => cards.menuCard({ state: latest, content, viewer: sharedViewer(latest) }));
          break;
        case 'post-step':
          this.enqueue(state, async () => {
            // Gone: erased (/effacer) while this waited.
            const latest = await store.get(state.id);
            if (!latest) return;
            const contributions = await store.listContributions(state.id);
            const step = stepById(latest, effect.stepId);
            if (!step) return;
            const id = await this.sendCard(latest, cards.stepCard({ state: latest, step, content, contributions, viewer: sharedViewer(latest), now: this.now() }));
            if (!id) return;
            await store.setMessageId(state.id, effect.stepId, id);
            // A vote taken while the card was on its way (here or on another instance) found no
            // message to update: one update after the post shows it.
            this.requestStepUpdate(latest, effect.stepId);
          });
          break;
        case 'post-recap':
          this.enqueue(state, async () => {
            const latest = await store.get(state.id);
            if (!latest) return;
            const contributions = await store.listContributions(state.id);
            const profile = await store.getProfile(latest.conversationId);
            const id = await this.sendCard(latest, cards.recapCard({
              state: latest, content, contributions, locale: latest.locale, now: this.now(),
              downloads: this.deps.exportLinks?.(latest.id), networkDownloads: profile ? this.deps.networkLinks?.(latest.id) : undefined,
            }));
            if (id) await store.setMessageId(state.id, 'recap', id);
            // The cafés network's questions, once per chat: afterwards the answers are remembered.
            if (!profile) {
              const ask = await this.sendCard(latest, cards.networkCard({ locale: latest.locale, map: content.cafesMap, cafeId: latest.id }));
              if (ask) await store.setMessageId(state.id, 'network', ask);
            }
          });
          break;
        case 'notify-facilitator':
          this.notifyFacilitator(state, effect.key);
          break;
        case 'say':
          this.enqueue(state, async () => {
            await this.deps.outbound.send(state.conversationId, () => this.deps.gateway.send(state, { type: 'message', text: t(state.locale, effect.key, effect.params) }));
          });
          if (NOTIFY.has(effect.key)) this.notifyFacilitator(state, effect.key);
          break;
      }
    }
  }

  /**
   * Besides the chat message, the facilitator gets a targeted in-meeting notification. Outside a
   * meeting, without PUBLIC_URL, or when Teams refuses (permission not granted), the chat message
   * is all, and why is logged once.
   */
  private notifyFacilitator(state: CafeState, key: MessageKey): void {
    if (!state.meetingId) return;
    const base = this.deps.publicUrl;
    if (!base) {
      this.once('notify-off', () => this.deps.sink(new Error('PUBLIC_URL is not set: no in-meeting notifications, the chat message only'), { where: 'notify' }));
      return;
    }
    const url = `${base.replace(/\/$/, '')}/notice?m=${encodeURIComponent(key)}&l=${state.locale}`;
    const recipients = [state.facilitatorId, ...(state.coFacilitatorIds ?? [])];
    this.enqueue(state, async () => {
      try {
        await this.deps.outbound.send(state.conversationId, () =>
          this.deps.gateway.notify(state, state.meetingId!, { recipients, title: 'Barista', url }));
      } catch (err) {
        this.once('notify-failed', () => this.deps.sink(err, { where: 'notify', note: 'in-meeting notification refused: the chat message only (logged once)' }));
      }
    });
  }

  private readonly warned = new Set<string>();
  private once(key: string, report: () => void): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    report();
  }

  private requestStepUpdate(state: CafeState, stepId: string): void {
    const { content, store } = this.deps;
    this.requestUpdate(state, stepId, async (latest) => {
      const step = stepById(latest, stepId);
      if (!step) return undefined;
      const contributions = await store.listContributions(latest.id);
      return cards.stepCard({ state: latest, step, content, contributions, viewer: sharedViewer(latest), now: this.now() });
    });
  }

  /** Asks for a coalesced update of a posted card, rendered from the latest stored state at send time. */
  private requestUpdate(state: CafeState, key: string, render: (latest: CafeState) => Promise<Card | undefined>): void {
    this.enqueue(state, async () => {
      const messageId = await this.deps.store.getMessageId(state.id, key);
      if (!messageId) return;
      this.deps.outbound.update(
        state.conversationId,
        messageId,
        async () => {
          const latest = (await this.deps.store.get(state.id)) ?? state;
          const card = await render(latest);
          return card ? cardActivity(card) : undefined;
        },
        (activity) => this.deps.gateway.update(state, messageId, activity),
      );
    });
  }

  private enqueue(state: CafeState, task: () => Promise<void>): void {
    void this.effectQueues.run(state.conversationId, task).catch((err) => this.deps.sink(err, { where: 'effect', cafeId: state.id }));
  }

  private async sendCard(channel: Channel, card: Card): Promise<string | undefined> {
    return this.deps.outbound.send(channel.conversationId, () => this.deps.gateway.send(channel, cardActivity(card)));
  }

  /** The card a user sees after pressing a button or when Teams refreshes their view. */
  private async viewFor(state: CafeState, stepId: string | undefined, actor: Actor): Promise<Card> {
    const contributions = await this.deps.store.listContributions(state.id);
    if (stepId && stepById(state, stepId)) return this.stepView(state, stepId, contributions, actor);
    if (state.status === 'ended') return cards.recapCard({ state, content: this.deps.content, contributions, locale: actor.locale, now: this.now() });
    return cards.menuCard({ state, content: this.deps.content, viewer: this.viewerOf(state, actor) });
  }

  private stepView(state: CafeState, stepId: string, contributions: Contribution[], actor: Actor): Card {
    const step = stepById(state, stepId)!;
    return cards.stepCard({ state, step, content: this.deps.content, contributions, viewer: this.viewerOf(state, actor), now: this.now() });
  }

  private viewerOf(state: CafeState, actor: Actor): cards.Viewer {
    const isFacilitator = canFacilitate(state, actor);
    const boardUrl = isFacilitator && state.status !== 'ended' ? this.deps.boardLink?.(state.id) : undefined;
    return { userId: actor.id, isFacilitator, locale: actor.locale, ...(boardUrl ? { boardUrl } : {}) };
  }

  private refusalReply(r: Refusal, actor: Actor, state?: CafeState): Reply {
    const params: Record<string, string | number> = { name: state?.facilitatorName ?? '', max: r.detail ?? '' };
    return { message: t(actor.locale, `refusal.${r.refused}`, params) };
  }

  private async answerInvoke(ctx: TurnContext, reply: Reply): Promise<void> {
    const body = reply && 'card' in reply
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply?.message ?? '' };
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }

  /** Text commands and Submit fallbacks have no private answer in a group chat: reply to the person, in the chat. */
  private async replyInChat(activity: ParsedActivity, actor: Actor, text: string): Promise<void> {
    const channel = channelOf(activity);
    const mention = { type: 'mention', text: `<at>${escapeXml(actor.name)}</at>`, mentioned: { id: actor.id, name: actor.name } };
    await this.deps.outbound.send(channel.conversationId, () =>
      this.deps.gateway.send(channel, { type: 'message', text: actor.name ? `${mention.text} ${text}` : text, entities: actor.name ? [mention] : [] }),
    );
  }

  private async postCardInChat(activity: ParsedActivity, card: Card): Promise<void> {
    const channel = channelOf(activity);
    await this.sendCard(channel, card);
  }
}

function commandOf(data: Exclude<ActionData, { verb: 'start' | 'advise' | 'compose' | 'refresh' | 'vote' | 'pick' | 'done' | 'postit' | 'argument' | 'answer' | 'feedback' | 'erase' | 'network' }>): Command {
  switch (data.verb) {
    case 'begin':
      return { type: 'begin' };
    case 'choose':
      return { type: 'choose', stepId: data.step, option: data.option };
    case 'next':
      return { type: 'next', fromStep: data.step };
    case 'back':
      return { type: 'back', fromStep: data.step };
    case 'reveal':
      return { type: 'reveal', stepId: data.step };
    case 'turn':
      return { type: 'turn', stepId: data.step, delta: data.delta };
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume' };
    case 'extend':
      return { type: 'extend', minutes: data.minutes };
    case 'end':
      return { type: 'end' };
  }
}

/** How long /effacer's confirmation stays valid. */
const ERASE_CONFIRM_MS = 10 * 60_000;

/**
 * "48.9566, 4.3631" (or with decimal commas, "48,9566 ; 4,3631") → the position; '' → undefined
 * (none given); anything else → null.
 */
export function parsePosition(raw: string): { lat: number; lon: number } | undefined | null {
  const text = raw.trim();
  if (!text) return undefined;
  const m = /^(-?\d{1,2}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1].replace(',', '.'));
  const lon = Number(m[2].replace(',', '.'));
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
  return { lat, lon };
}

/** The moments the facilitator is also told about by an in-meeting notification. */
const NOTIFY = new Set<MessageKey>(['timeUp', 'allDone']);

const PARTICIPANT_VERBS = new Set(['vote', 'pick', 'done', 'postit', 'argument', 'answer', 'feedback', 'start', 'advise', 'compose']);

/** Does this input need to know whether the person may drive the café (their meeting role)? */
function drives(input: Input): boolean {
  if (input.kind === 'text') return !['help', 'menu', 'startcafe'].includes(input.command.type);
  return input.kind === 'action' && !PARTICIPANT_VERBS.has(input.data.verb);
}

function sharedViewer(state: CafeState): cards.Viewer {
  return { isFacilitator: false, locale: state.locale };
}

function channelOf(a: ParsedActivity): Channel {
  return { conversationId: a.conversation.id, serviceUrl: a.serviceUrl, botId: a.recipient.id, channelId: a.channelId, tenantId: a.conversation.tenantId };
}

export function cardActivity(card: Card): Partial<Activity> {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** Teams wraps mentions and formatting in tags; commands are plain words. */
function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
