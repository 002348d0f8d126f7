import type { Activity, Choice, Formula, Part, Tip } from '../schema';
import {
  DATA_GOUV, PLAYLIST, VRAI_FAUX, allerPlusLoin, astuce, consigne, link, note, open, paragraphs, poll, retour, watch,
} from './build';
import { RISTRETTO_EN_LIGNE, adaptTips } from './general';

// ---------------------------------------------------------------------------------------------
// FORMULE 1 : CAFÉ RISTRETTO (pages 17 à 24)
//
// A quiz mixes choice questions (polls) and open questions (free text) in the guide's order, so
// each quiz is a short sequence of activities; the option of le carré de chocolat lists them in
// order. Le café (the video) and le carré de chocolat (its quiz) are two parts, and each quiz
// `follows` its video: choosing the video chooses the quiz ("Choisissez bien le quiz
// correspondant à la vidéo diffusée pendant le café !", L563), with no second choice to make.
// ---------------------------------------------------------------------------------------------

/** "Durée : 5 à 10 minutes, à adapter en fonction de la durée totale du café." (both quizzes). */
const QUIZ_DURATION = { min: 5, max: 10 };

const POSEZ = 'Posez les questions suivantes au groupe et prenez quelques instants pour expliquer les réponses et échanger.';
const choices = (...list: Array<[id: string, label: string]>): Choice[] => list.map(([id, label]) => ({ id, label }));

// --- Introduction thématique ------------------------------------------------------------------

/** Avec sucre: "Durée : 5 minutes maximum si vous annoncez quelques éléments introductifs." */
const AVEC_SUCRE_VIDEO = { min: 5, max: 5 };
/** Sans sucre: "Durée : entre 5 et 10 minutes maximum, en fonction de la durée totale du café." */
const SANS_SUCRE_VIDEO = { min: 5, max: 10 };

const VIDEO_TITLE = 'Introduction thématique';

/** "ASTUCE : organisez une séance de découverte sur les collectivités territoriales et l'open data." (PARTIE 2, Data City). */
const dataCityAstuce: Tip = astuce(
  "organisez une séance de découverte sur les collectivités territoriales et l'open data. Vous pouvez par exemple conseiller à vos collègues de visualiser la vidéo sur l'open data des collectivités et le projet de Mégalis Bretagne et les inviter ensuite à prendre en main le jeu Data City. Pour plus de convivialité, testez le jeu à plusieurs et comparez le développement de vos communes !",
  { links: [link('Data City', 'https://datacity.sib.fr/')] });

const videoActivities: Activity[] = [
  watch('video-ristretto-open-data', VIDEO_TITLE, ['donnee-open-data'], AVEC_SUCRE_VIDEO),
  // The whole video, both parts one after the other (the Mousse d'IA pauses between them).
  watch('video-ristretto-data-ia', VIDEO_TITLE, ['data-ia'], AVEC_SUCRE_VIDEO),
  watch('video-collectivites', VIDEO_TITLE, ['collectivites'], SANS_SUCRE_VIDEO, { tips: [dataCityAstuce] }),
  watch('video-ban', VIDEO_TITLE, ['ban'], SANS_SUCRE_VIDEO),
  watch('video-geodae', VIDEO_TITLE, ['geodae'], SANS_SUCRE_VIDEO),
];

// --- Quiz de débriefing de la vidéo sur la donnée et l'open data (avec sucre) -----------------

const QUIZ_OPEN_DATA = "Quiz de débriefing de la vidéo sur la donnée et l'open data";

