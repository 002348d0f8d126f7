/** The Teams configuration page: explains the board and saves the tab pointing at /tab. */
import { pages } from '@microsoft/teams-js';
import type { BootData } from './parse';
import { enterTeams } from './teamsHost';
import type { BoardView } from './view';

export async function runConfigPage(boot: BootData, view: BoardView): Promise<void> {
  const context = await enterTeams(boot, view);
  if (!context) return;
  const l = view.currentLabels;
  document.title = l.configTitle;
  view.notice({ testid: 'config', title: l.configTitle, paragraphs: [l.configText] });

  const base = boot.publicBase ?? window.location.origin;
  pages.config.registerOnSaveHandler((event) => {
    pages.config
      .setConfig({
        contentUrl: `${base}/tab`,
        websiteUrl: `${base}/tab`,
        entityId: 'barista-board',
        suggestedDisplayName: 'Barista',
      })
      .then(() => event.notifySuccess())
      .catch((err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)));
  });
  pages.config.setValidityState(true);
}
