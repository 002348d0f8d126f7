/**
 * The web pages' own texts (join form, participant page, console), in French (default) and
 * English, complete in both. Content texts (statements, post-its, names…) come from the view as
 * they are; only the pages' chrome is here. Pure: the server's shells (src/web/pages.ts) use it too.
 */

export type WebLocale = 'fr' | 'en';

export interface WebLabels {
  locale: WebLocale;
  joinTitle: string;
  participantTitle: string;
  consoleTitle: string;
  loading: string;
  noscript: string;
  joinHeading: string;
  joinIntro: string;
  codeLabel: string;
  codeHelp: string;
  nameLabel: string;
  nameHelp: string;
  joinButton: string;
  joining: string;
  badCode: string;
  stepOf(index: number, total: number): string;
  stepOfSpoken(index: number, total: number): string;
  participants(n: number): string;
  status: Record<'menu' | 'running' | 'paused' | 'ended', string>;
  timeLeft: string;
  timerPaused: string;
  timeUp: string;
  waitingTitle: string;
  waitingText: string;
  planTitle: string;
  minutes(n: number): string;
  endedTitle: string;
  thanks: string;
  recapTitle: string;
  votes(n: number): string;
  voters(n: number): string;
  percent(p: number): string;
  yourVote(label: string): string;
  changeVote: string;
  voteFor(label: string): string;
  resultsLater: string;
  correct: string;
  answerLabel: string;
  explanationLabel: string;
  previousLabel: string;
  argumentsTitle: string;
  argumentSide: string;
  pour: string;
  contre: string;
  argumentText: string;
  argumentSend: string;
  noArguments: string;
  pickLegend: string;
  yourPick(label: string): string;
  pickers(n: number): string;
  pickedTitle: string;
  videoOpen: string;
  newTab: string;
  videoDone: string;
  videoYouDone: string;
  finished(n: number, of?: number): string;
  postitColumn: string;
  postitKind: string;
  postitText: string;
  postitSend: string;
  postits(n: number): string;
  noPostits: string;
  answerText: string;
  answerSend: string;
  answers(n: number): string;
  noAnswers: string;
  guideAnswer: string;
  feedbackSend: string;
  feedbackPositive: string;
  feedbackNegative: string;
  feedbackThanks: string;
  responses(n: number): string;
  commentsPositive: string;
  commentsNegative: string;
  floorNow(name: string, item: string): string;
  floorNext(name: string, item: string): string;
  noFloor: string;
  turnOf(n: number, of: number): string;
  chooseWaiting: string;
  chosen(label: string): string;
  chooseOption(label: string): string;
  missing: string;
  noticesTitle: string;
  privateNotice: string;
  you(name: string): string;
  anonymous: string;
  connecting: string;
  reconnecting: string;
  expiredTitle: string;
  expiredText: string;
  noTokenTitle: string;
  noTokenText: string;
  failed: string;
  sent: string;
  // The console
  codeTitle: string;
  joinAt: string;
  qrAlt: string;
  controlsTitle: string;
  control: Record<'begin' | 'next' | 'back' | 'reveal' | 'turnNext' | 'turnPrev' | 'pause' | 'resume' | 'end', string>;
  extend(minutes: number): string;
  endConfirmTitle: string;
  endConfirmText: string;
  endWithFeedback: string;
  endNow: string;
  endCancel: string;
  guidanceTitle: string;
  tipsAbout: Record<'question' | 'activity' | 'objectives' | 'answer', string>;
  fullScreen: string;
  handTitle: string;
  handCo: string;
  handHand: string;
  handHelp: string;
  /** « Animé par Camille ». */
  hostedBy(name: string): string;
  eraseTitle: string;
  eraseHelp: string;
  eraseButton: string;
  eraseConfirm: string;
  eraseNow: string;
  eraseCancel: string;
  erasedTitle: string;
  erasedText: string;
  handLink: string;
  copy: string;
  copied: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;
const pluralEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const FR: WebLabels = {
  locale: 'fr',
  joinTitle: 'Barista — Rejoindre un café',
  participantTitle: 'Barista — Café de la data',
  consoleTitle: 'Barista — Console d’animation',
  loading: 'Chargement…',
  noscript: 'Cette page a besoin de JavaScript.',
  joinHeading: 'Rejoindre un café de la data ou de l’IA',
  joinIntro: 'Saisissez le code que l’animateur ou l’animatrice affiche.',
  codeLabel: 'Code du café',
  codeHelp: '10 caractères, par exemple ABCDE-12345.',
  nameLabel: 'Prénom (facultatif)',
  nameHelp: 'Facultatif : il n’apparaît que dans les activités qui donnent la parole à chacun par son prénom.',
  joinButton: 'Rejoindre',
  joining: 'Connexion au café…',
  badCode: 'Ce code n’a pas le bon format : 10 caractères, lettres et chiffres.',
  stepOf: (i, t) => `Étape ${i} / ${t}`,
  stepOfSpoken: (i, t) => `Étape ${i} sur ${t}`,
  participants: (n) => plural(n, 'participant', 'participants'),
  status: { menu: 'Pas encore commencé', running: 'En cours', paused: 'En pause', ended: 'Terminé' },
  timeLeft: 'Temps restant',
  timerPaused: 'en pause',
  timeUp: 'Temps écoulé',
  waitingTitle: 'En attente',
  waitingText: 'Le café va bientôt commencer : cette page se mettra à jour toute seule.',
  planTitle: 'Au programme',
  minutes: (n) => `${n} min`,
  endedTitle: 'Le café est terminé',
  thanks: 'Merci pour votre participation !',
  recapTitle: 'Ce que nous avons partagé',
  votes: (n) => plural(n, 'vote', 'votes'),
  voters: (n) => plural(n, 'votant', 'votants'),
  percent: (p) => `${p} %`,
  yourVote: (l) => `Votre vote : ${l}`,
  changeVote: 'Vous pouvez changer votre vote tant que la réponse n’est pas dévoilée.',
  voteFor: (l) => `Voter : ${l}`,
  resultsLater: 'Les résultats seront montrés avec la réponse.',
  correct: 'bonne réponse',
  answerLabel: 'Réponse',
  explanationLabel: 'Explication',
  previousLabel: 'Question précédente',
  argumentsTitle: 'Arguments',
  argumentSide: 'Votre argument est',
  pour: 'Pour',
  contre: 'Contre',
  argumentText: 'Votre argument',
  argumentSend: 'Envoyer l’argument',
  noArguments: 'Pas encore d’argument.',
  pickLegend: 'Votre choix',
  yourPick: (l) => `Votre choix : ${l}`,
  pickers: (n) => plural(n, 'personne a choisi', 'personnes ont choisi'),
  pickedTitle: 'Choisis',
  videoOpen: 'Ouvrir la vidéo',
  newTab: '(nouvel onglet)',
  videoDone: 'J’ai fini',
  videoYouDone: 'Vous avez fini la vidéo.',
  finished: (n, of) => (of !== undefined ? `${n} sur ${of} ont fini` : `${plural(n, 'personne a', 'personnes ont')} fini`),
  postitColumn: 'Colonne',
  postitKind: 'Couleur',
  postitText: 'Votre post-it',
  postitSend: 'Coller le post-it',
  postits: (n) => plural(n, 'post-it', 'post-its'),
  noPostits: 'Pas encore de post-it.',
  answerText: 'Votre réponse',
  answerSend: 'Envoyer la réponse',
  answers: (n) => plural(n, 'réponse', 'réponses'),
  noAnswers: 'Pas encore de réponse.',
  guideAnswer: 'La réponse du guide',
  feedbackSend: 'Envoyer mon avis',
  feedbackPositive: 'Ce que vous avez aimé (facultatif)',
  feedbackNegative: 'Ce qui pourrait être amélioré (facultatif)',
  feedbackThanks: 'Merci, votre avis est enregistré. Vous pouvez encore le modifier.',
  responses: (n) => plural(n, 'réponse', 'réponses'),
  commentsPositive: 'Points positifs',
  commentsNegative: 'Points à améliorer',
  floorNow: (name, item) => `La parole est à ${name} (${item})`,
  floorNext: (name, item) => `Ensuite : ${name} (${item})`,
  noFloor: 'Personne n’a encore la parole.',
  turnOf: (n, of) => `Tour ${n} sur ${of}`,
  chooseWaiting: 'L’animateur ou l’animatrice choisit la suite.',
  chosen: (l) => `Choix : ${l}`,
  chooseOption: (l) => `Choisir : ${l}`,
  missing: 'Cette étape n’existe plus dans le contenu.',
  noticesTitle: 'Messages de Barista',
  privateNotice: 'Pour vous seul',
  you: (n) => `Vous : ${n}`,
  anonymous: 'Vous participez sans prénom.',
  connecting: 'Connexion…',
  reconnecting: 'Connexion perdue, nouvelle tentative…',
  expiredTitle: 'Ce lien a expiré',
  expiredText: 'Rejoignez de nouveau le café avec son code.',
  noTokenTitle: 'Lien incomplet',
  noTokenText: 'Ouvrez la console avec le lien complet reçu au lancement du café.',
  failed: 'L’action n’a pas abouti. Réessayez.',
  sent: 'C’est noté.',
  codeTitle: 'Code du café',
  joinAt: 'Pour participer, ouvrez',
  qrAlt: 'QR code du lien pour rejoindre le café',
  controlsTitle: 'Commandes',
  control: {
    begin: 'Commencer', next: 'Suivant', back: 'Précédent', reveal: 'Dévoiler la réponse',
    turnNext: 'Au suivant', turnPrev: 'Revenir au précédent', pause: 'Pause', resume: 'Reprendre', end: 'Terminer le café',
  },
  extend: (m) => `+${m} min`,
  endConfirmTitle: 'Terminer le café ?',
  endConfirmText: 'Vous pouvez d’abord proposer le questionnaire de satisfaction.',
  endWithFeedback: 'Proposer d’abord le questionnaire',
  endNow: 'Terminer maintenant',
  endCancel: 'Continuer le café',
  guidanceTitle: 'Pour l’animation (vous seul)',
  tipsAbout: { question: 'Sur la question', activity: 'Sur l’activité', objectives: 'Objectifs', answer: 'Réponse du guide' },
  fullScreen: 'Plein écran (tableau à partager)',
  handTitle: 'Passer la main',
  handCo: 'Ajouter un co-animateur',
  handHand: 'Confier l’animation',
  handHelp: 'Le lien donne la console : ne le transmettez qu’à la personne concernée.',
  hostedBy: (name) => `Animé par ${name}`,
  eraseTitle: 'Effacer ce café',
  eraseHelp: 'Sinon, il est effacé automatiquement quelques jours après la fin.',
  eraseButton: 'Effacer ce café maintenant',
  eraseConfirm: 'Effacer le café, ses votes, post-its, réponses et inscriptions ? C’est définitif.',
  eraseNow: 'Oui, tout effacer',
  eraseCancel: 'Annuler',
  erasedTitle: 'Ce café a été effacé',
  erasedText: 'La personne qui l’animait l’a effacé, avec tout ce qui y avait été partagé.',
  handLink: 'Lien de console à transmettre',
  copy: 'Copier',
  copied: 'Lien copié.',
};

const EN: WebLabels = {
  locale: 'en',
  joinTitle: 'Barista — Join a café',
  participantTitle: 'Barista — Data café',
  consoleTitle: 'Barista — Facilitator’s console',
  loading: 'Loading…',
  noscript: 'This page needs JavaScript.',
  joinHeading: 'Join a data or AI café',
  joinIntro: 'Type the code the facilitator shows.',
  codeLabel: 'Café code',
  codeHelp: '10 characters, for example ABCDE-12345.',
  nameLabel: 'First name (optional)',
  nameHelp: 'Optional: it only appears in the activities that give everyone the floor by name.',
  joinButton: 'Join',
  joining: 'Joining the café…',
  badCode: 'This code does not look right: 10 characters, letters and digits.',
  stepOf: (i, t) => `Step ${i} / ${t}`,
  stepOfSpoken: (i, t) => `Step ${i} of ${t}`,
  participants: (n) => pluralEn(n, 'participant', 'participants'),
  status: { menu: 'Not started yet', running: 'Running', paused: 'Paused', ended: 'Ended' },
  timeLeft: 'Time left',
  timerPaused: 'paused',
  timeUp: 'Time is up',
  waitingTitle: 'Waiting',
  waitingText: 'The café will start soon: this page updates by itself.',
  planTitle: 'On the menu',
  minutes: (n) => `${n} min`,
  endedTitle: 'The café has ended',
  thanks: 'Thank you for taking part!',
  recapTitle: 'What we shared',
  votes: (n) => pluralEn(n, 'vote', 'votes'),
  voters: (n) => pluralEn(n, 'voter', 'voters'),
  percent: (p) => `${p}%`,
  yourVote: (l) => `Your vote: ${l}`,
  changeVote: 'You may change your vote until the answer is revealed.',
  voteFor: (l) => `Vote: ${l}`,
  resultsLater: 'The results will be shown with the answer.',
  correct: 'right answer',
  answerLabel: 'Answer',
  explanationLabel: 'Explanation',
  previousLabel: 'Previous question',
  argumentsTitle: 'Arguments',
  argumentSide: 'Your argument is',
  pour: 'For',
  contre: 'Against',
  argumentText: 'Your argument',
  argumentSend: 'Send the argument',
  noArguments: 'No argument yet.',
  pickLegend: 'Your choice',
  yourPick: (l) => `Your choice: ${l}`,
  pickers: (n) => `${n} ${n === 1 ? 'person' : 'people'} chose`,
  pickedTitle: 'Chosen',
  videoOpen: 'Open the video',
  newTab: '(new tab)',
  videoDone: 'I’m done',
  videoYouDone: 'You have finished the video.',
  finished: (n, of) => (of !== undefined ? `${n} of ${of} finished` : `${n} ${n === 1 ? 'person' : 'people'} finished`),
  postitColumn: 'Column',
  postitKind: 'Colour',
  postitText: 'Your sticky note',
  postitSend: 'Post the sticky note',
  postits: (n) => pluralEn(n, 'sticky note', 'sticky notes'),
  noPostits: 'No sticky note yet.',
  answerText: 'Your answer',
  answerSend: 'Send the answer',
  answers: (n) => pluralEn(n, 'answer', 'answers'),
  noAnswers: 'No answer yet.',
  guideAnswer: 'The guide’s answer',
  feedbackSend: 'Send my feedback',
  feedbackPositive: 'What you liked (optional)',
  feedbackNegative: 'What could be better (optional)',
  feedbackThanks: 'Thank you, your feedback is saved. You may still change it.',
  responses: (n) => pluralEn(n, 'response', 'responses'),
  commentsPositive: 'What went well',
  commentsNegative: 'What could be better',
  floorNow: (name, item) => `${name} has the floor (${item})`,
  floorNext: (name, item) => `Next: ${name} (${item})`,
  noFloor: 'Nobody has the floor yet.',
  turnOf: (n, of) => `Turn ${n} of ${of}`,
  chooseWaiting: 'The facilitator is choosing what comes next.',
  chosen: (l) => `Chosen: ${l}`,
  chooseOption: (l) => `Choose: ${l}`,
  missing: 'This step is no longer in the content.',
  noticesTitle: 'Messages from Barista',
  privateNotice: 'For you only',
  you: (n) => `You: ${n}`,
  anonymous: 'You are taking part without a name.',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost, trying again…',
  expiredTitle: 'This link has expired',
  expiredText: 'Join the café again with its code.',
  noTokenTitle: 'Incomplete link',
  noTokenText: 'Open the console with the whole link you got when the café started.',
  failed: 'That did not work. Please try again.',
  sent: 'Noted.',
  codeTitle: 'Café code',
  joinAt: 'To take part, open',
  qrAlt: 'QR code of the link to join the café',
  controlsTitle: 'Controls',
  control: {
    begin: 'Begin', next: 'Next', back: 'Back', reveal: 'Reveal the answer',
    turnNext: 'Next person', turnPrev: 'Previous person', pause: 'Pause', resume: 'Resume', end: 'End the café',
  },
  extend: (m) => `+${m} min`,
  endConfirmTitle: 'End the café?',
  endConfirmText: 'You may first offer the feedback poll.',
  endWithFeedback: 'Offer the feedback poll first',
  endNow: 'End now',
  endCancel: 'Keep going',
  guidanceTitle: 'For facilitating (you only)',
  tipsAbout: { question: 'About the question', activity: 'About the activity', objectives: 'Objectives', answer: 'The guide’s answer' },
  fullScreen: 'Full screen (board to share)',
  handTitle: 'Hand over',
  handCo: 'Add a co-facilitator',
  handHand: 'Hand the café over',
  handHelp: 'The link opens the console: give it only to that person.',
  hostedBy: (name) => `Facilitated by ${name}`,
  eraseTitle: 'Erase this café',
  eraseHelp: 'Otherwise it is erased automatically a few days after it ends.',
  eraseButton: 'Erase this café now',
  eraseConfirm: 'Erase the café, its votes, sticky notes, answers and registrations? This cannot be undone.',
  eraseNow: 'Yes, erase everything',
  eraseCancel: 'Cancel',
  erasedTitle: 'This café has been erased',
  erasedText: 'Its facilitator erased it, with everything shared in it.',
  handLink: 'Console link to give',
  copy: 'Copy',
  copied: 'Link copied.',
};

export const WEB_LABELS: Record<WebLocale, WebLabels> = { fr: FR, en: EN };

/** 'en…' → English, anything else → French (or `fallback`). */
export function webLocale(tag: string | undefined | null, fallback: WebLocale = 'fr'): WebLocale {
  const t = (tag ?? '').trim().toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (t.startsWith('fr')) return 'fr';
  return fallback;
}

export function webLabels(locale: string | undefined | null): WebLabels {
  return WEB_LABELS[webLocale(locale)];
}