const quizOpenData: Activity[] = [
  {
    id: 'quiz-open-data-q1',
    kind: 'polls',
    title: QUIZ_OPEN_DATA,
    facilitatorText: POSEZ,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      poll('donnees-ouvertes',
        'Toutes les données que nous produisons ou que nous utilisons, au travail et dans notre vie privée, sont des données ouvertes et publiques. Vrai ou faux ?',
        VRAI_FAUX, {
          correct: ['faux'],
          answerText: 'faux',
          tips: [allerPlusLoin("vous pouvez introduire la notion de données à caractère personnel et de données sensibles et demander au groupe s'il peut citer des exemples de données sensibles et à caractère personnel (ex : numéro de carte vitale, date de naissance, etc.).")],
        }),
    ],
  },
  {
    id: 'quiz-open-data-q2',
    kind: 'questions',
    title: QUIZ_OPEN_DATA,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      open('donnee-pro',
        'Citez une donnée ou type de donnée que vous produisez ou manipulez dans votre vie professionnelle (elle peut être sensible ou pas).', {
          // L479–481: addressed to the facilitator, never revealed to participants.
          facilitatorAnswer: "Pas de réponse vraie ou fausse, on peut aider le groupe à donner des réponses en se référant à des exemples comme : pointage quotidien et horaires de travail, données RH pour les agents gestionnaires par exemple, données financières (ex. : suivi des dotations de l'État en préfecture), nombre d'accidents de la route dans le département, etc.",
        }),
    ],
  },
  {
    id: 'quiz-open-data-q3-q4',
    kind: 'polls',
    title: QUIZ_OPEN_DATA,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      poll('intrus-enjeux',
        "Parmi les enjeux de l'open data, identifiés dans la vidéo et présentés ci-après, se cache un intrus, lequel ?",
        choices(
          ['transparence', 'Renforcer la transparence de la vie publique'],
          ['financement', 'Trouver de nouvelles sources de financement des services publics'],
          ['simplifier', 'Simplifier le service rendu aux citoyens et aux citoyennes'],
          ['ameliorer', 'Améliorer les services publics'],
        ), {
          correct: ['financement'],
          answerText: 'Trouver de nouvelles sources de financement des services publics',
          explanation: "Pourquoi est-ce une fausse réponse ? Car l'ouverture et le partage des données publiques est un principe qui repose sur le libre accès des données concernées et donc leur gratuité !",
        }),
      poll('plateforme',
        "La plateforme nationale des données ouvertes et publiques s'appelle...",
        choices(
          ['opendata-gouv', 'opendata.gouv.fr'],
          ['donneesouvertes-gouv', 'donneesouvertes.gouv.fr'],
          ['data-gouv', 'data.gouv.fr'],
        ), {
          correct: ['data-gouv'],
          answerText: 'data.gouv.fr',
          bonus: true,
          tips: [astuce('vous pouvez présenter la plateforme en quelques clics au groupe.', { links: [DATA_GOUV] })],
        }),
    ],
  },
];

// --- Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle (avec sucre)

const QUIZ_DATA_IA = "Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle";

