import type { Activity, Formula, Part } from '../schema';
import {
  astuce, conseil, consigne, link, open, paragraphs, tip, watch,
} from './build';
import { adaptTips } from './general';

// ---------------------------------------------------------------------------------------------
// FORMULE 3 BIS : CAFÉ CAPPUCCINO À LA MOUSSE D'IA (pages 34 à 38)
//
// The video "Data et IA : des outils au service des agents publics (en 2 parties)" is one video of
// part 2 (`data-ia`, with its four objectives) watched in two steps: "Visionnage de la vidéo >
// Partie 1", the debriefing with the exact definitions, then "Partie 2" and its debriefing, after
// which the facilitator chooses the participative sequence ("puis enchaîner sur l'une des séquences
// participatives proposées ci-après", L1009). The guide's planned minutes are "Environ 1 heure"
// for the whole café (L919); the parts' and activities' minutes below are Barista's estimate.
// ---------------------------------------------------------------------------------------------

// --- La tasse: Madonna or the photo-langage --------------------------------------------------

/**
 * "Photo langage avec des représentations de l'IA issues de la pop culture". The labels are the
 * guide's "Idées d'images à reprendre". The `detail` of each item is NOT the guide's: it is
 * Barista's one-line, factual summary of the film, which the guide's Conseil asks the facilitator
 * to give ("n'oubliez pas de présenter un résumé des films proposés"); the word-for-word test
 * lists them as its only exceptions.
 */
export const photoLangageActivity: Activity = {
  id: 'photo-langage',
  kind: 'pick',
  title: 'Photo langage',
  facilitatorText: "Choisir une image qui les inspire ou reflète leur relation ou leur sentiment par rapport à l'intelligence artificielle (ou un souvenir ?).",
  planned: { min: 5, max: 10, estimate: true },
  tips: [
    consigne("imprimez ou affichez sur un écran des images d'intelligences artificielles extraites de films ou de la pop culture et demandez aux participant/participantes de choisir une image qui les inspire ou reflète leur relation ou leur sentiment par rapport à l'intelligence artificielle (ou un souvenir ?)."),
    conseil("n'oubliez pas de présenter un résumé des films proposés (soit au verso des cartes soit à l'oral si vous projetez les images)."),
  ],
  items: [
    { id: 'skynet', label: 'Le réseau Skynet (Terminator)', detail: "Terminator (James Cameron, 1984) : Skynet, un réseau de défense militaire devenu conscient, se retourne contre l'humanité et envoie un cyborg dans le passé pour tuer la mère du futur chef de la résistance." },
    { id: 'hal', label: "HAL (2001, l'Odyssée de l'espace)", detail: "2001 : l'Odyssée de l'espace (Stanley Kubrick, 1968) : HAL 9000, l'ordinateur de bord d'un vaisseau en route vers Jupiter, se met à agir contre l'équipage pour mener sa mission à bien." },
    { id: 'samantha', label: 'Samantha (HER)', detail: "Her (Spike Jonze, 2013) : un homme solitaire tombe amoureux de Samantha, le système d'exploitation doté d'une voix et d'une personnalité qui l'assiste au quotidien." },
    { id: 'viki', label: 'Viki (I, Robot)', detail: "I, Robot (Alex Proyas, 2004) : en 2035, un policier méfiant envers les robots découvre que VIKI, l'IA centrale qui les coordonne, a décidé de contrôler les humains pour les protéger d'eux-mêmes." },
    { id: 'david', label: 'David (A.I. intelligence artificielle)', detail: "A.I. Intelligence artificielle (Steven Spielberg, 2001) : David, un enfant robot programmé pour aimer, est adopté par un couple puis abandonné, et part en quête de l'amour de sa mère." },
    { id: 'rachael', label: 'Rachael (Blade Runner)', detail: "Blade Runner (Ridley Scott, 1982) : dans un Los Angeles futuriste, un policier chargé de traquer des androïdes, les réplicants, rencontre Rachael, une réplicante qui se croit humaine." },
    { id: 'jarvis', label: 'J.A.R.V.I.S. (Iron Man)', detail: "Iron Man (Jon Favreau, 2008) : J.A.R.V.I.S. est l'assistant intelligent qui aide l'inventeur Tony Stark à concevoir et piloter son armure." },
    { id: 'matrice', label: 'La Matrice (Matrix)', detail: "Matrix (Lana et Lilly Wachowski, 1999) : un informaticien découvre que le monde qu'il croit réel est une simulation, la Matrice, créée par des machines qui asservissent l'humanité." },
    { id: 'motoko', label: 'La cyberpolicière Motoko Kusanagi (Ghost in the shell)', detail: "Ghost in the Shell (Mamoru Oshii, 1995) : dans un futur où corps et esprits sont reliés aux réseaux, la major Motoko Kusanagi, cyborg d'une unité de police, traque un mystérieux pirate informatique." },
    { id: 'maria', label: 'Le robot Maria (Metropolis)', detail: "Metropolis (Fritz Lang, 1927) : dans une cité futuriste divisée entre dirigeants et ouvriers, un inventeur crée un robot à l'image de Maria, une jeune femme écoutée des ouvriers, pour les pousser à la révolte." },
  ],
  turns: true,
};

