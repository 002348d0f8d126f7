/**
 * The web pages as HTML strings, pure: the café's header, what comes before the first step and
 * after the last, Barista's messages, the participant's page, the console and the join form.
 */
import { renderRegistrationForm, renderRegistrationSummary } from './registration';
import type { WebView } from '../contract';
import { LABELS as TAB_LABELS } from '../../tab/browser/labels';
import type { RenderCtx as TabCtx } from '../../tab/browser/renderCtx';
import { renderStepBody } from '../../tab/browser/renderBody';
import { formatCountdown, timerRemaining } from '../../tab/browser/countdown';
import { act } from './actions';
import { attrs, esc } from './html';
import type { WebLabels } from './labels';
import { displayCode } from './paths';
import { text, type WebRenderCtx } from './renderCtx';
import { renderStep } from './renderStep';

/** What the page keeps between views (not the server's): the end confirmation, the hand-over link. */
export interface UiState {
  confirmEnd?: boolean;
  handUrl?: string;
  /** « Effacer ce café » was pressed: its confirmation shows. */
  confirmErase?: boolean;
}

export function ctxOf(view: WebView, l: WebLabels, now: number): WebRenderCtx {
  return { l, now, role: view.role, cafe: view.cafe.id };
}

/** The countdown's text at `now`, or undefined when the step counts nothing. */
export function countdownText(view: WebView, l: WebLabels, now: number): string | undefined {
  const timer = view.step?.timer;
  const ms = timerRemaining(timer, now);
  if (ms === undefined || !timer) return undefined;
  if (ms <= 0 && !timer.paused) return l.timeUp;
  return `${formatCountdown(ms)}${timer.paused ? ` (${l.timerPaused})` : ''}`;
}

export function renderHeader(ctx: WebRenderCtx, view: WebView): string {
  const { l } = ctx;
  const s = view.step;
  const cd = countdownText(view, l, ctx.now);
  return (
    '<header class="cafe-head" data-testid="cafe-head">' +
    text('p', view.cafe.formula, { class: 'cafe-head__formula', 'data-testid': 'formula' }) +
    (view.cafe.facilitator ? text('p', l.hostedBy(view.cafe.facilitator), { class: 'cafe-head__host', 'data-testid': 'host' }) : '') +
    (s ? `<p class="cafe-head__step" data-testid="step-of"><span aria-hidden="true">${esc(l.stepOf(s.index, s.total))}</span><span class="sr-only">${esc(l.stepOfSpoken(s.index, s.total))}</span> · ${esc(s.partLabel)}</p>` : '') +
    (cd ? `<p class="countdown" role="timer" data-testid="countdown"><span class="sr-only">${esc(l.timeLeft)} </span>${esc(cd)}</p>` : '') +
    `<p class="cafe-head__meta"><span class="badge" data-testid="status">${esc(l.status[view.cafe.status])}</span> <span data-testid="participants">${esc(l.participants(view.cafe.participants))}</span></p>` +
    '</header>'
  );
}

function renderPlan(ctx: WebRenderCtx, view: WebView): string {
  const { l } = ctx;
  const plan = view.plan ?? [];
  const begin = ctx.role === 'facilitator'
    ? `<button type="button" class="button button--primary button--big" data-testid="control-begin"${act({ verb: 'begin', cafe: ctx.cafe })}>${esc(l.control.begin)}</button>`
    : `<p class="waiting" data-testid="waiting-text">${esc(l.waitingText)}</p>`;
  return (
    '<section class="step step--menu" data-testid="step" data-kind="menu" aria-labelledby="step-title">' +
    `<h2 id="step-title" class="step__title" data-testid="step-title">${esc(l.waitingTitle)}</h2>` +
    (plan.length
      ? `<h3>${esc(l.planTitle)}</h3><ol class="plan" data-testid="plan">${plan.map((p) => `<li>${esc(p.label)} <span class="meta">${esc(l.minutes(p.minutes))}</span></li>`).join('')}</ol>`
      : '') +
    begin +
    // Registration before the café: the participant answers their level and place; the console sees the split and the guide's advice.
    (ctx.role === 'facilitator' ? renderRegistrationSummary(view, l.locale) : renderRegistrationForm(view, l.locale)) +
    '</section>'
  );
}

