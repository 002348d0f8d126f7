import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { signature, signatureMatches } from '../signature';
import { LocaleSchema } from './contract';

/**
 * The web door's tokens (src/web/contract.ts): who a request comes from, since Barista has no
 * accounts. A token is `payload.signature`, like the board's (src/tab/token.ts): the payload in
 * base64url and an HMAC of it with the server's secret, under a purpose of its own, so a board
 * or export token never passes for a web token and the other way round.
 *
 * Two kinds: the console's (the facilitator's actor id for one café) and a participant's (a
 * random id, an optional first name, the page's locale, for one café). A first name is kept as
 * given (at most 40 characters): escaping it is the renderer's job.
 */

/** Signed under a purpose of its own: a board or export token never opens the web door. */
const PURPOSE = 'barista-web\n';

/**
 * How long a token lives. A café lasts at most a few hours, so a participant's token outlives
 * any café (12 hours) and the page never asks to join again mid-café. The console link is the
 * facilitator's alone (anyone holding it drives the café): it travels in the link's fragment,
 * which no browser sends to a server or in a Referer, so it is never in a log; it lives a week,
 * so a café created ahead can take its registrations and be run from the same link.
 */
export const CONSOLE_TOKEN_HOURS = 7 * 24;
export const PARTICIPANT_TOKEN_HOURS = 12;

export const PARTICIPANT_ID_PREFIX = 'web:p:';
const PARTICIPANT_ID_PATTERN = /^web:p:[A-Za-z0-9_-]{22}$/;

/** A participant's actor id: 'web:p:' and 128 random bits in base64url (22 characters). */
export function newParticipantId(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(16);
  if (bytes.length < 16) throw new Error('newParticipantId: the random source gave too few bytes');
  return PARTICIPANT_ID_PREFIX + bytes.subarray(0, 16).toString('base64url');
}

const Id = z.string().min(1).max(500);
const ExpiresAt = z.number().int().positive();

const ConsolePayload = z.object({
  kind: z.literal('console'),
  cafeId: Id,
  actorId: Id,
  expiresAt: ExpiresAt,
}).strict();

const ParticipantPayload = z.object({
  kind: z.literal('participant'),
  cafeId: Id,
  participantId: z.string().regex(PARTICIPANT_ID_PATTERN),
  name: z.string().min(1).max(40).optional(),
  locale: LocaleSchema,
  expiresAt: ExpiresAt,
}).strict();

const PayloadSchema = z.discriminatedUnion('kind', [ConsolePayload, ParticipantPayload]);

export type ConsoleScope = Omit<z.infer<typeof ConsolePayload>, 'expiresAt'>;
export type ParticipantScope = Omit<z.infer<typeof ParticipantPayload>, 'expiresAt'>;
export type WebScope = ConsoleScope | ParticipantScope;

export type WebTokenCheck =
  | { ok: true; scope: WebScope; expiresAt: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Signs a scope until expiresAt; throws on a scope no reader would accept (a name too long, …). */
export function webToken(scope: WebScope, expiresAt: number, secret: string): string {
  const payload = PayloadSchema.parse({ ...scope, expiresAt });
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${signature(`${PURPOSE}${body}`, secret)}`;
}

export function readWebToken(token: unknown, secret: string, now: number): WebTokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const m = /^([A-Za-z0-9_-]{1,1600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  if (!signatureMatches(`${PURPOSE}${m[1]}`, m[2]!, secret)) return { ok: false, reason: 'invalid' };
  let payload: z.infer<typeof PayloadSchema>;
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    payload = parsed.data;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (payload.expiresAt < now) return { ok: false, reason: 'expired' };
  const { expiresAt, ...scope } = payload;
  return { ok: true, scope, expiresAt };
}
