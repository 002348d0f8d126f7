import type { Activity, Choice, Question } from '../schema';
import { CRAZY_JOBS_EN_LIGNE, astuce, conseil, consigne, link, paragraphs, poll, retour } from './build';

// ---------------------------------------------------------------------------------------------
// Ice breakers (la tasse)
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

export const madonnaActivity: Activity = {
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

export const placementActivity: Activity = {
  id: 'placement',
  kind: 'polls',
  title: "Placement dans l'espace",
  // L696: the guide's set-up, for the facilitator (in a room, or to say how the polls stand for it).
  facilitatorText: "Séparer l'espace en 2 zones distinctes : une zone Plutôt d'accord et une zone Plutôt pas d'accord. Vous allez alors présenter plusieurs affirmations et les personnes vont y répondre en se plaçant dans la zone correspondant à leur avis.",
  // L1071: "sauf le placement dans l'espace": Barista's polls are its adaptation, and the cards say so.
  adaptation: 'placement-poll',
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

export const crazyJobsActivity: Activity = {
  id: 'crazy-jobs',
  kind: 'pick',
  title: 'Les crazy jobs sur la donnée',
  description: 'Les participants/participant.es doivent choisir un crazy job ou travail fou parmi ceux proposés dans la liste ci-après.',
  planned: { min: 5, max: 10 },
  tips: [
    consigne("Donnez leur quelques instants pour imaginer leur travail quotidien ou justifier leur choix, puis invitez les à s'exprimer tour à tour."),
    conseil("cet ice breaker fait appel à l'imagination et suppose de faire un pas de côté car les jobs proposés n'ont a priori aucun sens sur le papier. Donnez l'exemple en choisissant vous-même un crazy job et en passant au tableau en premier ! Un même crazy job peut être choisi par plusieurs personnes."),
    astuce('une liste enrichie de crazy jobs est disponible en annexe de ce guide. Vous pouvez même imprimer et découper les crazy jobs sous forme de cartes ! Rendez-vous sur le site du Lab Archipel pour télécharger le support.'), // "pages 43-44 et" dropped: Barista shows no page, and the crazy jobs are its cards.
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

