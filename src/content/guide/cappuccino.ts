import type { Activity, Formula, Part, Tip } from '../schema';
import {
  DEBAT_CHOICES, astuce, consigne, link, note, open, paragraphs, poll, retour, watch,
} from './build';
import { adaptTips } from './general';

// ---------------------------------------------------------------------------------------------
// FORMULE 3 : CAFÉ CAPPUCCINO (pages 30 à 33)
//
// "Formule à prendre avec ou sans sucre": both variants have the same parts. The guide gives the
// Cappuccino no "Durée" line but for the whole café ("Entre 1h et 1h15", L818); the parts' planned
// minutes below share that time between them and are Barista's estimate (`estimate: true`).
// ---------------------------------------------------------------------------------------------

// --- La tasse: the level board, then the ice breaker -----------------------------------------

/** "ASTUCE : pour bien identifier les niveaux de chaque participant et participante…": a vote without turns. */
export const niveauActivity: Activity = {
  id: 'niveau',
  kind: 'pick',
  title: 'Quel est votre niveau ?',
  description: 'La donnée et vous... Quel est votre niveau ?',
  planned: { min: 1, max: 2, estimate: true },
  tips: [
    astuce('pour bien identifier les niveaux de chaque participant et participante, installer un panneau ou une feuille sur laquelle ils et elles pourront se positionner.'),
    consigne('Mettez une croix / une gommette / un aimant en face de votre niveau'),
  ],
  items: [
    { id: 'novice', label: 'Novice' },
    { id: 'averti', label: 'Averti ou avertie' },
    { id: 'expert', label: 'Expert ou experte' },
  ],
  turns: false,
};

// --- Le café: big data, the definitions asked, the video -------------------------------------

const INTRODUCTION = 'Introduction thématique';

/** "En 2020 savez-vous à combien on estime…": asked, then answered. Also the Mousse d'IA's introduction. */
export const intro2020Activity: Activity = {
  id: 'intro-2020',
  kind: 'questions',
  title: INTRODUCTION,
  planned: { min: 2, max: 5, estimate: true },
  tips: [
    consigne('Quelques propos que vous pouvez adapter en fonction de vos connaissances pour planter le décor et faire réagir.'),
  ],
  questions: [
    open('donnees-2020', 'En 2020 savez-vous à combien on estime le nombre de données créées et partagées dans le monde ?', {
      answerText: 'Le chiffre estimé est 64,2 zettaoctets.',
      tips: [consigne("Pour mieux faire réagir vous pouvez dessiner ce qu'1 zettaoctet représente : 1 suivi de 21 zéros !")],
    }),
  ],
};

/** The figures and the 5 V of the big data, after the 2020 question. */
export const introBigDataActivity: Activity = {
  id: 'intro-big-data',
  kind: 'text',
  title: INTRODUCTION,
  planned: { min: 2, max: 5, estimate: true },
  tips: [],
  text: paragraphs(
    // Typo fix: "Selon certaines projections, ce le volume".
    'On prévoit un taux de croissance pour la création et la réplique annuelle des données de 23 % entre 2020 et 2025. Selon certaines projections, le volume de données créées et partagées dans le monde serait de 181 zettaoctets en 2025.',
    "Les données nous entourent et avec l'avènement du numérique et d'internet, elles se multiplient et s'échangent toujours plus vite. C'est un enjeu stratégique politique et économique. On parle maintenant de Big Data et on le définit par les 5 V (volume, vitesse, variété, valeur et véracité des données créées et partagées)."),
  links: [],
};

const definitionsDonneeActivity: Activity = {
  id: 'definitions-donnee',
  kind: 'questions',
  title: INTRODUCTION,
  facilitatorText: 'Avant de commencer, demandez au groupe de donner une définition des termes suivants : donnée, information, donnée publique, donnée ouverte.',
  planned: { min: 5, max: 10, estimate: true },
  // No answer here: the guide's definitions come after the video ("Compléter les définitions après le visionnage").
  tips: [consigne("Noter les réponses des participants et participantes au tableau sans dire si c'est juste ou faux.")],
  questions: [
    open('donnee', 'Donnée'),
    open('information', 'Information'),
    open('donnee-publique', 'Donnée publique'),
    open('donnee-ouverte', 'Donnée ouverte'),
  ],
};

const VISIONNAGE_OPEN_DATA = "Visionnage de la vidéo sur la donnée et l'open data";

