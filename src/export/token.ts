import { signature, signatureMatches } from '../signature';

/**
 * The token of a café's export link: unguessable (an HMAC of the café id and the expiry with the
 * server's secret), valid for that café alone, and expiring.
 */
export function exportToken(cafeId: string, expiresAt: number, secret: string): string {
  return `${expiresAt}.${signature(`${cafeId}\n${expiresAt}`, secret)}`;
}

export function verifyExportToken(cafeId: string, token: string, secret: string, now: number): boolean {
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return false;
  const expiresAt = Number(m[1]);
  if (expiresAt < now) return false;
  return signatureMatches(`${cafeId}\n${expiresAt}`, m[2], secret);
}