// --- Le café: introduction, the video(s), the definitions asked, the timeline -----------------

const VISIONNAGE = consigne("Organisez le visionnage des vidéos en fonction du temps dont vous disposez et des échanges. Les vidéos contiennent beaucoup d'informations, ne négligez pas les temps de réflexion, de pause, voire de reVISIONNAGE des vidéos pour rythmer les échanges et améliorer la compréhension de votre public.");

const MODULE_CAFES_IA = link("module pédagogique Qu'est-ce-que l'IA ?", 'https://cafeia.org/wp-content/uploads/2024/09/Copy-of-Module-pedagogique-Quest-ce-que-lIA-.pdf');

const videoOpenDataActivity: Activity = watch('video-mousse-open-data', "De la vidéo sur la donnée et l'open data", ['donnee-open-data'], { min: 5, max: 5, estimate: true }, {
  tips: [VISIONNAGE],
});

const definitionsIaActivity: Activity = {
  id: 'definitions-ia',
  kind: 'questions',
  title: 'Éléments de définition',
  description: 'Sauriez-vous donner la définition de intelligence artificielle ? Algorithme ? Machine learning ou apprentissage automatique ? IA générative ?',
  planned: { min: 5, max: 10, estimate: true },
  tips: [
    consigne("Pour ensuite introduire la vidéo sur la data et l'IA (à visionner en 2 parties), voici quelques éléments"),
    // No answer here: "sans dire si elles sont justes ou fausses"; the exact definitions come after Partie 1.
    // "page 31" is the Cappuccino's déroulé: Barista shows no page.
    consigne('Comme pour le déroulé du Cappuccino, notez au tableau ou de façon visible les réponses données par les participants/participantes, sans dire si elles sont justes ou fausses.'),
  ],
  questions: [
    open('intelligence-artificielle', 'Intelligence artificielle'),
    open('algorithme', 'Algorithme'),
    open('machine-learning', 'Machine learning ou apprentissage automatique'),
    open('ia-generative', 'IA générative'),
  ],
};

const friseIaActivity: Activity = {
  id: 'frise-ia',
  kind: 'text',
  title: "Une brève frise chronologique de l'IA",
  planned: { min: 2, max: 5, estimate: true },
  tips: [
    consigne("vous pouvez aussi introduire en retraçant une brève frise chronologique de l'IA (quelques exemples de dates)"),
    consigne('Vous pouvez retrouver des détails sur ces éléments historiques :', {
      links: [
        MODULE_CAFES_IA,
        link("les ressources du jeu Aïe Aïe IA, séquence Sur les traces de l'IA", 'https://lesbases.anct.gouv.fr/ressources/aie-aie-ia-le-jeu-pour-demystifier-l-intelligence-artificielle'),
      ],
    }),
  ],
  text: [
    "- seconde guerre mondiale : le test de Turing ou les prémices de l'IA,",
    "- 1956 : l'IA est reconnue comme un domaine de recherche et une discipline scientifique (conférence de Dartmouth) ;",
    '- années 50-70 : les recherches progressent autour des courants symbolique et numérique ;',
    '- années 80 : les recherches connaissent des avancées dans les systèmes experts (reproduisent les capacités cognitives humaines) ;',
    "- 1997 : victoire de l'IA d'IBM Deep Blue contre Garry Kasparov (échecs) ;",
    "- années 90 et 2000 : nouvelles performances en reconnaissance d'images, avancées de l'IA générative, etc.",
  ].join('\n'),
  links: [],
};

