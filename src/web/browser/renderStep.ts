/**
 * One step as a participant or the facilitator sees it on a web page, per kind. Pure: the view
 * decides who sees what (counts, arguments, comments), this only shows it. Every text people
 * typed goes through `esc`; every button carries the exact ActionData it posts.
 */
import type {
  BoardView, ChooseView, FeedbackView, PickView, PollView, QuestionView, StepView, TextView, TurnsView, VideoView,
} from '../../views/types';
import { act } from './actions';
import { attrs, esc } from './html';
import { jsonForAttr } from './json';
import { bar, outLink, percentOf, text, tid, type WebRenderCtx } from './renderCtx';

const MAX_TEXT = 280;

function pressed(on: boolean): string {
  return ` aria-pressed="${on ? 'true' : 'false'}"`;
}

function formOpen(data: Record<string, unknown>, testid: string, label: string): string {
  return `<form class="form" novalidate${attrs({ 'data-testid': testid, 'aria-label': label })} data-act="${jsonForAttr(data)}">`;
}

function textArea(id: string, name: string, label: string, testid: string, value = '', required = true): string {
  return (
    `<label class="field__label" for="${esc(id)}">${esc(label)}</label>` +
    `<textarea${attrs({ id, name, maxlength: MAX_TEXT, rows: 3, required, 'data-testid': testid })}>${esc(value)}</textarea>`
  );
}

function submit(label: string, testid: string): string {
  return `<button type="submit" class="button button--primary"${attrs({ 'data-testid': testid })}>${esc(label)}</button>`;
}

function renderPoll(ctx: WebRenderCtx, s: PollView): string {
  const { l } = ctx;
  const out: string[] = [];
  if (s.previous) {
    out.push(`<p class="previous" data-testid="previous"><span class="previous__label">${esc(l.previousLabel)} : </span>${esc(s.previous.statement)} — ${esc(s.previous.answer)}</p>`);
  }
  out.push(text('p', s.statement, { class: 'statement', 'data-testid': 'statement', id: 'statement' }));
  const items = s.choices.map((c) => {
    const mine = s.mine?.id === c.id;
    const label = s.canVote
      ? `<button type="button" class="choice__button"${attrs({ 'data-testid': tid('vote', c.id), 'aria-label': l.voteFor(c.label) })}${pressed(mine)}${act({ verb: 'vote', cafe: ctx.cafe, step: s.stepId, choice: c.id })}>${esc(c.label)}</button>`
      : `<span class="choice__label">${esc(c.label)}</span>`;
    const count = s.countsShown && c.count !== undefined
      ? `<span class="choice__count">${esc(l.votes(c.count))} · ${esc(l.percent(c.percent ?? percentOf(c.count, s.voters)))}</span>${bar(c.percent ?? 0)}`
      : '';
    const correct = s.revealed && c.correct ? `<span class="badge badge--correct">${esc(l.correct)}</span>` : '';
    return `<li${attrs({ class: `choice${mine ? ' choice--mine' : ''}${s.revealed && c.correct ? ' choice--correct' : ''}`, 'data-testid': tid('choice', c.id) })}>${[label, correct, count].filter(Boolean).join(' ')}</li>`;
  });
  out.push(`<ul class="choices" aria-labelledby="statement" data-testid="choices">${items.join('')}</ul>`);
  out.push(`<p class="meta" data-testid="voters">${esc(l.voters(s.voters))}</p>`);
  if (s.mine) out.push(`<p class="mine" data-testid="my-vote">${esc(l.yourVote(s.mine.label))}</p>`);
  if (s.canVote && s.mine) out.push(`<p class="help">${esc(l.changeVote)}</p>`);
  if (!s.countsShown && !s.revealed) out.push(`<p class="help">${esc(l.resultsLater)}</p>`);
  if (s.revealed && (s.answer || s.explanation)) {
    out.push(
      '<div class="answer" data-testid="answer">' +
      (s.answer ? `<p><strong>${esc(l.answerLabel)} : </strong>${esc(s.answer)}</p>` : '') +
      (s.answerText && s.answerText !== s.answer ? text('p', s.answerText) : '') +
      (s.explanation ? `<p><strong>${esc(l.explanationLabel)} : </strong>${esc(s.explanation)}</p>` : '') +
      '</div>',
    );
  }
  if (s.debate) out.push(renderArguments(ctx, s));
  return out.join('');
}

