import type { Address, ChannelPort, Reply } from '../../channel/port';
import type { Content } from '../../content/schema';
import type { Actor, CafeState } from '../../domain';
import type { ErrorSink } from '../../errors';
import type { CafeStore } from '../../store/port';
import type { Timers } from '../../timers/port';
import type { Input } from '../parse';
import type { WebLinks } from '../../views/types';

/**
 * One turn as the pipeline sees it, whatever the channel: what the person asked (already parsed
 * by zod at the channel's edge), who they are, and where they are.
 */
export interface Turn {
  input: Input;
  actor: Actor;
  /** The conversation the turn comes from (where replies and a new café's cards go). */
  address: Address;
  /** The channel's id of the activity: a re-delivered activity carries the same one. */
  activityId?: string;
  /**
   * When the person acted, epoch ms, as the channel says (Teams' activity `timestamp`: a
   * re-delivered activity carries the original); absent when it does not say. Orders a person's
   * answers (the newest wins), held against the receive clock by the domain (`actedAt`).
   */
  at?: number;
  /** In a Teams meeting chat: the meeting's id (roles, in-meeting notifications). */
  meetingId?: string;
  /**
   * Reads the person's meeting role (Teams: organizers and presenters may drive the café). Called
   * only for routes that drive the café, so a vote never waits for it.
   */
  meetingRole?: () => Promise<Actor['meetingRole']>;
}

/** What the pipeline needs, handed in by the one wiring file (src/server.ts). */
export interface PipelineDeps {
  store: CafeStore;
  content: Content;
  channel: ChannelPort;
  timers: Timers;
  sink: ErrorSink;
  now?: () => number;
  newId?: () => string;
  /** Draws a new café's join code (default `newCafeCode`, src/web/code.ts: 10 random Crockford base-32 characters). */
  newCode?: () => string;
  /**
   * This process is the store's only writer (SQLite): what it keeps between turns (the café's
   * participants) never goes stale. Off (Redis, several instances): kept lists are re-read now and then.
   */
  singleWriter?: boolean;
  /** Offer /menu when a meeting with Barista starts (default true). */
  meetingStartCard?: boolean;
  /** Days a café is kept after it ends (said in /effacer's confirmation and in /aide). */
  retentionDays?: number;
  /** The tokened links to a café's export, for the recap card (when there is a public address). */
  exportLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
  /** The tokened links to a café's report for the cafés network (GeoJSON, CSV). */
  networkLinks?: (cafeId: string) => Array<{ label: string; url: string }>;
  /** The café board's read-only link for the facilitator's view (when there is a public address). */
  boardLink?: (cafeId: string) => string;
  /**
   * The web door of a café for its facilitator `actorId` (the participants' address and code, their
   * console link), when the café has a code and Barista a public address; undefined otherwise.
   */
  webLinks?: (state: CafeState, actorId: string) => WebLinks | undefined;
  /** Told of every change of a café (its board refreshes at once). */
  onChange?: (state: Pick<CafeState, 'id' | 'conversationId'>) => void;
}

export type { Reply };
