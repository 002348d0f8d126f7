import { ActionDataSchema, type ActionData } from '../../../src/cards/actions';
import { guideFr } from '../../../src/content';
import type { Actor } from '../../../src/domain';
import { parseText, type Input } from '../../../src/bot/parse';
import { TurnPipeline } from '../../../src/bot/turn/pipeline';
import type { PipelineDeps, Turn } from '../../../src/bot/turn/types';
import type { Reply } from '../../../src/channel/port';
import { MemoryStore } from '../../../src/store';
import type { CafeStore } from '../../../src/store/port';
import type { Timers } from '../../../src/timers/port';
import { countingStore } from '../../support/countingStore';
import { FakeChannel } from '../../support/fakeChannel';

export const camille: Actor = { id: 'u-camille', name: 'Camille Martin', locale: 'fr' };
export const lea: Actor = { id: 'u-lea', name: 'Léa Dubois', locale: 'fr' };
export const karim: Actor = { id: 'u-karim', name: 'Karim Benali', locale: 'fr' };

/** Timers that only remember what they were asked. */
export class RecordingTimers implements Timers {
  readonly armed = new Map<string, { stepId: string; dueAt: number }>();
  arm(cafeId: string, stepId: string, dueAt: number): void {
    this.armed.set(cafeId, { stepId, dueAt });
  }
  cancel(cafeId: string): void {
    this.armed.delete(cafeId);
  }
  stop(): void {
    this.armed.clear();
  }
}

/**
 * The turn pipeline on the memory store (counted) and a fake channel, with a clock the test moves:
 * what the pipeline decides and asks for, without HTTP or Teams.
 */
export class PipelineHarness {
  readonly channel = new FakeChannel();
  readonly timers = new RecordingTimers();
  readonly errors: Array<{ err: unknown; context: Record<string, unknown> }> = [];
  readonly counter: ReturnType<typeof countingStore>;
  readonly pipeline: TurnPipeline;
  readonly conversationId = 'conv-1';
  now = Date.UTC(2026, 10, 22, 9, 0, 0);
  private seq = 0;
  /** Roles read from "Teams" (meetingRole calls), by person. */
  readonly roleReads: string[] = [];

  constructor(options: { store?: CafeStore; meetingId?: string; deps?: Partial<PipelineDeps> } = {}) {
    this.counter = countingStore(options.store ?? new MemoryStore());
    this.meetingId = options.meetingId;
    this.pipeline = new TurnPipeline({
      store: this.counter.store, content: guideFr, channel: this.channel, timers: this.timers,
      sink: (err, context) => this.errors.push({ err, context }),
      now: () => this.now, newId: () => `cafe-${++this.seq}`,
      ...options.deps,
    });
  }

  readonly meetingId?: string;

  get store(): CafeStore {
    return this.counter.store;
  }

  turn(actor: Actor, input: Input, activityId = `act-${++this.seq}`): Turn {
    return {
      input, actor, activityId,
      address: { conversationId: this.conversationId, serviceUrl: 'http://connector', botId: 'bot', channelId: 'msteams' },
      ...(this.meetingId ? {
        meetingId: this.meetingId,
        meetingRole: async () => {
          this.roleReads.push(actor.id);
          return undefined;
        },
      } : {}),
    };
  }

  /** A text command, as typed in the chat. */
  say(actor: Actor, text: string, activityId?: string): Promise<Reply> {
    return this.pipeline.run(this.turn(actor, parseText(text), activityId));
  }

  /** An input as another channel's edge reads it (Tchap's `!` commands and thread replies). */
  give(actor: Actor, input: Input, activityId?: string): Promise<Reply> {
    return this.pipeline.run(this.turn(actor, input, activityId));
  }

  /** A card's button, its data parsed as the channel's edge does. */
  press(actor: Actor, data: Partial<ActionData> & Record<string, unknown>, activityId?: string): Promise<Reply> {
    return this.pipeline.run(this.turn(actor, { kind: 'action', data: ActionDataSchema.parse(data), via: 'execute' }, activityId));
  }

  /** Every queued effect carried out, every pending update rendered. */
  async drain(): Promise<void> {
    await this.pipeline.drain();
    await this.channel.flush();
    await this.pipeline.drain();
  }

  async cafe() {
    const c = await this.store.getActive(this.conversationId);
    if (!c) throw new Error('no active café');
    return c;
  }

  /** Starts an Americano and opens the Madonna poll (its first statement). */
  async atMadonnaPoll(): Promise<string> {
    await this.say(camille, '/startcafe americano');
    await this.drain();
    const cafe = await this.cafe();
    await this.press(camille, { verb: 'begin', cafe: cafe.id });
    await this.press(camille, { verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await this.drain();
    return cafe.id;
  }
}

/** The text of a message reply ('' for a scene or nothing). */
export function messageOf(reply: Reply): string {
  return reply && 'message' in reply ? reply.message : '';
}

/** The scene of a reply, or a failure. */
export function sceneOf(reply: Reply) {
  if (!reply || !('scene' in reply)) throw new Error(`expected a scene, got ${JSON.stringify(reply)}`);
  return reply.scene;
}
