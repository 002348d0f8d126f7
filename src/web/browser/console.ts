/**
 * The facilitator's console (bundled to /web/console.js), at `/console/<cafeId>#t=<token>`: the
 * token is read from the fragment (never sent to a server in an address), kept in sessionStorage
 * for this tab's reloads, and removed from the address bar.
 */
import { LivePage, onReady } from './app';
import { webLabels } from './labels';
import { parseBoot, tokenFromHash } from './parse';
import { renderConsole } from './renderConsole';
import { renderMessage } from './renderPage';
import { patchHtml } from '../../tab/browser/dom';

onReady(({ root, announcer, status, boot: bootText }) => {
  const boot = parseBoot(bootText);
  const l = webLabels(boot.locale);
  const key = `barista:web:console:${boot.cafeId ?? ''}`;
  let token = tokenFromHash(location.hash);
  try {
    if (token) sessionStorage.setItem(key, token);
    else token = sessionStorage.getItem(key) ?? undefined;
  } catch {
    // No storage: the token lives as long as the page.
  }
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (!token) {
    patchHtml(root, renderMessage('denied', l.noTokenTitle, l.noTokenText));
    root.removeAttribute('aria-busy');
    return;
  }
  new LivePage(root, announcer, status, token, renderConsole, l).start();
});
