/** Trading the Teams SSO token for a board token: `POST /tab/api/session`. */
import { authentication } from '@microsoft/teams-js';

export type SessionResult =
  | { ok: true; token: string; canShare: boolean }
  | { ok: false; reason: 'sso' | 'refused' | 'network' | 'no-cafe'; detail?: string };

function message(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

export async function openSession(conversationId: string, locale: string): Promise<SessionResult> {
  let sso: string;
  try {
    sso = await authentication.getAuthToken();
  } catch (err) {
    return { ok: false, reason: 'sso', detail: message(err) };
  }
  let res: Response;
  try {
    res = await fetch('/tab/api/session', {
      method: 'POST',
      headers: { Authorization: `Bearer ${sso}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId, locale }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (err) {
    return { ok: false, reason: 'network', detail: message(err) };
  }
  let body: { token?: unknown; canShare?: unknown; error?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // a body that is not JSON: judged by the status alone
  }
  if (res.status === 401 || res.status === 403) {
    return { ok: false, reason: 'refused', detail: typeof body.error === 'string' ? body.error : `HTTP ${res.status}` };
  }
  // No café has begun in this chat yet: nobody to check membership against.
  if (res.status === 404 && body.error === 'no-cafe') return { ok: false, reason: 'no-cafe' };
  if (!res.ok || typeof body.token !== 'string' || !body.token) {
    return { ok: false, reason: 'network', detail: typeof body.error === 'string' ? body.error : `HTTP ${res.status}` };
  }
  return { ok: true, token: body.token, canShare: body.canShare === true };
}
