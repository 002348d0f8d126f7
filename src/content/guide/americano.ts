import type { Activity, Formula, Question } from '../schema';
import { DEBAT_CHOICES, consigne, open, paragraphs, poll, tip, watch, type Planned } from './build';
import { adaptTips } from './general';

// ---------------------------------------------------------------------------------------------
// FORMULE 2 : CAFÉ AMERICANO
// ---------------------------------------------------------------------------------------------

// --- Introduction thématique: the videos ---------------------------------------------------

const videoActivity = (id: string, videoIds: string[], planned: Planned): Activity => watch(id, 'Introduction thématique', videoIds, planned);

/** Americano avec sucre: "Durée : 10 minutes environ si vous introduisez les vidéos par un petit contexte à chaque fois." */
const AVEC_SUCRE_VIDEO = { min: 10, max: 10 };
/** Americano sans sucre: "Durée : 10 à 15 minutes avec un temps d'introduction et des échanges…" */
const SANS_SUCRE_VIDEO = { min: 10, max: 15 };

const videoActivities: Activity[] = [
  videoActivity('video-open-data', ['donnee-open-data'], AVEC_SUCRE_VIDEO),
  videoActivity('video-donnees-personnelles', ['donnees-personnelles'], AVEC_SUCRE_VIDEO),
  videoActivity('video-open-data-donnees-personnelles', ['donnee-open-data', 'donnees-personnelles'], AVEC_SUCRE_VIDEO),
  // "visionnage de l'une des trois vidéos cas d'usage" (synthèse des formats, L300)…
  videoActivity('video-cas-usage-ban', ['ban'], SANS_SUCRE_VIDEO),
  videoActivity('video-cas-usage-geodae', ['geodae'], SANS_SUCRE_VIDEO),
  videoActivity('video-cas-usage-collectivites', ['collectivites'], SANS_SUCRE_VIDEO),
  // … or of two of them (déroulé, L731).
  videoActivity('video-cas-usage-ban-geodae', ['ban', 'geodae'], SANS_SUCRE_VIDEO),
  videoActivity('video-cas-usage-ban-collectivites', ['ban', 'collectivites'], SANS_SUCRE_VIDEO),
  videoActivity('video-cas-usage-geodae-collectivites', ['geodae', 'collectivites'], SANS_SUCRE_VIDEO),
];

// --- Séquence collective "ma journée d'agent" (Americano avec sucre) ----------------------

const journeeAgentActivity: Activity = {
  id: 'journee-agent',
  kind: 'board',
  title: "Ma journée d'agent",
  description: "L'objectif est de reconstituer le parcours des agents dans une journée de travail type, depuis le trajet vers le bureau jusqu'au retour à la maison, pour identifier quand ils croisent des données.",
  planned: { min: 10, max: 15 },
  material: 'un tableau blanc ou un paper board ou des feuilles de post-it géantes à accrocher au mur, des post-it, des stylos.',
  tips: [
    consigne("Travaillez le profil de l'agent avec vos participantes et participants : prénom, âge, situation professionnelle et personnelle. Cela permet de mieux s'approprier le personnage."),
    consigne("Demandez aux participantes et participants de réfléchir, en fonction de chaque moment de la journée de l'agent, aux données créées ou partagées en fonction de leur typologie, en respectant le code couleur des post-it. Elles et ils peuvent coller les post-it au fur et à mesure de leurs idées sur le panneau."),
    consigne("Tout au long de l'atelier, aidez les agents à compléter le tableau en leur donnant des exemples de données type ou en participant vous-même à l'exercice."),
    tip('exemples',
      'consulter les horaires de bus/métro, se connecter à son compte Facebook, pointer, utiliser la fonction de géolocalisation, passer à la bibliothèque, au restaurant administratif, etc.',
      { title: 'Exemples de données' }),
  ],
  columns: [
    { id: 'trajet-aller', label: 'le trajet domicile/travail' },
    { id: 'journee-travail', label: 'journée de travail : tâches quotidiennes' },
    { id: 'pause-dejeuner', label: 'pause déjeuner' },
    { id: 'activites-exterieures', label: 'activités extérieures : sportives, culturelles, familiales, etc.' },
    { id: 'trajet-retour', label: 'trajet travail/domicile (si différent et si éléments à ajouter)' },
  ],
  postitKinds: [
    { id: 'personnelles', label: 'données personnelles', color: 'blue' },
    { id: 'sensibles', label: 'données sensibles', color: 'pink' },
    { id: 'publiques-non-ouvertes', label: 'données publiques non ouvertes', color: 'yellow' },
    { id: 'ouvertes', label: 'données ouvertes (open data)', color: 'green' },
  ],
};

