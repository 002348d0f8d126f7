import type { MenuAnswers } from '../domain/recommend';
import type { VoteTally } from '../domain/tally';
import type { CafeState, Contribution, Locale, Step } from '../domain/types';
import type { ChatProfile } from '../store/port';
import type { WebLinks } from '../views/types';

/**
 * The channel port: everything that reaches people goes through it. The turn pipeline (src/bot)
 * decides *what* people see as channel-neutral scenes and effects; a channel (Teams today, then
 * the web and Tchap) decides *how*: Adaptive Cards and Bot Connector calls for Teams. A second
 * channel implements this interface and reuses the route table and the domain unchanged.
 */

/** Where a café's messages go: enough to reach the conversation proactively. */
export interface Address {
  conversationId: string;
  serviceUrl: string;
  botId: string;
  channelId: string;
  tenantId?: string;
}

/** Who a view is for: the shared view (no userId), a participant's, or the facilitator's. */
export interface Viewer {
  userId?: string;
  isFacilitator: boolean;
  locale: Locale;
  /** The café board's read-only link (tokened), shown in the facilitator's view only. */
  boardUrl?: string;
  /** The web door (participants' address and code, the facilitator's console), in the facilitator's view only. */
  web?: WebLinks;
}

export interface Link {
  label: string;
  url: string;
}

/**
 * What a person sees, as data: the channel renders it (Teams: an Adaptive Card from src/cards).
 * `participants` on a step is the café's participant list, kept by the pipeline so a step's view
 * needs only that step's contributions; `members`, the conversation's as the channel read them (who
 * is expected to finish a video); `votes`, a poll's votes as the store keeps them counted.
 */
export type Scene =
  | { kind: 'step'; state: CafeState; step: Step; contributions: Contribution[]; participants?: string[]; members?: readonly string[]; votes?: VoteTally; viewer: Viewer; now: number }
  | { kind: 'menu'; state: CafeState; viewer: Viewer }
  | { kind: 'recap'; state: CafeState; contributions: Contribution[]; locale: Locale; now: number; downloads?: Link[]; networkDownloads?: Link[] }
  | { kind: 'menu-tree'; answers: MenuAnswers; locale: Locale }
  | { kind: 'help'; locale: Locale; isFacilitator: boolean; retentionDays?: number }
  | { kind: 'formulas'; locale: Locale; input?: string }
  | { kind: 'already-running'; state: CafeState; locale: Locale }
  | { kind: 'compose'; locale: Locale }
  | { kind: 'erase-confirm'; locale: Locale; count: number; at: number; days: number }
  | { kind: 'erased'; locale: Locale; count: number; cancelled?: boolean }
  /**
   * /fin's confirmation (`at` dates it; `step`, the step card it replaces, if any), offering the
   * feedback poll first when it has not been asked; once answered, `outcome` says what happened.
   */
  | { kind: 'end-confirm'; locale: Locale; cafeId: string; at: number; feedbackAsked: boolean; step?: string; outcome?: 'ended' | 'feedback' | 'kept' }
  | { kind: 'network'; locale: Locale; cafeId: string; profile?: ChatProfile; saved?: boolean; links?: Link[] };

export type SceneKind = Scene['kind'];

/** The answer to the person who acted: a view of their own, or a short message (refusal, apology). */
export type Reply = { scene: Scene } | { message: string } | undefined;

/** The person a reply in the chat is addressed to (a mention in Teams). */
export interface Person {
  id: string;
  name: string;
}

/**
 * How effects reach people. Every method is called outside the turn (the answer to the person
 * never waits for them); each implementation paces, retries and orders its own calls.
 * A call that fails says, where the channel knows, whether it is worth trying again later: an
 * error with `retryable: boolean` (Teams: `OutboundError`, true when it gave up on a transient
 * failure). The outbox keeps an effect that failed retryably, and drops one that will never pass.
 */
export interface ChannelPort {
  /** Posts a new message showing `scene`; resolves with its id (to update or delete it later). */
  post(to: Address, scene: Scene): Promise<string | undefined>;
  /**
   * Asks for a posted message to show the scene `render` builds, rendered as late as possible and
   * merged with later requests; skipped when it would show what the message already shows.
   * `done`, when given, is called once an update covering this request was sent (or skipped, or
   * refused for good): the durable outbox acknowledges the request then.
   */
  update(to: Address, messageId: string, render: () => Promise<Scene | undefined>, done?: () => void): void;
  /** Removes one of Barista's messages (/effacer). */
  delete(to: Address, messageId: string): Promise<void>;
  /** A plain message to everyone in the conversation. */
  say(to: Address, text: string): Promise<void>;
  /** A reply to one person in the conversation (text commands have no private answer). */
  reply(to: Address, person: Person, text: string): Promise<void>;
  /**
   * Tells the facilitators privately (Teams: a targeted in-meeting notification). The chat message
   * that goes with it is a separate `say`; a channel that cannot notify privately does nothing.
   */
  notifyFacilitators(to: Address & { meetingId?: string }, recipients: string[], key: string, locale: Locale): Promise<void>;
  /**
   * The conversation's members (ids, Barista itself aside): who is expected to finish a video.
   * Teams: the chat's roster (the meeting chat's in a meeting), kept a few minutes and read again
   * when someone joins or leaves. Undefined when the channel cannot read it: then nobody is
   * claimed to be "everyone".
   */
  members(to: Address): Promise<string[] | undefined>;
  /** Waits for every queued call (shutdown, tests). */
  flush(): Promise<void>;
}
