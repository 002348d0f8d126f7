/**
 * Result charts in plain HTML: horizontal bars (polls, picks, feedback) and the debate's split bar.
 * Widths are carried by `data-pct` (the page sets them through the CSSOM, since the CSP forbids
 * inline style attributes); the figures are always in the text too.
 */
import type { BoardFeedback } from '../snapshotTypes';
import { attrs, esc } from './html';
import { content, heading, percentOf, type RenderCtx } from './renderCtx';

export interface BarItem {
  id: string;
  label: string;
  count: number;
  /** Shown as a right answer (✓ and "bonne réponse"). */
  correct?: boolean;
}

function figures(ctx: RenderCtx, count: number, pct: number): string {
  const { labels } = ctx;
  const votes = esc(labels.votes(count)).replace(/^\d+/, `<span class="bar__count">${count}</span>`);
  return `<span class="bar__figures">${votes} · ${esc(labels.percent(pct))}</span>`;
}

/** A list of horizontal bars; each `li` has `data-testid="<prefix><id>"` and holds the count as text. */
export function renderBars(ctx: RenderCtx, items: BarItem[], total: number, testidPrefix: string): string {
  if (items.length === 0) return '';
  const rows = items.map((item) => {
    const pct = percentOf(item.count, total);
    const tick = item.correct ? '<span class="bar__tick" aria-hidden="true">✓</span> ' : '';
    const tag = item.correct ? ` <span class="tag tag--correct">${esc(ctx.labels.correct)}</span>` : '';
    return (
      `<li${attrs({ class: item.correct ? 'bar is-correct' : 'bar', 'data-testid': `${testidPrefix}${item.id}`, 'data-count': item.count })}>` +
      `<div class="bar__head">${tick}${content(ctx, 'span', item.label, { class: 'bar__label' })}${tag} ${figures(ctx, item.count, pct)}</div>` +
      `<div class="bar__track" aria-hidden="true"><div class="bar__fill" data-pct="${pct}"></div></div>` +
      '</li>'
    );
  });
  return `<ul class="bars">${rows.join('')}</ul>`;
}

/** The debate's split: one bar cut in segments, and a legend carrying each choice's figures. */
export function renderSplit(ctx: RenderCtx, poll: { choices: BarItem[] }): string {
  const sum = poll.choices.reduce((n, c) => n + Math.max(0, c.count), 0);
  const segs = poll.choices
    .map((c, i) => `<div class="split__seg split__seg--${i % 4}" data-pct="${percentOf(c.count, sum)}"></div>`)
    .join('');
  const legend = poll.choices
    .map((c, i) => {
      const pct = percentOf(c.count, sum);
      return (
        `<li${attrs({ class: `split__item split__item--${i % 4}`, 'data-testid': `bar-${c.id}`, 'data-count': c.count })}>` +
        `<span class="swatch" aria-hidden="true"></span>${content(ctx, 'span', c.label, { class: 'bar__label' })} ${figures(ctx, c.count, pct)}</li>`
      );
    })
    .join('');
  return (
    `<div class="split" data-testid="debate-split"><div class="split__bar${sum === 0 ? ' is-empty' : ''}" aria-hidden="true">${segs}</div>` +
    `<ul class="split__legend">${legend}</ul></div>`
  );
}

/** Feedback results: how many answered, then one bar chart per question (`fb-<questionId>-<choiceId>`). */
export function renderFeedback(ctx: RenderCtx, feedback: BoardFeedback): string {
  const questions = feedback.questions.map((q) => {
    const total = q.choices.reduce((n, c) => n + Math.max(0, c.count), 0);
    return (
      `<section class="feedback__question" data-question-id="${esc(q.id)}">` +
      heading(ctx.sub, content(ctx, 'span', q.text)) +
      renderBars(ctx, q.choices, total, `fb-${q.id}-`) +
      '</section>'
    );
  });
  return (
    `<div class="feedback" data-testid="feedback"><p class="feedback__count">${esc(ctx.labels.feedbackResponses(feedback.responses))}</p>` +
    `${questions.join('')}</div>`
  );
}