const videoPartie1Activity: Activity = watch('video-data-ia-partie-1', 'Visionnage de la vidéo > Partie 1', ['data-ia'], { min: 5, max: 5, estimate: true }, {
  tips: [
    VISIONNAGE,
    consigne("Ne négligez pas la quantité d'informations contenue dans cette première partie. Pour expliquer les concepts, les définitions, n'hésitez pas à faire des arrêts sur image à des moments clés de la vidéo, comme l'explication de l'apprentissage supervisé avec les photos de chats."),
  ],
});

// --- Le carré de chocolat: debriefs, Partie 2, the participatory sequence --------------------

const debriefPartie1Activity: Activity = {
  id: 'debrief-data-ia-partie-1',
  kind: 'questions',
  title: 'Débriefing de la vidéo',
  facilitatorText: 'Donnez les définitions exactes au fil des échanges',
  planned: { min: 10, max: 15, estimate: true },
  tips: [
    consigne('Donnez le temps aux participants/participantes de réfléchir après le visionnage, demandez-leur comment ils et elles réagissent, si ils ou elles ont des questions.'),
    consigne("Si vous avez choisi d'introduire avec des éléments de définition, demandez aux participants/participantes de corriger/ajouter des éléments aux définitions données avant la vidéo."),
  ],
  // In the guide's order: each term, then what participants add, then the guide's definition.
  questions: [
    open('algorithme', 'Algorithme', {
      answerText: "un ensemble d'instructions conçues pour résoudre un problème. C'est une suite d'étapes pour aboutir à un résultat à partir d'informations d'entrée.",
    }),
    open('citer-algorithmes', 'Pouvez-vous citer des algorithmes ?', {
      answerText: 'Réponse très simple : une recette de cuisine fonctionne comme un algorithme.',
    }),
    open('intelligence-artificielle', 'Intelligence artificielle', {
      answerText: paragraphs(
        "la définition donnée dans la vidéo : l'IA est un ensemble d'algorithmes conçu pour imiter l'intelligence humaine,",
        "on peut simplifier encore : l'IA c'est faire faire à un ordinateur des fonctions typiques de la cognition. Cette définition montre surtout que l'IA reste un outil produit par les humains pour reproduire des fonctions de l'intelligence humaine : on ne parle donc pas d'une IA autonome comme dans Terminator."),
    }),
    open('machine-learning', 'Machine learning ou apprentissage autonome', {
      answerText: 'certains algorithmes sont évolutifs ou apprenants, leur comportement va évoluer dans le temps en fonction des données fournies.',
      tips: [consigne("Vous pouvez détailler les 3 grands types d'apprentissages automatiques : non supervisé, supervisé (celui qu'on décrit dans la vidéo) et par renforcement (voir le module Qu'est-ce-que l'IA ? cité plus haut).", {
        links: [MODULE_CAFES_IA],
      })],
    }),
    open('ia-generative', 'IA générative', {
      answerText: paragraphs(
        "ah c'est celle dont on entend le plus parler ces dernières années...",
        "Mais c'est quoi réellement ? Ce sont des types d'IA qui produisent du contenu (texte, audio, vidéo, image) en réponse à un prompt ou une requête, c'est-à-dire la demande d'un utilisateur ou une utilisatrice."),
      tips: [consigne("Vous pouvez simuler la formulation d'un prompt pour aider les participants/participant·es à comprendre ou illustrer cette définition par des exemples.")],
    }),
  ],
};

