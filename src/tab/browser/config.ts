/** The Teams configuration page: explains the board and saves the tab pointing at /tab. */
import { pages } from '@microsoft/teams-js';
import { labelsFor } from './labels';
import type { BootData } from './parse';
import { startTeams } from './teamsHost';
import type { BoardView } from './view';

export async function runConfigPage(boot: BootData, view: BoardView): Promise<void> {
  const context = await startTeams();
  if (!context) {
    const l = view.currentLabels;
    view.notice({ testid: 'not-in-teams', title: l.notInTeamsTitle, paragraphs: [l.notInTeamsText] });
    return;
  }
  view.setLabels(labelsFor(context.app.locale, boot.locale));
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