function renderArguments(ctx: WebRenderCtx, s: PollView): string {
  const { l } = ctx;
  const out: string[] = [`<section class="arguments" data-testid="arguments"><h3>${esc(l.argumentsTitle)}</h3>`];
  if (s.canArgue) {
    out.push(
      formOpen({ verb: 'argument', cafe: ctx.cafe, step: s.stepId }, 'argument-form', l.argumentsTitle) +
      `<fieldset class="radios"><legend>${esc(l.argumentSide)}</legend>` +
      `<label class="radio"><input type="radio" name="side" value="pour" checked data-testid="argument-pour"> ${esc(l.pour)}</label>` +
      `<label class="radio"><input type="radio" name="side" value="contre" data-testid="argument-contre"> ${esc(l.contre)}</label></fieldset>` +
      textArea(`argument-${s.stepId}`, 'argumentText', l.argumentText, 'argument-text') +
      submit(l.argumentSend, 'argument-send') + '</form>',
    );
  }
  const items = s.arguments?.items ?? [];
  if (s.arguments?.listed) {
    for (const side of ['pour', 'contre'] as const) {
      const mine = items.filter((a) => a.side === side);
      out.push(
        `<h4>${esc(side === 'pour' ? l.pour : l.contre)} (${mine.length})</h4>` +
        (mine.length
          ? `<ul class="texts"${attrs({ 'data-testid': tid('arguments', side) })}>${mine.map((a) => text('li', a.text, { 'data-testid': 'argument' })).join('')}</ul>`
          : `<p class="meta">${esc(l.noArguments)}</p>`),
      );
    }
  }
  out.push('</section>');
  return out.join('');
}

function renderPick(ctx: WebRenderCtx, s: PickView): string {
  const { l } = ctx;
  const out: string[] = [];
  out.push(
    `<ul class="choices" aria-label="${esc(l.pickLegend)}" data-testid="options">` +
    s.options.map((o) => {
      const mine = s.mine?.id === o.id;
      const label = s.canPick
        ? `<button type="button" class="choice__button"${attrs({ 'data-testid': tid('pick', o.id) })}${pressed(mine)}${act({ verb: 'pick', cafe: ctx.cafe, step: s.stepId, item: o.id })}>${esc(o.label)}</button>`
        : `<span class="choice__label">${esc(o.label)}</span>`;
      return `<li${attrs({ class: `choice${mine ? ' choice--mine' : ''}`, 'data-testid': tid('choice', o.id) })}>${label}${o.detail ? text('p', o.detail, { class: 'choice__detail' }) : ''}</li>`;
    }).join('') + '</ul>',
  );
  if (s.mine) out.push(`<p class="mine" data-testid="my-pick">${esc(l.yourPick(s.mine.label))}</p>`);
  out.push(`<p class="meta" data-testid="pickers">${esc(l.pickers(s.pickers))}</p>`);
  if (s.picked.length) {
    out.push(
      `<h3>${esc(l.pickedTitle)}</h3><ul class="texts" data-testid="picked">` +
      s.picked.map((p) => `<li>${esc(p.label)} (${p.count})${p.names?.length ? ` — ${esc(p.names.join(', '))}` : ''}</li>`).join('') +
      '</ul>',
    );
  }
  return out.join('');
}

function renderTurns(ctx: WebRenderCtx, s: TurnsView): string {
  const { l } = ctx;
  return (
    (s.current
      ? `<p class="floor" data-testid="floor-current">${esc(l.floorNow(s.current.name, s.current.item))}</p>`
      : `<p class="floor" data-testid="floor-current">${esc(l.noFloor)}</p>`) +
    (s.next ? `<p class="meta" data-testid="floor-next">${esc(l.floorNext(s.next.name, s.next.item))}</p>` : '') +
    (s.count ? `<p class="meta">${esc(l.turnOf(Math.min(s.turn + 1, s.count), s.count))}</p>` : '')
  );
}

function renderVideo(ctx: WebRenderCtx, s: VideoView): string {
  const { l } = ctx;
  // Kept (disabled) once said, so the focus stays where it was.
  const done = s.canSayDone || s.youDone
    ? `<button type="button" class="button button--primary" data-testid="done"${pressed(s.youDone)}${s.youDone || !s.canSayDone ? ' disabled' : ''}${act({ verb: 'done', cafe: ctx.cafe, step: s.stepId })}>${esc(l.videoDone)}</button>`
    : '';
  return (
    text('p', s.video.title, { class: 'statement' }) +
    `<p class="video-link">${outLink(l, s.video.url, l.videoOpen, 'video-link')}</p>` +
    done +
    (s.youDone ? `<p class="mine" data-testid="you-done">${esc(l.videoYouDone)}</p>` : '') +
    `<p class="meta" data-testid="finished">${esc(l.finished(s.finished, s.peopleKnown ? s.people : undefined))}</p>`
  );
}

