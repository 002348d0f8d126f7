import type { Activity, Formula, Question } from '../schema';
import { DATA_GOUV, DEBAT_CHOICES, PARTIE_2_ASTUCE, PLAYLIST, astuce, consigne, open, paragraphs, poll, tip, watch, type Planned } from './build';
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
  // The guide gives the debate no duration of its own: what is left of the 30 to 60 minutes.
  planned: { min: 10, max: 20 },
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

// --- Ouverture ------------------------------------------------------------------------------

export const ouvertureAmericanoActivity: Activity = {
  id: 'ouverture-americano',
  kind: 'text',
  title: 'Ouverture',
  // The guide gives no duration: "Si vous avez encore quelques minutes…".
  planned: { min: 0, max: 5 },
  tips: [
    astuce(PARTIE_2_ASTUCE),
  ],
  // "Fin du café de la data" (Ristretto sans sucre) then the virtual café's "Ouverture": addressed to the facilitator.
  facilitatorText: paragraphs(
    'Si vous avez encore quelques minutes, vous pouvez continuer à échanger sur le sujet, montrer des ressources disponibles sur le site data.gouv.fr par exemple.',
    'Vous pouvez enfin conclure le café de la data en recommandant au groupe de visionner les autres vidéos du projet DATAcculturation (annoncez les thématiques abordées).',
    'Vous pouvez également partager votre écran pour naviguer sur des plateformes de partage de données et montrer des exemples aux participantes et participants.'),
  links: [DATA_GOUV, PLAYLIST],
};


export const americanoActivities: Activity[] = [
  ...videoActivities,
  journeeAgentActivity,
  syntheseJourneeActivity,
  debatActivity,
  syntheseDebatActivity,
  ouvertureAmericanoActivity,
];

const AMERICANO = {
  id: 'americano',
  duration: 'entre 30 minutes et 1 heure',
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
      planned: { min: 15, max: 25 },
      options: [
        { id: 'journee-agent', label: "Ma journée d'agent", activities: ['journee-agent', 'synthese-journee'] },
      ],
      defaultOption: 'journee-agent',
    },
    {
      part: 'sucre',
      planned: ouvertureAmericanoActivity.planned,
      options: [{ id: 'ouverture', label: 'Ouverture', activities: ['ouverture-americano'] }],
      defaultOption: 'ouverture',
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
      // "visionnage de deux vidéos Cas d'usage, au choix": the three possible pairs.
      options: [
        { id: 'ban-geodae', label: "Base adresse nationale et base Géo'DAE", activities: ['video-cas-usage-ban-geodae'] },
        { id: 'ban-collectivites', label: 'Base adresse nationale et open data des collectivités territoriales', activities: ['video-cas-usage-ban-collectivites'] },
        { id: 'geodae-collectivites', label: "Base Géo'DAE et open data des collectivités territoriales", activities: ['video-cas-usage-geodae-collectivites'] },
      ],
      defaultOption: 'ban-geodae',
    },
    {
      part: 'chocolat',
      planned: { min: 15, max: 30 },
      options: [
        { id: 'debat', label: "d'accord ou pas d'accord ?", activities: ['debat', 'synthese-debat'] },
      ],
      defaultOption: 'debat',
    },
    {
      part: 'sucre',
      planned: ouvertureAmericanoActivity.planned,
      options: [{ id: 'ouverture', label: 'Ouverture', activities: ['ouverture-americano'] }],
      defaultOption: 'ouverture',
    },
  ],
  tips: adaptTips,
};

