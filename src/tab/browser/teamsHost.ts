/** Start-up inside Teams shared by the content and configuration pages: initialise, read the context, theme. */
import { app } from '@microsoft/teams-js';
import { labelsFor } from './labels';
import type { BootData } from './parse';
import type { BoardView } from './view';

const INIT_TIMEOUT_MS = 10_000;

/** Rejects when `p` takes longer than `ms` (outside Teams, initialize never answers). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = window.setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        window.clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        window.clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Light, or dark for Teams' dark and high-contrast themes (contrast also flagged for stronger borders). */
export function applyTheme(theme: string | undefined): void {
  const root = document.documentElement;
  root.dataset.theme = theme === 'dark' || theme === 'contrast' ? 'dark' : 'light';
  if (theme === 'contrast') root.dataset.contrast = 'true';
  else delete root.dataset.contrast;
}

/** Initialises the SDK and returns the context, or undefined when the page is not hosted by Teams. */
export async function startTeams(): Promise<app.Context | undefined> {
  try {
    await withTimeout(app.initialize(), INIT_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), INIT_TIMEOUT_MS);
    applyTheme(context.app.theme);
    app.registerOnThemeChangeHandler(applyTheme);
    return context;
  } catch {
    return undefined;
  }
}

/**
 * Starts inside Teams and speaks the Teams user's language; outside Teams, says the page is meant
 * for Teams and returns undefined.
 */
export async function enterTeams(boot: BootData, view: BoardView): Promise<app.Context | undefined> {
  const context = await startTeams();
  if (!context) {
    const l = view.currentLabels;
    view.notice({ testid: 'not-in-teams', title: l.notInTeamsTitle, paragraphs: [l.notInTeamsText] });
    return undefined;
  }
  view.setLabels(labelsFor(context.app.locale, boot.locale));
  return context;
}