function renderBoard(ctx: WebRenderCtx, s: BoardView): string {
  const { l } = ctx;
  const out: string[] = [];
  if (s.canPost && s.columns.length && s.postitKinds.length) {
    const colId = `postit-column-${s.stepId}`;
    out.push(
      formOpen({ verb: 'postit', cafe: ctx.cafe, step: s.stepId }, 'postit-form', l.postitText) +
      `<label class="field__label" for="${esc(colId)}">${esc(l.postitColumn)}</label>` +
      `<select${attrs({ id: colId, name: 'postitColumn', 'data-testid': 'postit-column' })}>` +
      s.columns.map((c) => `<option${attrs({ value: c.id })}>${esc(c.label)}</option>`).join('') + '</select>' +
      `<fieldset class="radios"><legend>${esc(l.postitKind)}</legend>` +
      s.postitKinds.map((k, i) => `<label${attrs({ class: `radio postit--${k.color}` })}><input${attrs({ type: 'radio', name: 'postitKind', value: k.id, checked: i === 0, 'data-testid': tid('postit-kind', k.id) })}> ${esc(k.label)}</label>`).join('') +
      '</fieldset>' +
      textArea(`postit-text-${s.stepId}`, 'postitText', l.postitText, 'postit-text') +
      submit(l.postitSend, 'postit-send') + '</form>',
    );
  }
  out.push(`<p class="meta" data-testid="postit-count">${esc(l.postits(s.postits.length))}</p>`);
  if (!s.postits.length) out.push(`<p class="meta">${esc(l.noPostits)}</p>`);
  const color = (kind: string) => s.postitKinds.find((k) => k.id === kind)?.color ?? 'yellow';
  for (const c of s.columns) {
    const mine = s.postits.filter((p) => p.column === c.id);
    if (!mine.length) continue;
    out.push(
      `<h3>${esc(c.label)}</h3><ul class="postits"${attrs({ 'data-testid': tid('column', c.id) })}>` +
      mine.map((p) => text('li', p.text, { class: `postit postit--${color(p.kind)}`, 'data-testid': 'postit' })).join('') + '</ul>',
    );
  }
  return out.join('');
}

function renderQuestion(ctx: WebRenderCtx, s: QuestionView): string {
  const { l } = ctx;
  const out: string[] = [text('p', s.statement, { class: 'statement', 'data-testid': 'statement' })];
  if (s.canAnswer) {
    out.push(
      formOpen({ verb: 'answer', cafe: ctx.cafe, step: s.stepId }, 'answer-form', l.answerText) +
      textArea(`answer-${s.stepId}`, 'answerText', l.answerText, 'answer-text') +
      submit(l.answerSend, 'answer-send') + '</form>',
    );
  }
  out.push(`<p class="meta" data-testid="answer-count">${esc(l.answers(s.answers.length))}</p>`);
  if (s.answers.length) out.push(`<ul class="texts" data-testid="answers">${s.answers.map((a) => text('li', a, { 'data-testid': 'answer' })).join('')}</ul>`);
  if (s.answerText) out.push(`<div class="answer" data-testid="guide-answer"><h3>${esc(l.guideAnswer)}</h3>${text('p', s.answerText)}</div>`);
  return out.join('');
}

