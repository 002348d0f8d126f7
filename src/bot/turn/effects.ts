import type { Address, ChannelPort, Scene, Viewer } from '../../channel/port';
import { entersPart, facilitators, partCardKey, shownStep, stepById, type CafeState, type Effect, type Step } from '../../domain';
import { BaristaError, type ErrorSink } from '../../errors';
import { t } from '../../i18n';
import type { CafeStore, OutboxEffect, OutboxEntry } from '../../store/port';
import type { Timers } from '../../timers/port';
import { KeyedQueue } from '../keyedQueue';
import type { TurnReads } from './reads';

export interface EffectsDeps {
  store: CafeStore;
  channel: ChannelPort;
  timers: Timers;
  sink: ErrorSink;
  reads: TurnReads;
  now: () => number;
  exportLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
  networkLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
}

/** The view everyone in the chat shares: no userId, no facilitator controls. */
export function sharedViewer(state: CafeState): Viewer {
  return { isFacilitator: false, locale: state.locale };
}

/** A café's address in its channel (with the meeting, for private notices). */
export function addressOf(state: CafeState): Address & { meetingId?: string } {
  return {
    conversationId: state.conversationId, serviceUrl: state.serviceUrl, botId: state.botId, channelId: state.channelId, tenantId: state.tenantId,
    ...(state.meetingId ? { meetingId: state.meetingId } : {}),
  };
}

/** An outbox entry's identity: what acknowledges it. */
type EntryRef = Pick<OutboxEntry, 'id' | 'cafeId'>;

/** Failures other than Teams' (a bug, a store outage) after which a replayed entry is given up. */
const MAX_OTHER_FAILURES = 10;

/** Is this effect one that reaches people (kept in the outbox), rather than a timer's? */
export function reachesPeople(effect: Effect): effect is OutboxEffect {
  return effect.type !== 'arm-timer' && effect.type !== 'cancel-timer';
}

/**
 * Carries a decision's effects out, in order, per conversation, in the background (the answer to
 * the person never waits for Teams). It decides nothing: what to post and when comes from the
 * domain; how it reaches people is the channel's.
 *
 * The effects that reach people are saved with the decision (the store's outbox, `outboxOf`) and
 * acknowledged once carried out; `replay` carries out what a crash or a network outage left
 * pending (at start, and again periodically), in the store's order. A repeat is harmless where the
 * channel can tell: a part's card whose message id is stored is updated, not posted again.
 */
export class Effects {
  private readonly queues = new KeyedQueue();
  /** Entries being carried out by this process (a replay skips them). */
  private readonly inFlight = new Set<string>();
  /** Entries that failed here for another reason than Teams', and how often. */
  private readonly otherFailures = new Map<string, number>();

  constructor(private readonly deps: EffectsDeps) {}

  /**
   * The effects of a decision that go in the outbox, as they will be carried out: a step entered
   * that does not open its part is an update of the part's card (decided on the state it was
   * entered in, `entersPart`), so a replay on a later state still posts only the part's first card.
   */
  outboxOf(state: CafeState, effects: Effect[]): OutboxEffect[] {
    return effects.filter(reachesPeople).map((e) => (e.type === 'post-step' && !entersPart(state, e.stepId) ? { type: 'update-step', stepId: e.stepId } : e));
  }

  /**
   * Carries out a saved decision's effects: the timers', and `outbox` (what `outboxOf` gave and the
   * store saved with `state`), each acknowledged once done. Without `outbox`, the effects that
   * reach people are carried out unsaved (nothing to acknowledge).
   */
  apply(state: CafeState, effects: Effect[], outbox?: OutboxEffect[]): void {
    const { timers } = this.deps;
    for (const effect of effects) {
      if (effect.type === 'arm-timer') timers.arm(state.id, effect.stepId, effect.dueAt);
      else if (effect.type === 'cancel-timer') timers.cancel(state.id);
    }
    const toCarry = outbox ?? this.outboxOf(state, effects);
    toCarry.forEach((effect, i) => this.carryOut(state, effect, outbox ? { id: `${state.id}/${state.version}/${i}`, cafeId: state.id } : undefined));
  }

  /**
   * Carries out the outbox entries still pending (after a crash, or a call that failed for good),
   * in `seq` order per conversation, on the café's latest state; skips those this process is
   * carrying out, and those younger than `minAgeMs` (another instance may be carrying them out).
   * Resolves once they are queued; returns how many.
   */
  async replay(minAgeMs = 0): Promise<number> {
    const entries = await this.deps.store.pendingOutbox();
    const now = this.deps.now();
    let n = 0;
    for (const entry of entries) {
      if (this.inFlight.has(entry.id) || now - entry.at < minAgeMs) continue;
      n++;
      this.inFlight.add(entry.id);
      // Read in the conversation's queue, after the entries before it.
      this.enqueue({ id: entry.cafeId, conversationId: entry.conversationId }, async () => {
        const latest = await this.deps.store.get(entry.cafeId).catch((err: unknown) => {
          this.settle(entry, err);
          return null;
        });
        if (latest === null) return;
        if (!latest) return this.settle(entry); // erased meanwhile
        this.inFlight.delete(entry.id);
        this.carryOut(latest, entry.effect, entry, true);
      });
    }
    return n;
  }