const quizDataIa: Activity[] = [
  {
    id: 'quiz-data-ia-q1-q2',
    kind: 'polls',
    title: QUIZ_DATA_IA,
    facilitatorText: POSEZ,
    // The guide gives the duration of the open-data quiz only; this one has as many questions.
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      poll('invention-ia', "L'invention de l'IA peut être datée...",
        choices(
          ['film-2001', "du film 2001 L'Odyssée de l'espace, avec le redoutable HAL en 1968"],
          ['annees-50', 'des années 50 avec les premières recherches lancées dans le domaine'],
          ['openai', "de 2015 avec la fondation d'OpenAI, la société qui a lancé ChatGPT"],
        ), {
          correct: ['annees-50'],
          answerText: 'des années 50 avec les premières recherches lancées dans le domaine',
        }),
      poll('chat', "L'IA est capable d'appeler un chat « un chat » sans se tromper parce que...",
        choices(
          ['cat-person', "L'IA est comme on dit une « cat person », elle adore les chats"],
          ['entrainement', "On lui a appris à le faire en l'entraînant avec un grand nombre de photos de chats pour limiter ses erreurs"],
        ), {
          correct: ['entrainement'],
          answerText: "On lui a appris à le faire en l'entraînant avec un grand nombre de photos de chats pour limiter ses erreurs",
        }),
    ],
  },
  {
    id: 'quiz-data-ia-q3',
    kind: 'questions',
    title: QUIZ_DATA_IA,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      open('big-data', "Qu'est-ce que le big data ?", {
        answerText: 'le big data signifie littéralement « données massives » et décrit, dans le contexte du développement des technologies numériques, la production de plus en plus importante de données numériques dans le monde.',
        tips: [
          consigne('Posez la question aux participants/participant·es'),
          consigne("Sur cette question : n'hésitez pas, si vous avez le temps, à citer ou faire deviner les « 5 V » du big data : volume, variété, vitesse ou vélocité, véracité et valeur."),
        ],
      }),
    ],
  },
  {
    id: 'quiz-data-ia-q4',
    kind: 'polls',
    title: QUIZ_DATA_IA,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      poll('intrus-administrations',
        "Dans les administrations, l'IA est déjà utilisée pour beaucoup de tâches, mais pas n'importe lesquelles. Cherchez l'intrus parmi les propositions suivantes :",
        choices(
          ['synthetiser', "l'IA peut servir à synthétiser ou résumer des documents, des rapports"],
          ['taches-repetitives', "l'IA peut être utilisée pour diminuer les temps de traitement de certaines tâches répétitives et chronophages pour les agents"],
          ['decisions', "l'IA prend des décisions pour soulager les responsables de service dans cette tâche"],
          ['classer', "l'IA peut aider à classer des données produites en grande quantité et ainsi mieux les trier"],
        ), {
          correct: ['decisions'],
          answerText: "l'IA prend des décisions pour soulager les responsables de service dans cette tâche",
        }),
    ],
  },
];

// --- Ristretto sans sucre: the three quizzes of three questions -------------------------------

const TROIS_QUIZ = consigne('Vous trouverez ci-après 3 quiz composés chacun de 3 questions pour les 3 vidéos. Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café !');

const QUIZ_COLLECTIVITES = 'Quiz pour la vidéo Open data et collectivités territoriales : une histoire de transparence';
const QUIZ_BAN = 'Quiz pour la vidéo La Base adresse nationale';
const QUIZ_GEODAE = "Quiz pour la vidéo La base Géo'DAE";

const quizCollectivites: Activity = {
  id: 'quiz-collectivites',
  kind: 'polls',
  title: QUIZ_COLLECTIVITES,
  facilitatorText: POSEZ,
  planned: QUIZ_DURATION,
  tips: [TROIS_QUIZ],
  questions: [
    poll('communes', 'La loi rend obligatoire la publication en ligne de certains documents pour les communes de...',
      choices(['100', '100 habitants et plus'], ['5000', '5000 habitants et plus'], ['3500', '3500 habitants et plus']), {
        correct: ['3500'],
        answerText: '3500 habitants et plus',
        // PARTIE 2, vidéo La donnée et l'open data: the details of the answer.
        explanation: "C'est par exemple la publication rendue obligatoire par la Loi pour une République numérique, pour les collectivités territoriales de plus de 3500 habitants et employant plus de 50 agents, des documents qu'elles communiquent comme les arrêtés, délibérations, ou procès-verbaux des séances du conseil municipal.",
      }),
    poll('marque-blanche',
      "La vidéo aborde le concept de la marque blanche pour présenter la solution mise en place par Mégalis en Bretagne. Qu'est-ce qu'une marque blanche ?",
      choices(
        ['trace', 'Une trace blanche qui ne part pas au lavage, même à 60°'],
        ['service', "Un service ou un produit créé par une entreprise ou un organisme et mis à disposition d'autres utilisateurs gratuitement pour leur compte"],
        ['logo', "Une marque qui donne la possibilité à un autre utilisateur d'utiliser son logo, contre rémunération"],
      ), {
        correct: ['service'],
        answerText: "Un service ou un produit créé par une entreprise ou un organisme et mis à disposition d'autres utilisateurs gratuitement pour leur compte",
        // PARTIE 2, vidéo Collectivités territoriales et open data.
        explanation: "Par exemple, une même fabrique de parfums qui fournit des produits à différentes marques produit des parfums en marque blanche. La marque blanche proposée par Mégalis prend la forme d'un moteur de recherche des documents publiés en open data intégré librement sur le site des communes de la région.",
      }),
    poll('article-15',
      "La vidéo illustre le sujet de l'open data comme enjeu de renforcement de la transparence de l'action publique. Cette exigence découle du principe défini à l'article 15 de la Déclaration des droits de l'homme et du citoyen de 1789. Oui, mais que dit cet article ?",
      choices(
        ['publication', 'Les citoyens ont le droit de demander la publication de toutes les informations détenues par les administrations publiques'],
        ['principe-fondateur', "L'open data est un principe fondateur de la démocratie et sur lequel reposent les droits des citoyens"],
        ['compte', 'La société a le droit de demander compte à tout agent public de son administration'],
      ), {
        correct: ['compte'],
        answerText: 'La société a le droit de demander compte à tout agent public de son administration',
        tips: [note('Pour en savoir plus, vous pouvez consulter le Guide pratique rédigé par la CNIL et la Cada :', {
          links: [link('Guide pratique rédigé par la CNIL et la Cada', 'https://www.cada.fr/sites/default/files/guide_pratique.pdf')],
        })],
      }),
  ],
};

