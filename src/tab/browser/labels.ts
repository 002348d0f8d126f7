/**
 * The board page's own texts, in French (default) and English. Content texts (statements,
 * post-its, arguments…) come from the snapshot as they are; only the page's chrome is here.
 * Pure data and functions: the server's page shells (src/tab/pages.ts) use them too.
 */

export type UiLocale = 'fr' | 'en';

export type DeniedReason = 'missing' | 'invalid' | 'expired';

export interface Labels {
  locale: UiLocale;
  pageTitle: string;
  configTitle: string;
  loading: string;
  noscript: string;
  /** Visible "Étape 3 / 12" and its spoken form "Étape 3 sur 12". */
  stepOf(index: number, total: number): string;
  stepOfSpoken(index: number, total: number): string;
  participants(n: number): string;
  statusBadge: Record<'menu' | 'running' | 'paused' | 'ended', string>;
  waiting: string;
  /** The web door's corner of the board: how to join from a phone. */
  joinTitle: string;
  joinHow: string;
  joinQr: string;
  ended: string;
  recapTitle: string;
  timeLeft: string;
  timerAria(ms: number): string;
  timerPaused: string;
  /** "jusqu'à 10:05": the clock time the countdown ends at, as the card says it. */
  until(time: string): string;
  timeUp: string;
  answers(n: number): string;
  votes(n: number): string;
  percent(p: number): string;
  correct: string;
  answerLabel: string;
  explanationLabel: string;
  pour: string;
  contre: string;
  noArguments: string;
  noAnswers: string;
  /** A quiz: its split is shown with the answer. */
  resultsLater: string;
  noPostits: string;
  legend: string;
  postitBoard: string;
  postits(n: number): string;
  otherColumn: string;
  videoDone(n: number, of?: number): string;
  newTab: string;
  feedbackResponses(n: number): string;
  reconnecting: string;
  connecting: string;
  expiredTitle: string;
  expiredText: string;
  noCafeTitle: string;
  noCafeText: string;
  share: string;
  sharing: string;
  shareDone: string;
  shareFailed: string;
  ssoTitle: string;
  ssoText: string;
  ssoFallback: string;
  detail: string;
  networkTitle: string;
  networkText: string;
  retry: string;
  notInTeamsTitle: string;
  notInTeamsText: string;
  noConversationTitle: string;
  noConversationText: string;
  configText: string;
  denied: Record<DeniedReason, string>;
  deniedHelp: string;
}

/** French plural: 0 and 1 are singular. */
const fr = (n: number, one: string, many: string): string => `${n} ${n >= 2 ? many : one}`;
/** English plural: only 1 is singular. */
const en = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function splitMs(ms: number): { min: number; sec: number } {
  const total = Math.max(0, Math.ceil((Number.isFinite(ms) ? ms : 0) / 1000));
  return { min: Math.floor(total / 60), sec: total % 60 };
}

