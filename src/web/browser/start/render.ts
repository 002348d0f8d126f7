/**
 * The start page as HTML strings (pure: rendered in Node tests, patched into the page by
 * startMain.ts). Three ways to a café: the guide's formulas, the guide's tree step by step, and
 * sur-mesure; one optional first name; one Start per way. The content's texts are French: on an
 * English page they carry lang="fr", so that a screen reader reads them as French.
 */
import { attrs, esc, safeHttpUrl } from '../../../tab/browser/html';
import type { Catalogue, CatalogueMenuLeaf, CatalogueMenuQuestion, CatalogueMinutes, CatalogueProposal } from '../../contract';
import type { StartLabels } from './labels';
import { answered, composeTotal, nodeAt, type StartState, type Way } from './state';

const WAYS: Way[] = ['choose', 'menu', 'compose'];

/** A text of the content (French) on a page in `l.locale`. */
function content(l: StartLabels, text: string): string {
  return l.locale === 'fr' ? esc(text) : `<span lang="fr">${esc(text)}</span>`;
}

const minutes = (l: StartLabels, m: CatalogueMinutes) => (m.max === 0 ? l.ifTime : l.minutes(m.min, m.max, m.estimate));

export function renderStart(state: StartState, cat: Catalogue, l: StartLabels): string {
  return [
    renderName(state, l),
    renderWays(state, l),
    `<div class="panel" id="start-panel" role="region"${attrs({ 'aria-labelledby': `way-${state.way}`, 'data-testid': `panel-${state.way}` })}>`,
    state.way === 'choose' ? renderChoose(state, cat, l) : state.way === 'menu' ? renderMenu(state, cat, l) : renderCompose(state, cat, l),
    '</div>',
    renderMessage(state, l),
  ].join('');
}

function renderName(state: StartState, l: StartLabels): string {
  return '<div class="field name">' +
    `<label for="start-name">${esc(l.nameLabel)}</label>` +
    `<input${attrs({ id: 'start-name', name: 'name', type: 'text', autocomplete: 'given-name', maxlength: 60, value: state.name, 'aria-describedby': 'start-name-hint', 'data-action': 'name', 'data-testid': 'name-input' })}>` +
    `<p class="hint" id="start-name-hint">${esc(l.nameHint)}</p>` +
    '</div>';
}

function renderWays(state: StartState, l: StartLabels): string {
  const buttons = WAYS.map((way) =>
    `<li><button${attrs({ type: 'button', id: `way-${way}`, class: 'way', 'aria-pressed': state.way === way ? 'true' : 'false', 'aria-controls': 'start-panel', 'data-action': 'way', 'data-way': way, 'data-testid': `way-${way}` })}>${esc(l.ways[way])}</button></li>`);
  return `<nav class="ways"${attrs({ 'aria-label': l.waysLabel })}><ul>${buttons.join('')}</ul></nav>`;
}

function startButton(state: StartState, l: StartLabels, label: string, extra: Record<string, string> = {}, testid = 'start-button'): string {
  return `<button${attrs({ type: 'button', class: 'primary', 'data-action': 'start', ...extra, 'aria-disabled': state.busy ? 'true' : undefined, 'data-testid': testid })}>${esc(state.busy ? l.starting : label)}</button>`;
}

