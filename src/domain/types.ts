import type { Formula, PartId, Variant } from '../content/schema';
import type { MenuAudience } from './recommend';

/**
 * The café engine's vocabulary. Everything here is plain data (JSON-serialisable) so a café can be
 * stored as one document, and participants' contributions as records of their own.
 */

export type Locale = 'fr' | 'en';

/** One step of a café's plan, as expanded from the formula and the facilitator's choices. */
export type StepKind = 'choose' | 'poll' | 'pick' | 'turns' | 'video' | 'board' | 'question' | 'text' | 'feedback';

export interface Step {
  /** Unique within the café; also the key of the step's card and of its contributions. */
  id: string;
  part: PartId;
  kind: StepKind;
  /** The content activity this step comes from (empty for a choose step). */
  activityId: string;
  /** For poll and question steps: the question's id; for video steps: the video's id; for choose: the part index. */
  ref: string;
  /** Planned minutes of this step (the part's planned time spread over its steps). */
  plannedMinutes: number;
}

export interface Timer {
  stepId: string;
  /** Epoch ms when time is up (running clock). */
  dueAt?: number;
  /** Ms left while the café is paused. */
  remainingMs?: number;
  /** Set when "time is up" has been announced: it is announced once. */
  firedAt?: number;
}

export interface StepRuntime {
  startedAt: number;
  endedAt?: number;
  /** Poll: the facilitator revealed the answer and closed the vote. Question: the guide's answer is shown. */
  revealed?: boolean;
  /** Turns: index of the person who has the floor. */
  turn?: number;
  /** Video: "everyone has finished" was announced. */
  allDoneAnnounced?: boolean;
  /** Choose: the option picked. */
  chosen?: string;
}

export type CafeStatus = 'menu' | 'running' | 'paused' | 'ended';

export interface CafeState {
  id: string;
  conversationId: string;
  tenantId?: string;
  /** Bot Connector address of the conversation, to send proactively (timers). */
  serviceUrl: string;
  /** In a meeting chat: the meeting's id (roles, in-meeting notifications). */
  meetingId?: string;
  /** The bot's id and the channel in this conversation, also to send proactively. */
  botId: string;
  channelId: string;
  /** Locale of the shared cards: the starter's Teams locale. */
  locale: Locale;
  formulaId: string;
  variant: Variant;
  /** A café composed by the facilitator (/startcafe sur-mesure) carries its own formula. */
  customFormula?: Formula;
  facilitatorId: string;
  facilitatorName: string;
  /** The facilitator's time zone when they started the café (IANA): every clock time the café shows is in it. */
  timeZone?: string;
  /** People the facilitator added to drive the café with them (/coanimateur). */
  coFacilitatorIds?: string[];
  status: CafeStatus;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  /** When the facilitator was told the café runs past its planned time (told once). */
  overtimeAt?: number;
  /** When the café was paused (to compute actual time). */
  pausedAt?: number;
  pausedMs: number;
  steps: Step[];
  /** Index in `steps` of the current step; -1 while the menu card waits for Commencer. */
  cursor: number;
  runtime: Record<string, StepRuntime>;
  timer?: Timer;
  /** Ids of recent command activities, so a retried delivery does not act twice. */
  recentActivityIds: string[];
  /** The activity that started the café (/startcafe, a start button): its re-delivery is answered with nothing. */
  startActivityId?: string;
  /**
   * The code web participants join by (src/web/contract.ts): CODE_LENGTH (10) characters of
   * Crockford's base 32, normalised, as `newCafeCode()` makes it. Given at creation, unique among
   * stored cafés (`CafeStore.create` refuses a taken one) and never changed; absent in cafés
   * created before the web door.
   */
  joinCode?: string;
  /** Optimistic-concurrency version, incremented by every save. */
  version: number;
}

/** What a participant did, stored as its own record and never by rewriting the café. */
export type ContributionKind = 'vote' | 'pick' | 'done' | 'postit' | 'argument' | 'answer' | 'feedback' | 'registration';

export interface Contribution {
  cafeId: string;
  stepId: string;
  kind: ContributionKind;
  /** Single-valued kinds (vote, pick, done, feedback): the user id. Others: a unique id (the activity id). */
  key: string;
  userId: string;
  /** A display name, kept only where the guide needs a name shown (crazy jobs turns). */
  userName?: string;
  value: ContributionValue;
  /**
   * When the person acted (epoch ms): the channel's time of the activity (Teams' `timestamp`, which
   * a re-delivery carries unchanged), never later than the receive clock plus a small skew, or the
   * receive clock when the channel gives none (`actedAt`). It orders the records (oldest first)
   * and decides which of one person's answers is the newest (`replaces`).
   */
  at: number;
  /** The channel's id of the activity that brought it (absent in records stored before it was kept). */
  activityId?: string;
}

export type ContributionValue =
  | { kind: 'vote'; choice: string }
  | { kind: 'pick'; item: string }
  | { kind: 'done' }
  | { kind: 'postit'; column: string; postitKind: string; text: string }
  | { kind: 'argument'; side: 'pour' | 'contre'; text: string }
  | { kind: 'answer'; text: string }
  /** The closing feedback poll (domain/feedback.ts): choice ids, and two optional comments. */
  | { kind: 'feedback'; rating?: string; again?: string; topic?: string; positive?: string; negative?: string }
  /**
   * Registration before the café (domain/registration.ts): the guide's ASTUCE, « identifiez le
   * niveau de votre audience en posant la question dans votre formulaire d'inscription », and
   * whether the person comes online or in the room. One per person, kept under REGISTRATION_STEP_ID.
   */
  | { kind: 'registration'; level: MenuAudience; place: RegistrationPlace };

