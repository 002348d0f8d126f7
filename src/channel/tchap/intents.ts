import type { Input } from '../../bot/parse';
import type { Content } from '../../content/schema';
import type { CafeState } from '../../domain/types';
import { commandText, type BotIdentity } from './commands';
import type { ReadEvent } from './events';
import { isKnownCommand, tchapCommand } from './intentCommands';
import { pollAnswer, reactionAnswer, threadReply, threadTarget, type MyFeedback } from './intentReplies';
import { withoutReplyFallback } from './intentWords';
import type { EventMeta } from './out';

export { TCHAP_COMMANDS } from './tchapHelp';

/**
 * What a person did in a Matrix room, as the turn pipeline's `Input` (pure): a command (`!…`, or
 * Barista named first), a reply in the thread of one of Barista's step messages, a reaction, a
 * poll response. Undefined when it is not for Barista: the room's own conversation, a reply under
 * a message that is not one of Barista's step messages, a reaction to anything else, a withdrawn
 * vote. What an answer means is read from Barista's own mark on the event answered (`target`), never
 * from the answer.
 */
export interface IntentContext {
  bot: BotIdentity;
  content: Content;
  /** The café running in this room (the newest), if any. */
  cafe?: CafeState;
  /** Barista's mark on the event replied to / threaded under / reacted to / poll responded to (only Barista's own events; undefined otherwise). */
  target?: EventMeta;
  /** The end / erase confirmations Barista last asked in this room (their `at`, and the end's step), when still pending. */
  pending?: { end?: { at: number; step?: string }; erase?: { at: number } };
  /** The person's own feedback stored for the feedback step (to merge one poll's answer with their other answers). */
  myFeedback?: MyFeedback;
  /** People mentioned in the message (Matrix user id + display name), Barista aside: /animateur @p. */
  mentioned?: Array<{ id: string; name: string }>;
}

export function intentOf(read: ReadEvent, ctx: IntentContext): Input | undefined {
  switch (read.kind) {
    case 'message':
      return messageIntent(read, ctx);
    case 'poll-response':
      return pollAnswer(read.answerId, ctx.target, ctx.myFeedback);
    case 'reaction':
      return reactionAnswer(ctx.target);
    default:
      return undefined;
  }
}

/**
 * A message. In the thread of a step message that takes replies (a board's post-its, a debate's
 * arguments…), only a `!` command Barista knows is a command: anything else is the thread's
 * answer (« Barista a raison : … » is an argument). Elsewhere, a command or nothing.
 */
function messageIntent(read: Extract<ReadEvent, { kind: 'message' }>, ctx: IntentContext): Input | undefined {
  const body = withoutReplyFallback(read.body);
  const answered = read.thread !== undefined || read.replyTo !== undefined ? threadTarget(ctx.target) : undefined;
  const text = commandText(body, ctx.bot, read.mentions.includes(ctx.bot.userId));
  if (text !== undefined && (!answered || (body.trim().startsWith('!') && isKnownCommand(text)))) return tchapCommand(text, ctx);
  return answered ? threadReply(body, answered, ctx) : undefined;
}
