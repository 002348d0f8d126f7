import type { Tip } from './schema';

/**
 * The custom café ("vous pouvez mixer les formules entre elles"): the guide's own words for the
 * composed formula's card and tips. The labels are Barista's.
 */
export const surMesureFr = {
  name: 'Café sur-mesure',
  audience: 'composé par vos soins',
  people: 'De 5 à 20 personnes',
  tips: [
    {
      kind: 'astuce',
      text: "si vous êtes amateur ou amatrice de café, c'est-à-dire que vous avez déjà animé des séquences d'idéation ou d'échange autour d'un sujet sur des formats similaires, vous pouvez mixer les formules entre elles !",
      links: [],
    },
    {
      kind: 'astuce',
      text: "Chaque formule proposée dans ce livret étant toujours composée de la même base (un ice breaker + une introduction thématique + une séquence interactive + une ouverture), vous pouvez tout à fait mixer les éléments et créer votre formule sur-mesure ! Et pour les baristas d'expérience, vous pouvez même vous inspirer de vos propres méthodes d'animation pour composer votre café de la data ou de l'IA !",
      links: [],
    },
  ] satisfies Tip[],
  /**
   * Barista's labels for the elements whose option label says too little out of its formula
   * (« Introduction thématique », « Séquence collective », « La BAN ») or repeats another element's
   * of the same part (« Ma donnée, Madonna ou les deux » with and without the level question), by
   * element key (`formula.variant.option`).
   */
  labels: {
    'americano.avec-sucre.crazy-jobs': 'Les crazy jobs sur la donnée',
    'cappuccino.avec-sucre.madonna': 'Votre niveau, puis Ma donnée, Madonna ou les deux',
    'cappuccino.avec-sucre.crazy-jobs': 'Votre niveau, puis les crazy jobs',
    'mousse-ia.avec-sucre.photo-langage': "Photo langage : l'IA dans les films",
    'americano.avec-sucre.les-deux': 'Les deux vidéos : open data et données personnelles',
    'cappuccino.avec-sucre.introduction': 'Introduction : 2020, big data, définitions, puis la vidéo sur la donnée et l\'open data',
    'mousse-ia.avec-sucre.open-data-puis-data-ia': "La vidéo sur la donnée et l'open data, puis la vidéo data et IA (2 parties)",
    'mousse-ia.avec-sucre.data-ia': 'La vidéo data et IA seule (2 parties), avec les définitions',
    'americano.sans-sucre.debat': "Débat : d'accord ou pas d'accord ?",
    'cappuccino.avec-sucre.debrief-debat': 'Débrief de la vidéo, définitions et débat',
    'americano.avec-sucre.synthese': "Synthèse : ce qui surprend, ce qu'on a appris",
    'americano.sans-sucre.synthese': 'Synthèse des arguments du débat',
    'cappuccino.avec-sucre.ban': 'Ouverture : la vidéo sur la base adresse nationale',
    'cappuccino.avec-sucre.geodae': "Ouverture : la vidéo sur la base Géo'DAE",
    'cappuccino.avec-sucre.collectivites': "Ouverture : la vidéo sur l'open data des collectivités",
  } as Record<string, string>,
} as const;
