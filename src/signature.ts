import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The HMAC behind every signed link (the exports, the café board): SHA-256 of `text` with the
 * server's secret, base64url (43 characters), and its constant-time check.
 */
export function signature(text: string, secret: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

export function signatureMatches(text: string, given: string, secret: string): boolean {
  const expected = Buffer.from(signature(text, secret));
  const got = Buffer.from(given);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
