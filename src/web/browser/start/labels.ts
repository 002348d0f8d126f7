/**
 * The start page's own texts, French (default) and English, complete in both. The guide's texts
 * (the tree's questions and verdicts, formula names, elements) come from the catalogue as they
 * are. Pure data: the server's shell (src/web/startPage.ts) uses them too.
 */

export type StartLocale = 'fr' | 'en';

export interface StartLabels {
  locale: StartLocale;
  pageTitle: string;
  heading: string;
  intro: string;
  loading: string;
  noscript: string;
  otherLocale: { locale: StartLocale; label: string; name: string };
  waysLabel: string;
  ways: { choose: string; menu: string; compose: string };
  nameLabel: string;
  nameHint: string;
  chooseLegend: string;
  start: string;
  startNamed(name: string): string;
  starting: string;
  minutes(min: number, max: number, estimate?: boolean): string;
  /** A part planned for no time (the guide: « s'il vous reste quelques minutes »). */
  ifTime: string;
  partsOf(name: string): string;
  yourAnswers: string;
  restart: string;
  back: string;
  playlist: string;
  composeIntro: string;
  composeNone: string;
  composeTotal(min: number, max: number): string;
  composeNote: string;
  composeOnlineLong(limit: number): string;
  errors: { pick: string; compose: string; network: string; catalogue: string; retry: string };
}

const fr: StartLabels = {
  locale: 'fr',
  pageTitle: 'Barista — Lancer un café',
  heading: 'Lancer un café de la data ou de l’IA',
  intro: 'Choisissez votre formule : Barista vous accompagne pas à pas, et les participants vous rejoignent avec un code.',
  loading: 'Chargement des formules…',
  noscript: 'Cette page a besoin de JavaScript pour lancer un café.',
  otherLocale: { locale: 'en', label: 'English', name: 'Read this page in English' },
  waysLabel: 'Comment choisir votre formule',
  ways: { choose: 'Je sais ce que je veux', menu: 'Aidez-moi à choisir', compose: 'Sur mesure' },
  nameLabel: 'Votre prénom (facultatif)',
  nameHint: 'Les participants verront « animé par » suivi de votre prénom.',
  chooseLegend: 'Les formules du guide',
  start: 'Lancer le café',
  startNamed: (name) => `Lancer : ${name}`,
  starting: 'Lancement du café…',
  minutes: (min, max, estimate) => `${min === max ? `${max} min` : `${min} à ${max} min`}${estimate ? ' (estimation)' : ''}`,
  ifTime: 's’il vous reste quelques minutes',
  partsOf: (name) => `Le déroulé de la formule ${name}`,
  yourAnswers: 'Vos réponses',
  restart: 'Recommencer',
  back: 'Question précédente',
  playlist: 'La playlist des vidéos DATAcculturation',
  composeIntro: 'Choisissez un élément pour chaque partie : le guide vous invite à mixer les formules entre elles.',
  composeNone: '(sans)',
  composeTotal: (min, max) => (min === max ? `Durée prévue : ${max} minutes` : `Durée prévue : de ${min} à ${max} minutes`),
  composeNote: 'La durée prévue de chaque élément est celle du guide.',
  composeOnlineLong: (limit) => `En visio, le guide recommande ${limit} minutes au plus : prévoyez de raccourcir.`,
  errors: {
    pick: 'Choisissez d’abord une formule et sa variante.',
    compose: 'Choisissez au moins un élément pour votre café sur mesure.',
    network: 'Barista ne répond pas pour le moment. Vérifiez votre connexion et réessayez.',
    catalogue: 'Les formules n’ont pas pu être chargées.',
    retry: 'Réessayer',
  },
};

const en: StartLabels = {
  locale: 'en',
  pageTitle: 'Barista — Start a café',
  heading: 'Start a data or AI café',
  intro: 'Choose your formula: Barista guides you step by step, and participants join you with a code.',
  loading: 'Loading the formulas…',
  noscript: 'This page needs JavaScript to start a café.',
  otherLocale: { locale: 'fr', label: 'Français', name: 'Lire cette page en français' },
  waysLabel: 'How to choose your formula',
  ways: { choose: 'I know what I want', menu: 'Help me choose', compose: 'Custom' },
  nameLabel: 'Your first name (optional)',
  nameHint: 'Participants will see “facilitated by” followed by your first name.',
  chooseLegend: 'The guide’s formulas',
  start: 'Start the café',
  startNamed: (name) => `Start: ${name}`,
  starting: 'Starting the café…',
  minutes: (min, max, estimate) => `${min === max ? `${max} min` : `${min} to ${max} min`}${estimate ? ' (estimate)' : ''}`,
  ifTime: 'if you have a few minutes left',
  partsOf: (name) => `The ${name} formula, part by part`,
  yourAnswers: 'Your answers',
  restart: 'Start over',
  back: 'Previous question',
  playlist: 'The DATAcculturation videos’ playlist (in French)',
  composeIntro: 'Pick one element for each part: the guide invites you to mix the formulas.',
  composeNone: '(none)',
  composeTotal: (min, max) => (min === max ? `Planned time: ${max} minutes` : `Planned time: ${min} to ${max} minutes`),
  composeNote: 'Each element’s planned time is the guide’s.',
  composeOnlineLong: (limit) => `Online, the guide recommends ${limit} minutes at most: plan to shorten it.`,
  errors: {
    pick: 'First choose a formula and its variant.',
    compose: 'Choose at least one element for your custom café.',
    network: 'Barista is not answering right now. Check your connection and try again.',
    catalogue: 'The formulas could not be loaded.',
    retry: 'Try again',
  },
};

export const START_LABELS: Record<StartLocale, StartLabels> = { fr, en };

export function startLabels(locale: unknown): StartLabels {
  return locale === 'en' ? en : fr;
}