const syntheseJourneeActivity: Activity = {
  id: 'synthese-journee',
  kind: 'questions',
  title: 'Synthèse et ouverture',
  planned: { min: 5, max: 10 },
  tips: [
    consigne(paragraphs(
      "À la fin de l'exercice, vous pouvez demander aux agents de faire le point sur l'exercice et ensuite sur le café.",
      'Posez-leur les questions suivantes :')),
  ],
  questions: [
    // Typo fix: "qu'est-ce que vous surprend ?".
    open('surprend', "qu'est-ce qui vous surprend ?"),
    open('surprend-pas', "qu'est-ce qui ne vous surprend pas ?"),
    open('appris', "qu'avez-vous appris ?"),
  ],
};

// --- Séquence débat "d'accord ou pas d'accord ?" (Americano sans sucre) ------------------

const debat = (id: string, text: string): Question => poll(id, text, DEBAT_CHOICES, { arguments: true });

const debatActivity: Activity = {
  id: 'debat',
  kind: 'polls',
  title: 'Séquence débat',
  description: "L'objectif est de susciter des échanges en réaction à des affirmations à partir desquelles il est demandé au groupe de se positionner (d'accord/pas d'accord).",
  // The guide gives the debate no duration of its own: Barista's estimate, what is left of the 30 to 60 minutes.
  planned: { min: 10, max: 25, estimate: true },
  tips: [
    consigne('Pendant l\'exercice, si possible, notez les arguments principaux sur une feuille ou un tableau.'),
    consigne('Selon la durée de votre café et les échanges au sein du groupe, vous pouvez aborder plus ou moins de thèmes. Vous pouvez également enrichir la liste des affirmations !'),
  ],
  questions: [
    debat('concerne', 'Je me sens concerné/concernée par le sujet de la donnée'),
    debat('a-la-mode', 'La donnée est un sujet à la mode'),
    debat('acces-gratuit', 'Les données publiques doivent être accessibles gratuitement et pour tout le monde'),
    debat('utile-quotidien', "L'open data est utile dans mon quotidien"),
    debat('produit', "Si c'est gratuit, c'est que vous êtes le produit"),
    debat('financement', "La donnée devrait être un moyen pour l'État et les collectivités publiques de trouver des sources de financement complémentaires"),
  ],
};

const syntheseDebatActivity: Activity = {
  id: 'synthese-debat',
  kind: 'text',
  title: 'Synthèse et ouverture',
  planned: { min: 5, max: 10 },
  tips: [],
  // L808: addressed to the facilitator. Typo fix: "participants/participantantes".
  facilitatorText: "À la fin de l'exercice, synthétisez les principaux arguments échangés au cours des échanges. Reformulez-les avec le groupe si besoin. Vous pouvez demander aux participants/participantes ce que l'atelier leur a apporté.",
  links: [],
};

export const americanoActivities: Activity[] = [
  ...videoActivities,
  journeeAgentActivity,
  syntheseJourneeActivity,
  debatActivity,
  syntheseDebatActivity,
];

const AMERICANO = {
  id: 'americano',
  duration: 'entre 30 minutes et 1 heure',
  // "Combien de temps ? entre 30 minutes et 1 heure" (L664).
  planned: { min: 30, max: 60 },
  people: 'de 5 à 20 personnes',
  material: 'un écran (TV, ordinateur)',
};

