import type { Content } from '../content/schema';
import { canFacilitate } from '../domain/decide';
import { currentStep, findFormula, formulaOf, participants } from '../domain/lookup';
import { audienceOf, registrationAdvice, registrationsOf } from '../domain/registration';
import type { CafeState, Contribution, Locale } from '../domain/types';
import { boardSnapshot } from '../tab/snapshot';
import { partLabel } from '../views/base';
import { stepView } from '../views';
import { WEB_CHANNEL_ID, type WebNotice, type WebRegistration, type WebView } from './contract';

export interface WebViewInput {
  state: CafeState;
  contributions: Contribution[];
  content: Content;
  /** Who asks: `role` is what their token claims; the café decides whether they facilitate. */
  viewer: { id: string; name?: string; role: 'participant' | 'facilitator'; locale: Locale };
  code: string;
  joinUrl: string;
  /** The console's board link: given to the facilitator's view only. */
  boardUrl?: string;
  /** The conversation's members, when known (who is expected to finish a video). */
  members?: readonly string[];
  notices: WebNotice[];
  now: number;
}

/**
 * What one page shows, for its viewer: the console's or a participant's. Pure. The audience rules
 * are the views' (src/views): this only says who the viewer is. A console token is not enough to
 * facilitate: the café must still say so (a facilitator who handed over gets a participant's view).
 */
export function webView(input: WebViewInput): WebView {
  const { state, contributions, content, viewer, now } = input;
  const isFacilitator = viewer.role === 'facilitator'
    && canFacilitate(state, { id: viewer.id, name: viewer.name ?? '', locale: viewer.locale });
  const formula = formulaOf(state, content);
  const L = viewer.locale;
  const view: WebView = {
    v: 1,
    serverNow: now,
    role: isFacilitator ? 'facilitator' : 'participant',
    me: { id: viewer.id, ...(viewer.name !== undefined ? { name: viewer.name } : {}) },
    cafe: {
      id: state.id,
      code: input.code,
      joinUrl: input.joinUrl,
      formula: formula.name,
      variant: formula.variant,
      status: state.status,
      locale: state.locale,
      participants: peopleOf(state, contributions, input.members).length,
      ...(isFacilitator && input.boardUrl ? { boardUrl: input.boardUrl } : {}),
      ...(isFacilitator && state.channelId === WEB_CHANNEL_ID ? { erasable: true } : {}),
      ...(state.facilitatorName.trim() ? { facilitator: state.facilitatorName.trim() } : {}),
    },
    notices: isFacilitator ? input.notices : input.notices.filter((n) => !n.private),
  };
  const step = currentStep(state);
  if (step && state.status !== 'menu' && state.status !== 'ended') {
    view.step = stepView({
      state, step, content, contributions, now,
      ...(input.members ? { members: input.members } : {}),
      viewer: { userId: viewer.id, isFacilitator, locale: L, ...(isFacilitator && input.boardUrl ? { boardUrl: input.boardUrl } : {}) },
    });
  }
  if (state.status === 'menu') {
    // The menu's plan: each part's planned maximum (the menu card says the range; a page shows one figure).
    view.plan = formula.parts.map((p) => ({ part: p.part, label: partLabel(L, p.part), minutes: p.planned.max }));
    view.registration = registrationOf(state, contributions, content, viewer.id, isFacilitator);
  }
  if (state.status === 'ended') {
    const recap = boardSnapshot(state, contributions, content, now, input.members).recap;
    if (recap) view.recap = recap;
    // The feedback poll stays open after the end (people answer as they leave), once it was asked.
    const feedback = state.steps.find((s) => s.kind === 'feedback' && state.runtime[s.id]);
    if (feedback) {
      view.step = stepView({
        state, step: feedback, content, contributions, now,
        viewer: { userId: viewer.id, isFacilitator, locale: L },
      });
    }
  }
  return view;
}

/**
 * The café's participants as a page counts them: who did something; in a web café, also who is on
 * its pages now (its members), the facilitators aside — people who joined count before they vote.
 */
function peopleOf(state: CafeState, contributions: Contribution[], members?: readonly string[]): string[] {
  const acted = participants(state, contributions);
  if (state.channelId !== WEB_CHANNEL_ID || !members) return acted;
  const all = new Set(acted);
  for (const id of members) if (!canFacilitate(state, { id, name: '', locale: state.locale })) all.add(id);
  return [...all];
}

/**
 * The registrations as the viewer sees them (domain/registration.ts): everyone, how many
 * registered and their own answer; the facilitator, the split and the guide's advice for it.
 */
function registrationOf(state: CafeState, contributions: Contribution[], content: Content, viewerId: string, isFacilitator: boolean): WebRegistration {
  const registrations = registrationsOf(state, contributions);
  const audience = audienceOf(registrations);
  const own = registrations.find((r) => r.userId === viewerId);
  const out: WebRegistration = {
    open: state.status === 'menu',
    count: audience.count,
    levels: isFacilitator ? audience.levels : { novice: 0, averti: 0, intermediaire: 0 },
    places: isFacilitator ? audience.places : { online: 0, room: 0 },
    ...(own ? { mine: { level: own.level, place: own.place } } : {}),
  };
  const advice = isFacilitator ? registrationAdvice(state, contributions, content) : undefined;
  const formula = advice && findFormula(content, advice.formulaId, advice.variant);
  if (advice && formula) {
    out.advice = {
      formulaId: advice.formulaId, variant: advice.variant, name: formula.name, minutes: { min: advice.planned.min, max: advice.planned.max },
      current: !state.customFormula && state.formulaId === advice.formulaId && state.variant === advice.variant,
    };
  }
  return out;
}
