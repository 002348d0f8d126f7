import type { CafesMap, Content, Tip } from '../schema';
import { CRAZY_JOBS_EN_LIGNE, DATA_GOUV, PARTIE_2_ASTUCE, PLAYLIST, VIEWING_ADVICE, astuce, consigne, link, paragraphs, retour, tip } from './build';

// ---------------------------------------------------------------------------------------------
// "TOUS LES CONSEILS ET RETOURS D'EXPÉRIENCE DES ANIMATEURS ET ANIMATRICES DE CAFÉS DE LA DATA
// ET DE L'IA"
// ---------------------------------------------------------------------------------------------

/**
 * All of them reach the facilitator, in the preparation the menu card gives: the retours
 * d'expérience, the Tchapp community and the communication before the café.
 */
export const generalTips: Tip[] = [
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
// "DÉCOUVREZ LA CARTE DES CAFÉS DE LA DATA ORGANISÉS PEUT-ÊTRE PRÈS DE CHEZ VOUS..."
// ---------------------------------------------------------------------------------------------

const CONTACT = 'justine.sperandio-martinez@auvergne-rhone-alpes.gouv.fr';
const UMAP = 'https://umap.openstreetmap.fr/fr/map/dataacculturation-cafes-de-la-data-organises-en-fra_1002168#6/47.160/3.494';

/** The collaborative map of the cafés and its contact: shown where the network report is offered. */
export const cafesMap: CafesMap = {
  title: 'DÉCOUVREZ LA CARTE DES CAFÉS DE LA DATA ORGANISÉS PEUT-ÊTRE PRÈS DE CHEZ VOUS...',
  text: `La carte est collaborative, en édition libre. Si vous animez un café de la data dans votre structure, n'hésitez pas à l'ajouter sur la carte directement ou à contacter ${CONTACT} pour toute demande.`,
  links: [link(UMAP, UMAP), link(CONTACT, `mailto:${CONTACT}`)],
};

// ---------------------------------------------------------------------------------------------
// "FORMULE CAFÉ VIRTUEL": its paragraphs under the guide's headings (Avant de vous lancer,
// Séquences collectives…) are no Conseil box: `consigne`, labelled by the heading.
// ---------------------------------------------------------------------------------------------


/** "Séquences collectives" of the virtual café, for the Ristretto quizzes. */
export const RISTRETTO_EN_LIGNE: Tip = consigne(
  "Pour les formules ristretto, les quiz sont facilement adaptables en ligne : utilisez des sondages interactifs si votre outil de visio en propose (ex : webinaire de l'État) ou préparez les questions sur un support projeté à l'écran et demandez aux participants et participantes de répondre dans le chat ou à l'oral.",
  { title: 'Séquences collectives' });

export const virtual: Content['virtual'] = {
  maxMinutes: 45,
  people: "Jusqu'à 20 personnes",
  material: 'un ordinateur, une connexion internet, un support de présentation, éventuellement un outil collaboratif en ligne si vous en maîtrisez un (post-it, tableau blanc, etc.).',
  advice: [
    consigne(
      // Typo fixes: "temps préparation", "test des outils diffusion des liens".
      "Organiser un café de la data ou de l'IA en visio demande un peu plus de temps de préparation que pour un café classique : choix et test des outils, diffusion des liens de visioconférence, préparation de supports à diffuser à l'écran, etc.",
      { title: 'Avant de vous lancer' }),
    consigne(
      `Ne négligez pas ces étapes ! Réfléchissez aussi à la manière dont vous allez diffuser la ou les vidéos pendant le café virtuel : tous les outils de visioconférence ne permettent pas de diffuser des vidéos. ${VIEWING_ADVICE}`,
      { title: 'Avant de vous lancer' }),
    consigne(
      "Enfin, les cafés organisés en visio sont en général moins conviviaux que les cafés en présentiel : tout le monde n'active pas sa caméra, les participants/participantes ont tendance à réagir dans le chat plutôt qu'à prendre la parole. En tant qu'animateur ou animatrice, vous devrez sans doute vous montrer encore plus dynamique que pendant un café en présentiel !",
      { title: 'Avant de vous lancer' }),
    astuce(paragraphs(
      "identifiez le niveau de votre audience en posant la question dans votre formulaire d'inscription avant la visio !",
      'Vous adapterez ainsi mieux votre animation.')),
    consigne(paragraphs(
      "Toutes les animations proposées dans le guide, sauf le placement dans l'espace, sont transposables à distance ! Beaucoup d'outils de visio permettent de créer des sondages interactifs en direct, comme webinaire de l'État, et ainsi de poser des questions en direct.",
      `Vous pouvez par exemple utiliser ces modules pour l'ice breaker Ma donnée, Madonna ou les deux. Pour le ice breaker Crazy jobs, astuce : ${CRAZY_JOBS_EN_LIGNE}`),
    { title: 'Adaptation des ice breakers' }),
    consigne('là encore, tout le contenu est transposable en ligne.', { title: 'Adaptation des introductions thématiques' }),
    astuce(paragraphs(
      'comme vous n\'aurez pas à votre disposition de tableau blanc ou de paper board comme en salle, préparer des éléments de présentation sur un support projeté en séance.',
      'Le contenu présenté sera ainsi plus interactif et visuel !')),
    consigne(paragraphs(
      "Pour visionner une ou plusieurs vidéos : si l'outil de visio que vous avez choisi permet le partage d'écran et de diffuser en direct une vidéo, sans trop en dégrader la qualité sonore et visuelle, vous pouvez visionner une vidéo DATAcculturation.",
      'Nous vous recommandons néanmoins de partager le ou les liens Youtube des vidéos disponibles sur la page Archipel, ou tout autre lien si vous hébergez vous-mêmes les vidéos.',
      'Diffusez le lien dans le chat de votre outil de visio et demandez aux participantes et participants, en coupant leurs micros, de regarder la vidéo choisie. Vous pourrez en parler ensuite.'),
    { links: [PLAYLIST] }),
    RISTRETTO_EN_LIGNE,
    consigne(
      // Typo fix: "si vous choisissiez une séquence Débat"; "(page 29)" dropped: Barista shows no page.
      "Pour les formules americano, plusieurs possibilités : si vous choisissez une séquence Débat, vous pouvez inscrire la question ou l'affirmation débattue sur un support projeté à l'écran, ou dans le chat de la visio, ou l'énoncer à l'oral et ensuite animer la séquence d'échanges ;",
      { title: 'Séquences collectives' }),
    // "(page 27)" dropped: Barista shows no page.
    consigne(
      "si vous choisissez la séquence Ma journée d'agent, il vous faudra préparer une séquence interactive sur un outil collaboratif en ligne, permettant par exemple d'utiliser un tableau blanc ou des post-it. La séquence vous demandera plus de préparation en amont du café, pour préparer les différents panneaux et post-it en couleurs.",
      { title: 'Séquences collectives' }),
    consigne(
      "Là encore, à vous de préparer le contenu que vous souhaitez présenter. Vous pouvez également partager votre écran pour naviguer sur des plateformes de partage de données et montrer des exemples aux participantes et participants.",
      { title: 'Ouverture' }),
    astuce(PARTIE_2_ASTUCE),
  ],
};

/** "ASTUCE : adaptez le café de la data ou de l'IA à votre structure, service, administration !" and the profiles advice. */
export const adaptTips: Tip[] = [
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
  // The guide's bold sentences of "LES FORMULES", not a Conseil box.
  consigne(paragraphs(
    'Identifiez bien les profils des agents qui composeront votre café : sont-ils novices sur le sujet ou déjà un peu (voire très) avertis ?',
    'Posez la question à vos collègues lorsque vous les invitez à participer à votre café de la data pour adapter votre animation et ajuster les éléments présentés.')),
];

