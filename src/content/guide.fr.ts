import type { Activity, Choice, Content, Formula, Link, OpenQuestion, Question, Tip, Video } from './schema';

/**
 * The DATAcculturation guide ("Sensibiliser à la donnée, à l'intelligence artificielle et animer un
 * café de la data ou de l'IA", septembre 2025) as data.
 *
 * Every text below is the guide's, word for word (only obvious typos are fixed and the Markdown
 * markup is stripped); tests/content/word-for-word.test.ts checks it against the guide itself.
 *
 * First release: everything the Café Americano needs (avec sucre, sans sucre, run online as the
 * "FORMULE CAFÉ VIRTUEL" describes). Later formulas (Ristretto, Cappuccino…) add their activities
 * and formulas to the same lists; activities are shared by id (the Madonna ice breaker, the crazy
 * jobs, the video steps…).
 */

// ---------------------------------------------------------------------------------------------
// Small builders: they fill the schema's defaults so that `guideFr` is a complete `Content`.
// ---------------------------------------------------------------------------------------------

type TipKind = Tip['kind'];
interface TipOptions { title?: string; links?: Link[] }

function tip(kind: TipKind, text: string, options: TipOptions = {}): Tip {
  return { kind, ...(options.title ? { title: options.title } : {}), text, links: options.links ?? [] };
}
const astuce = (text: string, options?: TipOptions): Tip => tip('astuce', text, options);
const conseil = (text: string, options?: TipOptions): Tip => tip('conseil', text, options);
const retour = (title: string, text: string, options?: TipOptions): Tip => tip('retour-experience', text, { ...options, title });
const consigne = (text: string, options?: TipOptions): Tip => tip('consigne', text, options);
const objectif = (title: string | undefined, text: string, options?: TipOptions): Tip => tip('objectif', text, { ...options, title });

function link(label: string, url: string): Link {
  return { label, url };
}

/** A poll question with the schema's defaults. */
function poll(id: string, text: string, choices: Choice[], extra: Partial<Omit<Question, 'id' | 'text' | 'choices'>> = {}): Question {
  return { id, text, choices, correct: [], bonus: false, arguments: false, tips: [], ...extra };
}

function open(id: string, text: string, extra: Partial<Omit<OpenQuestion, 'id' | 'text'>> = {}): OpenQuestion {
  return { id, text, tips: [], ...extra };
}

/** Paragraphs of the guide joined as one text (the word-for-word test checks each paragraph). */
const paragraphs = (...texts: string[]): string => texts.join('\n\n');

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** "Lien vers les vidéos en ligne" (FORMULE CAFÉ VIRTUEL). */
export const PLAYLIST_URL = 'https://www.youtube.com/playlist?list=PLXxl21OaojlyAwX-Tg1m-z4NYKx11cI3l';
const DATA_GOUV = link('data.gouv.fr', 'https://data.gouv.fr');
const PLAYLIST = link('Lien vers les vidéos en ligne', PLAYLIST_URL);

// ---------------------------------------------------------------------------------------------
// "TOUS LES CONSEILS ET RETOURS D'EXPÉRIENCE DES ANIMATEURS ET ANIMATRICES DE CAFÉS DE LA DATA
// ET DE L'IA"
// ---------------------------------------------------------------------------------------------

/**
 * The first START_TIP_COUNT general tips are the five "retours d'expérience" the facilitator is
 * shown when every café starts; the others (the Tchapp community, the communication before the
 * café) are for the preparation.
 */
export const START_TIP_COUNT = 5;