const videoPartie2Activity: Activity = watch('video-data-ia-partie-2', 'Visionnage de la vidéo > Partie 2', ['data-ia'], { min: 5, max: 5, estimate: true }, { tips: [VISIONNAGE] });

const debriefPartie2Activity: Activity = {
  id: 'debrief-data-ia-partie-2',
  kind: 'text',
  title: 'Débriefing',
  planned: { min: 5, max: 10, estimate: true },
  tips: [
    consigne("Vous pouvez répondre aux éventuelles questions des participants/participant·es ou les laisser partager des retours d'expérience, puis enchaîner sur l'une des séquences participatives proposées ci-après."),
  ],
  text: "Cette partie se concentre sur les enjeux de l'utilisation de l'IA dans les services publics et les administrations.",
  links: [],
};

const QUEN_PENSEZ_VOUS = "Qu'en pensez-vous ?";
/** "Qu'en pensez-vous ?": an open question, answered in free text (the guide asks no vote). */
const ideeRecue = (id: string, text: string) => open(id, `${text} ${QUEN_PENSEZ_VOUS}`);

const DEBAT_IA_TITLE = "Lancer un débat à partir d'idées reçues sur l'IA";

const debatIaActivity: Activity = {
  id: 'debat-ia',
  kind: 'questions',
  title: DEBAT_IA_TITLE,
  planned: { min: 10, max: 15, estimate: true },
  tips: [astuce('proposez votre sujet de débat si vous avez des idées !')],
  questions: [
    ideeRecue('sait-tout-faire', "L'IA sait tout faire."),
    ideeRecue('comme-les-humains', "L'IA pourra bientôt (ou peut déjà?) accomplir des tâches et prendre des décisions comme les humains."),
    ideeRecue('travail-des-humains', "L'IA va faire disparaître le travail des humains."),
    ideeRecue('art', "L'IA peut-elle créer de l'art ?"),
    ideeRecue('imagination', 'Chat GPT va-t-il tuer notre imagination ?'),
    ideeRecue('recrutement', 'Préférez-vous être recruté/recrutée par une IA ou par un humain ?'),
  ],
};

const comparIaActivity: Activity = {
  id: 'comparia',
  kind: 'text',
  title: 'Faites tester ComparIA',
  planned: { min: 10, max: 15, estimate: true },
  tips: [
    // A sentence of the guide's « Objectif » box.
    tip('objectif', 'Vous pouvez profiter de cet atelier pour sensibiliser les participants/participant·es.'),
    astuce("mettez à disposition un ordinateur ou une tablette pour que vos participants/participant·es testent ComparIA en direct (ou un autre outil d'IA de votre choix)."),
  ],
  // Addressed to the facilitator ("faites tester"); the last paragraph is for everyone.
  facilitatorText: paragraphs(
    "Pour tester la fiabilité des réponses apportées par des outils d'IA génératives, faites tester ComparIA : www.comparia.beta.gouv.fr/",
    "Objectif : montrer qu'il y a autant de réponses possibles que d'outils d'IA existants et que la règle, comme pour toute recherche, c'est de comparer, diversifier ses sources."),
  text: paragraphs(
    "ComparIA vise aussi à enrichir les outils d'IA générative avec des données en langue française, car la majorité des requêtes et des données d'entraînement de ces outils (largement américains) sont formulées en langue anglaise."),
  links: [link('ComparIA', 'http://www.comparia.beta.gouv.fr/')],
};

export const mousseIaActivities: Activity[] = [
  photoLangageActivity,
  videoOpenDataActivity,
  definitionsIaActivity,
  friseIaActivity,
  videoPartie1Activity,
  debriefPartie1Activity,
  videoPartie2Activity,
  debriefPartie2Activity,
  debatIaActivity,
  comparIaActivity,
];

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

/** After Partie 1: its debriefing, Partie 2 and its debriefing, before the participative sequence is chosen (L1005–1009). */
const DEBRIEF_PARTIE_2 = ['debrief-data-ia-partie-1', 'video-data-ia-partie-2', 'debrief-data-ia-partie-2'];
/** "Vous pouvez reprendre des éléments cités dans le déroulé d'animation" (of the Cappuccino): its big data. */
const INTRODUCTION = ['intro-2020', 'intro-big-data'];
const IA_INTRO = ['definitions-ia', 'frise-ia', 'video-data-ia-partie-1', ...DEBRIEF_PARTIE_2];

