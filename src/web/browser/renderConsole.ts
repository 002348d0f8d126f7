/** The facilitator's console: the controls, the café code and its QR code, the guide's guidance, the hand-over. Pure. */
import type { WebView } from '../contract';
import { act, controlData, endData } from './actions';
import { attrs, esc } from './html';
import type { WebLabels } from './labels';
import { displayCode } from './paths';
import { qrSvg } from './qr';
import { ownUrl, text, type WebRenderCtx } from './renderCtx';
import { ctxOf, renderHeader, renderMain, renderNotices, renderParticipant, type UiState } from './renderPage';

const CONTROL_ORDER = ['reveal', 'turn', 'back', 'next', 'extend', 'pause', 'resume', 'end'];

function controlLabel(l: WebLabels, a: NonNullable<WebView['step']>['controls'][number]): { label: string; testid: string } {
  switch (a.verb) {
    case 'turn': return a.delta === 1 ? { label: l.control.turnNext, testid: 'control-turn-next' } : { label: l.control.turnPrev, testid: 'control-turn-prev' };
    case 'extend': return { label: l.extend(a.minutes), testid: 'control-extend' };
    case 'refresh': return { label: '', testid: '' };
    default: return { label: l.control[a.verb], testid: `control-${a.verb}` };
  }
}

/** The facilitator's controls of the step, and the end's confirmation when asked. */
export function renderControls(ctx: WebRenderCtx, view: WebView, ui: UiState): string {
  const { l } = ctx;
  const step = view.step;
  if (!step || !step.controls.length) return '';
  const sorted = [...step.controls].sort((a, b) => CONTROL_ORDER.indexOf(a.verb) - CONTROL_ORDER.indexOf(b.verb));
  const buttons = sorted.map((a) => {
    if (a.verb === 'end') return `<button type="button" class="button button--danger" data-testid="control-end" data-ui="end-ask">${esc(l.control.end)}</button>`;
    const data = controlData(ctx.cafe, step, a);
    if (!data) return '';
    const { label, testid } = controlLabel(l, a);
    const primary = a.verb === 'next' || a.verb === 'reveal';
    return `<button type="button"${attrs({ class: `button${primary ? ' button--primary' : ''}`, 'data-testid': testid })}${act(data)}>${esc(label)}</button>`;
  });
  const confirm = ui.confirmEnd
    ? '<div class="confirm" role="group" aria-labelledby="end-title" data-testid="end-confirm">' +
      `<h3 id="end-title">${esc(l.endConfirmTitle)}</h3><p>${esc(l.endConfirmText)}</p>` +
      `<button type="button" class="button button--primary" data-testid="end-feedback" data-stamp${act(endData(ctx.cafe, 'feedback'))}>${esc(l.endWithFeedback)}</button>` +
      `<button type="button" class="button button--danger" data-testid="end-now" data-stamp${act(endData(ctx.cafe, 'end'))}>${esc(l.endNow)}</button>` +
      `<button type="button" class="button" data-testid="end-cancel" data-ui="end-cancel">${esc(l.endCancel)}</button></div>`
    : '';
  return `<section class="controls" aria-labelledby="controls-title"><h2 id="controls-title" class="sr-only">${esc(l.controlsTitle)}</h2><div class="controls__row" data-testid="controls">${buttons.join('')}</div>${confirm}</section>`;
}

/** The guide's private guidance of the step (texts, tips, notices). */
export function renderGuidance(ctx: WebRenderCtx, view: WebView): string {
  const f = view.step?.facilitator;
  if (!f) return '';
  const { l } = ctx;
  const tips = f.tips.map((g) =>
    `<h3>${esc(l.tipsAbout[g.about])}</h3>` +
    (g.about === 'answer'
      ? text('p', g.text, { 'data-testid': 'guide-answer' })
      : `<ul class="tips">${g.tips.map((t) => `<li class="tip">${t.title ? `<strong>${esc(t.title)}</strong> ` : ''}${esc(t.text)}</li>`).join('')}</ul>`));
  return (
    `<section class="guidance" aria-labelledby="guidance-title" data-testid="guidance"><h2 id="guidance-title">${esc(l.guidanceTitle)}</h2>` +
    f.notices.map((n) => text('p', n, { class: 'guidance__notice', 'data-testid': 'guidance-notice' })).join('') +
    f.texts.map((t) => text('p', t, { class: 'guidance__text' })).join('') +
    tips.join('') + '</section>'
  );
}

