/**
 * The page's live view: keeps the last snapshot on screen, patches #board when a new one arrives,
 * ticks the countdown every second and shows the connection status line.
 */
import type { BoardSnapshot } from '../snapshotTypes';
import { formatCountdown } from './countdown';
import { patchHtml } from './dom';
import type { Labels } from './labels';
import { renderBoard, renderNotice } from './render';

export class BoardView {
  private snapshot: BoardSnapshot | undefined;
  /** serverNow - Date.now() at the last snapshot's receipt. */
  private clockOffset = 0;
  private ticker: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly statusLine: HTMLElement,
    private labels: Labels,
  ) {
    root.addEventListener('click', (ev) => {
      if ((ev.target as Element | null)?.closest('[data-action=retry]')) window.location.reload();
    });
  }

  get currentLabels(): Labels {
    return this.labels;
  }

  /** Switches the page's language (Teams tells it after start-up). */
  setLabels(labels: Labels): void {
    this.labels = labels;
    document.documentElement.lang = labels.locale;
    document.title = labels.pageTitle;
    if (this.snapshot) this.render();
  }

  show(snapshot: BoardSnapshot): void {
    this.snapshot = snapshot;
    this.clockOffset = snapshot.serverNow - Date.now();
    this.setStatus('');
    this.render();
  }

  /** Connection lost: the last snapshot stays, with a discreet status. */
  reconnecting(): void {
    this.setStatus(this.labels.reconnecting);
  }

  setStatus(text: string): void {
    if (this.statusLine.textContent !== text) this.statusLine.textContent = text;
  }

  /** Replaces the board with a message (expired link, sign-in failure…). */
  notice(opts: Parameters<typeof renderNotice>[0]): void {
    this.snapshot = undefined;
    window.clearTimeout(this.ticker);
    this.setStatus('');
    patchHtml(this.root, renderNotice(opts));
    this.root.removeAttribute('aria-busy');
  }

  /** Nothing to show: no café yet in this chat, or it was erased (/effacer). */
  noCafe(): void {
    this.notice({ testid: 'no-cafe', title: this.labels.noCafeTitle, paragraphs: [this.labels.noCafeText] });
  }

  expired(): void {
    this.notice({ testid: 'denied', title: this.labels.expiredTitle, paragraphs: [this.labels.expiredText] });
  }

  private serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  private render(): void {
    if (!this.snapshot) return;
    patchHtml(this.root, renderBoard(this.snapshot, this.labels, this.serverNow()));
    this.root.removeAttribute('aria-busy');
    this.schedule();
  }

  /** Next tick just after the running countdown's next second boundary, else in 1 s. */
  private schedule(): void {
    window.clearTimeout(this.ticker);
    const el = this.root.querySelector<HTMLElement>('[data-testid=countdown][data-due-at]');
    let delay = 1000;
    if (el) {
      const ms = Number(el.dataset.dueAt) - this.serverNow();
      if (ms > 0) delay = (ms % 1000) + 15;
    }
    this.ticker = window.setTimeout(() => {
      this.tick();
      this.schedule();
    }, delay);
  }

  /** Updates only the running countdowns' text, label and state. */
  private tick(): void {
    const now = this.serverNow();
    this.root.querySelectorAll<HTMLElement>('[data-testid=countdown][data-due-at]').forEach((el) => {
      if (el.dataset.paused === 'true') return;
      const ms = Math.max(0, Number(el.dataset.dueAt) - now);
      const text = formatCountdown(ms);
      if (el.textContent !== text) el.textContent = text;
      el.setAttribute('aria-label', this.labels.timerAria(ms));
      const box = el.closest('.countdown');
      box?.classList.toggle('is-over', ms <= 0);
      const state = box?.querySelector('[data-testid=countdown-state]');
      const stateText = ms <= 0 ? this.labels.timeUp : '';
      if (state && state.textContent !== stateText) state.textContent = stateText;
    });
  }
}
