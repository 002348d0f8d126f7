/** The facilitator's "Partager sur la scène" button (side panel only). */
import { meeting } from '@microsoft/teams-js';
import type { Labels } from './labels';

export function showShareButton(toolbar: HTMLElement, labels: Labels, stageUrl: string): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--primary';
  button.id = 'share';
  button.dataset.testid = 'share-button';
  button.textContent = labels.share;

  const status = document.createElement('p');
  status.className = 'share-status';
  status.id = 'share-status';
  status.dataset.testid = 'share-status';
  status.setAttribute('role', 'status');

  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = labels.sharing;
    try {
      meeting.shareAppContentToStage((err, result) => {
        button.disabled = false;
        const failed = Boolean(err) || !result;
        status.textContent = failed ? `${labels.shareFailed}${err?.message ? ` (${err.message})` : ''}` : labels.shareDone;
        status.classList.toggle('is-error', failed);
      }, stageUrl);
    } catch (err) {
      button.disabled = false;
      status.textContent = `${labels.shareFailed} (${err instanceof Error ? err.message : String(err)})`;
      status.classList.add('is-error');
    }
  });

  toolbar.replaceChildren(button, status);
  toolbar.hidden = false;
}
