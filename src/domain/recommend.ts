import type { Content, Variant } from '../content/schema';
import { findFormula } from './lookup';

/** The facilitator's answers to the guide's decision tree, as far as they went. */
export interface MenuAnswers {
  /** More than 30 minutes? */
  long?: boolean;
  audience?: 'novice' | 'averti' | 'intermediaire';
  online?: boolean;
}

export interface Proposal {
  formulaId: string;
  variant: Variant;
}

/**
 * The guide's "en un coup d'œil": more than 30 minutes → Americano (or Cappuccino), else
 * Ristretto; novices → avec sucre, informed → sans sucre, intermediate → the Cappuccino formulas.
 * Online changes no formula (all are transposable) but brings the virtual café's advice. Only
 * formulas the content has are proposed.
 */
export function recommend(answers: MenuAnswers, content: Content): Proposal[] {
  if (answers.long === undefined || answers.audience === undefined) return [];
  const wanted: Proposal[] =
    answers.audience === 'intermediaire'
      ? [{ formulaId: 'cappuccino', variant: 'avec-sucre' }, { formulaId: 'mousse-ia', variant: 'avec-sucre' }]
      : [{ formulaId: answers.long ? 'americano' : 'ristretto', variant: answers.audience === 'novice' ? 'avec-sucre' : 'sans-sucre' }];
  return wanted.filter((p) => findFormula(content, p.formulaId, p.variant));
}

/** The next question of the tree still to answer, or undefined when the tree is done. */
export function nextQuestion(answers: MenuAnswers): keyof MenuAnswers | undefined {
  if (answers.long === undefined) return 'long';
  if (answers.audience === undefined) return 'audience';
  if (answers.online === undefined) return 'online';
  return undefined;
}