const quizBan: Activity = {
  id: 'quiz-ban',
  kind: 'polls',
  title: QUIZ_BAN,
  facilitatorText: POSEZ,
  planned: QUIZ_DURATION,
  tips: [TROIS_QUIZ],
  questions: [
    poll('responsable', 'Qui est responsable de la mise à jour des bases adresses locales, qui alimentent la BAN ?',
      choices(['communes', 'Les communes'], ['la-poste', 'La Poste'], ['impots', 'Les impôts']), {
        correct: ['communes'],
        answerText: 'Les communes',
        // PARTIE 2, vidéo La base adresse nationale: "Le saviez-vous ?".
        tips: [note("Les communes possèdent depuis toujours la compétence du nommage. La loi 3DS leur impose d'inscrire ces noms (lieux-dits, rue, etc.) dans une base de données unique, la base adresse locale, qui alimente la BAN.", {
          title: 'Le saviez-vous ?',
          links: [link('adresse.data.gouv.fr', 'https://adresse.data.gouv.fr/')],
        })],
      }),
    poll('accessible', 'La BAN est accessible...',
      choices(
        ['administrations', 'aux administrations uniquement'],
        ['abonnement', 'aux entreprises et aux particuliers ayant réglé un abonnement'],
        ['tout-le-monde', 'à tout le monde et gratuitement'],
      ), {
        correct: ['tout-le-monde'],
        answerText: 'à tout le monde et gratuitement',
      }),
    poll('localisation', 'Où est précisément localisée géographiquement une adresse ?',
      choices(
        ['debouche', 'Au débouché du local sur la route la plus proche'],
        ['boite-aux-lettres', 'À la boîte aux lettres'],
        ['porte', "À la porte d'entrée du bâtiment à localiser"],
      ), {
        correct: ['debouche', 'boite-aux-lettres', 'porte'],
        answerText: 'toutes les réponses sont correctes',
      }),
  ],
};