function renderJoinPanel(ctx: WebRenderCtx, view: WebView): string {
  const { l } = ctx;
  const url = ownUrl(view.cafe.joinUrl);
  return (
    '<section class="join-panel" aria-labelledby="code-title">' +
    `<h2 id="code-title">${esc(l.codeTitle)}</h2>` +
    `<p class="code" data-testid="cafe-code">${esc(displayCode(view.cafe.code))}</p>` +
    (url
      ? `<p class="join-url">${esc(l.joinAt)} <a${attrs({ href: url, 'data-testid': 'join-url', target: '_blank', rel: 'noopener noreferrer' })}>${esc(url)}</a></p>` +
        `<div class="qr" role="img"${attrs({ 'aria-label': l.qrAlt })} data-testid="qr">${qrSvg(url)}</div>`
      : '') +
    '</section>'
  );
}

function renderTools(ctx: WebRenderCtx, view: WebView, ui: UiState): string {
  const { l } = ctx;
  const board = ownUrl(view.cafe.boardUrl);
  const hand = ui.handUrl
    ? `<label class="field__label" for="hand-url">${esc(l.handLink)}</label><input id="hand-url" type="text" readonly data-testid="hand-url"${attrs({ value: ui.handUrl })}>` +
      `<button type="button" class="button" data-ui="copy" data-testid="hand-copy">${esc(l.copy)}</button>`
    : '';
  return (
    '<section class="tools" aria-labelledby="hand-title">' +
    (board ? `<p><a${attrs({ class: 'button', href: board, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'fullscreen' })}>${esc(l.fullScreen)}</a></p>` : '') +
    `<h2 id="hand-title">${esc(l.handTitle)}</h2><p class="help">${esc(l.handHelp)}</p>` +
    `<div class="controls__row"><button type="button" class="button" data-hand="co" data-testid="hand-co">${esc(l.handCo)}</button>` +
    `<button type="button" class="button" data-hand="hand" data-testid="hand-hand">${esc(l.handHand)}</button></div>` +
    hand + renderErase(l, view, ui) + '</section>'
  );
}

/**
 * « Effacer ce café » (a web café's console): asks first, then erases the café with everything
 * people gave — the chat's /effacer for this café. The confirmation is dated when pressed.
 */
function renderErase(l: WebLabels, view: WebView, ui: UiState): string {
  if (!view.cafe.erasable) return '';
  const head = `<h2 id="erase-title">${esc(l.eraseTitle)}</h2><p class="help">${esc(l.eraseHelp)}</p>`;
  if (!ui.confirmErase) return `<div class="erase" aria-labelledby="erase-title">${head}<button type="button" class="button button--danger" data-ui="erase-ask" data-testid="erase">${esc(l.eraseButton)}</button></div>`;
  return (
    `<div class="erase" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-confirm">${head}<p id="erase-confirm"><strong>${esc(l.eraseConfirm)}</strong></p>` +
    `<div class="controls__row"><button type="button" class="button button--danger" data-testid="erase-now" data-stamp${act({ verb: 'erase', confirm: 'oui', at: 0 })}>${esc(l.eraseNow)}</button>` +
    `<button type="button" class="button" data-ui="erase-cancel" data-testid="erase-cancel">${esc(l.eraseCancel)}</button></div></div>`
  );
}

/** The facilitator's console, whole: the main column and the side panel. */
export function renderConsole(view: WebView, l: WebLabels, now: number, ui: UiState = {}): string {
  const ctx = ctxOf(view, l, now);
  if (view.role !== 'facilitator') return renderParticipant(view, l, now);
  return (
    '<div class="console">' +
    `<div class="console__main">${renderHeader(ctx, view)}${renderControls(ctx, view, ui)}<div class="main">${renderMain(ctx, view)}</div>${renderNotices(ctx, view)}</div>` +
    `<aside class="console__side">${renderJoinPanel(ctx, view)}${renderGuidance(ctx, view)}${renderTools(ctx, view, ui)}</aside>` +
    '</div>'
  );
}

