/** The step's content blocks: poll, question, post-it board, arguments, video, text, choices. Pure. */
import type { BoardPoll, BoardPostits, BoardQuestion, BoardStep } from '../snapshotTypes';
import { attrs, esc, safeHttpUrl } from './html';
import { renderBars, renderSplit } from './renderCharts';
import { content, heading, langAttr, type RenderCtx } from './renderCtx';

const COLORS = new Set(['blue', 'pink', 'yellow', 'green', 'orange', 'purple']);

/** A post-it colour known to the stylesheet, or 'none' (never raw text in a class). */
function color(c: string | undefined): string {
  return c && COLORS.has(c) ? c : 'none';
}

/** The revealed answer and explanation of a quiz or question. */
function renderReveal(ctx: RenderCtx, answerText?: string, explanation?: string): string {
  if (!answerText && !explanation) return '';
  const { labels } = ctx;
  const answer = answerText ? heading(ctx.sub, esc(labels.answerLabel)) + content(ctx, 'p', answerText, { class: 'reveal__answer' }) : '';
  const expl = explanation
    ? `<p class="reveal__explanation"><span class="reveal__label">${esc(labels.explanationLabel)} : </span>${content(ctx, 'span', explanation)}</p>`
    : '';
  return `<div class="reveal" data-testid="answer">${answer}${expl}</div>`;
}

function renderArgumentList(ctx: RenderCtx, side: 'pour' | 'contre', items: string[]): string {
  const title = `${esc(ctx.labels[side])} <span class="count">(${items.length})</span>`;
  const list = items.length
    ? `<ul class="arguments__list" data-testid="arguments-${side}">${items.map((t) => content(ctx, 'li', t)).join('')}</ul>`
    : `<p class="empty" data-testid="arguments-${side}-empty">${esc(ctx.labels.noArguments)}</p>`;
  return `<section class="arguments__side arguments__side--${side}">${heading(ctx.sub, title)}${list}</section>`;
}

/** The debate's arguments, pour and contre side by side. */
export function renderArguments(ctx: RenderCtx, args: { pour: string[]; contre: string[] }): string {
  return `<div class="arguments" data-testid="arguments">${renderArgumentList(ctx, 'pour', args.pour)}${renderArgumentList(ctx, 'contre', args.contre)}</div>`;
}

export function renderPoll(ctx: RenderCtx, poll: BoardPoll): string {
  const items = poll.choices.map((c) => ({ ...c, count: c.count ?? 0, correct: poll.revealed && c.correct }));
  const chart = !poll.countsShown
    // A quiz before its reveal: the choices, how many answered, and no split.
    ? `<ul class="poll__choices" data-testid="poll-choices">${poll.choices.map((c) => content(ctx, 'li', c.label, { 'data-testid': `choice-${c.id}` })).join('')}</ul>` +
      `<p class="poll__later" data-testid="poll-later">${esc(ctx.labels.resultsLater)}</p>`
    : poll.debate ? renderSplit(ctx, { ...poll, choices: items }) : renderBars(ctx, items, poll.total, 'bar-');
  return (
    `<div class="poll${poll.debate ? ' poll--debate' : ''}" data-testid="poll">` +
    content(ctx, 'p', poll.statement, { class: 'statement', 'data-testid': 'statement' }) +
    `<p class="poll__total" data-testid="poll-total">${esc(ctx.labels.answers(poll.total))}</p>` +
    chart +
    (poll.revealed ? renderReveal(ctx, poll.answerText, poll.explanation) : '') +
    (poll.arguments ? renderArguments(ctx, poll.arguments) : '') +
    '</div>'
  );
}

export function renderQuestion(ctx: RenderCtx, q: BoardQuestion): string {
  const answers = q.answers.length
    ? `<ul class="answers" data-testid="answers">${q.answers.map((a) => content(ctx, 'li', a, { class: 'answer' })).join('')}</ul>`
    : `<p class="empty" data-testid="answers-empty">${esc(ctx.labels.noAnswers)}</p>`;
  return (
    '<div class="question" data-testid="question">' +
    content(ctx, 'p', q.text, { class: 'statement', 'data-testid': 'statement' }) +
    `<p class="question__count">${esc(ctx.labels.answers(q.answers.length))}</p>` +
    answers +
    (q.revealed ? renderReveal(ctx, q.answerText) : '') +
    '</div>'
  );
}