const quizGeodae: Activity[] = [
  {
    id: 'quiz-geodae-q1',
    kind: 'questions',
    title: QUIZ_GEODAE,
    facilitatorText: POSEZ,
    planned: QUIZ_DURATION,
    tips: [TROIS_QUIZ],
    questions: [
      open('dae-travail', 'Y a-t-il un DAE sur votre lieu de travail ?', {
        // L626: addressed to the facilitator, never revealed to participants.
        facilitatorAnswer: "voir si les personnes répondent et leur rappeler qu'il s'agit d'une obligation légale pour les établissements recevant du public.",
      }),
    ],
  },
  {
    id: 'quiz-geodae-q2-q3',
    kind: 'polls',
    title: QUIZ_GEODAE,
    planned: QUIZ_DURATION,
    tips: [],
    questions: [
      poll('format-standard',
        'La loi oblige depuis 2018 les établissements et espaces publics disposant d\'un DAE à les maintenir en bon état de marche et à les déclarer dans la base Géo\'DAE dans un format de données standard. Selon vous, pourquoi est-ce nécessaire d\'employer ce format standard ?',
        choices(
          ['verification', "Pour diminuer le temps de vérification et de correction des données saisies dans la base ; c'est beaucoup de travail !"],
          // Typo fix: "des données. c'est quand même".
          ['fiabiliser', "Pour fiabiliser le schéma de transmission des données. C'est quand même plus pratique, non ?"],
          ['services', 'Pour faciliter la création de services'],
        ), {
          correct: ['verification', 'fiabiliser', 'services'],
          answerText: 'les 3 réponses sont bonnes !',
          // PARTIE 2, vidéo La base Géo'DAE.
          explanation: 'La loi fixe également un format standard pour la déclaration des données, afin de fiabiliser le schéma de transmission des données et de faciliter la création de services.',
        }),
      poll('chances-survie', "L'utilisation d'un DAE lors d'un arrêt cardiaque augmente les chances de survie de...",
        choices(['5', '5 %'], ['85', '85 %'], ['40', '40 %']), {
          correct: ['40'],
          answerText: '40 %',
        }),
    ],
  },
];

// --- Fin du café de la data -------------------------------------------------------------------

/** "Fin du café de la data" of the Ristretto avec sucre; also closes the Cappuccino à la mousse d'IA. */
export const finCafeDataIa: Activity = {
  id: 'fin-cafe-data-ia',
  kind: 'text',
  title: 'Fin du café de la data',
  // The guide gives no duration: "Si vous avez encore quelques minutes…".
  planned: { min: 0, max: 5, estimate: true },
  tips: [],
  // L545: addressed to the facilitator; participants see Barista's line and the links.
  facilitatorText: paragraphs(
    'Si vous avez encore quelques minutes, vous pouvez continuer à échanger sur le sujet, montrer des ressources disponibles sur le site data.gouv.fr par exemple. Vous pouvez conclure le café de la data en recommandant au groupe de visionner les autres vidéos DATAcculturation (annoncez les thématiques : géo DAE, base adresse nationale, données personnelles, collectivités locales et transparence).',
    "Si vous avez visionné la vidéo sur les données et l'IA, servez-vous des références en partie 2 du guide pour donner des ressources complémentaires."),
  links: [DATA_GOUV, PLAYLIST],
};

const finCafeData: Activity = {
  id: 'fin-cafe-data',
  kind: 'text',
  title: 'Fin du café de la data',
  // No duration in the guide, and none left: the guide's parts already fill the 30 minutes.
  planned: { min: 0, max: 0, estimate: true },
  tips: [
    retour('Osez vous lancer sans douter de votre légitimité !',
      "Animer un temps d'échange autour de la technologie n'est pas seulement réservé aux personnes expertes. Si vous trouvez un intérêt dans ce sujet, ne doutez plus et lancez-vous !"),
  ],
  // L650: addressed to the facilitator; participants see Barista's line and the links.
  facilitatorText: paragraphs(
    'Si vous avez encore quelques minutes, vous pouvez continuer à échanger sur le sujet, montrer des ressources disponibles sur le site data.gouv.fr par exemple.',
    'Vous pouvez enfin conclure le café de la data en recommandant au groupe de visionner les autres vidéos du projet DATAcculturation (annoncez les thématiques abordées).'),
  links: [DATA_GOUV, PLAYLIST],
};

export const ristrettoActivities: Activity[] = [
  ...videoActivities,
  ...quizOpenData,
  ...quizDataIa,
  quizCollectivites,
  quizBan,
  ...quizGeodae,
  finCafeDataIa,
  finCafeData,
];

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

const RISTRETTO = {
  id: 'ristretto',
  duration: 'Entre 15 et 30 minutes',
  // "Combien de temps ? Entre 15 et 30 minutes" (L418).
  planned: { min: 15, max: 30 },
  people: 'Maximum 20 personnes',
  material: 'un écran',
};

