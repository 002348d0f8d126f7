/**
 * The live page shared by the participant's page and the console: keeps the last view, renders it
 * into #app with the board's morph (focus and typed text survive), ticks the countdown, posts the
 * buttons' and forms' data, and says what changed in the #announce live region.
 */
import type { WebView } from '../contract';
import { patchHtml } from '../../tab/browser/dom';
import { formData, stamp } from './actions';
import { actNow, handOver, openViewStream } from './api';
import { webLabels, type WebLabels } from './labels';
import { renderMessage, type UiState } from './renderPage';

export type PageRender = (view: WebView, l: WebLabels, now: number, ui: UiState) => string;

export class LivePage {
  private view: WebView | undefined;
  private clockOffset = 0;
  private ticker: number | undefined;
  private lastStep = '';
  private ui: UiState = {};
  labels: WebLabels;

  constructor(
    private readonly root: HTMLElement,
    private readonly announcer: HTMLElement,
    private readonly status: HTMLElement,
    private readonly token: string,
    private readonly render: PageRender,
    labels: WebLabels,
  ) {
    this.labels = labels;
    root.addEventListener('click', (ev) => this.onClick(ev));
    root.addEventListener('submit', (ev) => this.onSubmit(ev));
  }

  start(): void {
    this.setStatus(this.labels.connecting);
    openViewStream(this.token, {
      view: (v) => this.show(v),
      reconnecting: () => this.setStatus(this.labels.reconnecting),
      expired: () => this.message('expired', this.labels.expiredTitle, this.labels.expiredText),
      gone: () => this.message('erased', this.labels.erasedTitle, this.labels.erasedText),
    });
  }

  show(view: WebView): void {
    this.view = view;
    this.clockOffset = view.serverNow - Date.now();
    const l = webLabels(view.cafe.locale);
    if (l !== this.labels) {
      this.labels = l;
      document.documentElement.lang = l.locale;
    }
    this.setStatus('');
    const stepKey = `${view.cafe.status}:${view.step?.stepId ?? ''}`;
    if (stepKey !== this.lastStep) {
      if (this.lastStep) this.announce(view.step ? `${l.stepOfSpoken(view.step.index, view.step.total)} : ${view.step.title}` : l.status[view.cafe.status]);
      this.lastStep = stepKey;
      this.ui = { ...(this.ui.handUrl ? { handUrl: this.ui.handUrl } : {}) };
    }
    this.paint();
  }

  message(testid: string, title: string, text: string): void {
    this.view = undefined;
    window.clearTimeout(this.ticker);
    this.setStatus('');
    patchHtml(this.root, renderMessage(testid, title, text));
  }

  private serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  private paint(): void {
    if (!this.view) return;
    patchHtml(this.root, this.render(this.view, this.labels, this.serverNow(), this.ui));
    this.root.removeAttribute('aria-busy');
    window.clearTimeout(this.ticker);
    const t = this.view.step?.timer;
    if (t && !t.paused && t.dueAt !== undefined) this.ticker = window.setTimeout(() => this.paint(), 1000 - (this.serverNow() % 1000) + 20);
  }

  private setStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private announce(text: string): void {
    // Cleared first, so the same message said twice is read twice.
    this.announcer.textContent = '';
    window.setTimeout(() => { this.announcer.textContent = text; }, 50);
  }

  private async post(data: Record<string, unknown>, form?: HTMLFormElement): Promise<void> {
    const answer = await actNow(this.token, data);
    if (!answer.ok) {
      if (answer.error.code === 'expired' || answer.error.code === 'unauthorised') {
        this.message('expired', this.labels.expiredTitle, this.labels.expiredText);
        return;
      }
      this.announce(answer.error.message || this.labels.failed);
      return;
    }
    // A sent text is cleared (choices stay as they are: the view shows them).
    form?.querySelectorAll('textarea[required]').forEach((t) => { (t as HTMLTextAreaElement).value = ''; });
    if (answer.value.erased || !answer.value.view) {
      this.message('erased', this.labels.erasedTitle, answer.value.message ?? this.labels.erasedText);
      return;
    }
    // Suivant on the last step asks, as Fin does: the page's own confirmation opens.
    if (answer.value.confirmEnd) this.ui = { ...this.ui, confirmEnd: true };
    this.show(answer.value.view);
    if (answer.value.confirmEnd) this.root.querySelector<HTMLElement>('[data-testid=end-cancel]')?.focus();
    if (answer.value.message) this.announce(answer.value.message);
    else if (form) this.announce(this.labels.sent);
  }

  private onClick(ev: Event): void {
    const el = (ev.target as Element | null)?.closest<HTMLElement>('button, a');
    if (!el || el.tagName !== 'BUTTON' || el.closest('form')) return;
    const ui = el.dataset.ui;
    if (ui === 'erase-ask' || ui === 'erase-cancel') {
      this.ui = { ...this.ui, confirmErase: ui === 'erase-ask' };
      this.paint();
      this.root.querySelector<HTMLElement>(ui === 'erase-ask' ? '[data-testid=erase-cancel]' : '[data-testid=erase]')?.focus();
      return;
    }
    if (ui === 'end-ask' || ui === 'end-cancel') {
      this.ui = { ...this.ui, confirmEnd: ui === 'end-ask' };
      this.paint();
      this.root.querySelector<HTMLElement>(ui === 'end-ask' ? '[data-testid=end-cancel]' : '[data-testid=control-end]')?.focus();
      return;
    }
    if (ui === 'copy') {
      const url = this.ui.handUrl;
      if (url) void navigator.clipboard?.writeText(url).then(() => this.announce(this.labels.copied), () => undefined);
      return;
    }
    const mode = el.dataset.hand;
    if (mode === 'co' || mode === 'hand') {
      void handOver(this.token, mode).then((r) => {
        if (!r.ok) return this.announce(r.error.message || this.labels.failed);
        this.ui = { ...this.ui, handUrl: r.value.consoleUrl };
        this.paint();
        this.root.querySelector<HTMLInputElement>('[data-testid=hand-url]')?.select();
        if (r.value.message) this.announce(r.value.message);
      });
      return;
    }
    const raw = el.dataset.act;
    if (!raw) return;
    let data = JSON.parse(raw) as Record<string, unknown>;
    if (el.hasAttribute('data-stamp')) data = stamp(data, this.serverNow());
    if (data.verb === 'end') this.ui = {};
    void this.post(data);
  }

  private onSubmit(ev: Event): void {
    const form = ev.target as HTMLFormElement;
    const raw = form.dataset.act;
    if (!raw) return;
    ev.preventDefault();
    const fields: Array<[string, string]> = [];
    new FormData(form).forEach((value, name) => { if (typeof value === 'string') fields.push([name, value]); });
    const required = Array.from(form.querySelectorAll<HTMLTextAreaElement>('textarea[required]'));
    const empty = required.find((t) => !t.value.trim());
    if (empty) {
      empty.focus();
      return;
    }
    void this.post(formData(JSON.parse(raw) as Record<string, unknown>, fields), form);
  }
}

/** The page's elements, the theme and the boot text; runs `start` once the document is ready. */
export function onReady(start: (els: { root: HTMLElement; announcer: HTMLElement; status: HTMLElement; boot: string | null }) => void): void {
  const go = () => {
    const root = document.getElementById('app');
    const announcer = document.getElementById('announce');
    const status = document.getElementById('status');
    if (!root || !announcer || !status) return;
    start({ root, announcer, status, boot: document.getElementById('barista-boot')?.textContent ?? null });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);
  else go();
}