function renderFeedback(ctx: WebRenderCtx, s: FeedbackView): string {
  const { l } = ctx;
  const out: string[] = [`<p class="meta" data-testid="responses">${esc(l.responses(s.responses))}</p>`];
  const mine = s.mine ?? {};
  if (s.acceptsAnswers) {
    out.push(formOpen({ verb: 'feedback', cafe: ctx.cafe, step: s.stepId }, 'feedback-form', s.title));
    for (const q of s.questions) {
      out.push(
        `<fieldset class="radios"><legend>${esc(q.text)}</legend>` +
        q.choices.map((c) => `<label class="radio"><input${attrs({ type: 'radio', name: `feedback_${q.id}`, value: c.id, checked: mine[q.id] === c.id, 'data-testid': tid(`feedback-${q.id}`, c.id) })}> ${esc(c.label)}</label>`).join('') +
        '</fieldset>',
      );
    }
    out.push(
      textArea(`feedback-positive-${s.stepId}`, 'feedback_positive', l.feedbackPositive, 'feedback-positive', mine.positive ?? '', false) +
      textArea(`feedback-negative-${s.stepId}`, 'feedback_negative', l.feedbackNegative, 'feedback-negative', mine.negative ?? '', false) +
      submit(l.feedbackSend, 'feedback-send') + '</form>',
    );
    if (s.mine) out.push(`<p class="mine" data-testid="feedback-mine">${esc(l.feedbackThanks)}</p>`);
  }
  if (ctx.role === 'facilitator') {
    for (const q of s.questions) {
      const total = q.choices.reduce((n, c) => n + c.count, 0);
      out.push(
        `<h3>${esc(q.text)}</h3><ul class="counts"${attrs({ 'data-testid': tid('feedback-counts', q.id) })}>` +
        q.choices.map((c) => `<li>${esc(c.label)} : ${c.count}${bar(percentOf(c.count, total))}</li>`).join('') + '</ul>',
      );
    }
  }
  if (s.comments) {
    for (const [title, list, id] of [[l.commentsPositive, s.comments.positive, 'positive'], [l.commentsNegative, s.comments.negative, 'negative']] as const) {
      out.push(`<h3>${esc(title)}</h3>` + (list.length
        ? `<ul class="texts"${attrs({ 'data-testid': tid('comments', id) })}>${list.map((c) => text('li', c, { 'data-testid': 'comment' })).join('')}</ul>`
        : '<p class="meta">—</p>'));
    }
  }
  return out.join('');
}

function renderText(ctx: WebRenderCtx, s: TextView): string {
  const paragraphs = s.text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => text('p', p)).join('');
  const links = s.links.length ? `<ul class="links">${s.links.map((k) => `<li>${outLink(ctx.l, k.url, k.label)}</li>`).join('')}</ul>` : '';
  return `<div class="text" data-testid="text">${paragraphs}${links}</div>`;
}

function renderChoose(ctx: WebRenderCtx, s: ChooseView): string {
  const { l } = ctx;
  if (s.chosen) return `<p class="mine" data-testid="chosen">${esc(l.chosen(s.chosen.label))}</p>`;
  if (!s.canChoose) return `<p class="waiting" data-testid="choose-waiting">${esc(l.chooseWaiting)}</p>`;
  return (
    '<ul class="choices" data-testid="options">' +
    s.options.map((o) => `<li${attrs({ class: `choice${o.isDefault ? ' choice--default' : ''}` })}><button type="button" class="choice__button"${attrs({ 'data-testid': tid('choose', o.id), 'aria-label': l.chooseOption(o.label) })}${act({ verb: 'choose', cafe: ctx.cafe, step: s.stepId, option: o.id })}>${esc(o.label)}</button></li>`).join('') +
    '</ul>'
  );
}

function body(ctx: WebRenderCtx, s: StepView): string {
  switch (s.kind) {
    case 'poll': return renderPoll(ctx, s);
    case 'pick': return renderPick(ctx, s);
    case 'turns': return renderTurns(ctx, s);
    case 'video': return renderVideo(ctx, s);
    case 'board': return renderBoard(ctx, s);
    case 'question': return renderQuestion(ctx, s);
    case 'feedback': return renderFeedback(ctx, s);
    case 'text': return renderText(ctx, s);
    case 'choose': return renderChoose(ctx, s);
    case 'missing': return `<p class="meta" data-testid="missing">${esc(ctx.l.missing)}</p>`;
  }
}

/** The step: its title, what to do, and its body for the viewer's role. */
export function renderStep(ctx: WebRenderCtx, s: StepView): string {
  const what = s.instruction ?? s.description;
  return (
    `<section${attrs({ class: `step step--${s.kind}`, 'data-testid': 'step', 'data-kind': s.kind, 'data-step-id': s.stepId, 'aria-labelledby': 'step-title' })}>` +
    text('h2', s.title, { id: 'step-title', class: 'step__title', 'data-testid': 'step-title' }) +
    (what ? text('p', what, { class: 'instruction', 'data-testid': 'instruction' }) : '') +
    `<div class="step__body">${body(ctx, s)}</div></section>`
  );
}
