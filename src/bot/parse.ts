import { z } from 'zod';
import { ActionDataSchema, type ActionData } from '../cards/actions';
import type { Variant } from '../content/schema';
import type { Person } from '../domain/types';

/** What Barista says to a command or an answer it cannot use as given (a `MessageId`). */
export type NotUnderstood = 'tchap.bad.argument' | 'tchap.bad.notHere' | 'tchap.bad.side' | 'tchap.bad.column';

/**
 * Activity → input, with zod at the edge. Nothing unparsed reaches the engine: an unknown command
 * or a forged card payload becomes an input the bot answers politely, and changes nothing.
 */

export type TextCommand =
  | { type: 'startcafe'; formula: string; variant?: Variant; rest: string }
  | { type: 'next' }
  | { type: 'back' }
  /** /reveler: the current poll's or question's answer, and its vote closed. */
  | { type: 'reveal' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; minutes: number }
  | { type: 'end' }
  | { type: 'help' }
  | { type: 'menu' }
  | { type: 'handover'; person?: Person }
  | { type: 'cofacilitator'; person?: Person }
  /** /effacer: erase the chat's cafés (after a confirmation). */
  | { type: 'erase' }
  /** /reseau: the organisation and town told to the cafés network. */
  | { type: 'network' };

export type Input =
  | { kind: 'text'; command: TextCommand }
  | { kind: 'action'; data: ActionData; via: 'execute' | 'submit' }
  | { kind: 'unknown-command'; text: string }
  /** /prolonger with something other than a number of minutes from 1 to 30. */
  | { kind: 'bad-minutes' }
  | { kind: 'bad-payload'; via: 'execute' | 'submit' }
  /**
   * A known command, or an answer, that Barista cannot use as given (« !vote 9 » on three choices, an
   * argument that says neither « pour » nor « contre »): the channel names what to say instead.
   */
  | { kind: 'not-understood'; message: NotUnderstood; params?: Record<string, string> }
  /** Teams says a meeting with Barista has started. */
  | { kind: 'meeting-start' }
  | { kind: 'ignore' };

/** The activity fields the bot reads; everything else is ignored. */
export const ActivitySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().optional(),
  from: z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }),
  recipient: z.object({ id: z.string().min(1) }),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  /** Only entities with a type are kept: one without (`{}`, `{ mentioned }`) is ignored, not a crash. */
  entities: z.array(z.unknown()).transform((list) => list.filter((e): e is { type: string } & Record<string, unknown> => typeof (e as { type?: unknown } | null)?.type === 'string')).optional(),
  /**
   * When the person acted (set by the service; a re-delivered activity carries the original): an
   * ISO string on the wire, a Date once botbuilder has read the activity. One that is not a valid
   * time is dropped (the activity is still read; the receive clock stands in).
   */
  timestamp: z.union([z.date(), z.string().max(64)]).optional().catch(undefined),
  /** The sender's IANA time zone (Bot Framework's activity field; Teams also sends it in the clientInfo entity). */
  localTimezone: z.string().max(64).optional(),
  /** conversationUpdate: who joined or left (the kept roster is read again). */
  membersAdded: z.array(z.object({ id: z.string() }).passthrough()).optional(),
  membersRemoved: z.array(z.object({ id: z.string() }).passthrough()).optional(),
  channelData: z.object({ meeting: z.object({ id: z.string().min(1) }).optional(), tenant: z.object({ id: z.string() }).optional() }).passthrough().optional(),
});
export type ParsedActivity = z.infer<typeof ActivitySchema>;

const InvokeValueSchema = z.object({
  action: z.object({ type: z.string().optional(), verb: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }),
});

const MAX_COMMAND_TEXT = 500;

const ALIASES: Record<string, TextCommand['type']> = {
  startcafe: 'startcafe',
  suivant: 'next', next: 'next',
  precedent: 'back', 'précédent': 'back', previous: 'back', back: 'back',
  reveler: 'reveal', 'révéler': 'reveal', reveal: 'reveal',
  pause: 'pause',
  reprendre: 'resume', resume: 'resume',
  prolonger: 'extend', extend: 'extend',
  fin: 'end', end: 'end',
  aide: 'help', help: 'help',
  menu: 'menu',
  animateur: 'handover', animatrice: 'handover', facilitator: 'handover',
  coanimateur: 'cofacilitator', coanimatrice: 'cofacilitator', cofacilitator: 'cofacilitator',
  effacer: 'erase', erase: 'erase',
  reseau: 'network', 'réseau': 'network', network: 'network',
};

