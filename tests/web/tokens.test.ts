import { createHmac } from 'node:crypto';
import { exportToken } from '../../src/export/token';
import { boardToken } from '../../src/tab/token';
import {
  CONSOLE_TOKEN_HOURS, PARTICIPANT_TOKEN_HOURS, newParticipantId, readWebToken, webToken, type WebScope,
} from '../../src/web/tokens';

const SECRET = 'a-long-server-secret-for-the-tests-0123456789';
const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);
const LATER = NOW + 3_600_000;
const PID = 'web:p:' + 'A'.repeat(22);

const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
/** Any payload, signed the way web tokens are: to prove the schema, not the signature, refuses it. */
function signedRaw(payload: unknown, purpose = 'barista-web\n'): string {
  const body = encode(payload);
  return `${body}.${createHmac('sha256', SECRET).update(`${purpose}${body}`).digest('base64url')}`;
}

const consoleScope: WebScope = { kind: 'console', cafeId: 'cafe-42', actorId: 'aad:facilitator' };
const participantScope: WebScope = { kind: 'participant', cafeId: 'cafe-42', participantId: PID, name: 'Zoé <b>', locale: 'fr' };

describe('webToken / readWebToken', () => {
  it.each<[string, WebScope]>([
    ['console', consoleScope],
    ['participant with a name', participantScope],
    ['participant without a name', { kind: 'participant', cafeId: 'cafe-42', participantId: PID, locale: 'en' }],
  ])('round-trips a %s token', (_what, scope) => {
    expect(readWebToken(webToken(scope, LATER, SECRET), SECRET, NOW)).toEqual({ ok: true, scope, expiresAt: LATER });
  });

  it('signs exactly as signedRaw does (so the schema tests below are real)', () => {
    expect(webToken(consoleScope, LATER, SECRET)).toBe(signedRaw({ ...consoleScope, expiresAt: LATER }));
  });

  it('keeps a name as given (escaping is the renderer\'s job)', () => {
    const check = readWebToken(webToken(participantScope, LATER, SECRET), SECRET, NOW);
    expect(check.ok && check.scope.kind === 'participant' && check.scope.name).toBe('Zoé <b>');
  });

  it('refuses to sign a name over 40 characters', () => {
    expect(() => webToken({ ...participantScope, name: 'x'.repeat(41) } as WebScope, LATER, SECRET)).toThrow();
    expect(() => webToken({ ...participantScope, name: 'x'.repeat(40) } as WebScope, LATER, SECRET)).not.toThrow();
  });

  it('says missing for no token or a non-string', () => {
    for (const t of [undefined, null, '', 42, ['a.b'], { t: 'x' }]) expect(readWebToken(t, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
  });

  it('says expired once past its expiry', () => {
    expect(readWebToken(webToken(consoleScope, LATER, SECRET), SECRET, LATER + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a forged signature (another secret, a changed character)', () => {
    const token = webToken(consoleScope, LATER, SECRET);
    expect(readWebToken(token, 'another-secret-entirely-0123456789abcdef', NOW)).toEqual({ ok: false, reason: 'invalid' });
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(readWebToken(token.slice(0, -1) + last, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a tampered payload (another café, a later expiry) under the old signature', () => {
    const [, sig] = webToken(participantScope, LATER, SECRET).split('.');
    for (const changed of [{ ...participantScope, cafeId: 'cafe-43', expiresAt: LATER }, { ...participantScope, expiresAt: LATER * 2 }]) {
      expect(readWebToken(`${encode(changed)}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses board and export tokens, and board tokens refuse web ones', () => {
    expect(readWebToken(boardToken({ kind: 'cafe', cafeId: 'cafe-42' }, LATER, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readWebToken(exportToken('cafe-42', LATER, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    // A web payload signed under the board's purpose is still refused.
    expect(readWebToken(signedRaw({ ...consoleScope, expiresAt: LATER }, 'barista-board\n'), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a huge token without parsing it', () => {
    expect(readWebToken(`${'A'.repeat(100_000)}.${'A'.repeat(43)}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readWebToken('x'.repeat(5_000_000), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each<[string, unknown]>([
    ['an unknown kind', { kind: 'board', cafeId: 'c', actorId: 'a', expiresAt: LATER }],
    ['a console token with a participant id', { kind: 'console', cafeId: 'c', actorId: 'a', participantId: PID, expiresAt: LATER }],
    ['a console token without an actor', { kind: 'console', cafeId: 'c', expiresAt: LATER }],
    ['a participant token with an actor id', { kind: 'participant', cafeId: 'c', participantId: PID, actorId: 'a', locale: 'fr', expiresAt: LATER }],
    ['a participant id not of Barista\'s making', { kind: 'participant', cafeId: 'c', participantId: 'aad:someone', locale: 'fr', expiresAt: LATER }],
    ['an unknown locale', { kind: 'participant', cafeId: 'c', participantId: PID, locale: 'de', expiresAt: LATER }],
    ['a name over 40 characters', { kind: 'participant', cafeId: 'c', participantId: PID, name: 'x'.repeat(41), locale: 'fr', expiresAt: LATER }],
    ['an empty café id', { kind: 'console', cafeId: '', actorId: 'a', expiresAt: LATER }],
    ['an expiry as a string', { kind: 'console', cafeId: 'c', actorId: 'a', expiresAt: String(LATER) }],
    ['no expiry', { kind: 'console', cafeId: 'c', actorId: 'a' }],
    ['an array', [1, 2]],
    ['null', null],
  ])('refuses %s even correctly signed', (_why, payload) => {
    expect(readWebToken(signedRaw(payload), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a signed body that is not JSON', () => {
    const body = Buffer.from('not json').toString('base64url');
    const token = `${body}.${createHmac('sha256', SECRET).update(`barista-web\n${body}`).digest('base64url')}`;
    expect(readWebToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('newParticipantId and lifetimes', () => {
  it('gives web:p: and 22 base64url characters, all different', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newParticipantId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^web:p:[A-Za-z0-9_-]{22}$/);
    expect(newParticipantId(() => Buffer.alloc(16))).toBe('web:p:' + 'A'.repeat(22));
  });

  it('lasts a week for the console (a café prepared ahead), 12 hours for a participant', () => {
    expect(CONSOLE_TOKEN_HOURS).toBe(168);
    expect(PARTICIPANT_TOKEN_HOURS).toBe(12);
  });
});
