/**
 * The shape of the guide's decision tree as `/menu` shows it, one object per language: the
 * French is the guide's own text, word for word; the English (menuTree.en.ts) is Barista's
 * rendering of the same tree, so that an English card is English from top to bottom.
 */
export interface MenuTree {
  title: string;
  organise: { question: string; yes: string; no: string };
  long: { question: string; yes: string; no: string };
  audience: {
    question: string;
    novice: { label: string; answer: string };
    averti: { label: string; answer: string };
    intermediaire: { label: string; answer: string };
  };
  online: { question: string; virtual: string; astuceLabel: string; astuce: string };
}

/**
 * "ANIMER UN CAFÉ DE LA DATA OU DE L'IA EN UN COUP D'ŒIL..." (L179–224): the guide's decision tree,
 * word for word (the printed guide's page references are left out: in Teams, Barista proposes the
 * formula). `/menu` walks it as a card; the recommendation itself is the pure `recommend` of the
 * domain.
 */
export const menuTreeFr: MenuTree = {
  title: "Animer un café de la data ou de l'IA en un coup d'œil...",
  // L181–190: the tree's first question and its two answers.
  organise: {
    question: "Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ?",
    yes: "C'est parti ! Voyons ensemble comment vous aider à choisir le format adapté...",
    no: 'Ce livret peut quand même vous intéresser...',
  },
  // L192–202.
  long: {
    question: 'Avez-vous plus de 30 minutes pour animer votre café ?',
    yes: 'Les formules Americano et Cappuccino sont faites pour vous !',
    no: 'Les formules Ristretto sont faites pour vous !',
  },
  // L204–222.
  audience: {
    question: 'Le public qui assistera à votre café sera plutôt...',
    novice: { label: "Novice sur la data ou l'IA", answer: 'Les formules « avec sucre » sont faites pour vous !' },
    averti: { label: "Déjà averti sur la data ou l'IA", answer: 'Les formules « sans sucre » sont faites pour vous !' },
    intermediaire: { label: "De niveau intermédiaire sur la data et l'IA", answer: 'Les formules Cappuccino sont faites pour vous' },
  },
  // L224's ASTUCE, and the Café virtuel's summary (L402–406).
  online: {
    question: "vous souhaitez organiser un café de la data ou de l'IA à distance et en visio ?",
    virtual: "Vous souhaitez réunir des collègues partout en France, dans votre région ou en télétravail ? Cette nouvelle formule vous propose d'adapter les menus existants pour un café de la data 100 % en ligne !",
    astuceLabel: 'Astuce',
    astuce: 'lors de l\'inscription à votre café en ligne, demandez aux participants et participantes leur niveau pour mieux adapter votre animation.',
  },
};
