import type { Reply } from '../../channel/port';
import type { Actor } from '../../domain';
import { BaristaError, codeOf, isStoreUnreachable, shortCode } from '../../errors';
import { t } from '../../i18n';
import { plainText } from '../../i18n/plainText';
import { Kit } from './kit';
import { actionRoute, textRoute } from './routes';
import type { PipelineDeps, Turn } from './types';

/**
 * One turn, one straight line: the channel has parsed the activity (zod) → route → the route loads
 * what it needs once (the café, the step's contributions) → the domain decides → save (reloaded and
 * decided again only on a version conflict) → effects, queued for the channel. An error ends in the
 * sink, and the person gets a short coded apology instead of silence.
 */
export class TurnPipeline {
  readonly kit: Kit;

  constructor(private readonly deps: PipelineDeps) {
    this.kit = new Kit(deps);
  }

  async run(turn: Turn): Promise<Reply> {
    try {
      return await this.route(turn);
    } catch (err) {
      // The store out of reach (Redis down) is not a bug: the person is asked to try again shortly.
      const unreachable = isStoreUnreachable(err);
      const code = unreachable ? 'store-unavailable' : codeOf(err);
      const reported = unreachable && codeOf(err) !== 'store-unavailable' ? new BaristaError('store-unavailable', 'the store is out of reach', err) : err;
      this.deps.sink(reported, { where: 'turn', code, input: turn.input.kind, ...(turn.input.kind === 'action' ? { verb: turn.input.data.verb } : {}) });
      return { message: unreachable ? t(turn.actor.locale, 'error.storeUnavailable') : t(turn.actor.locale, 'error.apology', { code: shortCode(code) }) };
    }
  }

  /** A timer fell due (now, or while the server was down: then it is late and fires at start). */
  async onTimer(cafeId: string, stepId: string): Promise<void> {
    const system: Actor = { id: 'barista:timer', name: 'Barista', locale: 'fr' };
    await this.kit.command(cafeId, () => ({ type: 'time-up', stepId }), system);
  }

  /**
   * Carries out the outbox entries a crash or a call that failed for good left pending (at start,
   * then periodically); `minAgeMs` leaves alone those another instance may be carrying out.
   */
  replayOutbox(minAgeMs = 0): Promise<number> {
    return this.kit.effects.replay(minAgeMs);
  }

  /** Waits until every queued command and effect is done (the channel's own calls aside). */
  drain(): Promise<void> {
    return this.kit.drain();
  }

  private async route(turn: Turn): Promise<Reply> {
    const { input, actor } = turn;
    switch (input.kind) {
      case 'ignore':
        return undefined;
      case 'meeting-start':
        // A short card offering /menu, unless the operator turned it off or a café already runs here.
        if (this.deps.meetingStartCard === false || (await this.kit.store.getActive(turn.address.conversationId))) return undefined;
        return { scene: { kind: 'menu-tree', answers: {}, locale: actor.locale } };
      case 'bad-payload':
        return { message: t(actor.locale, 'badPayload') };
      case 'bad-minutes':
        return { message: t(actor.locale, 'badMinutes') };
      case 'unknown-command':
        return { message: t(actor.locale, 'unknownCommand', { command: input.text }) };
      case 'not-understood': {
        // What the person typed is shown as text, never markup.
        const params = Object.fromEntries(Object.entries(input.params ?? {}).map(([k, v]) => [k, plainText(v, 'message')]));
        return { message: t(actor.locale, input.message, params) };
      }
      case 'text': {
        const route = textRoute(input.command);
        if (route.drives) await this.withRole(turn);
        return route.run(this.kit, turn, input.command);
      }
      case 'action': {
        const route = actionRoute(input.data);
        if (route.drives) await this.withRole(turn);
        return route.run(this.kit, turn, input.data);
      }
    }
  }

  /** The person's meeting role, read only for routes that drive the café. */
  private async withRole(turn: Turn): Promise<void> {
    if (!turn.meetingRole) return;
    turn.actor = { ...turn.actor, meetingRole: await turn.meetingRole() };
  }
}