  /** One effect that reaches people, queued for its conversation; `entry` is acknowledged once done. */
  private carryOut(state: CafeState, effect: OutboxEffect, entry: EntryRef | undefined, replayed = false): void {
    if (entry) this.inFlight.add(entry.id);
    const task = (run: () => Promise<void>) => this.enqueue(state, async () => {
      try {
        await run();
      } catch (err) {
        return this.settle(entry, err);
      }
      await this.settle(entry);
    });
    switch (effect.type) {
      case 'update-step':
      // Back: the step's card is already in the chat; it is updated in place, never posted again.
      case 'reopen-step':
        this.updateStep(state, effect.stepId, entry);
        break;
      case 'update-menu':
        this.updateMessage(state, 'menu', async (latest) => ({ kind: 'menu', state: latest, viewer: sharedViewer(latest) }), undefined, entry);
        break;
      case 'post-step':
        // A replayed post-step was saved only where the step opens its part (`outboxOf`).
        task(() => this.postStep(state, effect.stepId, replayed ? true : entersPart(state, effect.stepId)));
        break;
      case 'post-recap':
        task(() => this.postRecap(state));
        break;
      case 'notify-facilitator':
        task(() => this.deps.channel.notifyFacilitators(addressOf(state), facilitators(state), effect.key, state.locale));
        break;
      case 'say':
        task(() => this.deps.channel.say(addressOf(state), t(state.locale, effect.key, effect.params)));
        break;
      default:
        return assertNever(effect);
    }
  }

  /**
   * An entry done (acknowledged), or failed: a failure Teams will not get over (400, 403, 404) is
   * reported and acknowledged; any other stays pending for the next replay, reported so an operator
   * sees it (another reason than Teams', MAX_OTHER_FAILURES times at most).
   */
  private async settle(entry: EntryRef | undefined, err?: unknown): Promise<void> {
    if (err !== undefined) {
      // The channel's errors say whether they are worth another try (ChannelPort: `retryable`).
      const retryable = (err as { retryable?: unknown } | null)?.retryable;
      const teams = typeof retryable === 'boolean';
      const failures = teams ? 0 : (this.otherFailures.get(entry?.id ?? '') ?? 0) + 1;
      const keep = entry !== undefined && (teams ? retryable : failures < MAX_OTHER_FAILURES);
      this.deps.sink(new BaristaError('effect-failed', keep ? 'an effect failed: kept in the outbox, tried again later' : 'an effect failed', err), {
        where: 'effect', cafeId: entry?.cafeId, ...(entry ? { entry: entry.id, kept: keep } : {}),
      });
      if (keep) {
        if (!teams) this.otherFailures.set(entry.id, failures);
        this.inFlight.delete(entry.id);
        return;
      }
    }
    if (!entry) return;
    this.otherFailures.delete(entry.id);
    try {
      await this.deps.store.ackOutbox([entry]);
    } catch (ackErr) {
      this.deps.sink(new BaristaError('effect-failed', 'an outbox entry could not be acknowledged: it may be carried out again', ackErr), { where: 'effect', cafeId: entry.cafeId, entry: entry.id });
    } finally {
      this.inFlight.delete(entry.id);
    }
  }

  /** Posts a new café's menu card and remembers its id. */
  postMenu(state: CafeState): void {
    this.enqueue(state, async () => {
      const id = await this.deps.channel.post(addressOf(state), { kind: 'menu', state, viewer: sharedViewer(state) });
      if (id) await this.deps.store.setMessageId(state.id, 'menu', id);
    });
  }

  /**
   * Asks for the shared card of a step's part to show the latest state (merged, skipped if
   * unchanged): the part's card shows its current step, or the step it closed on. The
   * conversation's members (a video) are read before the request: the render runs in Teams'
   * pacing slot, where another Teams call would wait for itself.
   */
  updateStep(state: CafeState, stepId: string, entry?: EntryRef): void {
    const step = stepById(state, stepId);
    if (!step) {
      if (entry) void this.settle(entry);
      return;
    }
    const shown = shownStep(state, step.part) ?? step;
    this.updateMessage(state, partCardKey(step.part), async (latest, members) => this.partScene(latest, step.part, { members }), () => this.members(state, shown.kind), entry);
  }

  /**
   * Removes posted messages (/effacer), in the background; resolves with how many went and how
   * many Teams refused (each refusal reported to the sink).
   */
  deleteMessages(state: CafeState, ids: string[]): Promise<{ removed: number; refused: number }> {
    return new Promise((resolve) => {
      this.enqueue(state, async () => {
        const counts = { removed: 0, refused: 0 };
        try {
          for (const id of ids) {
            await this.deps.channel.delete(addressOf(state), id).then(
              () => void counts.removed++,
              (err) => {
                counts.refused++;
                this.deps.sink(new BaristaError('channel-failed', 'a card could not be removed from the chat', err), { where: 'erase' });
              },
            );
          }
        } finally {
          resolve(counts);
        }
      });
    });
  }

