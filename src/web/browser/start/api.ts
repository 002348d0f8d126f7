/** The start page's two calls: the catalogue, and starting the café (Paths.catalogue, Paths.start). */
import type { ApiError, Catalogue, StartAnswer, StartBody } from '../../contract';
import type { StartLabels, StartLocale } from './labels';
import { START_PATHS } from './paths';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** An ApiError's message when the answer is one, else the page's own polite line. */
async function failure(res: Response, l: StartLabels): Promise<string> {
  try {
    const body = (await res.json()) as Partial<ApiError>;
    if (typeof body.message === 'string' && body.message.trim()) return body.message;
  } catch {
    // Not JSON: a proxy's page, say. The page's own message follows.
  }
  return l.errors.network;
}

export async function fetchCatalogue(locale: StartLocale, l: StartLabels): Promise<Outcome<Catalogue>> {
  try {
    const res = await fetch(`${START_PATHS.catalogue}?locale=${locale}`, { headers: { accept: 'application/json' }, credentials: 'omit' });
    if (!res.ok) return { ok: false, message: await failure(res, l) };
    return { ok: true, value: (await res.json()) as Catalogue };
  } catch {
    return { ok: false, message: l.errors.catalogue };
  }
}

export async function postStart(body: StartBody, l: StartLabels): Promise<Outcome<StartAnswer>> {
  try {
    const res = await fetch(START_PATHS.start, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'omit',
      body: JSON.stringify(body),
    });
    if (!res.ok) return { ok: false, message: await failure(res, l) };
    const answer = (await res.json()) as StartAnswer;
    if (typeof answer.consoleUrl !== 'string' || !answer.consoleUrl) return { ok: false, message: l.errors.network };
    return { ok: true, value: answer };
  } catch {
    return { ok: false, message: l.errors.network };
  }
}
