import { findActivity, guideFr } from '../../src/content';
import { normalise, readGuide } from './guideText';

/**
 * Every text of the built-in content (texts, titles, labels, answers, explanations, tips,
 * questions…) must be the guide's, word for word. Each paragraph of a text is looked up in the
 * normalised guide. A text may start with a capital where the guide, in a list or after
 * "ASTUCE :", starts with a small letter (and the other way round).
 */

/**
 * Obvious typos of the guide fixed in the content: [as in the content, as in the guide].
 * Each is put back before the comparison, so the rest of the text is still checked.
 */
const TYPO_FIXES: Array<[fixed: string, guide: string]> = [
  ['gardienne', 'gardiennne'], // crazy job "gardien/gardiennne de coffre-fort…"
  ['temps de préparation', 'temps préparation'], // café virtuel, AVANT DE VOUS LANCER
  ['test des outils, diffusion', 'test des outils diffusion'], // idem
  ['si vous choisissez une séquence Débat', 'si vous choisissiez une séquence Débat'], // café virtuel, séquences collectives
  ['même celles non concernées', 'mêmes celles non concernées'], // vidéo Collectivités, objectif n°2
  ["qu'est-ce qui vous surprend ?", "qu'est-ce que vous surprend ?"], // Americano avec sucre, synthèse
  ['participants/participantes ce que', 'participants/participantantes ce que'], // Americano sans sucre, synthèse
  ["des données. C'est quand même", "des données. c'est quand même"], // Ristretto sans sucre, quiz Géo'DAE, question 2
  ['projections, le volume', 'projections, ce le volume'], // Cappuccino, introduction thématique
  ['peuvent permettre la construction', 'peuvent permet la construction'], // Cappuccino, définition de l'information
];

/** Labels that are the bot's interface, not the guide's text (menus of the options). */
const UI_LABELS = new Set<string>([
  "Placement dans l'espace (en sondage)", // the placement ice breaker run as polls
  'Les deux vidéos', // Americano avec sucre: both videos
  "Base adresse nationale et base Géo'DAE", // Americano sans sucre: the pairs of cas d'usage videos
  'Base adresse nationale et open data des collectivités territoriales',
  "Base Géo'DAE et open data des collectivités territoriales",
  'Cappuccino avec sucre', // the guide: "Formule à prendre avec ou sans sucre"
  'Cappuccino sans sucre',
  "Cappuccino à la mousse d'IA avec sucre",
  "Cappuccino à la mousse d'IA sans sucre",
]);

/**
 * Texts that are Barista's, not the guide's: the one-line film summaries of the photo-langage
 * cards (Cappuccino à la mousse d'IA), which the guide's Conseil asks the facilitator to give
 * ("n'oubliez pas de présenter un résumé des films proposés").
 */
const photoLangage = findActivity(guideFr, 'photo-langage');
const BARISTA_TEXTS = new Set<string>(photoLangage?.kind === 'pick' ? photoLangage.items.flatMap((i) => (i.detail ? [i.detail] : [])) : []);

/** Keys whose strings are identifiers, urls or enums, not texts. */
const NOT_TEXT = new Set(['id', 'url', 'kind', 'variant', 'color', 'playlistUrl', 'part', 'defaultOption', 'correct', 'videos', 'activities', 'option']);

interface Found { at: string; text: string }

function texts(value: unknown, at = '', key = ''): Found[] {
  if (typeof value === 'string') return NOT_TEXT.has(key) ? [] : [{ at, text: value }];
  if (Array.isArray(value)) {
    // Arrays of strings under `correct`, `videos`, `activities` are ids.
    if (NOT_TEXT.has(key) && value.every((v) => typeof v === 'string')) return [];
    return value.flatMap((v, i) => texts(v, `${at}[${i}]`, key));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k, k));
  }
  return [];
}

const swapFirst = (s: string): string => {
  const first = s.charAt(0);
  const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  return swapped + s.slice(1);
};

describe('the built-in content is the guide, word for word', () => {
  const guide = normalise(readGuide());
  const all = texts(guideFr);

  it('finds texts to check', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it('every text, label, answer, tip and question appears in the guide', () => {
    const missing: string[] = [];
    for (const { at, text } of all) {
      if (UI_LABELS.has(text) || BARISTA_TEXTS.has(text)) continue;
      let original = text;
      for (const [fixed, typo] of TYPO_FIXES) original = original.split(fixed).join(typo);
      for (const paragraph of original.split(/\n\s*\n/)) {
        const n = normalise(paragraph);
        if (!guide.includes(n) && !guide.includes(swapFirst(n))) missing.push(`${at}: ${paragraph}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('each typo fix is used and the typo is really in the guide', () => {
    const joined = all.map((f) => f.text).join('\n');
    for (const [fixed, typo] of TYPO_FIXES) {
      expect(joined).toContain(fixed);
      expect(guide).toContain(normalise(typo));
    }
  });

  it('each interface label is used', () => {
    const used = new Set(all.map((f) => f.text));
    for (const label of UI_LABELS) expect(used).toContain(label);
  });

  it("the only texts of Barista's own are the 10 film summaries of the photo-langage, none taken from the guide", () => {
    expect(BARISTA_TEXTS.size).toBe(10);
    for (const summary of BARISTA_TEXTS) expect(guide).not.toContain(normalise(summary));
  });

  it('keeps the Markdown out of the content', () => {
    const markup = all.filter(({ text }) => /\*|\\|\]\(|<https?:/.test(text));
    expect(markup).toEqual([]);
  });
});
