import composeTemplate from '../../cards/compose.json';
import type { Content, PartId } from '../content/schema';
import { composables, PARTS } from '../domain/compose';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { formButton, rows } from './buttons';
import { partName } from './format';
import { expand } from './render';
import type { Card } from './types';

export interface ComposeInput {
  content: Content;
  locale: Locale;
}

const INPUT: Record<PartId, 'composeTasse' | 'composeCafe' | 'composeChocolat' | 'composeSucre'> = {
  tasse: 'composeTasse', cafe: 'composeCafe', chocolat: 'composeChocolat', sucre: 'composeSucre',
};

/**
 * /startcafe sur-mesure: one list per part with every element of the guide's formulas ("vous
 * pouvez mixer les éléments et créer votre formule sur-mesure"); the first element is preselected,
 * and a part can be left out.
 */
export function composeCard({ content, locale: L }: ComposeInput): Card {
  const all = composables(content);
  const parts = PARTS.map((part) => {
    const minutes = (c: (typeof all)[typeof part][number]) => `${c.planned.min === c.planned.max ? c.planned.max : `${c.planned.min}–${c.planned.max}`} min`;
    const choices = all[part].map((c) => ({ title: `${c.label} (${c.formulaName} · ${c.planned.estimate ? t(L, 'menu.estimated', { value: minutes(c) }) : minutes(c)})`, value: c.key }));
    return {
      inputId: INPUT[part],
      label: partName(L, part),
      value: choices[0]?.value ?? '',
      choices: [...choices, { title: t(L, 'compose.none'), value: '' }],
    };
  });
  return expand(composeTemplate, {
    title: t(L, 'compose.title'),
    intro: t(L, 'compose.intro'),
    parts,
    note: t(L, 'compose.note'),
    buttonRows: rows([formButton<'compose'>(t(L, 'compose.go'), { verb: 'compose' }, 'positive')]),
  });
}
