import type { Address, ChannelPort, Scene, Viewer } from '../../channel/port';
import { entersPart, facilitators, partCardKey, shownStep, stepById, type CafeState, type Effect, type Step } from '../../domain';
import { BaristaError, type ErrorSink } from '../../errors';
import { t } from '../../i18n';
import type { CafeStore } from '../../store/port';
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

/**
 * Carries a decision's effects out, in order, per conversation, in the background (the answer to
 * the person never waits for Teams). It decides nothing: what to post and when comes from the
 * domain; how it reaches people is the channel's.
 */
export class Effects {
  private readonly queues = new KeyedQueue();

  constructor(private readonly deps: EffectsDeps) {}

  apply(state: CafeState, effects: Effect[]): void {
    const { timers } = this.deps;
    for (const effect of effects) {
      switch (effect.type) {
        case 'arm-timer':
          timers.arm(state.id, effect.stepId, effect.dueAt);
          break;
        case 'cancel-timer':
          timers.cancel(state.id);
          break;
        case 'update-step':
          this.updateStep(state, effect.stepId);
          break;
        // Back: the step's card is already in the chat; it is updated in place, never posted again.
        case 'reopen-step':
          this.updateStep(state, effect.stepId);
          break;
        case 'update-menu':
          this.updateMessage(state, 'menu', async (latest) => ({ kind: 'menu', state: latest, viewer: sharedViewer(latest) }));
          break;
        case 'post-step':
          this.enqueue(state, () => this.postStep(state, effect.stepId));
          break;
        case 'post-recap':
          this.enqueue(state, () => this.postRecap(state));
          break;
        case 'notify-facilitator':
          this.enqueue(state, () => this.deps.channel.notifyFacilitators(addressOf(state), facilitators(state), effect.key, state.locale));
          break;
        case 'say':
          this.enqueue(state, () => this.deps.channel.say(addressOf(state), t(state.locale, effect.key, effect.params)));
          break;
        default:
          return assertNever(effect);
      }
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
  updateStep(state: CafeState, stepId: string): void {
    const step = stepById(state, stepId);
    if (!step) return;
    const shown = shownStep(state, step.part) ?? step;
    this.updateMessage(state, partCardKey(step.part), async (latest, members) => this.partScene(latest, step.part, { members }), () => this.members(state, shown.kind));
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
  private async postStep(state: CafeState, stepId: string): Promise<void> {
    const { store, channel } = this.deps;
    // Gone: erased (/effacer) while this waited.
    const latest = await store.get(state.id);
    if (!latest) return;
    const step = stepById(state, stepId);
    if (!step) return;
    const key = partCardKey(step.part);
    if (!entersPart(state, stepId) || await store.getMessageId(state.id, key)) {
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

  /** Asks for a coalesced update of a posted message, rendered from the latest stored state at send time. */
  private updateMessage(
    state: CafeState, key: string, render: (latest: CafeState, members?: string[]) => Promise<Scene | undefined>,
    before: () => Promise<string[] | undefined> = () => Promise.resolve(undefined),
  ): void {
    this.enqueue(state, async () => {
      const messageId = await this.deps.store.getMessageId(state.id, key);
      if (!messageId) return;
      const members = await before();
      this.deps.channel.update(addressOf(state), messageId, async () => render((await this.deps.store.get(state.id)) ?? state, members));
    });
  }
}

function assertNever(x: never): never {
  throw new BaristaError('unexpected', `unhandled effect ${JSON.stringify(x)}`);
}