/** The post-it board: a colour key, then one headed list per column; each post-it says its kind in text. */
export function renderPostits(ctx: RenderCtx, board: BoardPostits): string {
  const { labels } = ctx;
  const kinds = new Map(board.kinds.map((k) => [k.id, k]));
  const columns = [...board.columns];
  const known = new Set(columns.map((c) => c.id));
  if (board.postits.some((p) => !known.has(p.column))) columns.push({ id: '', label: labels.otherColumn });

  const legend = board.kinds
    .map((k) => `<li class="legend__item postit--${color(k.color)}"><span class="swatch" aria-hidden="true"></span>${content(ctx, 'span', k.label)}</li>`)
    .join('');
  const cols = columns.map((col) => {
    const postits = board.postits.filter((p) => (col.id === '' ? !known.has(p.column) : p.column === col.id));
    const items = postits.map((p) => {
      const kind = kinds.get(p.kind);
      const kindLabel = kind
        ? `${content(ctx, 'span', kind.label, { class: 'postit__kind' })}<span class="sr-only"> : </span>`
        : '';
      return (
        `<li${attrs({ class: `postit postit--${color(kind?.color)}`, 'data-testid': 'postit', 'data-kind': p.kind, 'data-color': color(kind?.color) })}>` +
        `${kindLabel}${content(ctx, 'span', p.text, { class: 'postit__text' })}</li>`
      );
    });
    const list = items.length ? `<ul class="postits">${items.join('')}</ul>` : `<p class="empty">${esc(labels.noPostits)}</p>`;
    const title = `${content(ctx, 'span', col.label)} <span class="count">(${esc(labels.postits(postits.length))})</span>`;
    return `<section${attrs({ class: 'postit-col', 'data-testid': 'postit-column', 'data-column': col.id })}>${heading(ctx.sub, title)}${list}</section>`;
  });
  return (
    `<section class="postit-board" data-testid="postit-board" aria-label="${esc(labels.postitBoard)}">` +
    (legend ? `<div class="legend"><p class="legend__title">${esc(labels.legend)}</p><ul class="legend__list">${legend}</ul></div>` : '') +
    `<div class="postit-cols">${cols.join('')}</div></section>`
  );
}

export function renderVideo(ctx: RenderCtx, video: NonNullable<BoardStep['video']>): string {
  const url = safeHttpUrl(video.url);
  const title = url
    ? `<a${attrs({ href: url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'video-link' })}${langAttr(ctx)}>${esc(video.title)}<span class="sr-only"> ${esc(ctx.labels.newTab)}</span></a>`
    : content(ctx, 'span', video.title);
  return (
    `<div class="video" data-testid="video"><p class="video__title">${title}</p>` +
    `<p class="video__done" data-testid="video-done">${esc(ctx.labels.videoDone(video.done, video.expected))}</p></div>`
  );
}

export function renderPick(ctx: RenderCtx, pick: NonNullable<BoardStep['pick']>): string {
  const total = pick.items.reduce((n, i) => n + Math.max(0, i.count), 0);
  return (
    '<div class="pick" data-testid="pick">' +
    renderBars(ctx, pick.items, total, 'pick-') +
    (pick.floor ? content(ctx, 'p', pick.floor, { class: 'pick__floor' }) : '') +
    '</div>'
  );
}

export function renderText(ctx: RenderCtx, text: string): string {
  return content(ctx, 'div', text, { class: 'text-block', 'data-testid': 'text' });
}

export function renderChoose(ctx: RenderCtx, options: string[]): string {
  return `<ul class="choose" data-testid="choose">${options.map((o) => content(ctx, 'li', o)).join('')}</ul>`;
}
