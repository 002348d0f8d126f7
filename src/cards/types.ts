import type { Locale } from '../domain/types';

/** An Adaptive Card as sent to Teams (JSON, version 1.5). */
export type Card = Record<string, unknown>;

/**
 * Who a card is rendered for. The shared card (what everyone sees in the chat, sent with
 * sendActivity/updateActivity) is rendered with `{ isFacilitator: false }` and no `userId`; the
 * per-user view (Universal Actions refresh, or the answer to a button) with the viewer's id, so a
 * voter sees their own choice and the facilitator sees the controls and the guide's tips.
 */
export interface Viewer {
  userId?: string;
  isFacilitator: boolean;
  locale: Locale;
  /** The café board's read-only link (tokened), shown in the facilitator's view only. */
  boardUrl?: string;
}