  /** Runs a task after the conversation's queued effects (a chat reply after a card, in order). */
  enqueue(state: Pick<CafeState, 'id' | 'conversationId'>, task: () => Promise<void>): void {
    void this.queues.run(state.conversationId, task).catch((err) => this.deps.sink(new BaristaError('effect-failed', 'an effect failed', err), { where: 'effect', cafeId: state.id }));
  }

  async drain(): Promise<void> {
    await this.queues.idle();
  }

  /** The shared scene of a step, from the step's contributions, the kept participants and the members (`read` before, inside a card's render). */
  async stepScene(state: CafeState, stepId: string, read?: { members: string[] | undefined }): Promise<Scene | undefined> {
    const step = stepById(state, stepId);
    if (!step) return undefined;
    const [contributions, participants, members] = await Promise.all([
      this.deps.reads.forStep(state, stepId), this.deps.reads.participants(state.id), read ? read.members : this.members(state, step.kind),
    ]);
    const votes = this.deps.reads.votes(state, stepId);
    return {
      kind: 'step', state, step, contributions, participants, ...(members ? { members } : {}), ...(votes ? { votes } : {}), viewer: sharedViewer(state), now: this.deps.now(),
    };
  }

  /** The conversation's members, read (kept by the channel) only for a step that counts them: the video. */
  members(state: CafeState, kind: Step['kind']): Promise<string[] | undefined> {
    return kind === 'video' ? this.deps.channel.members(addressOf(state)) : Promise.resolve(undefined);
  }

  /** The shared scene of a part's card: the step it shows now. */
  private async partScene(state: CafeState, part: Step['part'], read?: { members: string[] | undefined }): Promise<Scene | undefined> {
    const step = shownStep(state, part);
    return step ? this.stepScene(state, step.id, read) : undefined;
  }

  /**
   * A step entered: the first step of a part posts the part's card, once; every later step of the
   * part advances that card in place (one update, merged with the closing of the step left).
   * Which it is comes from the state the step was entered in (`entersPart`), never from whether a
   * message id is stored yet: the part's post may still be on its way from another instance.
   */
  private async postStep(state: CafeState, stepId: string, enters: boolean): Promise<void> {
    const { store, channel } = this.deps;
    // Gone: erased (/effacer) while this waited.
    const latest = await store.get(state.id);
    if (!latest) return;
    const step = stepById(state, stepId);
    if (!step) return;
    const key = partCardKey(step.part);
    // Posted already (here, by another instance, or before a crash): a repeat only updates it.
    if (!enters || await store.getMessageId(state.id, key)) {
      this.updateStep(latest, stepId);
      return;
    }
    const scene = await this.partScene(latest, step.part);
    if (!scene) return;
    const id = await channel.post(addressOf(latest), scene);
    if (!id) return;
    await store.setMessageId(state.id, key, id);
    // A contribution taken while the card was on its way (here or on another instance) found no
    // message to update: one more request after the post shows it; the channel sends nothing if the
    // card is unchanged.
    this.updateStep(latest, stepId);
  }

  private async postRecap(state: CafeState): Promise<void> {
    const { store, channel } = this.deps;
    const latest = await store.get(state.id);
    if (!latest) return;
    const contributions = await store.listContributions(state.id);
    const profile = await store.getProfile(latest.conversationId);
    const to = addressOf(latest);
    const id = await channel.post(to, {
      kind: 'recap', state: latest, contributions, locale: latest.locale, now: this.deps.now(),
      downloads: this.deps.exportLinks?.(latest.id), networkDownloads: profile ? this.deps.networkLinks?.(latest.id) : undefined,
    });
    if (id) await store.setMessageId(state.id, 'recap', id);
    // The cafés network's questions, once per chat: afterwards the answers are remembered.
    if (!profile) {
      const ask = await channel.post(to, { kind: 'network', locale: latest.locale, cafeId: latest.id });
      if (ask) await store.setMessageId(state.id, 'network', ask);
    }
  }

  /**
   * Asks for a coalesced update of a posted message, rendered from the latest stored state at send
   * time; `entry` is acknowledged once Teams shows it (or when there is no message: its post, still
   * to come, shows the latest state).
   */
  private updateMessage(
    state: CafeState, key: string, render: (latest: CafeState, members?: string[]) => Promise<Scene | undefined>,
    before: () => Promise<string[] | undefined> = () => Promise.resolve(undefined), entry?: EntryRef,
  ): void {
    this.enqueue(state, async () => {
      let messageId: string | undefined;
      let members: string[] | undefined;
      try {
        messageId = await this.deps.store.getMessageId(state.id, key);
        if (messageId) members = await before();
      } catch (err) {
        return this.settle(entry, err);
      }
      if (!messageId) return this.settle(entry);
      this.deps.channel.update(
        addressOf(state), messageId, async () => render((await this.deps.store.get(state.id)) ?? state, members),
        entry ? () => void this.settle(entry) : undefined,
      );
    });
  }
}

function assertNever(x: never): never {
  throw new BaristaError('unexpected', `unhandled effect ${JSON.stringify(x)}`);
}
