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
} as const;
