import type { Input } from '../../bot/parse';
import type { Content } from '../../content/schema';
import type { CafeState } from '../../domain/types';
import { boardOf, postitKindNamed } from './intentSteps';
import { act, badArgument, indexOf } from './intentWords';
import type { EventMeta, Takes } from './out';

/**
 * What an answer to one of Barista's events means, by the event's own mark (`EventMeta.takes`):
 * a reply in a step message's thread, a reaction, a poll response. The café and the step are the
 * event's (an answer to a step already left is the domain's to refuse, as a stale card is).
 */

export type MyFeedback = { rating?: string; again?: string; topic?: string; positive?: string; negative?: string };

/** The kinds of event whose thread takes replies. */
const THREADED: readonly Takes[] = ['postit', 'argument', 'answer', 'done', 'feedback:comments'];

/** The mark of a step message whose thread takes replies, else undefined (a poll, an event without a step). */
export function threadTarget(target: EventMeta | undefined): (EventMeta & { step: string; takes: Takes }) | undefined {
  return target?.step && target.takes && THREADED.includes(target.takes) ? { ...target, step: target.step, takes: target.takes } : undefined;
}

/** A reply in the thread of a step message, by what it takes. */
export function threadReply(text: string, target: EventMeta & { step: string; takes: Takes }, ctx: { content: Content; cafe?: CafeState; myFeedback?: MyFeedback }): Input | undefined {
  const at = { cafe: target.cafe, step: target.step };
  const body = text.trim();
  switch (target.takes) {
    case 'done':
      return act({ verb: 'done', ...at });
    case 'answer':
      return body ? act({ verb: 'answer', ...at, answerText: body }) : undefined;
    case 'argument': {
      const arg = argumentOf(body);
      return arg ? act({ verb: 'argument', ...at, side: arg.side, argumentText: arg.text }) : { kind: 'not-understood', message: 'tchap.bad.side' };
    }
    case 'postit':
      return postitOf(body, target, ctx);
    case 'feedback:comments': {
      const c = commentOf(body);
      if (!c) return undefined;
      return feedback(target, ctx.myFeedback, c.side === 'positive' ? { positive: c.text } : { negative: c.text });
    }
    default:
      return undefined;
  }
}

/** « pour : … », « contre : … », « + … », « - … », « for: … », « against: … » (a word needs its « : »: « pourquoi… » is no side). */
const SIDES: Array<[RegExp, 'pour' | 'contre']> = [
  [/^(?:pour|for)\s*:\s*/i, 'pour'],
  [/^(?:contre|against)\s*:\s*/i, 'contre'],
  [/^\+\s*/, 'pour'],
  [/^[-–]\s*/, 'contre'],
];

function argumentOf(body: string): { side: 'pour' | 'contre'; text: string } | undefined {
  for (const [head, side] of SIDES) {
    const m = head.exec(body);
    if (m) {
      const text = body.slice(m[0].length).trim();
      return text ? { side, text } : undefined;
    }
  }
  return undefined;
}

/** « + … » positive, « - … » negative, anything else positive. */
function commentOf(body: string): { side: 'positive' | 'negative'; text: string } | undefined {
  const m = /^([+\-–])\s*([\s\S]*)$/.exec(body);
  const side = m && (m[1] === '-' || m[1] === '–') ? 'negative' : 'positive';
  const text = (m ? m[2]! : body).trim();
  return text ? { side, text } : undefined;
}

/**
 * A post-it: « texte » (first column, first kind), « 2 : texte » (the second column), « rose : texte »,
 * « 2 sensibles : texte ». What is before the « : » counts only when it names a column and/or a kind;
 * else it is part of the text (« Midi : la cantine »). A column number that the board has not is refused.
 */
function postitOf(body: string, target: { cafe: string; step: string }, ctx: { content: Content; cafe?: CafeState }): Input | undefined {
  if (!body) return undefined;
  const step = ctx.cafe?.id === target.cafe ? ctx.cafe.steps.find((s) => s.id === target.step) : undefined;
  const board = step ? boardOf(ctx.content, step) : undefined;
  // A board the café no longer has (another café, a changed content): the domain refuses the stale step.
  const columns = board?.columns ?? [];
  const kinds = board?.postitKinds ?? [];
  let column = columns[0]?.id ?? '';
  let kind = kinds[0]?.id ?? '';
  let text = body;
  const m = /^([^:\n]{1,60}?)\s*:\s*([\s\S]+)$/.exec(body);
  if (m && board) {
    const words = m[1]!.trim().split(/\s+/);
    const numbers = words.filter((w) => /^\d{1,3}$/.test(w));
    const rest = words.filter((w) => !/^\d{1,3}$/.test(w)).join(' ');
    const named = rest ? postitKindNamed(board, rest) : undefined;
    // The head counts when it is a column number and/or a kind, nothing else.
    if (numbers.length <= 1 && (numbers.length === 1 || named !== undefined) && (rest === '' || named !== undefined)) {
      if (numbers[0] !== undefined) {
        const i = indexOf(numbers[0], columns.length);
        if (i === undefined) return { kind: 'not-understood', message: 'tchap.bad.column', params: { column: numbers[0] } };
        column = columns[i]!.id;
      }
      if (named !== undefined) kind = named;
      text = m[2]!.trim();
    }
  }
  return act({ verb: 'postit', cafe: target.cafe, step: target.step, postitColumn: column, postitKind: kind, postitText: text });
}

/** The feedback's answer: this one merged with the person's other answers (the verb carries all five). */
function feedback(target: { cafe: string; step?: string }, mine: MyFeedback | undefined, patch: MyFeedback): Input {
  const all = { ...mine, ...patch };
  return act({
    verb: 'feedback', cafe: target.cafe, step: target.step,
    feedback_rating: all.rating ?? '', feedback_again: all.again ?? '', feedback_topic: all.topic ?? '',
    feedback_positive: all.positive ?? '', feedback_negative: all.negative ?? '',
  });
}

/** A poll response to one of Barista's polls; a withdrawn vote (no answer) changes nothing. */
export function pollAnswer(answerId: string | undefined, target: EventMeta | undefined, myFeedback?: MyFeedback): Input | undefined {
  if (!answerId || !target?.step || !target.takes) return undefined;
  const at = { cafe: target.cafe, step: target.step };
  switch (target.takes) {
    case 'vote': return act({ verb: 'vote', ...at, choice: answerId });
    case 'pick': return act({ verb: 'pick', ...at, item: answerId });
    case 'choose': return act({ verb: 'choose', ...at, option: answerId });
    case 'feedback:rating': return feedback(at, myFeedback, { rating: answerId });
    case 'feedback:again': return feedback(at, myFeedback, { again: answerId });
    case 'feedback:topic': return feedback(at, myFeedback, { topic: answerId });
    default: return undefined;
  }
}

/** A reaction: on a video's message, « J'ai fini »; on anything else, nothing. */
export function reactionAnswer(target: EventMeta | undefined): Input | undefined {
  return target?.takes === 'done' && target.step ? act({ verb: 'done', cafe: target.cafe, step: target.step }) : undefined;
}