/** Where a registered person comes from: online (the virtual café) or in the room. */
export type RegistrationPlace = 'online' | 'room';

export interface Actor {
  id: string;
  name: string;
  locale: Locale;
  /** In a meeting chat: the person's meeting role, read from Teams. Organizers and presenters drive the café. */
  meetingRole?: 'Organizer' | 'Presenter' | 'Attendee';
  /** The person's time zone as their Teams client says it (IANA, "Europe/Paris"), when it does. */
  timeZone?: string;
}

/** Someone named in a command (/animateur @person). */
export interface Person {
  id: string;
  name: string;
}

/** A command for the café, already parsed and validated at the edge. */
export type Command =
  | { type: 'start'; formulaId: string; variant: Variant; cafeId: string; conversationId: string; serviceUrl: string; botId: string; channelId: string; tenantId?: string; meetingId?: string; formula?: Formula }
  | { type: 'begin'; fromStep?: string }
  | { type: 'choose'; stepId: string; option: string }
  /**
   * `shownRevealed`: from a card, whether it showed the step's answer when pressed. Suivant on a card
   * still showing the question, once the answer is out, is the same press again (a double click):
   * it must not skip past the reveal.
   */
  | { type: 'next'; fromStep?: string; shownRevealed?: boolean }
  | { type: 'back'; fromStep?: string }
  | { type: 'reveal'; stepId: string }
  | { type: 'turn'; stepId: string; delta: 1 | -1 }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; minutes: number }
  /**
   * Ends the café. From the facilitator's confirmation (`endRequest`), `confirmedAt` dates it (an
   * expired one is refused) and `thenFeedback` asks the closing feedback poll first when it has not
   * been asked (the café then goes on to it). Before Commencer, the café is cancelled instead.
   */
  | { type: 'end'; confirmedAt?: number; thenFeedback?: boolean }
  /** Hands the facilitator role over (/animateur @person). */
  | { type: 'hand-over'; to: Person }
  /** Adds a co-facilitator (/coanimateur @person). */
  | { type: 'add-cofacilitator'; who: Person }
  /**
   * Before Commencer only: the café takes another formula of the content (the one the
   * registrations advise, `registrationAdvice`); its plan is made anew, everything else is kept.
   */
  | { type: 'reformulate'; formulaId: string; variant: Variant }
  | { type: 'time-up'; stepId: string }
  | { type: 'all-done'; stepId: string };

/** What the adapter must do after a decision; the domain never does it itself. */
export type Effect =
  /** Post the card of a step (a new message in the chat). */
  | { type: 'post-step'; stepId: string }
  /** Re-render and update the card of a step already posted (coalesced by the adapter). */
  | { type: 'update-step'; stepId: string }
  /** Back: a step already posted is the current one again, as it was; its card is updated, never posted anew. */
  | { type: 'reopen-step'; stepId: string }
  /** Update the menu card (the café's first message). */
  | { type: 'update-menu' }
  /** Post the recap card. */
  | { type: 'post-recap' }
  /** Post a plain message in the chat (an i18n key and its parameters). */
  | { type: 'say'; key: MessageKey; params?: Record<string, string | number> }
  /** Tell the facilitator only (an in-meeting notification; their card view shows it too). */
  | { type: 'notify-facilitator'; key: MessageKey }
  | { type: 'arm-timer'; stepId: string; dueAt: number }
  | { type: 'cancel-timer' };

export type MessageKey =
  | 'timeUp'
  | 'allDone'
  | 'paused'
  | 'resumed'
  | 'extended'
  | 'ended'
  | 'floorTo'
  | 'overtime'
  | 'handedOver'
  | 'coFacilitatorAdded'
  /** /fin before the café began: cancelled, no recap. */
  | 'cancelled';

/** Why a command or a contribution was refused: a code and what the user can do. */
export type RefusalCode =
  | 'not-facilitator'
  | 'no-cafe'
  | 'already-running'
  | 'stale-step'
  | 'closed'
  | 'not-running'
  | 'invalid'
  | 'unknown-formula'
  | 'duplicate'
  | 'too-long'
  /** A confirmation shown too long ago (or forged): nothing changed. */
  | 'expired'
  /** /precedent on the first step: there is none before. */
  | 'first-step'
  /** /prolonger where no countdown runs. */
  | 'no-timer'
  /** A facilitator's command while the café is paused (the way out: /reprendre). */
  | 'paused'
  /** /reprendre while the café is not paused. */
  | 'not-paused'
  /** A facilitator's command before the café began (the way: Commencer, /suivant). */
  | 'not-started'
  /** /animateur naming who already facilitates. */
  | 'same-person'
  /** A registration once the café has begun (registrations are taken before Commencer only). */
  | 'registration-closed'
  /** Another formula once the café has begun: its formula is fixed from Commencer on. */
  | 'formula-fixed';

export interface Refusal {
  refused: RefusalCode;
  detail?: string;
}

export interface Decision {
  state: CafeState;
  effects: Effect[];
}
