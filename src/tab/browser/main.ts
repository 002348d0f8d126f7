/**
 * The read-only board's entry point (bundled to /tab/app.js), for a link opened in any browser. It
 * holds no Teams code: the Teams SDK asks Microsoft's CDN for its list of domains as soon as it
 * loads, and this page loads nothing from outside Barista's own address (the Teams pages use
 * /tab/teams.js, teamsMain.ts).
 */
import { startPage } from './boot';
import { openBoardStream } from './events';
import type { BootData } from './parse';
import type { BoardView } from './view';

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

startPage((boot, view) => runBrowserPage(boot, view));
