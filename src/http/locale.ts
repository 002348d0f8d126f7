import type { Request } from 'restify';

/**
 * The language a page or an answer is in: the query's `?lang=` (or the key given), else the
 * browser's first language — English for any "en…", French otherwise (the guide's language).
 */
export function requestLocale(req: Pick<Request, 'query' | 'headers'>, key = 'lang'): 'fr' | 'en' {
  const q = req.query as Record<string, unknown> | undefined;
  const asked = typeof q?.[key] === 'string' ? (q[key] as string) : String(req.headers['accept-language'] ?? '');
  return asked.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
