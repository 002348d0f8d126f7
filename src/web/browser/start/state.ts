/**
 * The start page's state and what it sends: pure functions, so that the page's behaviour (the
 * three ways, the tree's path, sur-mesure's picks, the body posted to Paths.start) is tested in
 * Node.
 */
import type { Catalogue, CatalogueMenuNode, CataloguePart, CatalogueVariant, StartBody } from '../../contract';
import type { StartLabels, StartLocale } from './labels';

export type Way = 'choose' | 'menu' | 'compose';

export interface StartState {
  way: Way;
  /** « Je sais ce que je veux »: the formula and variant ticked. */
  pick?: { formula: string; variant: CatalogueVariant };
  /** « Aidez-moi à choisir »: the values answered so far, from the tree's root. */
  path: string[];
  /** « Sur mesure »: the element id chosen for each part ('' skips the part). */
  compose: Record<CataloguePart, string>;
  name: string;
  busy: boolean;
  /** A message for the person (an ApiError's, or the page's own), read out by the live region. */
  error?: string;
}

export type StartAction =
  | { type: 'way'; way: Way }
  | { type: 'pick'; formula: string; variant: CatalogueVariant }
  | { type: 'answer'; value: string }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'compose'; part: CataloguePart; id: string }
  | { type: 'name'; name: string }
  | { type: 'busy' }
  | { type: 'failed'; message: string };

/** The first element of each part is preselected, as in Teams' compose card. */
export function initialState(cat: Catalogue): StartState {
  const compose = { tasse: '', cafe: '', chocolat: '', sucre: '' };
  for (const p of cat.compose) compose[p.part] = p.options[0]?.id ?? '';
  return { way: 'choose', path: [], compose, name: '', busy: false };
}

export function update(state: StartState, action: StartAction, cat: Catalogue): StartState {
  const calm = { ...state, error: undefined };
  switch (action.type) {
    case 'way':
      return { ...calm, way: action.way };
    case 'pick':
      return { ...calm, pick: { formula: action.formula, variant: action.variant } };
    case 'answer': {
      const node = nodeAt(cat, state.path);
      if (node.kind !== 'question' || !node.options.some((o) => o.value === action.value)) return state;
      return { ...calm, path: [...state.path, action.value] };
    }
    case 'back':
      return { ...calm, path: state.path.slice(0, -1) };
    case 'restart':
      return { ...calm, path: [] };
    case 'compose': {
      const part = cat.compose.find((p) => p.part === action.part);
      if (!part || (action.id !== '' && !part.options.some((o) => o.id === action.id))) return state;
      return { ...calm, compose: { ...state.compose, [action.part]: action.id } };
    }
    case 'name':
      return { ...state, name: action.name.slice(0, 60) };
    case 'busy':
      return { ...calm, busy: true };
    case 'failed':
      return { ...state, busy: false, error: action.message };
  }
}

/** The tree's node the answers lead to (answers the tree does not have are ignored). */
export function nodeAt(cat: Catalogue, path: string[]): CatalogueMenuNode {
  let node = cat.menu.root;
  for (const value of path) {
    if (node.kind !== 'question') break;
    const option = node.options.find((o) => o.value === value);
    if (!option) break;
    node = option.next;
  }
  return node;
}

/** The questions answered so far, with the answer's label and the guide's verdict. */
export function answered(cat: Catalogue, path: string[]): Array<{ question: string; answer: string; verdict?: string }> {
  const out: Array<{ question: string; answer: string; verdict?: string }> = [];
  let node = cat.menu.root;
  for (const value of path) {
    if (node.kind !== 'question') break;
    const option = node.options.find((o) => o.value === value);
    if (!option) break;
    out.push({ question: node.question, answer: option.label, ...(option.verdict ? { verdict: option.verdict } : {}) });
    node = option.next;
  }
  return out;
}

/** Sur-mesure's planned total: the sum of the chosen elements' minutes. */
export function composeTotal(cat: Catalogue, picks: Record<CataloguePart, string>): { min: number; max: number; count: number } {
  let min = 0;
  let max = 0;
  let count = 0;
  for (const part of cat.compose) {
    const o = part.options.find((x) => x.id === picks[part.part]);
    if (!o) continue;
    min += o.minutes.min;
    max += o.minutes.max;
    count += 1;
  }
  return { min, max, count };
}

/** What the Start button of a way sends, or the message saying what is missing. */
export type StartRequest = { type: 'start'; formula?: string; variant?: CatalogueVariant };

export function startBody(state: StartState, cat: Catalogue, locale: StartLocale, labels: StartLabels, request: StartRequest = { type: 'start' }): { body: StartBody } | { error: string } {
  const name = state.name.trim().slice(0, 60);
  const common = { locale, ...(name ? { name } : {}) };
  if (request.formula && request.variant) {
    if (!hasFormula(cat, request.formula, request.variant)) return { error: labels.errors.pick };
    return { body: { formula: request.formula, variant: request.variant, ...common } };
  }
  if (state.way === 'compose') {
    if (composeTotal(cat, state.compose).count === 0) return { error: labels.errors.compose };
    return { body: { formula: 'sur-mesure', ...common, compose: { ...state.compose } } };
  }
  if (!state.pick || !hasFormula(cat, state.pick.formula, state.pick.variant)) return { error: labels.errors.pick };
  return { body: { formula: state.pick.formula, variant: state.pick.variant, ...common } };
}

function hasFormula(cat: Catalogue, formula: string, variant: string): boolean {
  return cat.formulas.some((f) => f.id === formula && f.variants.some((v) => v.variant === variant));
}
