/**
 * The café board as an HTML string, from the latest snapshot. Pure: no DOM access, so it runs in
 * Node tests; every text is escaped (post-its and arguments are user text).
 */
import type { BoardSnapshot, BoardStep } from '../snapshotTypes';
import { formatCountdown, timerRemaining } from './countdown';
import { attrs, esc } from './html';
import type { Labels } from './labels';
import { content, heading, type RenderCtx } from './renderCtx';
import { qrSvg } from '../../web/browser/qr';
import { renderStepBody } from './renderBody';

export { formatCountdown } from './countdown';

function renderHeader(ctx: RenderCtx, s: BoardSnapshot): string {
  const { labels } = ctx;
  const { cafe, step } = s;
  const badge =
    cafe.status === 'running'
      ? ''
      : ` <span class="badge badge--${cafe.status}" data-testid="cafe-status">${esc(labels.statusBadge[cafe.status] ?? cafe.status)}</span>`;
  const meta: string[] = [];
  if (step) {
    meta.push(
      `<span class="step-pos" data-testid="step-pos"><span aria-hidden="true">${esc(labels.stepOf(step.index, step.total))}</span>` +
        `<span class="sr-only">${esc(labels.stepOfSpoken(step.index, step.total))}</span></span>`,
    );
    if (step.partLabel) meta.push(content(ctx, 'span', step.partLabel, { class: 'part', 'data-testid': 'part' }));
  }
  meta.push(`<span class="participants" data-testid="participants">${esc(labels.participants(cafe.participants))}</span>`);
  return (
    `<header class="board-header" data-testid="header">` +
    `<h1 class="board-header__title">${content(ctx, 'span', cafe.formula, { class: 'formula' })}${badge}</h1>` +
    `<p class="board-header__meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')}</p>` +
    '</header>'
  );
}

/** The countdown box; the page's ticker later rewrites only `[data-testid=countdown]` and the state line. */
export function renderTimer(ctx: RenderCtx, timer: BoardStep['timer']): string {
  const ms = timerRemaining(timer, ctx.now);
  if (!timer || ms === undefined) return '';
  const { labels } = ctx;
  const over = !timer.paused && ms <= 0;
  const state = timer.paused ? labels.timerPaused : over ? labels.timeUp : '';
  const cls = `countdown${timer.paused ? ' is-paused' : ''}${over ? ' is-over' : ''}`;
  return (
    `<div class="${cls}" data-testid="countdown-box">` +
    `<span class="countdown__label" aria-hidden="true">${esc(labels.timeLeft)}</span>` +
    `<span${attrs({
      class: 'countdown__time',
      role: 'timer',
      'aria-live': 'off',
      'aria-atomic': 'true',
      'aria-label': labels.timerAria(ms),
      'data-testid': 'countdown',
      'data-due-at': timer.paused ? undefined : timer.dueAt,
      'data-paused': timer.paused ? 'true' : 'false',
    })}>${formatCountdown(ms)}</span>` +
    `<span class="countdown__state" data-testid="countdown-state">${esc(state)}</span>` +
    (timer.until && !timer.paused && !over ? `<span class="countdown__until" data-testid="countdown-until">${esc(labels.until(timer.until))}</span>` : '') +
    '</div>'
  );
}


function renderCurrentStep(ctx: RenderCtx, step: BoardStep): string {
  return (
    `<section${attrs({ class: `step step--${step.kind}`, 'data-testid': 'step', 'data-step-id': step.id, 'data-kind': step.kind, 'aria-labelledby': 'step-title' })}>` +
    '<div class="step__top"><div class="step__heading">' +
    content(ctx, 'h2', step.title, { id: 'step-title', class: 'step__title', 'data-testid': 'step-title' }) +
    (step.instruction ? content(ctx, 'p', step.instruction, { class: 'instruction', 'data-testid': 'instruction' }) : '') +
    `</div>${renderTimer(ctx, step.timer)}</div>` +
    `<div class="step__body">${renderStepBody(ctx, step)}</div></section>`
  );
}

function renderEnded(ctx: RenderCtx, s: BoardSnapshot): string {
  const { labels } = ctx;
  const steps = (s.recap?.steps ?? []).map((step) => {
    const title = `<span class="recap__pos">${esc(labels.stepOf(step.index, step.total))}</span> — ${content(ctx, 'span', step.title)}`;
    return (
      `<section${attrs({ class: `recap-step step--${step.kind}`, 'data-testid': 'recap-step', 'data-step-id': step.id })}>` +
      heading(3, title) +
      renderStepBody({ ...ctx, sub: 4 }, step) +
      '</section>'
    );
  });
  return (
    `<section class="ended" data-testid="ended"><h2 class="step__title" data-testid="step-title">${esc(labels.ended)}</h2>` +
    (steps.length ? `<h2 class="recap__title">${esc(labels.recapTitle)}</h2>${steps.join('')}` : '') +
    '</section>'
  );
}

/** The whole board for `snapshot`, its countdown computed at `now` (server time). */
export function renderBoard(snapshot: BoardSnapshot, labels: Labels, now: number): string {
  const ctx: RenderCtx = { labels, now, contentLocale: snapshot.cafe.locale === 'en' ? 'en' : 'fr', sub: 3 };
  let body: string;
  if (snapshot.cafe.status === 'ended') body = renderEnded(ctx, snapshot);
  else if (snapshot.step) body = renderCurrentStep(ctx, snapshot.step);
  else body = `<section class="waiting" data-testid="waiting"><h2 class="step__title" data-testid="step-title">${esc(labels.waiting)}</h2></section>`;
  return renderHeader(ctx, snapshot) + `<div class="board-body">${body}</div>` + renderJoin(labels, snapshot.join);
}

/** How to join from a phone: the code, the address and its QR code (the SVG is the code's geometry only). */
function renderJoin(labels: Labels, join: BoardSnapshot['join']): string {
  if (!join || !/^https?:\/\//.test(join.url)) return '';
  const code = join.code.length === 10 ? `${join.code.slice(0, 5)}-${join.code.slice(5)}` : join.code;
  return (
    `<aside class="join" data-testid="join" aria-labelledby="join-title"><h2 id="join-title">${esc(labels.joinTitle)}</h2>` +
    `<p>${esc(labels.joinHow)}</p><p class="join__url" data-testid="join-url">${esc(join.url.replace(/\/j\/[^/]*$/, '/j'))}</p>` +
    `<p class="join__code" data-testid="join-code">${esc(code)}</p>` +
    `<div class="join__qr" role="img" aria-label="${esc(labels.joinQr)}" data-testid="join-qr">${qrSvg(join.url)}</div></aside>`
  );
}

/** A message in place of the board (expired link, sign-in failure…): title, paragraphs, optional detail and retry button. */
export function renderNotice(opts: { testid: string; title: string; paragraphs: string[]; detail?: string; retry?: string }): string {
  const detail = opts.detail ? `<p class="notice__detail">${esc(opts.detail)}</p>` : '';
  const retry = opts.retry ? `<button type="button" class="button" data-action="retry" data-testid="retry">${esc(opts.retry)}</button>` : '';
  return (
    `<section class="notice" data-testid="${esc(opts.testid)}"><h2>${esc(opts.title)}</h2>` +
    opts.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('') +
    `${detail}${retry}</section>`
  );
}