const FR: Labels = {
  locale: 'fr',
  pageTitle: 'Barista — le tableau du café',
  configTitle: 'Barista — configuration',
  loading: 'Chargement du tableau…',
  noscript: 'Le tableau du café a besoin de JavaScript pour s’afficher et se mettre à jour.',
  stepOf: (i, t) => `Étape ${i} / ${t}`,
  stepOfSpoken: (i, t) => `Étape ${i} sur ${t}`,
  participants: (n) => fr(n, 'participant', 'participants'),
  statusBadge: { menu: 'pas encore commencé', running: 'en cours', paused: 'en pause', ended: 'terminé' },
  waiting: 'Le café va bientôt commencer.',
  joinTitle: 'Participer depuis un téléphone',
  joinHow: 'Scannez le code QR, ou ouvrez l’adresse et tapez le code :',
  joinQr: 'Code QR de l’adresse pour participer',
  ended: 'Café terminé',
  recapTitle: 'Les résultats du café',
  timeLeft: 'Temps restant',
  timerAria: (ms) => {
    const { min, sec } = splitMs(ms);
    if (min === 0 && sec === 0) return 'Temps écoulé';
    const parts = [min > 0 ? fr(min, 'minute', 'minutes') : '', sec > 0 ? fr(sec, 'seconde', 'secondes') : ''];
    return `Temps restant : ${parts.filter(Boolean).join(' ')}`;
  },
  timerPaused: 'en pause',
  until: (time) => `fin à ${time}`,
  timeUp: 'Temps écoulé',
  answers: (n) => fr(n, 'réponse', 'réponses'),
  votes: (n) => fr(n, 'vote', 'votes'),
  percent: (p) => `${p}\u00a0%`,
  correct: 'bonne réponse',
  answerLabel: 'La réponse',
  explanationLabel: 'Explication',
  pour: 'Pour',
  contre: 'Contre',
  noArguments: 'Aucun argument pour l’instant.',
  noAnswers: 'Pas encore de réponse.',
  resultsLater: 'Les résultats seront montrés avec la réponse.',
  noPostits: 'Aucun post-it pour l’instant.',
  legend: 'Légende des couleurs',
  postitBoard: 'Tableau des post-its',
  postits: (n) => fr(n, 'post-it', 'post-its'),
  otherColumn: 'Autres',
  videoDone: (n, of) => (of !== undefined ? `${n} / ${of} ont terminé la vidéo` : n >= 2 ? `${n} personnes ont terminé la vidéo` : `${n} personne a terminé la vidéo`),
  newTab: '(s’ouvre dans un nouvel onglet)',
  feedbackResponses: (n) => fr(n, 'avis reçu', 'avis reçus'),
  reconnecting: 'reconnexion…',
  connecting: 'connexion…',
  expiredTitle: 'Ce lien a expiré',
  expiredText: 'Demandez un nouveau lien à l’animatrice ou à l’animateur du café.',
  noCafeTitle: 'Pas de café à afficher',
  noCafeText: 'Aucun café en cours ici : il n’a pas encore commencé, ou il a été effacé. Le tableau s’affiche dès que l’animatrice ou l’animateur lance /startcafe.',
  share: 'Partager sur la scène',
  sharing: 'Partage en cours…',
  shareDone: 'Le tableau est partagé sur la scène de la réunion.',
  shareFailed: 'Le partage sur la scène a échoué.',
  ssoTitle: 'Connexion impossible au tableau du café',
  ssoText:
    'Le tableau a besoin de l’authentification unique (SSO) de l’application Barista, que l’administrateur ou l’administratrice de Teams doit configurer.',
  ssoFallback: 'En attendant, l’animatrice ou l’animateur peut ouvrir le lien du tableau en lecture seule et le partager.',
  detail: 'Détail',
  networkTitle: 'Barista ne répond pas',
  networkText: 'Le tableau n’a pas pu joindre Barista. Vérifiez la connexion puis réessayez.',
  retry: 'Réessayer',
  notInTeamsTitle: 'Cette page s’ouvre dans Microsoft Teams',
  notInTeamsText: 'Pour suivre le café dans un navigateur, demandez le lien en lecture seule à l’animatrice ou à l’animateur.',
  noConversationTitle: 'Aucune réunion trouvée',
  noConversationText: 'Ajoutez Barista à une réunion ou à une conversation pour afficher le tableau du café.',
  configText:
    'Barista ajoute le tableau du café à cette réunion : l’étape en cours, le compte à rebours et les résultats en direct. Cliquez sur « Enregistrer » pour l’ajouter.',
  denied: {
    missing: 'Ce lien est incomplet',
    invalid: 'Ce lien n’est pas valide',
    expired: 'Ce lien a expiré',
  },
  deniedHelp: 'Demandez un nouveau lien à l’animatrice ou à l’animateur du café.',
};

