import { signature, signatureMatches } from '../signature';
import { z } from 'zod';

/**
 * The café board's tokens: an unguessable, expiring permission to watch one café (the read-only
 * link the facilitator gets) or one conversation's current café (the meeting tab, after Teams single
 * sign-on). A token is `payload.signature`: the payload (scope, id, expiry) in base64url and an
 * HMAC of it with the server's secret, under a purpose of its own so an export token never opens
 * a board and the other way round.
 */

/** Signed under a purpose of its own: an export token never opens a board. */
const PURPOSE = 'barista-board\n';

export type BoardScope =
  | { kind: 'cafe'; cafeId: string }
  | { kind: 'conversation'; conversationId: string; canShare: boolean };

const PayloadSchema = z.object({
  s: z.enum(['c', 'v']),
  id: z.string().min(1).max(500),
  e: z.number().int().positive(),
  share: z.boolean().optional(),
}).strict();

export function boardToken(scope: BoardScope, expiresAt: number, secret: string): string {
  const payload = scope.kind === 'cafe'
    ? { s: 'c', id: scope.cafeId, e: expiresAt }
    : { s: 'v', id: scope.conversationId, e: expiresAt, share: scope.canShare };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${signature(`${PURPOSE}${body}`, secret)}`;
}

export type TokenCheck = { ok: true; scope: BoardScope; expiresAt: number } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export function readBoardToken(token: unknown, secret: string, now: number): TokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const m = /^([A-Za-z0-9_-]{1,1200})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  if (!signatureMatches(`${PURPOSE}${m[1]}`, m[2], secret)) return { ok: false, reason: 'invalid' };
  let payload: z.infer<typeof PayloadSchema>;
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    payload = parsed.data;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (payload.e < now) return { ok: false, reason: 'expired' };
  const scope: BoardScope = payload.s === 'c'
    ? { kind: 'cafe', cafeId: payload.id }
    : { kind: 'conversation', conversationId: payload.id, canShare: payload.share ?? false };
  return { ok: true, scope, expiresAt: payload.e };
}
