
/** An Adaptive Card as sent to Teams (JSON, version 1.5). */
export type Card = Record<string, unknown>;

/**
 * Who a card is rendered for: the view model's viewer (src/views). The shared card (what everyone
 * sees in the chat, sent with sendActivity/updateActivity) is rendered with `{ isFacilitator: false }`
 * and no `userId`; the per-user view (Universal Actions refresh, or the answer to a button) with the
 * viewer's id, so a voter sees their own choice and the facilitator sees the controls and the tips.
 */
export type { Viewer } from '../views/types';