const generalTips: Tip[] = [
  retour('La convivialité importe plus que le lieu !',
    "Prévoyez du café (ou du thé), voire des choses à grignoter pour vous assurer que tout le monde soit à l'aise."),
  retour("Brisez la glace dès les premiers moments de l'échange !",
    "Les premières prises de paroles sont toujours les plus difficiles. N'hésitez pas à commencer votre échange avec une activité ludique."),
  retour('Osez vous lancer sans douter de votre légitimité !',
    "Animer un temps d'échange autour de la technologie n'est pas seulement réservé aux personnes expertes. Si vous trouvez un intérêt dans ce sujet, ne doutez plus et lancez-vous !"),
  retour('Privilégiez les interactions !',
    "Bien que de nombreuses informations soient partagées durant le café, il ne faut pas donner l'impression qu'il s'agit d'une conférence. Les interactions avec et entre les participants doivent sans cesse être encouragées."),
  retour('Appuyez-vous sur les conseils des autres animateurs et animatrices.',
    "Il ne faut pas hésiter à demander de l'aide auprès de personnes ayant déjà de l'expérience dans l'animation de ces temps d'échange."),
  astuce('retrouvez la communauté DATAcculturation sur Tchapp pour échanger avec des animateurs/animatrices de cafés de la data'),
  retour('Utilisez la communication en amont pour séduire un plus large public !',
    "Ces temps d'appropriation collective de la technologie peuvent parfois être considérés de l'extérieur comme des temps experts. Bien expliquer qu'ils s'adressent à toutes et tous, sans prérequis, est important."),
];

// ---------------------------------------------------------------------------------------------
// "FORMULE CAFÉ VIRTUEL"
// ---------------------------------------------------------------------------------------------

const VIEWING_ADVICE = "Vous pouvez aussi partager le lien vers la ou les vidéos dans la messagerie instantanée de l'outil et demander à tout le monde de couper son micro et de signaler par un message quand il ou elle a fini le visionnage (prévoir entre 2 et 5 min).";

const CRAZY_JOBS_EN_LIGNE = 'écrivez tous les crazy jobs sur un support projeté à l\'écran, laissez les participantes et participants choisir le job qui leur convient le mieux et donnez-leur la parole tour à tour pour s\'exprimer.';

const virtual: Content['virtual'] = {
  maxMinutes: 45,
  people: "Jusqu'à 20 personnes",
  advice: [
    conseil(
      // Typo fixes: "temps préparation", "test des outils diffusion des liens".
      "Organiser un café de la data ou de l'IA en visio demande un peu plus de temps de préparation que pour un café classique : choix et test des outils, diffusion des liens de visioconférence, préparation de supports à diffuser à l'écran, etc.",
      { title: 'Avant de vous lancer' }),
    conseil(
      `Ne négligez pas ces étapes ! Réfléchissez aussi à la manière dont vous allez diffuser la ou les vidéos pendant le café virtuel : tous les outils de visioconférence ne permettent pas de diffuser des vidéos. ${VIEWING_ADVICE}`,
      { title: 'Avant de vous lancer' }),
    conseil(
      "Enfin, les cafés organisés en visio sont en général moins conviviaux que les cafés en présentiel : tout le monde n'active pas sa caméra, les participants/participantes ont tendance à réagir dans le chat plutôt qu'à prendre la parole. En tant qu'animateur ou animatrice, vous devrez sans doute vous montrer encore plus dynamique que pendant un café en présentiel !",
      { title: 'Avant de vous lancer' }),
    astuce(paragraphs(
      "identifiez le niveau de votre audience en posant la question dans votre formulaire d'inscription avant la visio !",
      'Vous adapterez ainsi mieux votre animation.')),
    conseil(paragraphs(
      "Toutes les animations proposées dans le guide, sauf le placement dans l'espace, sont transposables à distance ! Beaucoup d'outils de visio permettent de créer des sondages interactifs en direct, comme webinaire de l'État, et ainsi de poser des questions en direct.",
      `Vous pouvez par exemple utiliser ces modules pour l'ice breaker Ma donnée, Madonna ou les deux. Pour le ice breaker Crazy jobs, astuce : ${CRAZY_JOBS_EN_LIGNE}`),
    { title: 'Adaptation des ice breakers' }),
    conseil('là encore, tout le contenu est transposable en ligne.', { title: 'Adaptation des introductions thématiques' }),
    astuce(paragraphs(
      'comme vous n\'aurez pas à votre disposition de tableau blanc ou de paper board comme en salle, préparer des éléments de présentation sur un support projeté en séance.',
      'Le contenu présenté sera ainsi plus interactif et visuel !')),
    conseil(paragraphs(
      "Pour visionner une ou plusieurs vidéos : si l'outil de visio que vous avez choisi permet le partage d'écran et de diffuser en direct une vidéo, sans trop en dégrader la qualité sonore et visuelle, vous pouvez visionner une vidéo DATAcculturation.",
      'Nous vous recommandons néanmoins de partager le ou les liens Youtube des vidéos disponibles sur la page Archipel, ou tout autre lien si vous hébergez vous-mêmes les vidéos.',
      'Diffusez le lien dans le chat de votre outil de visio et demandez aux participantes et participants, en coupant leurs micros, de regarder la vidéo choisie. Vous pourrez en parler ensuite.'),
    { links: [PLAYLIST] }),
    conseil(
      // Typo fix: "si vous choisissiez une séquence Débat".
      "Pour les formules americano, plusieurs possibilités : si vous choisissez une séquence Débat (page 29), vous pouvez inscrire la question ou l'affirmation débattue sur un support projeté à l'écran, ou dans le chat de la visio, ou l'énoncer à l'oral et ensuite animer la séquence d'échanges ;",
      { title: 'Séquences collectives' }),
    conseil(
      "si vous choisissez la séquence Ma journée d'agent (page 27), il vous faudra préparer une séquence interactive sur un outil collaboratif en ligne, permettant par exemple d'utiliser un tableau blanc ou des post-it. La séquence vous demandera plus de préparation en amont du café, pour préparer les différents panneaux et post-it en couleurs.",
      { title: 'Séquences collectives' }),
    conseil(
      "Là encore, à vous de préparer le contenu que vous souhaitez présenter. Vous pouvez également partager votre écran pour naviguer sur des plateformes de partage de données et montrer des exemples aux participantes et participants.",
      { title: 'Ouverture' }),
    astuce('consulter la PARTIE 2 du guide pour trouver des ressources complémentaires et des liens à partager !'),
  ],
};

