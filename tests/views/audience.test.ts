import { stepFacilitatorTexts, type FacilitatorText } from '../../src/content/audience';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { activityOf, currentStep, videoOf } from '../../src/domain/lookup';
import type { CafeState, Contribution } from '../../src/domain/types';
import { stepView, type StepView, type Viewer } from '../../src/views';
import { normalise } from '../content/guideText';
import { content, FACILITATOR, person, T0, vote } from '../cards/fixtures';

/**
 * WHO SEES WHICH TEXT (src/content/schema.ts), decided once in the view model: on every step of
 * every formula, the guide's words to the facilitator (« demander à tout le monde de couper son
 * micro », L1060) and its tips are in the facilitator's view and in no one else's, so no channel
 * that renders a view can show them to the wrong person.
 */

const SHARED: Viewer = { isFacilitator: false, locale: 'fr' };
const PARTICIPANT: Viewer = { userId: person(1).id, isFacilitator: false, locale: 'fr' };
const FACILITATOR_VIEW: Viewer = { userId: FACILITATOR.id, isFacilitator: true, locale: 'fr' };

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const paragraphsOf = (text: string): string[] => text.split(/\n\s*\n/).map(normalise).filter((p) => p.length > 0);

describe.each(content.formulas.map((f) => [f.name, f] as const))('%s', (_name, formula) => {
  test("the facilitator-only texts are in the facilitator's view, never in the shared or a participant's", () => {
    const started = startCafe(
      { type: 'start', formulaId: formula.id, variant: formula.variant, cafeId: `c-${formula.id}-${formula.variant}`, conversationId: '19:m', serviceUrl: 'https://x/', botId: '28:b', channelId: 'msteams' },
      { actor: FACILITATOR, content, now: T0 - 60_000 },
    );
    if (isRefusal(started)) throw new Error(started.refused);
    let state: CafeState = started;
    const contributions: Contribution[] = [];
    const everyone: StepView[] = [];
    const facilitator: StepView[] = [];
    const only = new Map<string, FacilitatorText>();
    const next = (s: CafeState, command: Parameters<typeof decide>[1], now: number) => {
      const d = decide(s, command, { actor: FACILITATOR, content, now, contributions });
      if (isRefusal(d)) throw new Error(`${command.type}: ${d.refused}`);
      return d.state;
    };
    state = next(state, { type: 'begin' }, T0);
    for (let i = 0; i < 100; i++) {
      const now = T0 + i * 60_000;
      const step = currentStep(state)!;
      const activity = activityOf(step, content);
      for (const f of stepFacilitatorTexts(activity, videoOf(step, content))) only.set(f.at, f);
      if (step.kind === 'poll' && activity?.kind === 'polls') {
        const q = activity.questions.find((x) => x.id === step.ref);
        if (q) contributions.push(vote(state, step.id, 1, q.choices[0].id));
      }
      const input = { state, step, content, contributions, now };
      everyone.push(stepView({ ...input, viewer: SHARED }), stepView({ ...input, viewer: PARTICIPANT }));
      facilitator.push(stepView({ ...input, viewer: FACILITATOR_VIEW }));
      if (state.cursor >= state.steps.length - 1) break;
      state = next(state, { type: 'next' }, now);
    }
    expect(only.size).toBeGreaterThan(0);
    expect(everyone.every((v) => v.facilitator === undefined)).toBe(true);
    const seenByEveryone = normalise(strings(everyone).join('\n'));
    const seenByFacilitator = normalise(strings(facilitator).join('\n'));
    const all = [...only.values()];
    expect(all.flatMap((f) => paragraphsOf(f.text).filter((p) => seenByEveryone.includes(p)).map((p) => `${f.at}: ${p}`))).toEqual([]);
    expect(all.flatMap((f) => paragraphsOf(f.text).filter((p) => !seenByFacilitator.includes(p)).map((p) => `${f.at}: ${p}`))).toEqual([]);
  });
});
