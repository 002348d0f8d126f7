import type { Content, Formula, Minutes, PartId } from '../content/schema';
import { surMesureFr } from '../content/surMesure.fr';
import type { Refusal } from './types';

export const PARTS: readonly PartId[] = ['tasse', 'cafe', 'chocolat', 'sucre'];

/** One element a custom café can take for a part: an option of some formula of the guide. */
export interface Composable {
  /** `formula.variant.option`: unique across the content. */
  key: string;
  label: string;
  formulaName: string;
  activities: string[];
  /** The part's planned minutes in its formula (`estimate` when the guide gives none). */
  planned: Minutes;
}

/**
 * Every element of every formula, by part, without repeats (the same activities offered by two
 * formulas are one element): what the guide lets a facilitator mix.
 */
export function composables(content: Content): Record<PartId, Composable[]> {
  const out: Record<PartId, Composable[]> = { tasse: [], cafe: [], chocolat: [], sucre: [] };
  const seen = new Set<string>();
  for (const f of content.formulas) {
    for (const part of f.parts) {
      for (const o of part.options) {
        const same = `${part.part}:${o.activities.join('+')}`;
        if (seen.has(same)) continue;
        seen.add(same);
        out[part.part].push({ key: `${f.id}.${f.variant}.${o.id}`, label: o.label, formulaName: f.name, activities: o.activities, planned: part.planned });
      }
    }
  }
  return out;
}

/** The custom formula made of the chosen element of each part (a part left empty is skipped). */
export function composeFormula(content: Content, picks: Partial<Record<PartId, string>>): Formula | Refusal {
  const all = composables(content);
  const parts: Formula['parts'] = [];
  for (const part of PARTS) {
    const key = picks[part];
    if (!key) continue;
    const element = all[part].find((c) => c.key === key);
    if (!element) return { refused: 'invalid', detail: part };
    parts.push({ part, planned: element.planned, options: [{ id: 'choix', label: element.label, activities: element.activities }], defaultOption: 'choix' });
  }
  if (parts.length === 0) return { refused: 'invalid', detail: 'empty' };
  const total = parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
  return {
    id: 'sur-mesure',
    variant: 'avec-sucre',
    name: surMesureFr.name,
    audience: surMesureFr.audience,
    duration: `${total.min} à ${total.max} minutes`,
    people: surMesureFr.people,
    parts,
    tips: [...surMesureFr.tips],
  };
}