// ---------------------------------------------------------------------------------------------
// PARTIE 2 — "LES VIDÉOS DATAACULTURATION"
// ---------------------------------------------------------------------------------------------

const videos: Video[] = [
  {
    id: 'donnee-open-data',
    title: "La donnée et l'open data : la donnée par et pour le service public",
    url: PLAYLIST_URL,
    objectives: [
      objectif(
        'prendre conscience que nous utilisons et produisons des données au quotidien, aussi bien dans notre vie professionnelle que dans notre vie personnelle.',
        'La vidéo propose de suivre Karine, agent en préfecture, dans son quotidien au travail et dans sa vie privée. Ce point de vue rend les notions abordées concrètes. Comme Karine, nous produisons des données au quotidien : sur notre lieu de travail (pointage horaires), dans les transports (validation des titres) ou dans notre sphère (navigation internet).'),
      objectif(
        "introduire des éléments sur la politique d'open data et ses enjeux.",
        paragraphs(
          "Toutes les données produites et utilisées ne sont pas des données publiques ni même des données ouvertes, au sens de l'open data.",
          'La vidéo présente néanmoins, à partir de certains types de données publiques, les enjeux liés à leur ouverture, leur partage et leur réutilisation.')),
    ],
  },
  {
    id: 'donnees-personnelles',
    title: 'Les données personnelles sont-elles publiques ?',
    url: PLAYLIST_URL,
    objectives: [
      objectif(
        "permettre d'identifier et de différencier nos données personnelles et nos données sensibles.",
        'La vidéo donne plusieurs exemples de ces types de données pour aider à prendre conscience de leur utilisation et de leur partage dans nos vies quotidiennes.'),
      objectif(
        'rassurer et ouvrir le champ des possibles dans le partage des données, y compris à caractère personnel.',
        "En effet, nos données personnelles font l'objet d'une protection renforcée, tout particulièrement quand les données sont identifiées comme sensibles. Ce ne sont pas des données publiques, elles ne peuvent donc pas être rendues publiques, comme sur la plateforme data.gouv.fr, du moins pas avant d'avoir réalisé certains traitements (voir ci-après)."),
    ],
  },
  {
    id: 'collectivites',
    title: 'Collectivités territoriales et open data, une histoire de transparence',
    url: PLAYLIST_URL,
    objectives: [
      objectif(
        "incarner les principes de transparence de l'action publique et de confiance des citoyens/citoyennes, par la donnée.",
        'Là encore, on suit Stéphane, un secrétaire de mairie, dans une de ses tâches quotidiennes. Il se sert des outils mis à disposition par Mégalis pour publier certaines données de sa commune : les délibérations du conseil municipal, les budgets.'),
      objectif(
        "montrer les effets de l'ouverture des données publiques.",
        // Typo fix: "mêmes celles non concernées".
        "L'exemple de la Bretagne montre que les collectivités, même celles non concernées par l'obligation réglementaire (communes de +3500 habitants uniquement), choisissent de partager en open data leurs documents et certaines de leurs données."),
    ],
  },
  {
    id: 'ban',
    title: "La base adresse nationale : quand la donnée vous donne l'adresse",
    url: PLAYLIST_URL,
    // Part 2 gives this video no "Objectif n°…" heading: its opening sentence says what it is for.
    objectives: [
      objectif(undefined,
        "Cette vidéo, à travers les exemples des bases adresses locales et de la base adresse nationale, illustre les enjeux de l'ouverture et de la mise à jour continue des données (ici, les adresses). Il est ici question des adresses référencées sur l'ensemble du territoire et de leur traduction en données géolocalisables."),
    ],
  },
  {
    id: 'geodae',
    title: "La base Géo'DAE : quand l'open data sauve des vies",
    url: PLAYLIST_URL,
    // Part 2 gives this video no "Objectif n°…" heading: its opening sentence says what it is for.
    objectives: [
      objectif(undefined,
        'Cette vidéo illustre un exemple de partage et de réutilisation de données dans le domaine de la santé : la localisation des défibrillateurs automatiques externes (DAE) sur le territoire (établissements recevant du public ou ERP).'),
    ],
  },
  {
    id: 'data-ia',
    title: 'Data et IA : des outils au service des agents publics (en 2 parties)',
    url: PLAYLIST_URL,
    objectives: [
      objectif(
        "faire prendre conscience que l'IA ne date pas d'hier et qu'elle est déjà présente partout (ou presque) dans nos vies quotidiennes.",
        "La vidéo l'illustre par quelques exemples de la vie quotidienne : la reconnaissance faciale pour déverrouiller nos téléphones (existe depuis 2017 sur l'iPhone), les algorithmes de suggestion de lecture, playlists ou de publicités ciblées sur les sites marchands, réseaux sociaux ou applications musicales, etc."),
      objectif(
        "expliquer ce qu'est l'IA de façon claire et simple.",
        "La vidéo ne donnera pas une vision très technique de ce qu'est l'IA. Pour cela, des ressources complémentaires sont proposées à la fin de ce guide. En revanche, elle permet d'expliquer simplement comment certains types d'IA fonctionnent, notamment par apprentissage supervisé. Elle explique aussi pourquoi on entend beaucoup plus parler d'IA depuis les années 2000 et 2020 : production et analyse de quantités de données de plus en plus massives (big data), capacités de calcul décuplées, etc."),
      objectif(
        "illustrer les usages de l'IA déjà en cours dans les services publics et les démythifier pour les agents publics",
        paragraphs(
          "La vidéo illustre différents usages de l'IA déjà mis en œuvre dans les administrations et les services publics :",
          "- transports : l'IA pour informer sur l'affluence à bord des transports en commun ; on peut utiliser différentes sources de données comme le pointage des cartes de transport, l'achat de tickets à la borne, le poids à l'essieu, les informations transmises par les passagers en direct pour ensuite prédire les périodes d'affluence à bord et donner des indications aux voyageurs et voyageuses ;",
          "- connaissance du territoire (occupation du sol à grande échelle) : l'IA peut aider à modéliser, à cartographier avec plus de précision le territoire, en s'entraînant à distinguer les différents types d'objets : bâti, végétation, types de sols, etc. Elle peut ensuite les cataloguer précisément et croiser les résultats avec d'autres sources de données pour améliorer la connaissance de tout le territoire ;",
          "- automatisation des tâches répétitives, réduction des opérations chronophages, aide à la décision : l'IA est utilisée pour synthétiser, résumer des documents et proposer des brouillons de réponses, comme supports d'aide à la décision. L'IA peut ainsi permettre aux agents de dégager du temps pour se concentrer sur d'autres tâches : conseil, négociation, travail collaboratif, etc.")),
      objectif(
        'pas d’IA sans data',
        'Pourquoi produire une vidéo sur l’IA dans le dispositif DATAcculturation ? Compléter le dispositif par cette vidéo émane d’un réel besoin afin de répondre aux questions des agents publics sur les différents usages des données. L’IA est un sujet d’actualité pour les agents, aussi bien dans leurs vies professionnelles que personnelles. Il a dès lors semblé important d’aborder le sujet de l’IA sous l’angle des liens indéfectibles qu’elle entretient avec les données.'),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

// --- Ice breaker "Ma donnée, Madonna ou les deux" (FORMULE 1, page 18) ------------------------

const MADONNA_CHOICES: Choice[] = [
  { id: 'donnee', label: 'Ma donnée' },
  { id: 'madonna', label: 'Madonna' },
  { id: 'les-deux', label: 'Les deux' },
];
type MadonnaAnswer = 'donnee' | 'madonna' | 'les-deux';
const madonna = (id: string, text: string, correct: MadonnaAnswer[], answerText: string): Question =>
  poll(id, text, MADONNA_CHOICES, { correct, answerText });

const madonnaActivity: Activity = {
  id: 'madonna',
  kind: 'polls',
  title: 'Ma donnée, Madonna ou les deux',
  description: "Cet ice breaker se présente comme un quiz simple où, à chaque affirmation, il faut déterminer s'il s'agit d'un sujet relatif à la donnée, à Madonna ou aux deux à la fois (ma donnée et Madonna).",
  planned: { min: 5, max: 10 },
  tips: [
    retour("Brisez la glace dès les premiers moments de l'échange !", paragraphs(
      'Les premières prises de paroles sont toujours les plus difficiles.',
      "N'hésitez pas à commencer votre échange avec une activité ludique.")),
  ],
  questions: [
    madonna('annees-80', 'On en parlait moins dans les années 80', ['donnee'], 'ma donnée'),
    madonna('michigan', 'Elle est née dans le Michigan', ['madonna'], 'Madonna'),
    madonna('nuages', 'Elle est de plus en plus souvent dans les nuages', ['les-deux'], 'les deux'),
    madonna('controler', 'Il faut régulièrement la contrôler', ['donnee'], 'ma donnée'),
    madonna('unique', 'Elle est unique', ['madonna'], 'Madonna'),
    madonna('en-vogue', 'Elle est en vogue', ['les-deux'], 'les deux'),
    madonna('place', 'Elle prend de la place', ['donnee'], 'ma donnée'),
    madonna('traces', "Il faut faire attention aux traces qu'elle peut laisser", ['donnee'], 'ma donnée'),
    madonna('ma-vie', 'Elle fait partie de ma vie', ['donnee', 'les-deux'], 'ma donnée ou les deux'),
    madonna('chiffre', 'Elle génère beaucoup de chiffre', ['les-deux'], 'les deux'),
    madonna('milliard', "A rapporté plus d'un milliard de dollars de recette", ['les-deux'], 'les deux'),
  ],
};

// --- Ice breaker "placement dans l'espace" (Americano avec sucre) -----------------------------

const PLACEMENT_CHOICES: Choice[] = [
  { id: 'accord', label: "Plutôt d'accord" },
  { id: 'pas-accord', label: "Plutôt pas d'accord" },
];
const placement = (id: string, text: string): Question => poll(id, text, PLACEMENT_CHOICES);

const placementActivity: Activity = {
  id: 'placement',
  kind: 'polls',
  title: "Placement dans l'espace",
  planned: { min: 5, max: 10 },
  tips: [
    astuce(paragraphs(
      'avant de vous lancer, distinguez données personnelles et données sensibles avec votre groupe.',
      "Vous pouvez soit leur demander s'ils connaissent la différence et peuvent citer des exemples. Si non, vous leur en donnez.")),
    astuce(paragraphs(
      "Données à caractère personnel : il s'agit de données permettant d'identifier directement ou indirectement une personne physique. C'est par exemple l'adresse, le numéro de téléphone, le numéro de sécurité sociale, une photo, etc.",
      "Données sensibles : il s'agit d'une catégorie de données à caractère personnel. C'est par exemple l'origine ethnique, les opinions politiques, convictions religieuses, les données concernant l'orientation sexuelle, etc. Le RGPD interdit leur collecte et leur traitement, sauf dans des cas très précis : si la personne a donné son accord explicite, si les données ont été rendues publiques par la personne concernée, si ces données sont nécessaires à la sauvegarde de la vie humaine, si leur utilisation est justifiée par l'intérêt public et validé par la CNIL, etc.",
      'Pour consulter la liste complète, rendez-vous sur le site de la CNIL :'), {
      title: 'distinguer les données à caractère personnel des données sensibles : quelques exemples.',
      links: [
        link('Données sensibles', 'https://www.cnil.fr/fr/definition/donnee-sensible'),
        link('Données à caractère personnel', 'https://www.cnil.fr/fr/cnil-direct/question/une-donnee-caractere-personnel-cest-quoi'),
      ],
    }),
    consigne("Une fois chaque participant placé, n'hésitez pas à lancer le débat en leur demandant pourquoi ils s'y sont placés."),
  ],
  questions: [
    placement('google-nom', "J'ai déjà tapé mon prénom et mon nom dans une barre de recherche Google."),
    placement('cookies', 'Je suis du genre à accepter facilement les cookies.'),
    placement('donnees-sensibles', "Les données sensibles, je n'en produis pas dans le cadre de mon travail."),
    placement('service-informatique', "C'est principalement le service informatique qui doit gérer le sujet de la donnée."),
    placement('geolocalisation', "J'ai déjà bloqué l'accès aux données de géolocalisation sur mon téléphone."),
    placement('publicite-ciblee', 'Je connais le concept de publicité ciblée.'),
    placement('rien-a-cacher', "Je n'ai rien à cacher."),
    placement('google-ex', "J'ai déjà googlé une/un ex."),
    placement('reseaux-prives', 'Mes comptes sur les réseaux sociaux sont en mode « privé ».'),
  ],
};

// --- Ice breaker "les crazy jobs sur la donnée" (Americano sans sucre, cartes en annexe) -------

const crazyJobsActivity: Activity = {
  id: 'crazy-jobs',
  kind: 'pick',
  title: 'Les crazy jobs sur la donnée',
  description: 'Les participants/participant.es doivent choisir un crazy job ou travail fou parmi ceux proposés dans la liste ci-après.',
  planned: { min: 5, max: 10 },
  tips: [
    consigne("Donnez leur quelques instants pour imaginer leur travail quotidien ou justifier leur choix, puis invitez les à s'exprimer tour à tour."),
    conseil("cet ice breaker fait appel à l'imagination et suppose de faire un pas de côté car les jobs proposés n'ont a priori aucun sens sur le papier. Donnez l'exemple en choisissant vous-même un crazy job et en passant au tableau en premier ! Un même crazy job peut être choisi par plusieurs personnes."),
    astuce('une liste enrichie de crazy jobs est disponible en annexe de ce guide. Vous pouvez même imprimer et découper les crazy jobs sous forme de cartes ! Rendez-vous pages 43-44 et sur le site du Lab Archipel pour télécharger le support.'),
    astuce(CRAZY_JOBS_EN_LIGNE),
  ],
  // The six of the "Liste des crazy jobs" (their wording, first letter capitalised as on the cards),
  // then the four that only appear on the annex cards "CARTES CRAZY JOBS".
  items: [
    { id: 'passeur-aspirateur', label: "Passeur/passeuse d'aspirateur à données" },
    // Typo fix: "gardiennne".
    { id: 'gardien-coffre-fort', label: 'Gardien/gardienne de coffre-fort de données personnelles' },
    { id: 'inventeur-mots-de-passe', label: 'Inventeur/inventrice de mots de passe inviolables' },
    { id: 'sculpteur-profil', label: 'Sculpteur/sculptrice de profil en ligne' },
    { id: 'inspecteur-cookies', label: 'Inspecteur/inspectrice à cookies' },
    { id: 'historien-historiques', label: "Historien/historienne d'historiques internet" },
    { id: 'plieur-courriels', label: 'Plieur ou plieuse de courriels' },
    { id: 'liberateur-donnees', label: 'Libérateur ou libératrice de données enfermées' },
    { id: 'plombier-flux', label: 'Plombier ou plombière de flux de données' },
    { id: 'trafiquant-donnees', label: 'Trafiquant ou trafiquante de données frelatées' },
  ],
  turns: true,
};

// --- Introduction thématique: the videos ---------------------------------------------------

const videoActivity = (id: string, videoIds: string[], planned: { min: number; max: number }): Activity => ({
  id,
  kind: 'video',
  title: 'Introduction thématique',
  planned,
  tips: [],
  videos: videoIds,
  viewingMinutes: 5,
  viewingAdvice: VIEWING_ADVICE,
});

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

const DEBAT_CHOICES: Choice[] = [
  { id: 'accord', label: "D'accord" },
  { id: 'pas-accord', label: "Pas d'accord" },
];
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
    conseil('Selon la durée de votre café et les échanges au sein du groupe, vous pouvez aborder plus ou moins de thèmes. Vous pouvez également enrichir la liste des affirmations !'),
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
  // Typo fix: "participants/participantantes".
  text: "À la fin de l'exercice, synthétisez les principaux arguments échangés au cours des échanges. Reformulez-les avec le groupe si besoin. Vous pouvez demander aux participants/participantes ce que l'atelier leur a apporté.",
  links: [],
};

// --- Ouverture ------------------------------------------------------------------------------

const ouvertureAmericanoActivity: Activity = {
  id: 'ouverture-americano',
  kind: 'text',
  title: 'Ouverture',
  // The guide gives no duration: "Si vous avez encore quelques minutes…".
  planned: { min: 0, max: 5 },
  tips: [
    astuce('consulter la PARTIE 2 du guide pour trouver des ressources complémentaires et des liens à partager !'),
  ],
  // "Fin du café de la data" (Ristretto sans sucre) then the virtual café's "Ouverture".
  text: paragraphs(
    'Si vous avez encore quelques minutes, vous pouvez continuer à échanger sur le sujet, montrer des ressources disponibles sur le site data.gouv.fr par exemple.',
    'Vous pouvez enfin conclure le café de la data en recommandant au groupe de visionner les autres vidéos du projet DATAcculturation (annoncez les thématiques abordées).',
    'Vous pouvez également partager votre écran pour naviguer sur des plateformes de partage de données et montrer des exemples aux participantes et participants.'),
  links: [DATA_GOUV, PLAYLIST],
};

const activities: Activity[] = [
  madonnaActivity,
  placementActivity,
  crazyJobsActivity,
  ...videoActivities,
  journeeAgentActivity,
  syntheseJourneeActivity,
  debatActivity,
  syntheseDebatActivity,
  ouvertureAmericanoActivity,
];

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

/** "ASTUCE : adaptez le café de la data ou de l'IA à votre structure, service, administration !" and the profiles advice. */
const adaptTips: Tip[] = [
  astuce(paragraphs(
    "Chaque café peut être adapté à votre environnement professionnel. Vous pouvez ainsi présenter des cas d'usage, des exemples de réutilisations de la donnée ou des outils d'IA issus de votre périmètre ministériel, de votre établissement, service ou de votre collectivité.",
    "Vous pouvez aussi trouver un jeu de données ou une réutilisation adaptée à vos besoins sur data.gouv.fr !"), {
    title: "adaptez le café de la data ou de l'IA à votre structure, service, administration !",
    links: [DATA_GOUV],
  }),
  tip('bon-a-savoir',
    'il existe des plateformes de données publiques ouvertes dans chaque région de France. Vous pouvez donc trouver des exemples adaptés à votre territoire presque partout !', {
      links: [link("l'Afigéo", 'https://www.afigeo.asso.fr/publication-les-plateformes-territoriales-de-donnees-geographiques-etat-des-lieux-enjeux-et-perspectives-2023/')],
    }),
  conseil(paragraphs(
    'Identifiez bien les profils des agents qui composeront votre café : sont-ils novices sur le sujet ou déjà un peu (voire très) avertis ?',
    'Posez la question à vos collègues lorsque vous les invitez à participer à votre café de la data pour adapter votre animation et ajuster les éléments présentés.')),
];

const AMERICANO = {
  id: 'americano',
  duration: 'entre 30 minutes et 1 heure',
  people: 'de 5 à 20 personnes',
};

const americanoAvecSucre: Formula = {
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

const americanoSansSucre: Formula = {
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

// ---------------------------------------------------------------------------------------------

export const guideFr: Content = {
  playlistUrl: PLAYLIST_URL,
  generalTips,
  virtual,
  videos,
  activities,
  formulas: [americanoAvecSucre, americanoSansSucre],
};
