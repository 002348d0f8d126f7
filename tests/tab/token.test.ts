import { createHmac } from 'node:crypto';
import { exportToken, verifyExportToken } from '../../src/export/token';
import { boardToken, readBoardToken, type BoardScope } from '../../src/tab/token';

const SECRET = 'a-long-server-secret-for-the-tests-0123456789';
const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);
const LATER = NOW + 3_600_000;

/** Splits a token into its payload (decoded JSON) and signature. */
function parts(token: string): { payload: Record<string, unknown>; body: string; sig: string } {
  const [body, sig] = token.split('.');
  return { payload: JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')), body: body!, sig: sig! };
}

const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

/**
 * A token for any payload, correctly signed the way board tokens are (checked against
 * `boardToken` below): to prove the schema, not the signature, refuses what follows.
 */
function signedRaw(payload: unknown, secret = SECRET): string {
  const body = encode(payload);
  return `${body}.${createHmac('sha256', secret).update(`barista-board\n${body}`).digest('base64url')}`;
}

describe('boardToken / readBoardToken', () => {
  it.each<[string, BoardScope]>([
    ['café', { kind: 'cafe', cafeId: 'cafe-42' }],
    ['conversation that may share', { kind: 'conversation', conversationId: '19:meeting_abc@thread.v2', canShare: true }],
    ['conversation that may not share', { kind: 'conversation', conversationId: '19:meeting_abc@thread.v2', canShare: false }],
  ])('round-trips a %s scope', (_name, scope) => {
    const token = boardToken(scope, LATER, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readBoardToken(token, SECRET, NOW)).toEqual({ ok: true, scope, expiresAt: LATER });
  });

  it('keeps ids with any characters (unicode, dots, colons)', () => {
    const scope: BoardScope = { kind: 'cafe', cafeId: 'café.é:ü/"\\\u2028' };
    expect(readBoardToken(boardToken(scope, LATER, SECRET), SECRET, NOW)).toEqual({ ok: true, scope, expiresAt: LATER });
  });

  it('gives different tokens for different scopes, expiries and secrets', () => {
    const a = boardToken({ kind: 'cafe', cafeId: 'x' }, LATER, SECRET);
    expect(boardToken({ kind: 'cafe', cafeId: 'y' }, LATER, SECRET)).not.toBe(a);
    expect(boardToken({ kind: 'conversation', conversationId: 'x', canShare: false }, LATER, SECRET)).not.toBe(a);
    expect(boardToken({ kind: 'cafe', cafeId: 'x' }, LATER + 1, SECRET)).not.toBe(a);
    expect(boardToken({ kind: 'cafe', cafeId: 'x' }, LATER, `${SECRET}!`)).not.toBe(a);
  });

  it('the test signer matches boardToken (so the schema tests below are about the schema)', () => {
    const token = boardToken({ kind: 'cafe', cafeId: 'cafe-42' }, LATER, SECRET);
    expect(signedRaw(parts(token).payload)).toBe(token);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['number', 12345],
    ['array', ['a.b']],
    ['object', { token: 'a.b' }],
  ])('says missing for %s', (_name, token) => {
    expect(readBoardToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
  });

  describe('invalid', () => {
    const valid = boardToken({ kind: 'cafe', cafeId: 'cafe-42' }, LATER, SECRET);

    it('refuses a tampered signature', () => {
      const { body, sig } = parts(valid);
      const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
      expect(readBoardToken(`${body}.${flipped}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      const first = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      expect(readBoardToken(`${body}.${first}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      // A signature of the wrong length.
      expect(readBoardToken(`${body}.${sig}A`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(`${body}.${sig.slice(1)}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(`${body}.`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a payload re-encoded with another id (or scope, expiry, share) under the same signature', () => {
      const { payload, sig } = parts(valid);
      for (const forged of [
        { ...payload, id: 'cafe-43' },
        { ...payload, e: LATER + 365 * 86_400_000 },
        { ...payload, s: 'v', share: true },
      ]) {
        expect(readBoardToken(`${encode(forged)}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      }
      const conv = parts(boardToken({ kind: 'conversation', conversationId: 'conv-1', canShare: false }, LATER, SECRET));
      expect(readBoardToken(`${encode({ ...conv.payload, share: true })}.${conv.sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a token signed with another secret', () => {
      const other = boardToken({ kind: 'cafe', cafeId: 'cafe-42' }, LATER, 'another-secret');
      expect(readBoardToken(other, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(valid, 'another-secret', NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it.each([
      'garbage',
      'a.b',
      '.',
      `.${'A'.repeat(43)}`,
      `${valid} `,
      ` ${valid}`,
      `${valid}.${'A'.repeat(43)}`,
      valid.replace('.', '..'),
      valid.replace('.', ''),
      `${'A'.repeat(5000)}.${'A'.repeat(43)}`,
      `a+b/c=.${'A'.repeat(43)}`,
      '\u0000',
    ])('refuses garbage %#', (token) => {
      expect(readBoardToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it.each<[string, unknown]>([
      ['an unknown scope', { s: 'x', id: 'cafe-42', e: LATER }],
      ['an empty id', { s: 'c', id: '', e: LATER }],
      ['a numeric id', { s: 'c', id: 42, e: LATER }],
      ['an id too long', { s: 'c', id: 'x'.repeat(501), e: LATER }],
      ['no expiry', { s: 'c', id: 'cafe-42' }],
      ['a string expiry', { s: 'c', id: 'cafe-42', e: String(LATER) }],
      ['a fractional expiry', { s: 'c', id: 'cafe-42', e: LATER + 0.5 }],
      ['a negative expiry', { s: 'c', id: 'cafe-42', e: -1 }],
      ['a non-boolean share', { s: 'v', id: 'conv', e: LATER, share: 'yes' }],
      ['an extra key', { s: 'c', id: 'cafe-42', e: LATER, admin: true }],
      ['an array', ['c', 'cafe-42', LATER]],
      ['null', null],
      ['a string', 'cafe-42'],
      ['a number', LATER],
    ])('refuses a correctly signed payload with %s', (_name, payload) => {
      expect(readBoardToken(signedRaw(payload), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a correctly signed payload that is not JSON', () => {
      const body = Buffer.from('{"s":"c","id":').toString('base64url');
      const token = `${body}.${createHmac('sha256', SECRET).update(`barista-board\n${body}`).digest('base64url')}`;
      expect(readBoardToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses board tokens boardToken itself makes out of range', () => {
      expect(readBoardToken(boardToken({ kind: 'cafe', cafeId: '' }, LATER, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(boardToken({ kind: 'cafe', cafeId: 'c' }, 0, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(boardToken({ kind: 'cafe', cafeId: 'c' }, LATER + 0.25, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('never takes an export token for a board token (and the other way round)', () => {
      const exp = exportToken('cafe-42', LATER, SECRET);
      expect(verifyExportToken('cafe-42', exp, SECRET, NOW)).toBe(true);
      // It has the board token's shape (digits are base64url), so only the signature's purpose refuses it.
      expect(exp).toMatch(/^[A-Za-z0-9_-]{1,1200}\.[A-Za-z0-9_-]{43}$/);
      expect(readBoardToken(exp, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(verifyExportToken('cafe-42', valid, SECRET, NOW)).toBe(false);
      const { body, sig } = parts(valid);
      expect(verifyExportToken('cafe-42', `${LATER}.${sig}`, SECRET, NOW)).toBe(false);
      expect(verifyExportToken(body, `${LATER}.${sig}`, SECRET, NOW)).toBe(false);
    });
  });

  describe('expiry', () => {
    const token = boardToken({ kind: 'conversation', conversationId: 'conv-1', canShare: true }, LATER, SECRET);

    it('is ok up to and including the expiry instant', () => {
      expect(readBoardToken(token, SECRET, LATER - 1).ok).toBe(true);
      expect(readBoardToken(token, SECRET, LATER)).toEqual({
        ok: true, scope: { kind: 'conversation', conversationId: 'conv-1', canShare: true }, expiresAt: LATER,
      });
    });

    it('says expired once past it', () => {
      expect(readBoardToken(token, SECRET, LATER + 1)).toEqual({ ok: false, reason: 'expired' });
      expect(readBoardToken(token, SECRET, LATER + 86_400_000)).toEqual({ ok: false, reason: 'expired' });
    });

    it('checks the signature before the expiry (a forged expired token is invalid, not expired)', () => {
      const { body } = parts(token);
      expect(readBoardToken(`${body}.${'A'.repeat(43)}`, SECRET, LATER + 1)).toEqual({ ok: false, reason: 'invalid' });
      expect(readBoardToken(token, 'another-secret', LATER + 1)).toEqual({ ok: false, reason: 'invalid' });
    });
  });
});
