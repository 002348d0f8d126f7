/**
 * The Teams pages' entry point (bundled to /tab/teams.js): the content page (meeting tab, side
 * panel, stage) and the configuration page, both with the Teams SDK.
 */
import { startPage } from './boot';
import { runConfigPage } from './config';
import { runTeamsPage } from './teams';

startPage((boot, view, toolbar) => {
  if (boot.mode === 'config') void runConfigPage(boot, view);
  else void runTeamsPage(boot, view, toolbar);
});
