import type { Video } from '../schema';
import { PLAYLIST_URL, note, objectif, paragraphs } from './build';

// ---------------------------------------------------------------------------------------------
// PARTIE 2 — "LES VIDÉOS DATAACULTURATION"
// ---------------------------------------------------------------------------------------------

export const videos: Video[] = [
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
    // Part 2 gives this video no "Objectif n°…" heading: its opening sentence says what it is for
    // (a `note`: no « Objectif » badge where the guide has none).
    objectives: [
      note(
        "Cette vidéo, à travers les exemples des bases adresses locales et de la base adresse nationale, illustre les enjeux de l'ouverture et de la mise à jour continue des données (ici, les adresses). Il est ici question des adresses référencées sur l'ensemble du territoire et de leur traduction en données géolocalisables."),
    ],
  },
  {
    id: 'geodae',
    title: "La base Géo'DAE : quand l'open data sauve des vies",
    url: PLAYLIST_URL,
    // Part 2 gives this video no "Objectif n°…" heading: its opening sentence says what it is for
    // (a `note`: no « Objectif » badge where the guide has none).
    objectives: [
      note(
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

