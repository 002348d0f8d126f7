import type { Content, Formula, Variant } from '../content/schema';
import { findFormula } from './lookup';
import { plannedTotal } from './plan';
import type { Refusal } from './types';

/** « Avez-vous plus de 30 minutes pour animer votre café ? » (L192): NON means 30 minutes at most. */
export const SHORT_CAFE_MINUTES = 30;

export type MenuAudience = 'novice' | 'averti' | 'intermediaire';

/** The facilitator's answers to the guide's decision tree, as far as they went. */
export interface MenuAnswers {
  /** « Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ? » (L181) */
  organise?: boolean;
  /** More than 30 minutes? (L192) */
  long?: boolean;
  /** « Le public qui assistera à votre café sera plutôt... » (L204) */
  audience?: MenuAudience;
  /** The ASTUCE's « à distance et en visio ? » (L224) */
  online?: boolean;
}

export interface Proposal {
  formulaId: string;
  variant: Variant;
  /** The formula's planned minutes (`plannedTotal`), what the time the person has is checked against. */
  planned: { min: number; max: number };
}

/** What the tree ends on: what Barista proposes, and what the guide's tree named but does not fit. */
export interface Advice {
  /** Formulas to start, none planned longer than the time the person has. */
  proposals: Proposal[];
  /** The formulas the guide's tree names for these answers whose planned time exceeds the person's: said, not proposed. */
  tooLong: Proposal[];
  /** True when `proposals` are not the guide's verdict but what fits instead (or what the content has). */
  instead: boolean;
  /** The time the person has, when they said it (30 minutes or less); undefined when it has no upper bound. */
  budgetMinutes?: number;
}

/**
 * The guide's verdict (L179–222): more than 30 minutes → Americano (or Cappuccino), else Ristretto;
 * novices → « avec sucre », informed → « sans sucre », intermediate → « Les formules Cappuccino »
 * (the Cappuccino and the Cappuccino à la mousse d'IA), whatever the time.
 */
function guideVerdict(long: boolean, audience: MenuAudience): Array<{ formulaId: string; variant: Variant }> {
  if (audience === 'intermediaire') return [{ formulaId: 'cappuccino', variant: 'avec-sucre' }, { formulaId: 'mousse-ia', variant: 'avec-sucre' }];
  return [{ formulaId: long ? 'americano' : 'ristretto', variant: audience === 'novice' ? 'avec-sucre' : 'sans-sucre' }];
}

const proposalOf = (f: Formula): Proposal => ({ formulaId: f.id, variant: f.variant, planned: plannedTotal(f) });

/**
 * The end of the tree. The guide's own tree can name a formula longer than the person's time (30
 * minutes or less with an intermediate public leads to the Cappuccino formulas, 1 h or more): such
 * a formula is never proposed but listed in `tooLong`, so the card can say so, and the formulas of
 * the content that do fit are proposed instead (the audience's variant first). Online changes no
 * formula (all are transposable, L1036) but brings the virtual café's advice. Only formulas the
 * content has are proposed.
 */
export function recommend(answers: MenuAnswers, content: Content): Advice {
  const budgetMinutes = answers.long === false ? SHORT_CAFE_MINUTES : undefined;
  const none: Advice = { proposals: [], tooLong: [], instead: false, ...(budgetMinutes ? { budgetMinutes } : {}) };
  if (answers.organise !== true || answers.long === undefined || answers.audience === undefined) return none;
  const fits = (p: Proposal) => budgetMinutes === undefined || p.planned.max <= budgetMinutes;
  const named = guideVerdict(answers.long, answers.audience)
    .map((w) => findFormula(content, w.formulaId, w.variant))
    .filter((f): f is Formula => !!f)
    .map(proposalOf);
  const proposals = named.filter(fits);
  const tooLong = named.filter((p) => !fits(p));
  if (proposals.length) return { ...none, proposals, tooLong };
  const fitting = content.formulas.map(proposalOf).filter(fits);
  const preferred = answers.audience === 'intermediaire' ? fitting : fitting.filter((p) => p.variant === (answers.audience === 'novice' ? 'avec-sucre' : 'sans-sucre'));
  return { ...none, proposals: preferred.length ? preferred : fitting, tooLong, instead: true };
}

/** The next question of the tree still to answer, or undefined when the tree is done (NON to the first question ends it). */
export function nextQuestion(answers: MenuAnswers): keyof MenuAnswers | undefined {
  if (answers.organise === undefined) return 'organise';
  if (answers.organise === false) return undefined;
  if (answers.long === undefined) return 'long';
  if (answers.audience === undefined) return 'audience';
  if (answers.online === undefined) return 'online';
  return undefined;
}

/**
 * Answers the tree's buttons cannot produce (they travel in the card, so they can be forged or come
 * from a card of an older Barista): an answer after « NON » to the first question, an answer before
 * the first question is answered, or the audience without the time. The bot answers with a polite
 * message pointing to /menu, and shows nothing of the tree.
 */
export function checkAnswers(answers: MenuAnswers): Refusal | undefined {
  const later = answers.long !== undefined || answers.audience !== undefined || answers.online !== undefined;
  if (answers.organise !== true && later) return { refused: 'invalid', detail: 'menu' };
  if (answers.audience !== undefined && answers.long === undefined) return { refused: 'invalid', detail: 'menu' };
  return undefined;
}