const videoOpenDataActivity: Activity = watch('video-cappuccino-open-data', VISIONNAGE_OPEN_DATA, ['donnee-open-data'], { min: 5, max: 5, estimate: true });

// --- Le carré de chocolat: debrief, definitions, going further, debate -----------------------

/** "Débrief de la vidéo": also picked by the Mousse d'IA ("Des éléments de débriefing peuvent être piochés dans le déroulé d'animation page 31"). */
export const debriefOpenDataActivity: Activity = {
  id: 'debrief-open-data',
  kind: 'questions',
  title: 'Débrief de la vidéo',
  planned: { min: 5, max: 10, estimate: true },
  tips: [],
  questions: [
    open('retenu', "Qu'avez-vous retenu de la vidéo ?"),
    open('enjeux', "Quels sont pour vous les enjeux de l'open data ?"),
  ],
};

const definitionsOpenDataActivity: Activity = {
  id: 'definitions-open-data',
  kind: 'text',
  title: 'Débrief de la vidéo',
  planned: { min: 5, max: 10, estimate: true },
  tips: [
    consigne('Compléter les définitions après le visionnage et donner des définitions (vous pouvez ajuster les définitions en fonction de vos exemples)'),
    note('Les principes FAIR (Findable, Accessible, Interoperable, Reusable) décrivent comment les données doivent être organisées pour être plus facilement accessibles, comprises, échangeables et réutilisables. Source : CCSD, Centre pour la communication scientifique directe.', {
      links: [link('principes FAIR', 'https://www.ccsd.cnrs.fr/principes-fair')],
    }),
  ],
  text: paragraphs(
    "donnée : 1 élément constitué à partir de règles, unités de mesure ou indicateurs, qui peut être observé, collecté, stocké. Exemple : la température (relevée en Celsius ou Fahrenheit), la longueur ou la hauteur d'un bâtiment (relevée en mètres), la distance (kilomètres, miles), etc.",
    // Typo fix: "peuvent permet la construction".
    "information : c'est l'interprétation, l'analyse réalisée à partir de données et dans un contexte précis. Ex. : la combinaison des températures, du niveau d'ensoleillement et de la pluviométrie (données) peuvent permettre la construction d'un bulletin météo (information)",
    "donnée publique : c'est une donnée produite dans le cadre de missions de service public (par une administration ou un établissement doté d'une mission de service public). Une donnée publique n'est pas forcément publiée en ligne et disponible en open data. Par exemple, les données relevant du secret de la Défense nationale ou des données à caractère personnel ne peuvent pas être rendues publiques, accessibles en open data",
    'donnée ouverte (open data) : une donnée librement accessible, en général sur une plateforme (format numérique), gratuite et réutilisable.',
    [
      'Exemple par la grille FAIR pour définir une donnée ouverte :',
      '- facilement trouvable ;',
      '- accessible ;',
      '- interopérable ;',
      '- réutilisable ;',
      '- + gratuite !',
    ].join('\n')),
  links: [],
};

const allerPlusLoinFormatsActivity: Activity = {
  id: 'aller-plus-loin-formats',
  kind: 'questions',
  title: 'Aller plus loin',
  planned: { min: 5, max: 10, estimate: true },
  tips: [
    retour('Privilégiez les interactions !',
      "Bien que de nombreuses informations soient partagées durant le café, il ne faut pas donner l'impression qu'il s'agit d'une conférence. Les interactions avec et entre les participants doivent sans cesse être encouragées."),
  ],
  questions: [
    open('formats-ouverts', 'Pouvez-vous citer des formats de données ouverts ?', {
      answerText: "CSV : comma separated values → c'est un format de fichier de base, le plus ouvert, pour collecter, stocker, transmettre et réutiliser des données. Chaque champ (cellule) est séparée par une virgule à l'encodage, une convention qui permet à un plus grand nombre d'applications d'utiliser les données contenues dans ces fichiers.",
    }),
    open('pdf-excel', "Pourquoi les formats PDF et Excel ne sont pas considérés comme réellement ouverts au sens de l'open data ?", {
      answerText: 'Car ce sont des formats dits propriétaires, sous licence.',
    }),
  ],
};

const debat = (id: string, text: string) => poll(id, text, DEBAT_CHOICES, { arguments: true });

