/** Start-up shared by the two bundles: the system's theme, the boot block, the page's elements, the view. */
import { labelsFor } from './labels';
import { parseBoot, type BootData } from './parse';
import { BoardView } from './view';

export type PageRunner = (boot: BootData, view: BoardView, toolbar: HTMLElement) => void;

export function startPage(run: PageRunner): void {
  const start = () => {
    // The system's light or dark preference; in Teams, Teams' own theme replaces it.
    if (!document.documentElement.dataset.theme && window.matchMedia?.('(prefers-color-scheme: dark)').matches) {
      document.documentElement.dataset.theme = 'dark';
    }
    const boot = parseBoot(document.getElementById('barista-boot')?.textContent);
    const root = document.getElementById('board');
    const status = document.getElementById('status');
    const toolbar = document.getElementById('toolbar');
    if (!root || !status || !toolbar) return;
    run(boot, new BoardView(root, status, labelsFor(boot.locale)), toolbar);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
