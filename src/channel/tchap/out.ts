import type { MatrixText } from './html';

/**
 * What Barista sends into a Matrix room, as data: the renderer (render.ts, pure) turns a scene
 * into slots, the channel (channel.ts) sends, edits or ends them. Each of Barista's events carries
 * its mark under META_KEY (`EventMeta`): what the event shows and what an answer to it means, so a
 * poll response, a reply in its thread or a reaction is read against the event itself (only
 * Barista's own events are trusted for it), and nothing needs to be kept beside the room.
 */
export const META_KEY = 'fr.barista';

/**
 * What a reply, a reaction or a poll response to one of Barista's events means:
 * - `vote`: a poll step's Matrix poll (responses are votes; `!vote N` too);
 * - `pick`: a pick step's poll (responses are picks);
 * - `choose`: a choose step's poll, answered by the facilitator only;
 * - `feedback:rating` | `feedback:again` | `feedback:topic`: one question of the closing feedback (a poll);
 * - `feedback:comments`: the feedback's message: replies in its thread are comments (« + … » positive, « - … » negative);
 * - `postit`: a board step's message: replies in its thread are post-its;
 * - `argument`: a debate's message: replies in its thread are arguments (« pour : … », « contre : … »);
 * - `answer`: an open question's message: replies in its thread are answers;
 * - `done`: a video step's message: a reaction or a reply says « J'ai fini ».
 */
export type Takes =
  | 'vote' | 'pick' | 'choose'
  | 'feedback:rating' | 'feedback:again' | 'feedback:topic' | 'feedback:comments'
  | 'postit' | 'argument' | 'answer' | 'done';

export interface EventMeta {
  cafe: string;
  /** The step the event shows. */
  step?: string;
  takes?: Takes;
}

/** One event of Barista's: a text message (m.room.message, Matrix HTML) or a poll's start (MSC3381). */
export type TchapOut =
  | { type: 'text'; text: MatrixText; meta?: EventMeta }
  | { type: 'poll'; content: Record<string, unknown>; meta: EventMeta };

/**
 * A scene as Matrix events. `key` is stable for the same thing (a step's poll: `poll:<step>`; its
 * text: `text:<step>`; the reveal's answer: `answer:<step>`): the channel sends a new key, edits a
 * text whose key it sent before (when its words changed), never edits a poll, and ends a poll whose
 * key is gone from a later render of the same message (the step was left).
 */
export interface Slot {
  key: string;
  out: TchapOut;
  /** A poll whose step is revealed or closed: the channel ends it (m.poll.end), once; `text` is what its end says. */
  ended?: { text: string };
}
