/**
 * The participant's page (bundled to /web/participant.js): the join form (`/j`, `/j/<code>`
 * prefilled), then the café live. The token is kept in localStorage by code, so a reload (or
 * coming back later) rejoins as the same person: it goes back in JoinBody.token.
 */
import { patchHtml } from '../../tab/browser/dom';
import { join } from './api';
import { LivePage, onReady } from './app';
import { webLabels, type WebLabels } from './labels';
import { parseBoot } from './parse';
import { looksLikeCode, normaliseCode, WebPaths } from './paths';
import { renderJoin, renderParticipant } from './renderPage';

const key = (code: string) => `barista:web:join:${code}`;

function stored(code: string): string | undefined {
  try {
    return localStorage.getItem(key(code)) ?? undefined;
  } catch {
    return undefined;
  }
}

function keep(code: string, token: string): void {
  try {
    localStorage.setItem(key(code), token);
  } catch {
    // Private browsing: a reload will join again as someone new.
  }
}

function forget(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    // Nothing kept.
  }
}

onReady(({ root, announcer, status, boot: bootText }) => {
  const boot = parseBoot(bootText);
  const l: WebLabels = webLabels(boot.locale);
  document.documentElement.lang = l.locale;

  const live = (token: string) => {
    new LivePage(root, announcer, status, token, (v, labels, now) => renderParticipant(v, labels, now), l).start();
  };

  const attempt = async (code: string, name: string | undefined, silent: boolean): Promise<void> => {
    const token = stored(code);
    if (!silent) patchHtml(root, renderJoin(l, { code, ...(name ? { name } : {}), busy: true }));
    const res = await join({ code, locale: l.locale, ...(name ? { name } : {}), ...(token ? { token } : {}) });
    if (!res.ok) {
      // A token this café no longer takes is forgotten: the next try joins as someone new.
      if (token && (res.error.code === 'expired' || res.error.code === 'unauthorised' || res.error.code === 'not-found')) forget(code);
      patchHtml(root, renderJoin(l, { code, ...(name ? { name } : {}), error: res.error.message || l.failed }));
      root.querySelector<HTMLElement>('[data-testid=join-code]')?.focus();
      return;
    }
    keep(code, res.value.token);
    if (location.pathname !== `${WebPaths.joinPage}/${code}`) history.replaceState(null, '', `${WebPaths.joinPage}/${code}`);
    live(res.value.token);
  };

  root.addEventListener('submit', (ev) => {
    const form = ev.target as HTMLFormElement;
    if (form.id !== 'join-form') return;
    ev.preventDefault();
    const fd = new FormData(form);
    const raw = String(fd.get('code') ?? '');
    const name = String(fd.get('name') ?? '').trim() || undefined;
    if (!looksLikeCode(raw)) {
      patchHtml(root, renderJoin(l, { code: raw, ...(name ? { name } : {}), error: l.badCode }));
      root.querySelector<HTMLElement>('[data-testid=join-code]')?.focus();
      return;
    }
    void attempt(normaliseCode(raw), name, false);
  });

  const code = boot.code && looksLikeCode(boot.code) ? normaliseCode(boot.code) : undefined;
  if (code && stored(code)) void attempt(code, undefined, true);
  else patchHtml(root, renderJoin(l, code ? { code } : {}));
  root.removeAttribute('aria-busy');
});