const EN: Labels = {
  locale: 'en',
  pageTitle: 'Barista — café board',
  configTitle: 'Barista — setup',
  loading: 'Loading the board…',
  noscript: 'The café board needs JavaScript to show and update.',
  stepOf: (i, t) => `Step ${i} / ${t}`,
  stepOfSpoken: (i, t) => `Step ${i} of ${t}`,
  participants: (n) => en(n, 'participant', 'participants'),
  statusBadge: { menu: 'not started yet', running: 'running', paused: 'paused', ended: 'ended' },
  waiting: 'The café will start soon.',
  joinTitle: 'Join from a phone',
  joinHow: 'Scan the QR code, or open the address and type the code:',
  joinQr: 'QR code of the address to join',
  ended: 'Café ended',
  recapTitle: 'The café’s results',
  timeLeft: 'Time left',
  timerAria: (ms) => {
    const { min, sec } = splitMs(ms);
    if (min === 0 && sec === 0) return 'Time is up';
    const parts = [min > 0 ? en(min, 'minute', 'minutes') : '', sec > 0 ? en(sec, 'second', 'seconds') : ''];
    return `Time left: ${parts.filter(Boolean).join(' ')}`;
  },
  timerPaused: 'paused',
  until: (time) => `ends at ${time}`,
  timeUp: 'Time is up',
  answers: (n) => en(n, 'answer', 'answers'),
  votes: (n) => en(n, 'vote', 'votes'),
  percent: (p) => `${p}%`,
  correct: 'right answer',
  answerLabel: 'The answer',
  explanationLabel: 'Explanation',
  pour: 'For',
  contre: 'Against',
  noArguments: 'No arguments yet.',
  noAnswers: 'No answers yet.',
  resultsLater: 'The results are shown with the answer.',
  noPostits: 'No post-its yet.',
  legend: 'Colour key',
  postitBoard: 'Post-it board',
  postits: (n) => en(n, 'post-it', 'post-its'),
  otherColumn: 'Other',
  videoDone: (n, of) => (of !== undefined ? `${n} / ${of} finished the video` : n === 1 ? '1 person finished the video' : `${n} people finished the video`),
  newTab: '(opens in a new tab)',
  feedbackResponses: (n) => en(n, 'response', 'responses'),
  reconnecting: 'reconnecting…',
  connecting: 'connecting…',
  expiredTitle: 'This link has expired',
  expiredText: 'Ask the café’s facilitator for a new link.',
  noCafeTitle: 'No café to show',
  noCafeText: 'No café here: it has not started yet, or it was erased. The board shows as soon as the facilitator types /startcafe.',
  share: 'Share to stage',
  sharing: 'Sharing…',
  shareDone: 'The board is shared to the meeting stage.',
  shareFailed: 'Sharing to the stage failed.',
  ssoTitle: 'The café board could not sign you in',
  ssoText: 'The board needs the Barista app’s single sign-on (SSO), which your Teams administrator has to configure.',
  ssoFallback: 'Meanwhile, the facilitator can open the board’s read-only link and share it.',
  detail: 'Detail',
  networkTitle: 'Barista is not answering',
  networkText: 'The board could not reach Barista. Check the connection and try again.',
  retry: 'Try again',
  notInTeamsTitle: 'This page opens in Microsoft Teams',
  notInTeamsText: 'To follow the café in a browser, ask the facilitator for the read-only link.',
  noConversationTitle: 'No meeting found',
  noConversationText: 'Add Barista to a meeting or a chat to show the café board.',
  configText:
    'Barista adds the café board to this meeting: the current step, the countdown and live results. Select “Save” to add it.',
  denied: {
    missing: 'This link is incomplete',
    invalid: 'This link is not valid',
    expired: 'This link has expired',
  },
  deniedHelp: 'Ask the café’s facilitator for a new link.',
};

export const LABELS: Record<UiLocale, Labels> = { fr: FR, en: EN };

/**
 * The UI locale for a BCP 47 tag ("en-US", "fr-fr"): English or French; anything else falls back
 * to `fallback` (the server's choice), French by default.
 */
export function uiLocale(tag: string | undefined | null, fallback: UiLocale = 'fr'): UiLocale {
  const lang = (tag ?? '').trim().toLowerCase().slice(0, 2);
  return lang === 'en' || lang === 'fr' ? lang : fallback;
}

export function labelsFor(locale: string | undefined | null, fallback: UiLocale = 'fr'): Labels {
  return LABELS[uiLocale(locale, fallback)];
}