function renderChoose(state: StartState, cat: Catalogue, l: StartLabels): string {
  const formulas = cat.formulas.map((f) => {
    const variants = f.variants.map((v) => {
      const checked = state.pick?.formula === f.id && state.pick.variant === v.variant;
      return '<li><label class="variant">' +
        `<input${attrs({ type: 'radio', name: 'pick', value: `${f.id}/${v.variant}`, checked, 'data-action': 'pick', 'data-formula': f.id, 'data-variant': v.variant, 'data-testid': `pick-${f.id}-${v.variant}` })}>` +
        `<span class="variant-text"><span class="variant-name">${content(l, v.name)}</span> <span class="minutes">${esc(minutes(l, v.minutes))}</span>` +
        (v.summary ? ` <span class="summary">${esc(v.summary)}</span>` : '') +
        '</span></label></li>';
    });
    const picked = state.pick?.formula === f.id ? f.variants.find((v) => v.variant === state.pick!.variant) : undefined;
    const plan = picked
      ? `<ul class="plan"${attrs({ 'aria-label': l.partsOf(picked.name), 'data-testid': `plan-${f.id}` })}>` +
        picked.parts.map((p) => `<li><span>${esc(f.parts.find((x) => x.part === p.part)?.label ?? p.part)}</span> <span class="minutes">${esc(minutes(l, p.minutes))}</span></li>`).join('') +
        '</ul>'
      : '';
    return `<li class="formula"${attrs({ 'data-testid': `formula-${f.id}` })}><h3>${content(l, f.name)}</h3>` +
      (f.summary ? `<p class="summary">${esc(f.summary)}</p>` : '') +
      `<ul class="variants">${variants.join('')}</ul>${plan}</li>`;
  });
  return `<fieldset class="formulas" data-testid="formula-list"><legend>${esc(l.chooseLegend)}</legend><ul>${formulas.join('')}</ul></fieldset>` +
    startButton(state, l, l.start);
}

function renderMenu(state: StartState, cat: Catalogue, l: StartLabels): string {
  const node = nodeAt(cat, state.path);
  const given = answered(cat, state.path);
  const answers = given.length
    ? `<h3>${esc(l.yourAnswers)}</h3><ol class="answers" data-testid="menu-answers">` +
      given.map((a) => `<li><span class="question">${esc(a.question)}</span> <strong>${esc(a.answer)}</strong>${a.verdict ? ` <span class="verdict">${esc(a.verdict)}</span>` : ''}</li>`).join('') +
      '</ol>'
    : '';
  const controls = given.length
    ? '<div class="controls">' +
      `<button${attrs({ type: 'button', 'data-action': 'back', 'data-testid': 'menu-back' })}>${esc(l.back)}</button>` +
      `<button${attrs({ type: 'button', 'data-action': 'restart', 'data-testid': 'menu-restart' })}>${esc(l.restart)}</button>` +
      '</div>'
    : '';
  return `<h2 class="tree-title">${esc(cat.menu.title)}</h2>${answers}` +
    (node.kind === 'question' ? renderQuestion(node, state.path.length) : renderLeaf(state, node, l)) +
    controls;
}

function renderQuestion(node: CatalogueMenuQuestion, depth: number): string {
  const buttons = node.options.map((o) =>
    `<li><button${attrs({ type: 'button', class: 'answer', 'data-action': 'answer', 'data-value': o.value, 'data-testid': `menu-option-${o.value}` })}>${esc(o.label)}</button></li>`);
  // The question takes the focus when it appears (startMain.ts), so that the next question is read out.
  return `<div class="question"${attrs({ role: 'group', 'aria-labelledby': 'menu-question', 'data-testid': 'menu-question', 'data-key': node.key })}>` +
    `<p${attrs({ id: 'menu-question', class: 'question-text', tabindex: -1, 'data-focus': depth > 0 ? 'true' : undefined })}>${esc(node.question)}</p>` +
    `<ul class="answers-choice">${buttons.join('')}</ul></div>`;
}

function proposalLine(state: StartState, l: StartLabels, p: CatalogueProposal, startable: boolean): string {
  return '<li class="proposal">' +
    `<span class="variant-name">${content(l, p.name)}</span> <span class="minutes">${esc(minutes(l, p.minutes))}</span>` +
    (p.note ? `<p class="note">${esc(p.note)}</p>` : '') +
    (startable ? startButton(state, l, l.startNamed(p.name), { 'data-formula': p.formula, 'data-variant': p.variant }, `menu-start-${p.formula}-${p.variant}`) : '') +
    '</li>';
}

