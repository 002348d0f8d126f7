import { randomUUID } from 'node:crypto';
import type { Reply, Scene, Viewer } from '../../channel/port';
import type { Content } from '../../content/schema';
import {
  cardStepOf,
  canFacilitate, decide, isRefusal, stepById, withNotices,
  type Actor, type CafeState, type Command, type Refusal,
} from '../../domain';
import { BaristaError } from '../../errors';
import { newCafeCode } from '../../web/code';
import { t } from '../../i18n';
import type { CafeStore } from '../../store/port';
import { KeyedQueue } from '../keyedQueue';
import { Effects } from './effects';
import { TurnReads } from './reads';
import type { PipelineDeps } from './types';

const SAVE_ATTEMPTS = 8;

/**
 * What every route works with: the store, the kept reads, the effects, and the few operations
 * routes share (decide and save a command, a person's view of a café, a refusal's answer).
 */
export class Kit {
  readonly store: CafeStore;
  readonly content: Content;
  readonly reads: TurnReads;
  readonly effects: Effects;
  readonly now: () => number;
  readonly newId: () => string;
  /** A new café's join code. */
  readonly newCode: () => string;
  private readonly locks = new KeyedQueue();

  constructor(readonly deps: PipelineDeps) {
    this.store = deps.store;
    this.content = deps.content;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.newCode = deps.newCode ?? (() => newCafeCode());
    this.reads = new TurnReads(deps.store, this.now, deps.singleWriter ?? false);
    this.effects = new Effects({
      store: deps.store, channel: deps.channel, timers: deps.timers, sink: deps.sink, reads: this.reads, now: this.now,
      exportLinks: deps.exportLinks, networkLinks: deps.networkLinks,
    });
  }

  /**
   * Decides a command and saves it with optimistic concurrency, then queues its effects.
   * `known` is the café as the turn already read it: it is decided on at once, and read again only
   * when the save finds it changed meanwhile (another turn, another instance). Serialised per café
   * in this process.
   */
  command(cafeId: string, build: (s: CafeState) => Command, actor: Actor, activityId?: string, known?: CafeState): Promise<CafeState | Refusal> {
    return this.locks.run(cafeId, async () => {
      let state = known;
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        if (!state || attempt > 0) state = await this.store.get(cafeId);
        if (!state) return { refused: 'no-cafe' } as Refusal;
        const contributions = await this.reads.forDecision(state);
        const decision = decide(state, build(state), { actor, content: this.content, now: this.now(), activityId, contributions });
        if (isRefusal(decision)) return decision;
        // The effects that reach people are saved with the decision (the outbox): a crash or a
        // network outage after the save cannot lose them.
        const effects = withNotices(decision.effects);
        const outbox = this.effects.outboxOf(decision.state, effects);
        if (await this.store.save(decision.state, outbox)) {
          this.deps.onChange?.(decision.state);
          this.effects.apply(decision.state, effects, outbox);
          return decision.state;
        }
        // Someone else saved first: reload and decide again, after a short random pause.
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
      this.deps.sink(new BaristaError('save-conflict', 'the café kept changing while saving a command'), { where: 'command', cafeId });
      return { refused: 'invalid', detail: 'conflict' } as Refusal;
    });
  }

  /** The view a person gets after pressing a button or when Teams refreshes their card. */
  async viewFor(state: CafeState, stepId: string | undefined, actor: Actor): Promise<Scene> {
    // The card that showed this step is its part's card: it shows the part's current step now.
    const shown = stepId ? cardStepOf(state, stepId) : undefined;
    if (shown) return this.stepView(state, shown.id, actor);
    if (state.status === 'ended') {
      return { kind: 'recap', state, contributions: await this.store.listContributions(state.id), locale: actor.locale, now: this.now() };
    }
    return { kind: 'menu', state, viewer: this.viewerOf(state, actor) };
  }

  /** A person's own view of a step: their choice, or the facilitator's controls. */
  async stepView(state: CafeState, stepId: string, actor: Actor): Promise<Scene> {
    const step = stepById(state, stepId)!;
    const [contributions, participants, members] = await Promise.all([
      this.reads.forStep(state, stepId), this.reads.participants(state.id), this.effects.members(state, step.kind),
    ]);
    const votes = this.reads.votes(state, stepId);
    return {
      kind: 'step', state, step, contributions, participants, ...(members ? { members } : {}), ...(votes ? { votes } : {}), viewer: this.viewerOf(state, actor), now: this.now(),
    };
  }

  viewerOf(state: CafeState, actor: Actor): Viewer {
    const isFacilitator = canFacilitate(state, actor);
    const boardUrl = isFacilitator && state.status !== 'ended' ? this.deps.boardLink?.(state.id) : undefined;
    const web = isFacilitator && state.status !== 'ended' ? this.deps.webLinks?.(state, actor.id) : undefined;
    return { userId: actor.id, isFacilitator, locale: actor.locale, ...(boardUrl ? { boardUrl } : {}), ...(web ? { web } : {}) };
  }

  /** A refusal's explanation, in the person's language. */
  refusal(r: Refusal, actor: Actor, state?: CafeState): Reply {
    const params: Record<string, string | number> = { name: state?.facilitatorName ?? '', max: r.detail ?? '' };
    return { message: t(actor.locale, `refusal.${r.refused}`, params) };
  }

  async drain(): Promise<void> {
    await this.locks.idle();
    await this.effects.drain();
  }
}
