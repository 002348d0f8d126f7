import { guideFr } from '../../src/content';
import type { Formula, Variant } from '../../src/content';
import {
  contribute, decide, isRefusal, startCafe, currentStep,
  type Actor, type CafeState, type Command, type Contribution, type ContributionValue, type Effect, type Refusal,
} from '../../src/domain';

export const camille: Actor = { id: 'u-camille', name: 'Camille Martin', locale: 'fr' };
export const lea: Actor = { id: 'u-lea', name: 'Léa', locale: 'fr' };
export const karim: Actor = { id: 'u-karim', name: 'Karim', locale: 'fr' };
export const sophie: Actor = { id: 'u-sophie', name: 'Sophie', locale: 'fr' };

/**
 * A café driven through the pure engine only, the way the bot drives it: commands through
 * `decide`, contributions through `contribute` and an upsert by key.
 */
export class CafeSim {
  state: CafeState;
  contributions: Contribution[] = [];
  effects: Effect[] = [];
  now = Date.UTC(2026, 10, 22, 9, 0, 0);
  private seq = 0;

  /**
   * `formula` is the id typed after /startcafe (`americano`, `ristretto`, `cappuccino`,
   * `mousse-ia`), or a formula of its own (a café composed sur-mesure).
   */
  constructor(variant: Variant = 'avec-sucre', readonly content = guideFr, formula: string | Formula = 'americano') {
    const custom = typeof formula === 'string' ? undefined : formula;
    const s = startCafe(
      {
        type: 'start', formulaId: custom?.id ?? (formula as string), variant, cafeId: 'cafe-1', conversationId: 'conv-1',
        serviceUrl: 'http://connector', botId: 'bot', channelId: 'msteams', ...(custom ? { formula: custom } : {}),
      },
      { actor: camille, content, now: this.now, activityId: 'a-start' },
    );
    if (isRefusal(s)) throw new Error(`start refused: ${s.refused}`);
    this.state = s;
  }

  tick(minutes: number): void {
    this.now += minutes * 60_000;
  }

  /** Runs a command; returns the refusal, or undefined when it was applied. */
  run(command: Command, actor: Actor = camille, activityId?: string): Refusal | undefined {
    const d = decide(this.state, command, { actor, content: this.content, now: this.now, activityId, contributions: this.contributions });
    if (isRefusal(d)) return d;
    this.state = d.state;
    this.effects.push(...d.effects);
    return undefined;
  }

  /** Same as run, but a refusal fails the test. */
  do(command: Command, actor: Actor = camille): void {
    const r = this.run(command, actor);
    if (r) throw new Error(`${command.type} refused: ${r.refused} ${r.detail ?? ''} at ${this.step?.id}`);
  }

  give(actor: Actor, value: ContributionValue, stepId = this.step!.id): Refusal | undefined {
    const rec = contribute(this.state, { stepId, value, activityId: `act-${++this.seq}` }, actor, this.content, this.now);
    if (isRefusal(rec)) return rec;
    const i = this.contributions.findIndex((c) => c.stepId === rec.stepId && c.kind === rec.kind && c.key === rec.key);
    if (i >= 0) this.contributions[i] = rec;
    else this.contributions.push(rec);
    return undefined;
  }

  get step() {
    return currentStep(this.state);
  }

  /** Goes on until the current step is of this kind (and activity, if given). */
  nextUntil(kind: string, activityId?: string): void {
    for (let i = 0; i < 100 && !(this.step?.kind === kind && (!activityId || this.step.activityId === activityId)); i++) this.do({ type: 'next' });
    if (this.step?.kind !== kind) throw new Error(`no ${kind} step reached`);
  }

  said(): string[] {
    return this.effects.filter((e) => e.type === 'say').map((e) => (e as { key: string }).key);
  }
}