export const americanoAvecSucre: Formula = {
  ...AMERICANO,
  variant: 'avec-sucre',
  name: 'Americano avec sucre',
  audience: 'pour les novices',
  parts: [
    {
      part: 'tasse',
      planned: { min: 5, max: 10 },
      options: [
        { id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] },
        { id: 'crazy-jobs', label: 'Crazy jobs', activities: ['crazy-jobs'] },
        { id: 'placement', label: "Placement dans l'espace (en sondage)", activities: ['placement'] },
      ],
      // The guide's ice breaker is the placement, but it "cannot be done online" (FORMULE CAFÉ VIRTUEL).
      defaultOption: 'madonna',
    },
    {
      part: 'cafe',
      planned: AVEC_SUCRE_VIDEO,
      options: [
        { id: 'open-data', label: "La donnée et l'open data : la donnée par et pour le service public", activities: ['video-open-data'] },
        { id: 'donnees-personnelles', label: 'Les données personnelles sont-elles publiques ?', activities: ['video-donnees-personnelles'] },
        { id: 'les-deux', label: 'Les deux vidéos', activities: ['video-open-data-donnees-personnelles'] },
      ],
      // The déroulé (page 27): "Visionnage des deux vidéos suivantes".
      defaultOption: 'les-deux',
    },
    {
      part: 'chocolat',
      planned: journeeAgentActivity.planned,
      options: [
        { id: 'journee-agent', label: "Ma journée d'agent", activities: ['journee-agent'] },
      ],
      defaultOption: 'journee-agent',
    },
    {
      // The Americano's own closing, « Synthèse et ouverture » (L753–763).
      part: 'sucre',
      planned: syntheseJourneeActivity.planned,
      options: [{ id: 'synthese', label: 'Synthèse et ouverture', activities: ['synthese-journee'] }],
      defaultOption: 'synthese',
    },
  ],
  tips: adaptTips,
};

export const americanoSansSucre: Formula = {
  ...AMERICANO,
  variant: 'sans-sucre',
  name: 'Americano sans sucre',
  audience: 'pour un public averti',
  parts: [
    {
      part: 'tasse',
      planned: { min: 5, max: 10 },
      options: [
        { id: 'crazy-jobs', label: 'Crazy jobs', activities: ['crazy-jobs'] },
        { id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] },
      ],
      defaultOption: 'crazy-jobs',
    },
    {
      part: 'cafe',
      planned: SANS_SUCRE_VIDEO,
      // "visionnage de l'une des trois vidéos cas d'usage" (L300) or "de deux vidéos Cas d'usage, au choix" (L731): the three possible pairs.
      options: [
        { id: 'ban', label: "La base adresse nationale : quand la donnée vous donne l'adresse", activities: ['video-cas-usage-ban'] },
        { id: 'geodae', label: "La base Géo'DAE : quand l'open data sauve des vies", activities: ['video-cas-usage-geodae'] },
        { id: 'collectivites', label: 'Collectivités territoriales et open data, une histoire de transparence', activities: ['video-cas-usage-collectivites'] },
        { id: 'ban-geodae', label: "Base adresse nationale et base Géo'DAE", activities: ['video-cas-usage-ban-geodae'] },
        { id: 'ban-collectivites', label: 'Base adresse nationale et open data des collectivités territoriales', activities: ['video-cas-usage-ban-collectivites'] },
        { id: 'geodae-collectivites', label: "Base Géo'DAE et open data des collectivités territoriales", activities: ['video-cas-usage-geodae-collectivites'] },
      ],
      defaultOption: 'ban-geodae',
    },
    {
      part: 'chocolat',
      planned: debatActivity.planned,
      options: [
        { id: 'debat', label: "d'accord ou pas d'accord ?", activities: ['debat'] },
      ],
      defaultOption: 'debat',
    },
    {
      // The Americano's own closing, « Synthèse et ouverture » (L806–810).
      part: 'sucre',
      planned: syntheseDebatActivity.planned,
      options: [{ id: 'synthese', label: 'Synthèse et ouverture', activities: ['synthese-debat'] }],
      defaultOption: 'synthese',
    },
  ],
  tips: adaptTips,
};

