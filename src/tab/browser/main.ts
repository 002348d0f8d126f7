/**
 * The café board's entry point (bundled to /tab/app.js). The page shell's boot block says which
 * page this is: the read-only browser page, the Teams content page or the Teams configuration page.
 */
import { runConfigPage } from './config';
import { openBoardStream } from './events';
import { labelsFor } from './labels';
import { parseBoot, type BootData } from './parse';
import { runTeamsPage } from './teams';
import { BoardView } from './view';

function runBrowserPage(boot: BootData, view: BoardView): void {
  const l = view.currentLabels;
  if (!boot.token) {
    view.notice({ testid: 'denied', title: l.denied.missing, paragraphs: [l.deniedHelp] });
    return;
  }
  view.setStatus(l.connecting);
  openBoardStream(boot.token, {
    snapshot: (s) => view.show(s),
    reconnecting: () => view.reconnecting(),
    noCafe: () => view.noCafe(),
    expired: () => view.expired(),
  });
}

function start(): void {
  // The system's light or dark preference; in Teams, Teams' own theme replaces it.
  if (!document.documentElement.dataset.theme && window.matchMedia?.('(prefers-color-scheme: dark)').matches) {
    document.documentElement.dataset.theme = 'dark';
  }
  const boot = parseBoot(document.getElementById('barista-boot')?.textContent);
  const root = document.getElementById('board');
  const status = document.getElementById('status');
  const toolbar = document.getElementById('toolbar');
  if (!root || !status || !toolbar) return;
  const view = new BoardView(root, status, labelsFor(boot.locale));
  if (boot.mode === 'teams') void runTeamsPage(boot, view, toolbar);
  else if (boot.mode === 'config') void runConfigPage(boot, view);
  else runBrowserPage(boot, view);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
