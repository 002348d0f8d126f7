import formulasTemplate from '../../cards/formulas.json';
import type { Content, Formula } from '../content/schema';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { action } from './actions';
import { button, rows, type ButtonRow } from './buttons';
import { expand } from './render';
import type { Card } from './types';

export interface FormulasInput {
  content: Content;
  locale: Locale;
  /** What the person typed after /startcafe, when it matched no formula. */
  input?: string;
}

/** The command that starts a formula: `/startcafe americano`, `/startcafe americano sans sucre`. */
export function startCommand(f: Pick<Formula, 'id' | 'variant'>): string {
  return f.variant === 'sans-sucre' ? `/startcafe ${f.id} sans sucre` : `/startcafe ${f.id}`;
}

/** The answer to an unknown formula (or to /startcafe alone): every formula, with a start button each. */
export function formulasCard({ content, locale: L, input }: FormulasInput): Card {
  const view: {
    hasUnknown: boolean;
    unknownText: string;
    title: string;
    hint: string;
    formulas: Array<{ name: string; command: string; startRows: ButtonRow[] }>;
  } = {
    hasUnknown: !!input?.trim(),
    unknownText: t(L, 'formulas.unknown', { input: (input ?? '').trim().slice(0, 80) }),
    title: t(L, 'formulas.title'),
    hint: t(L, 'formulas.hint'),
    formulas: content.formulas.map((f) => ({
      name: `**${f.name}**, ${f.audience} · ${f.duration}`,
      command: `\`${startCommand(f)}\``,
      startRows: rows([button(t(L, 'formulas.start'), action({ verb: 'start', formula: f.id, variant: f.variant }))]),
    })),
  };
  return expand(formulasTemplate, view);
}