const MentionSchema = z.object({ type: z.literal('mention'), mentioned: z.object({ id: z.string().min(1), name: z.string().default('') }) });

const ClientInfoSchema = z.object({ type: z.literal('clientInfo'), timezone: z.string().max(64) });

/** The sender's time zone: the activity's `localTimezone`, else the clientInfo entity's; only a name Intl knows. */
export function timeZoneOf(activity: ParsedActivity): string | undefined {
  const candidates = [activity.localTimezone, ...(activity.entities ?? []).map((e) => ClientInfoSchema.safeParse(e)).flatMap((r) => (r.success ? [r.data.timezone] : []))];
  for (const zone of candidates) {
    if (!zone) continue;
    try {
      new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
      return zone;
    } catch {
      // Not a time zone: the next one, else none.
    }
  }
  return undefined;
}

/**
 * When the person acted, epoch ms, as the activity says (`timestamp`), or undefined when it says
 * nothing valid. Not clamped here: the domain (`actedAt`) holds it against the receive clock.
 */
export function activityTimeOf(activity: ParsedActivity): number | undefined {
  const stamp = activity.timestamp;
  if (stamp === undefined) return undefined;
  const ms = stamp instanceof Date ? stamp.getTime() : Date.parse(stamp);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The people @mentioned in a message, the bot aside. */
export function mentionedPeople(activity: ParsedActivity): Person[] {
  const out: Person[] = [];
  for (const e of activity.entities ?? []) {
    const m = MentionSchema.safeParse(e);
    if (m.success && m.data.mentioned.id !== activity.recipient.id) out.push({ id: m.data.mentioned.id, name: m.data.mentioned.name });
  }
  return out;
}

/** Reads one activity. `text` must already have the bot's mention removed. */
export function parseInput(activity: ParsedActivity, text: string): Input {
  if (activity.type === 'invoke') {
    if (activity.name !== 'adaptiveCard/action') return { kind: 'ignore' };
    const value = InvokeValueSchema.safeParse(activity.value);
    if (!value.success) return { kind: 'bad-payload', via: 'execute' };
    const data = ActionDataSchema.safeParse({ ...value.data.action.data, verb: value.data.action.verb ?? value.data.action.data?.verb });
    return data.success ? { kind: 'action', data: data.data, via: 'execute' } : { kind: 'bad-payload', via: 'execute' };
  }
  if (activity.type === 'event' && activity.name === 'application/vnd.microsoft.meetingStart') return { kind: 'meeting-start' };
  if (activity.type !== 'message') return { kind: 'ignore' };
  if (activity.value !== undefined && activity.value !== null && (!text || typeof activity.value === 'object')) {
    const data = ActionDataSchema.safeParse(activity.value);
    return data.success ? { kind: 'action', data: data.data, via: 'submit' } : { kind: 'bad-payload', via: 'submit' };
  }
  const input = parseText(text);
  if (input.kind === 'text' && (input.command.type === 'handover' || input.command.type === 'cofacilitator')) {
    return { kind: 'text', command: { type: input.command.type, person: mentionedPeople(activity)[0] } };
  }
  return input;
}

/** `/startcafe americano sans sucre`, `suivant`, `/prolonger 5`… (the slash is optional, as in Teams' command menu). */
export function parseText(raw: string): Input {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'unknown-command', text: '' };
  if (text.length > MAX_COMMAND_TEXT) return { kind: 'unknown-command', text: text.slice(0, 40) };
  const [head, ...args] = text.split(' ');
  const word = head.replace(/^\//, '').toLowerCase();
  const type = ALIASES[word];
  if (!type) return { kind: 'unknown-command', text: head.slice(0, 40) };
  switch (type) {
    case 'startcafe': {
      const rest = args.join(' ').toLowerCase();
      const formula = (args[0] ?? '').toLowerCase();
      const option = args.slice(1).join(' ').toLowerCase().replace(/-/g, ' ').trim();
      const variant: Variant | undefined | null =
        option === '' ? undefined : option === 'avec sucre' ? 'avec-sucre' : option === 'sans sucre' ? 'sans-sucre' : null;
      if (variant === null) return { kind: 'text', command: { type: 'startcafe', formula: `${formula} ${option}`.trim(), rest } };
      return { kind: 'text', command: { type: 'startcafe', formula, variant, rest } };
    }
    case 'extend': {
      const minutes = Number(args[0] ?? '5');
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 30) return { kind: 'bad-minutes' };
      return { kind: 'text', command: { type: 'extend', minutes } };
    }
    default:
      return { kind: 'text', command: { type } as TextCommand };
  }
}
