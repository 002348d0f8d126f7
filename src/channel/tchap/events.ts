import { z } from 'zod';
import { parsePollResponse } from './polls';

/**
 * The Matrix events Barista reads, checked by zod at the edge (what the homeserver's sync gives,
 * after decryption in an encrypted room): nothing unparsed goes further. What an event means for a
 * café is `readEvent`'s: a message (maybe a command, maybe a reply in a step's thread), a poll
 * response, a reaction; anything else is ignored.
 */
const UserId = z.string().min(3).max(255).regex(/^@[^:\s]+:\S+$/);
// Room versions up to 11 name the room's server (`!opaque:server`); version 12 (what recent
// Synapse releases make by default) does not: `!hash`.
const RoomId = z.string().min(3).max(255).regex(/^![^:\s]+(:\S+)?$/);
const EventId = z.string().min(2).max(255).regex(/^\$\S+$/);

export const MatrixEventSchema = z.object({
  type: z.string().min(1).max(255),
  event_id: EventId,
  sender: UserId,
  room_id: RoomId,
  origin_server_ts: z.number().int().nonnegative(),
  content: z.record(z.string(), z.unknown()),
  /** Edits (m.replace) and redactions of messages come with `unsigned` too; they are ignored here. */
  unsigned: z.record(z.string(), z.unknown()).optional(),
});
export type MatrixEvent = z.infer<typeof MatrixEventSchema>;

/** A message's body, bounded generously (the engine applies the real text limit politely). */
const MessageContent = z.object({
  msgtype: z.enum(['m.text', 'm.notice', 'm.emote']),
  body: z.string().max(20_000),
  'm.relates_to': z.object({
    rel_type: z.string().max(100).optional(),
    event_id: EventId.optional(),
    'm.in_reply_to': z.object({ event_id: EventId }).optional(),
  }).optional(),
  'm.mentions': z.object({ user_ids: z.array(UserId).max(100).optional() }).optional(),
  'm.new_content': z.unknown().optional(),
});

const ReactionContent = z.object({
  'm.relates_to': z.object({ rel_type: z.literal('m.annotation'), event_id: EventId, key: z.string().min(1).max(100) }),
});

/** What an event is to Barista. */
export type ReadEvent =
  | { kind: 'message'; body: string; mentions: string[]; thread?: string; replyTo?: string }
  | { kind: 'poll-response'; pollEventId: string; answerId?: string }
  | { kind: 'reaction'; to: string; key: string }
  | { kind: 'ignore' };

/** Reads a raw event from the sync: undefined when it is not a well-formed event at all. */
export function parseEvent(raw: unknown): MatrixEvent | undefined {
  const parsed = MatrixEventSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function readEvent(e: MatrixEvent, botUserId: string): ReadEvent {
  // Barista's own events come back in the sync: never read as someone's.
  if (e.sender === botUserId) return { kind: 'ignore' };
  if (e.type === 'm.room.message') {
    const m = MessageContent.safeParse(e.content);
    // An edit is shown in place by clients; the café keeps the first message (a changed vote is a new response).
    if (!m.success || m.data['m.new_content'] !== undefined || m.data['m.relates_to']?.rel_type === 'm.replace') return { kind: 'ignore' };
    const rel = m.data['m.relates_to'];
    return {
      kind: 'message',
      body: m.data.body,
      mentions: m.data['m.mentions']?.user_ids ?? [],
      ...(rel?.rel_type === 'm.thread' && rel.event_id ? { thread: rel.event_id } : {}),
      ...(rel?.['m.in_reply_to'] ? { replyTo: rel['m.in_reply_to'].event_id } : {}),
    };
  }
  const response = parsePollResponse(e.type, e.content);
  if (response) return { kind: 'poll-response', ...response };
  if (e.type === 'm.reaction') {
    const r = ReactionContent.safeParse(e.content);
    if (r.success) return { kind: 'reaction', to: r.data['m.relates_to'].event_id, key: r.data['m.relates_to'].key };
  }
  return { kind: 'ignore' };
}