/** After the end: thanks, and the board's recap (rendered by the board's own functions). */
function renderEnded(ctx: WebRenderCtx, view: WebView): string {
  const { l } = ctx;
  const tab: TabCtx = { labels: TAB_LABELS[l.locale], now: ctx.now, contentLocale: l.locale, sub: 4 };
  const steps = (view.recap?.steps ?? []).map((s) =>
    `<section${attrs({ class: `recap-step step--${s.kind}`, 'data-testid': 'recap-step' })}>` +
    `<h3>${esc(l.stepOf(s.index, s.total))} — ${esc(s.title)}</h3>${renderStepBody(tab, s)}</section>`);
  return (
    '<section class="step step--ended" data-testid="ended" aria-labelledby="step-title">' +
    `<h2 id="step-title" class="step__title" data-testid="step-title">${esc(l.endedTitle)}</h2>` +
    `<p class="thanks" data-testid="thanks">${esc(l.thanks)}</p>` +
    (steps.length ? `<h2>${esc(l.recapTitle)}</h2>${steps.join('')}` : '') +
    '</section>'
  );
}

/** The middle of the page: the step, or what comes before or after. */
export function renderMain(ctx: WebRenderCtx, view: WebView): string {
  if (view.cafe.status === 'ended') return renderEnded(ctx, view);
  if (view.step) return renderStep(ctx, view.step);
  return renderPlan(ctx, view);
}

export function renderNotices(ctx: WebRenderCtx, view: WebView): string {
  if (!view.notices.length) return '';
  const { l } = ctx;
  const items = view.notices.slice(-10).map((n) =>
    `<li${attrs({ class: `notice${n.private ? ' notice--private' : ''}`, 'data-testid': 'notice' })}>` +
    (n.private ? `<span class="badge">${esc(l.privateNotice)}</span> ` : '') + `${esc(n.text)}</li>`);
  return `<section class="notices" aria-labelledby="notices-title"><h2 id="notices-title">${esc(l.noticesTitle)}</h2><ol class="notices__list" data-testid="notices">${items.join('')}</ol></section>`;
}

/** The participant's page, whole. */
export function renderParticipant(view: WebView, l: WebLabels, now: number): string {
  const ctx = ctxOf(view, l, now);
  const who = view.me.name
    ? `<p class="me" data-testid="me">${esc(l.you(view.me.name))}</p>`
    : `<p class="me" data-testid="me">${esc(l.anonymous)}</p>`;
  return renderHeader(ctx, view) + who + `<div class="main">${renderMain(ctx, view)}</div>` + renderNotices(ctx, view);
}

/** The join form (`/j`, and `/j/<code>` prefilled). */
export function renderJoin(l: WebLabels, opts: { code?: string; name?: string; error?: string; busy?: boolean } = {}): string {
  return (
    '<section class="join" aria-labelledby="join-title">' +
    `<h1 id="join-title">${esc(l.joinHeading)}</h1><p>${esc(l.joinIntro)}</p>` +
    '<form class="form" id="join-form" data-testid="join-form" novalidate>' +
    `<label class="field__label" for="join-code">${esc(l.codeLabel)}</label>` +
    `<input${attrs({ id: 'join-code', name: 'code', type: 'text', inputmode: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 20, required: true, value: opts.code ? displayCode(opts.code) : undefined, 'aria-describedby': 'join-code-help', 'aria-invalid': opts.error ? 'true' : undefined, 'data-testid': 'join-code' })}>` +
    `<p id="join-code-help" class="help">${esc(l.codeHelp)}</p>` +
    `<label class="field__label" for="join-name">${esc(l.nameLabel)}</label>` +
    `<input${attrs({ id: 'join-name', name: 'name', type: 'text', autocomplete: 'given-name', maxlength: 40, value: opts.name, 'aria-describedby': 'join-name-help', 'data-testid': 'join-name' })}>` +
    `<p id="join-name-help" class="help">${esc(l.nameHelp)}</p>` +
    (opts.error ? `<p class="error" role="alert" data-testid="join-error">${esc(opts.error)}</p>` : '') +
    `<button type="submit" class="button button--primary button--big" data-testid="join-submit"${opts.busy ? ' disabled' : ''}>${esc(opts.busy ? l.joining : l.joinButton)}</button>` +
    '</form></section>'
  );
}

/** A message in place of the page (expired link, missing token). */
export function renderMessage(testid: string, title: string, paragraph: string): string {
  return `<section class="notice-page" data-testid="${esc(testid)}"><h1>${esc(title)}</h1><p>${esc(paragraph)}</p></section>`;
}