function renderLeaf(state: StartState, leaf: CatalogueMenuLeaf, l: StartLabels): string {
  const head = `<h3${attrs({ id: 'menu-leaf-heading', tabindex: -1, 'data-focus': 'true' })}>${esc(leaf.heading)}</h3>`;
  if (leaf.declined) {
    const url = safeHttpUrl(leaf.playlistUrl);
    return `<section class="leaf" data-testid="menu-leaf" data-declined="true">${head}` +
      (url ? `<p><a${attrs({ href: url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'menu-playlist' })}>${esc(l.playlist)}</a></p>` : '') +
      '</section>';
  }
  const proposals = `<ul class="proposals">${leaf.proposals.map((p) => proposalLine(state, l, p, true)).join('')}</ul>`;
  const tooLong = leaf.tooLong
    ? `<p class="too-long">${esc(leaf.tooLong.heading)}</p><ul class="too-long-list" data-testid="menu-too-long">${leaf.tooLong.formulas.map((p) => proposalLine(state, l, p, false)).join('')}</ul>`
    : '';
  const virtual = leaf.virtual
    ? `<section class="virtual" data-testid="menu-virtual"><h3>${esc(leaf.virtual.title)}</h3>` +
      leaf.virtual.texts.map((t) => `<p>${esc(t)}</p>`).join('') +
      `<p><strong>${esc(leaf.virtual.astuce.label)}</strong>${l.locale === 'fr' ? ' : ' : ': '}${esc(leaf.virtual.astuce.text)}</p></section>`
    : '';
  return `<section class="leaf" data-testid="menu-leaf">${head}${proposals}${tooLong}${virtual}</section>`;
}

function renderCompose(state: StartState, cat: Catalogue, l: StartLabels): string {
  const parts = cat.compose.map((part) => {
    const chosen = part.options.find((o) => o.id === state.compose[part.part]);
    const options = part.options.map((o) =>
      `<option${attrs({ value: o.id, selected: state.compose[part.part] === o.id, lang: l.locale === 'fr' ? undefined : 'fr' })}>${esc(`${o.label} (${o.formulaName} · ${minutes(l, o.minutes)})`)}</option>`);
    options.push(`<option${attrs({ value: '', selected: state.compose[part.part] === '' })}>${esc(l.composeNone)}</option>`);
    return '<div class="field">' +
      `<label${attrs({ for: `compose-${part.part}` })}>${esc(part.label)}</label>` +
      `<select${attrs({ id: `compose-${part.part}`, name: part.part, 'aria-describedby': chosen ? `compose-${part.part}-chosen` : undefined, 'data-action': 'compose', 'data-part': part.part, 'data-testid': `compose-part-${part.part}` })}>${options.join('')}</select>` +
      // A phone cuts a long element in its list: the chosen one is said in full below it.
      (chosen ? `<p${attrs({ class: 'hint', id: `compose-${part.part}-chosen`, 'data-testid': `compose-chosen-${part.part}` })}>${content(l, chosen.label)} · ${content(l, chosen.formulaName)} · ${esc(minutes(l, chosen.minutes))}</p>` : '') +
      '</div>';
  });
  const total = composeTotal(cat, state.compose);
  return `<p class="intro">${esc(l.composeIntro)}</p>${parts.join('')}` +
    `<p class="total" aria-live="polite" data-testid="compose-total">${esc(l.composeTotal(total.min, total.max))}</p>` +
    (total.max > cat.onlineMaxMinutes ? `<p class="note" data-testid="compose-online-long">${esc(l.composeOnlineLong(cat.onlineMaxMinutes))}</p>` : '') +
    `<p class="hint">${esc(l.composeNote)}</p>` +
    startButton(state, l, l.start);
}

/** The page's one message line: always present, so that screen readers announce what comes into it. */
function renderMessage(state: StartState, _l: StartLabels): string {
  return `<p${attrs({ id: 'start-message', class: state.error ? 'message error' : 'message', role: 'alert', 'aria-live': 'assertive', 'data-testid': 'start-error' })}>${esc(state.error ?? '')}</p>`;
}

/** The catalogue could not be loaded: said politely, with a way to try again. */
export function renderLoadFailed(l: StartLabels, message?: string): string {
  return `<div class="notice" data-testid="catalogue-failed"><p role="alert">${esc(message ?? l.errors.catalogue)}</p>` +
    `<button${attrs({ type: 'button', 'data-action': 'reload', 'data-testid': 'catalogue-retry' })}>${esc(l.errors.retry)}</button></div>`;
}