const debatCappuccinoActivity: Activity = {
  id: 'debat-cappuccino',
  kind: 'polls',
  title: 'Séquence collective',
  facilitatorText: 'Débat à choisir parmi les questions/affirmations suivantes ou celles que vous souhaitez créer !',
  planned: { min: 10, max: 15, estimate: true },
  tips: [],
  questions: [
    debat('acces-gratuit', 'Toutes les données publiques doivent être accessibles gratuitement et pour tout le monde'),
    debat('utile-quotidien', "L'open data est utile dans mon quotidien"),
    debat('financement', "La donnée devrait être un moyen pour l'État et les collectivités publiques de trouver des sources de financement complémentaires"),
  ],
};

// --- Le sucre: "Si vous avez le temps, vous pouvez visionner une des trois vidéos." -------------

const OUVERTURE_TIPS: Tip[] = [
  consigne('Si vous avez le temps, vous pouvez visionner une des trois vidéos.'),
];
const OUVERTURE_DESCRIPTION = 'pour ouvrir la réflexion sur les usages de la donnée ouverte sur le territoire.';
const ouverture = (id: string, videoId: string): Activity =>
  watch(id, 'Ouverture', [videoId], { min: 5, max: 10, estimate: true }, { description: OUVERTURE_DESCRIPTION, tips: OUVERTURE_TIPS });

const ouvertureActivities: Activity[] = [
  ouverture('ouverture-video-ban', 'ban'),
  ouverture('ouverture-video-geodae', 'geodae'),
  ouverture('ouverture-video-collectivites', 'collectivites'),
];

export const cappuccinoActivities: Activity[] = [
  niveauActivity,
  intro2020Activity,
  introBigDataActivity,
  definitionsDonneeActivity,
  videoOpenDataActivity,
  debriefOpenDataActivity,
  definitionsOpenDataActivity,
  allerPlusLoinFormatsActivity,
  debatCappuccinoActivity,
  ...ouvertureActivities,
];

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

const parts: Part[] = [
  {
    part: 'tasse',
    planned: { min: 5, max: 10, estimate: true },
    // The level board first, then the ice breaker "au choix entre" Madonna and the crazy jobs.
    options: [
      { id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['niveau', 'madonna'] },
      { id: 'crazy-jobs', label: 'Les crazy jobs', activities: ['niveau', 'crazy-jobs'] },
    ],
    defaultOption: 'madonna',
  },
  {
    part: 'cafe',
    planned: { min: 15, max: 20, estimate: true },
    options: [{
      id: 'introduction',
      label: INTRODUCTION,
      activities: ['intro-2020', 'intro-big-data', 'definitions-donnee', 'video-cappuccino-open-data'],
    }],
    defaultOption: 'introduction',
  },
  {
    part: 'chocolat',
    planned: { min: 35, max: 35, estimate: true },
    options: [{
      id: 'debrief-debat',
      label: 'Séquence collective',
      activities: ['debrief-open-data', 'definitions-open-data', 'aller-plus-loin-formats', 'debat-cappuccino'],
    }],
    defaultOption: 'debrief-debat',
  },
  {
    part: 'sucre',
    planned: { min: 5, max: 10, estimate: true },
    // The Cappuccino's own Ouverture (L905–908): "Si vous avez le temps, vous pouvez visionner une
    // des trois vidéos. Exemples (la BAN, la base Géo'DAE ou l'open data des collectivités)".
    options: [
      { id: 'ban', label: 'La BAN', activities: ['ouverture-video-ban'] },
      { id: 'geodae', label: "La base Géo'DAE", activities: ['ouverture-video-geodae'] },
      { id: 'collectivites', label: "L'open data des collectivités", activities: ['ouverture-video-collectivites'] },
    ],
    defaultOption: 'ban',
  },
];

const CAPPUCCINO = {
  id: 'cappuccino',
  audience: 'pour un public mixte de novice à averti',
  duration: 'Entre 1h et 1h15',
  // "Combien de temps ? Entre 1h et 1h15" (L818).
  planned: { min: 60, max: 75 },
  people: 'De 5 à 20 personnes',
  material: 'un écran, une connexion internet, un tableau blanc ou un paper board',
  parts,
  tips: adaptTips,
};

export const cappuccinoAvecSucre: Formula = { ...CAPPUCCINO, variant: 'avec-sucre', name: 'Cappuccino avec sucre' };
export const cappuccinoSansSucre: Formula = { ...CAPPUCCINO, variant: 'sans-sucre', name: 'Cappuccino sans sucre' };
