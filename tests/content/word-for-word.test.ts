import { TipSchema, findActivity, guideFr, type Tip } from '../../src/content';
import { menuTreeFr } from '../../src/content/menuTree.fr';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
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

/**
 * Page numbers of the printed booklet, which Barista does not show: each sentence keeps the guide's
 * words and drops the reference (or says what it points at): [as in the content, as in the guide].
 * Each is put back before the comparison, like a typo fix, so nothing else may differ.
 */
const PAGE_REFERENCES: Array<[content: string, guide: string]> = [
  ['séquence Débat, vous pouvez', 'séquence Débat (page 29), vous pouvez'], // café virtuel, séquences collectives (L1092)
  ["Ma journée d'agent, il vous faudra", "Ma journée d'agent (page 27), il vous faudra"], // idem (L1093)
  ['Rendez-vous sur le site du Lab Archipel', 'Rendez-vous pages 43-44 et sur le site du Lab Archipel'], // crazy jobs, ASTUCE (L777): the cards are Barista's
  ['à la PARTIE 2 du livret.', 'à la PARTIE 2 du livret, à partir de la page 52.'], // Ristretto, ASTUCE (L428)
  ['Comme pour le déroulé du Cappuccino, notez', 'Comme pour le déroulé page 31, notez'], // Mousse d'IA (L958): page 31 is the Cappuccino's
  ["déroulé d'animation du Cappuccino pour introduire", "déroulé d'animation page 31 pour introduire"], // Mousse d'IA, introduction (L942)
  ["déroulé d'animation du Cappuccino.", "déroulé d'animation page 31."], // Mousse d'IA, débriefing (L953)
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
const NOT_TEXT = new Set(['id', 'url', 'kind', 'variant', 'color', 'playlistUrl', 'part', 'defaultOption', 'correct', 'videos', 'activities', 'adaptation', 'option']);

interface Found { at: string; text: string }

/** How each box of the guide is named (kinds without a marker are no box: plain text, footnotes). */
const BOX_MARKERS: Record<Tip['kind'], RegExp | undefined> = {
  astuce: /astuce/,
  conseil: /conseil/,
  'retour-experience': /retours? d'expérience/,
  'aller-plus-loin': /pour aller plus loin/,
  'bon-a-savoir': /bon à savoir/,
  objectif: /objectif/,
  exemples: /exemples?/,
  consigne: undefined,
  note: undefined,
};

const GUIDE_LINES = readGuide().split('\n');

/** Every tip of the content (general, virtual, formulas, activities, questions, video objectives) and where it is. */
function tipsOf(value: unknown, at = ''): Array<{ at: string; tip: Tip }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => tipsOf(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    const parsed = TipSchema.safeParse(value);
    if (parsed.success && 'kind' in value && 'text' in value) return [{ at, tip: parsed.data }];
    return Object.entries(value).flatMap(([k, v]) => tipsOf(v, at ? `${at}.${k}` : k));
  }
  return [];
}

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
      for (const [fixed, typo] of [...PAGE_REFERENCES, ...TYPO_FIXES]) original = original.split(fixed).join(typo);
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

  it('each page reference dropped is used, and the reference is really in the guide', () => {
    const joined = all.map((f) => f.text).join('\n');
    for (const [content, withPage] of PAGE_REFERENCES) {
      expect(joined).toContain(content);
      expect(withPage).toMatch(/\bpages? \d/);
      expect(guide).toContain(normalise(withPage));
    }
  });

  it('points to no page of the booklet, which Barista does not show (content, decision tree, interface)', () => {
    const pages = [
      ...all,
      ...texts(menuTreeFr, 'menuTree'),
      ...Object.entries(fr).map(([at, text]) => ({ at: `fr.${at}`, text })),
      ...Object.entries(en).map(([at, text]) => ({ at: `en.${at}`, text })),
    ].filter(({ text }) => /\b(?:pages?|p\.) ?\d/i.test(text));
    expect(pages).toEqual([]);
  });

  it("labels each tip with the guide's box it comes from, and no box where the guide has none", () => {
    const lines = GUIDE_LINES.map((l) => normalise(l).toLowerCase());
    const wrong: string[] = [];
    for (const { at, tip } of tipsOf(guideFr)) {
      let first = tip.text.split(/\n\s*\n/)[0];
      for (const [fixed, typo] of [...PAGE_REFERENCES, ...TYPO_FIXES]) first = first.split(fixed).join(typo);
      const probe = normalise(first).toLowerCase().slice(0, 50);
      const i = lines.findIndex((l) => l.includes(probe));
      if (i < 0) {
        wrong.push(`${at}: not found in the guide`);
        continue;
      }
      const marker = BOX_MARKERS[tip.kind];
      if (marker) {
        // The box: the text's own line, the three lines before it, or its chapter's heading (L1205).
        const before = lines.slice(0, i).filter((l) => l.trim()).slice(-3);
        const heading = GUIDE_LINES.slice(0, i).map((l) => l.startsWith('## ')).lastIndexOf(true);
        const chapter = heading >= 0 ? lines[heading] : '';
        if (![lines[i], ...before, chapter].some((l) => marker.test(l))) wrong.push(`${at}: « ${tip.kind} » but no such box near L${i + 1}`);
      } else if (/^(?:astuce|conseil|bon à savoir|objectif|pour aller plus loin)\b/.test(lines[i])) {
        wrong.push(`${at}: « ${tip.kind} » but the guide's box at L${i + 1} is named`);
      }
    }
    expect(wrong).toEqual([]);
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
