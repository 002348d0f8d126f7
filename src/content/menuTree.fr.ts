/**
 * "ANIMER UN CAFÉ DE LA DATA OU DE L'IA EN UN COUP D'ŒIL...": the guide's decision tree, word for
 * word (the printed guide's page references are left out: in Teams, Barista proposes the formula).
 * `/menu` walks it as a card; the recommendation itself is the pure `recommend` of the domain.
 */
export const menuTreeFr = {
  title: "Animer un café de la data ou de l'IA en un coup d'œil...",
  intro: "C'est parti ! Voyons ensemble comment vous aider à choisir le format adapté...",
  long: {
    question: 'Avez-vous plus de 30 minutes pour animer votre café ?',
    yes: 'Les formules Americano et Cappuccino sont faites pour vous !',
    no: 'Les formules Ristretto sont faites pour vous !',
  },
  audience: {
    question: 'Le public qui assistera à votre café sera plutôt...',
    novice: { label: "Novice sur la data ou l'IA", answer: 'Les formules « avec sucre » sont faites pour vous !' },
    averti: { label: "Déjà averti sur la data ou l'IA", answer: 'Les formules « sans sucre » sont faites pour vous !' },
    intermediaire: { label: "De niveau intermédiaire sur la data et l'IA", answer: 'Les formules Cappuccino sont faites pour vous' },
  },
  online: {
    question: "vous souhaitez organiser un café de la data ou de l'IA à distance et en visio ?",
    virtual: "Vous souhaitez réunir des collègues partout en France, dans votre région ou en télétravail ? Cette nouvelle formule vous propose d'adapter les menus existants pour un café de la data 100 % en ligne !",
    astuce: 'lors de l\'inscription à votre café en ligne, demandez aux participants et participantes leur niveau pour mieux adapter votre animation.',
  },
} as const;