const ristrettoTips: Tip[] = [
  astuce('pour introduire les vidéos dans les différentes séquences et consulter des informations et des ressources complémentaires, rendez-vous à la PARTIE 2 du livret.'), // ", à partir de la page 52" dropped: Barista shows no page.
  RISTRETTO_EN_LIGNE,
  ...adaptTips,
];

/** "Ice breaker : identique à la formule Ristretto avec sucre." */
const tasse: Part = {
  part: 'tasse',
  // "Durée : entre 5 et 10 minutes, selon la durée totale du café."
  planned: { min: 5, max: 10 },
  options: [{ id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] }],
  defaultOption: 'madonna',
};

export const ristrettoAvecSucre: Formula = {
  ...RISTRETTO,
  variant: 'avec-sucre',
  name: 'Ristretto avec sucre',
  audience: 'pour les novices',
  parts: [
    tasse,
    {
      part: 'cafe',
      planned: AVEC_SUCRE_VIDEO,
      options: [
        { id: 'open-data', label: "La donnée et l'open data : la donnée par et pour le service public", activities: ['video-ristretto-open-data'] },
        { id: 'data-ia', label: 'Data et IA : des outils au service des agents publics (en 2 parties)', activities: ['video-ristretto-data-ia'] },
      ],
      // The synthesis of the formats: "visionnage de la vidéo sur la donnée et l'open data".
      defaultOption: 'open-data',
    },
    {
      part: 'chocolat',
      planned: QUIZ_DURATION,
      // Each quiz follows its video (L461, L465, L504).
      options: [
        { id: 'quiz-open-data', label: QUIZ_OPEN_DATA, activities: quizOpenData.map((a) => a.id), follows: { part: 'cafe', option: 'open-data' } },
        { id: 'quiz-data-ia', label: QUIZ_DATA_IA, activities: quizDataIa.map((a) => a.id), follows: { part: 'cafe', option: 'data-ia' } },
      ],
      defaultOption: 'quiz-open-data',
    },
    {
      part: 'sucre',
      planned: finCafeDataIa.planned,
      options: [{ id: 'fin', label: 'Fin du café de la data', activities: ['fin-cafe-data-ia'] }],
      defaultOption: 'fin',
    },
  ],
  tips: ristrettoTips,
};

export const ristrettoSansSucre: Formula = {
  ...RISTRETTO,
  variant: 'sans-sucre',
  name: 'Ristretto sans sucre',
  audience: 'pour un public averti',
  parts: [
    tasse,
    {
      part: 'cafe',
      planned: SANS_SUCRE_VIDEO,
      options: [
        { id: 'collectivites', label: 'Collectivités territoriales et open data, une histoire de transparence', activities: ['video-collectivites'] },
        { id: 'ban', label: "La base adresse nationale : quand la donnée vous donne l'adresse", activities: ['video-ban'] },
        { id: 'geodae', label: "La base Géo'DAE : quand l'open data sauve des vies", activities: ['video-geodae'] },
      ],
      defaultOption: 'ban',
    },
    {
      part: 'chocolat',
      // "Durée : 5 à 10 minutes, en fonction de la durée totale du café."
      planned: QUIZ_DURATION,
      // "Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café !" (L563).
      options: [
        { id: 'quiz-collectivites', label: QUIZ_COLLECTIVITES, activities: ['quiz-collectivites'], follows: { part: 'cafe', option: 'collectivites' } },
        { id: 'quiz-ban', label: QUIZ_BAN, activities: ['quiz-ban'], follows: { part: 'cafe', option: 'ban' } },
        { id: 'quiz-geodae', label: QUIZ_GEODAE, activities: quizGeodae.map((a) => a.id), follows: { part: 'cafe', option: 'geodae' } },
      ],
      defaultOption: 'quiz-ban',
    },
    {
      part: 'sucre',
      planned: finCafeData.planned,
      options: [{ id: 'fin', label: 'Fin du café de la data', activities: ['fin-cafe-data'] }],
      defaultOption: 'fin',
    },
  ],
  tips: ristrettoTips,
};
