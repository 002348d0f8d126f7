import type { Activity, Choice, Link, Minutes, OpenQuestion, Question, Tip } from '../schema';

/**
 * Small builders shared by the files of the guide: they fill the schema's defaults so that
 * `guideFr` is a complete `Content`, and the links and sentences several activities use.
 */

export type TipKind = Tip['kind'];
export interface TipOptions { title?: string; links?: Link[] }

export function tip(kind: TipKind, text: string, options: TipOptions = {}): Tip {
  return { kind, ...(options.title ? { title: options.title } : {}), text, links: options.links ?? [] };
}
export const astuce = (text: string, options?: TipOptions): Tip => tip('astuce', text, options);
export const conseil = (text: string, options?: TipOptions): Tip => tip('conseil', text, options);
export const retour = (title: string, text: string, options?: TipOptions): Tip => tip('retour-experience', text, { ...options, title });
export const consigne = (text: string, options?: TipOptions): Tip => tip('consigne', text, options);
/** A footnote or an aside of the guide (« * Pour en savoir plus… », « Le saviez-vous ? »): no box. */
export const note = (text: string, options?: TipOptions): Tip => tip('note', text, options);
export const objectif = (title: string | undefined, text: string, options?: TipOptions): Tip => tip('objectif', text, { ...options, title });

export function link(label: string, url: string): Link {
  return { label, url };
}

/** A poll question with the schema's defaults. */
export function poll(id: string, text: string, choices: Choice[], extra: Partial<Omit<Question, 'id' | 'text' | 'choices'>> = {}): Question {
  return { id, text, choices, correct: [], bonus: false, arguments: false, tips: [], ...extra };
}

export function open(id: string, text: string, extra: Partial<Omit<OpenQuestion, 'id' | 'text'>> = {}): OpenQuestion {
  return { id, text, tips: [], ...extra };
}

/** Paragraphs of the guide joined as one text (the word-for-word test checks each paragraph). */
export const paragraphs = (...texts: string[]): string => texts.join('\n\n');

export const allerPlusLoin = (text: string, options?: TipOptions): Tip => tip('aller-plus-loin', text, options);
export const bonASavoir = (text: string, options?: TipOptions): Tip => tip('bon-a-savoir', text, options);

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** "Lien vers les vidéos en ligne" (FORMULE CAFÉ VIRTUEL). */
export const PLAYLIST_URL = 'https://www.youtube.com/playlist?list=PLXxl21OaojlyAwX-Tg1m-z4NYKx11cI3l';
export const DATA_GOUV = link('data.gouv.fr', 'https://data.gouv.fr');
export const PLAYLIST = link('Lien vers les vidéos en ligne', PLAYLIST_URL);

/** The viewing advice of the "FORMULE CAFÉ VIRTUEL", given at every video step. */
export const VIEWING_ADVICE = "Vous pouvez aussi partager le lien vers la ou les vidéos dans la messagerie instantanée de l'outil et demander à tout le monde de couper son micro et de signaler par un message quand il ou elle a fini le visionnage (prévoir entre 2 et 5 min).";

export const CRAZY_JOBS_EN_LIGNE = 'écrivez tous les crazy jobs sur un support projeté à l\'écran, laissez les participantes et participants choisir le job qui leur convient le mieux et donnez-leur la parole tour à tour pour s\'exprimer.';

/** "ASTUCE : consulter la PARTIE 2 du guide…" (café virtuel, Ouverture). */
export const PARTIE_2_ASTUCE = 'consulter la PARTIE 2 du guide pour trouver des ressources complémentaires et des liens à partager !';

/** The guide's "Durée" line, in minutes (or Barista's estimate, marked `estimate: true`, where the guide has none). */
export type Planned = Minutes;

/** A video step of the guide: the part-2 videos watched one after the other, 5 minutes each online. */
export function watch(id: string, title: string, videoIds: string[], planned: Planned, options: { description?: string; tips?: Tip[] } = {}): Activity {
  return {
    id,
    kind: 'video',
    title,
    ...(options.description ? { description: options.description } : {}),
    planned,
    tips: options.tips ?? [],
    videos: videoIds,
    viewingMinutes: 5,
    viewingAdvice: VIEWING_ADVICE,
  };
}

/** "Vrai ou faux ?" */
export const VRAI_FAUX: Choice[] = [
  { id: 'vrai', label: 'Vrai' },
  { id: 'faux', label: 'Faux' },
];

/** The debates' two sides. */
export const DEBAT_CHOICES: Choice[] = [
  { id: 'accord', label: "D'accord" },
  { id: 'pas-accord', label: "Pas d'accord" },
];