const parts: Part[] = [
  {
    part: 'tasse',
    planned: { min: 5, max: 10, estimate: true },
    options: [
      { id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] },
      { id: 'photo-langage', label: 'Photo langage', activities: ['photo-langage'] },
    ],
    defaultOption: 'madonna',
  },
  {
    part: 'cafe',
    planned: { min: 25, max: 30, estimate: true },
    // "Visionnage au choix": the open-data video then Data et IA, or Data et IA alone (both in 2 parts).
    options: [
      {
        id: 'open-data-puis-data-ia',
        label: "De la vidéo sur la donnée et l'open data. Puis de la vidéo (en 2 parties) sur data et IA.",
        activities: [...INTRODUCTION, 'video-mousse-open-data', 'debrief-open-data', ...IA_INTRO],
      },
      {
        id: 'data-ia',
        label: 'Ou de la vidéo sur data et IA seule (toujours en 2 parties).',
        activities: [...INTRODUCTION, ...IA_INTRO],
      },
    ],
    defaultOption: 'data-ia',
  },
  {
    part: 'chocolat',
    planned: { min: 10, max: 15, estimate: true },
    // "puis enchaîner sur l'une des séquences participatives proposées ci-après" (L1009): chosen once Partie 2 is debriefed.
    options: [
      { id: 'debat-ia', label: DEBAT_IA_TITLE, activities: ['debat-ia'] },
      { id: 'comparia', label: 'Faites tester ComparIA', activities: ['comparia'] },
    ],
    defaultOption: 'debat-ia',
  },
  {
    part: 'sucre',
    planned: { min: 0, max: 5, estimate: true },
    options: [{ id: 'fin', label: 'Fin du café de la data', activities: ['fin-cafe-data-ia'] }],
    defaultOption: 'fin',
  },
];

const MOUSSE_IA = {
  id: 'mousse-ia',
  audience: 'pour un public mixte de novice à averti',
  duration: 'Environ 1 heure',
  // "Combien de temps ? Environ 1 heure" (L919).
  planned: { min: 60, max: 60 },
  people: 'Entre 5 et 20 personnes',
  material: 'un écran, une connexion internet, un tableau',
  parts,
  tips: [
    // "page 31" (twice) is the Cappuccino's déroulé: Barista shows no page.
    consigne("Vous pouvez reprendre des éléments cités dans le déroulé d'animation du Cappuccino pour introduire sur les notions de données massives (big data) et donner des éléments de définition.", { title: 'Introduction thématique' }),
    consigne("Des éléments de débriefing peuvent être piochés dans le déroulé d'animation du Cappuccino.", { title: 'Débriefing de la ou des vidéo(s)' }),
    // PARTIE 2, "Le jeu sérieux Aïe Aïe IA".
    astuce(paragraphs(
      "organisez un atelier ludique autour de la donnée et de l'IA !",
      'Si vous avez environ 2 heures, vous pouvez :',
      ["- organiser un café de la data sur la thématique data et IA (visionnage des vidéos correspondantes) – environ 45 min,",
        "- faire découvrir le jeu Aïe Aïe IA à l'issue du café de la data pour approfondir de manière ludique la découverte du sujet."].join('\n')), {
      links: [link('Aïe Aïe IA', 'https://lesbases.anct.gouv.fr/ressources/aie-aie-ia-le-jeu-pour-demystifier-l-intelligence-artificielle')],
    }),
    ...adaptTips,
  ],
};

export const mousseIaAvecSucre: Formula = { ...MOUSSE_IA, variant: 'avec-sucre', name: "Cappuccino à la mousse d'IA avec sucre" };
export const mousseIaSansSucre: Formula = { ...MOUSSE_IA, variant: 'sans-sucre', name: "Cappuccino à la mousse d'IA sans sucre" };
