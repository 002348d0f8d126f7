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
 * Every element of every formula, by part, without repeats: what the guide lets a facilitator mix.
 * The same activities offered by two formulas are one element; so are two showings of the same
 * videos, and two closing texts under the same label (the one with more time is kept, where the
 * first was). Each element's label says what it is out of its formula (`surMesureFr.labels`).
 */
export function composables(content: Content): Record<PartId, Composable[]> {
  const out: Record<PartId, Composable[]> = { tasse: [], cafe: [], chocolat: [], sucre: [] };
  const seen = new Map<string, Composable>();
  for (const f of content.formulas) {
    for (const part of f.parts) {
      for (const o of part.options) {
        const key = `${f.id}.${f.variant}.${o.id}`;
        const element: Composable = { key, label: surMesureFr.labels[key] ?? o.label, formulaName: f.name, activities: o.activities, planned: part.planned };
        const same = `${part.part}:${sameness(content, o.label, o.activities)}`;
        const earlier = seen.get(same);
        if (!earlier) {
          seen.set(same, element);
          out[part.part].push(element);
        } else if (part.planned.max > earlier.planned.max) {
          out[part.part][out[part.part].indexOf(earlier)] = element;
          seen.set(same, element);
        }
      }
    }
  }
  return out;
}

/** What makes two elements one: their videos when they only show videos, their label when they are only texts, else their activities. */
function sameness(content: Content, label: string, activityIds: string[]): string {
  const activities = activityIds.map((id) => content.activities.find((a) => a.id === id));
  if (activities.every((a) => a?.kind === 'video')) return `videos:${activities.flatMap((a) => (a?.kind === 'video' ? a.videos : [])).join('+')}`;
  if (activities.every((a) => a?.kind === 'text')) return `text:${label}`;
  return activityIds.join('+');
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
