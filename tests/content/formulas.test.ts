import { ContentSchema, findActivity, findFormula, findVideo, guideFr } from '../../src/content';
import type { Activity, Formula, OpenQuestion, Part, Question, Tip } from '../../src/content';
import { normalise, readGuide } from './guideText';

/**
 * The formulas after the Americano, read like the guide: Ristretto (page 17), Cappuccino
 * (page 30), Cappuccino à la mousse d'IA (page 34). Each quiz question's right answer is the
 * guide's; each list has the guide's count; each ASTUCE and Conseil is attached to something.
 */

function activity<K extends Activity['kind']>(id: string, kind: K): Extract<Activity, { kind: K }> {
  const a = findActivity(guideFr, id);
  if (!a) throw new Error(`activité ${id} absente`);
  expect(a.kind).toBe(kind);
  return a as Extract<Activity, { kind: K }>;
}

function formula(id: string, variant: Formula['variant'] = 'avec-sucre'): Formula {
  const f = findFormula(guideFr, id, variant);
  if (!f) throw new Error(`${id} ${variant} absent`);
  return f;
}

function part(f: Formula, id: Part['part']): Part {
  const p = f.parts.find((x) => x.part === id);
  if (!p) throw new Error(`partie ${id} absente`);
  return p;
}

function option(f: Formula, partId: Part['part'], optionId: string) {
  const o = part(f, partId).options.find((x) => x.id === optionId);
  if (!o) throw new Error(`option ${optionId} absente`);
  return o;
}

/** The questions of an option, in the order they are asked: polls and open questions mixed. */
type Asked = { kind: 'poll'; q: Question } | { kind: 'open'; q: OpenQuestion };
function asked(f: Formula, partId: Part['part'], optionId: string): Asked[] {
  return option(f, partId, optionId).activities.flatMap((id): Asked[] => {
    const a = findActivity(guideFr, id)!;
    if (a.kind === 'polls') return a.questions.map((q) => ({ kind: 'poll' as const, q }));
    if (a.kind === 'questions') return a.questions.map((q) => ({ kind: 'open' as const, q }));
    return [];
  });
}

/** The right answers' labels of a poll. */
const rightLabels = (q: Question) => q.choices.filter((c) => q.correct.includes(c.id)).map((c) => c.label);
const allTips = (a: Activity): Tip[] => [
  ...a.tips,
  ...(a.kind === 'polls' || a.kind === 'questions' ? a.questions.flatMap((q) => q.tips) : []),
];

describe('the content with every formula', () => {
  it('is valid content', () => {
    expect(ContentSchema.parse(guideFr)).toEqual(guideFr);
  });

  it('has the four formulas of the guide, each avec sucre and sans sucre', () => {
    expect(guideFr.formulas.map((f) => `${f.id} ${f.variant}`)).toEqual([
      'ristretto avec-sucre', 'ristretto sans-sucre',
      'americano avec-sucre', 'americano sans-sucre',
      'cappuccino avec-sucre', 'cappuccino sans-sucre',
      'mousse-ia avec-sucre', 'mousse-ia sans-sucre',
    ]);
  });

  it('has unique activity ids, and every formula has the four parts with existing activities', () => {
    const ids = guideFr.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of guideFr.formulas) {
      expect(f.parts.map((p) => p.part)).toEqual(['tasse', 'cafe', 'chocolat', 'sucre']);
      for (const p of f.parts) for (const o of p.options) for (const a of o.activities) expect(findActivity(guideFr, a)).toBeDefined();
    }
  });
});

describe('Ristretto avec sucre, pour les novices', () => {
  const f = formula('ristretto');

  it('lasts between 15 and 30 minutes, for 20 people at most', () => {
    expect([f.name, f.audience, f.duration, f.people]).toEqual(['Ristretto avec sucre', 'pour les novices', 'Entre 15 et 30 minutes', 'Maximum 20 personnes']);
    const total = f.parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
    expect(total).toEqual({ min: 15, max: 30 });
    expect(f.tips[0].text).toMatch(/^pour introduire les vidéos dans les différentes séquences/);
  });

  it('breaks the ice with Madonna, then shows the open-data video or the Data et IA video', () => {
    expect(part(f, 'tasse').options).toEqual([{ id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] }]);
    expect(part(f, 'cafe').options.map((o) => activity(o.activities[0], 'video').videos)).toEqual([['donnee-open-data'], ['data-ia']]);
    expect(activity('video-ristretto-open-data', 'video').planned).toEqual({ min: 5, max: 5 });
  });

  it('offers the quiz of each video, named after it', () => {
    expect(part(f, 'chocolat').options.map((o) => o.label)).toEqual([
      "Quiz de débriefing de la vidéo sur la donnée et l'open data",
      "Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle",
    ]);
    expect(part(f, 'chocolat').planned).toEqual({ min: 5, max: 10 });
  });

  describe("quiz de la vidéo sur la donnée et l'open data", () => {
    const quiz = asked(f, 'chocolat', 'quiz-open-data');

    it('asks the 4 questions in the order of the guide, the second one open, the fourth a bonus', () => {
      expect(quiz.map((x) => x.kind)).toEqual(['poll', 'open', 'poll', 'poll']);
      expect(quiz.map((x) => x.kind === 'poll' && x.q.bonus)).toEqual([false, false, false, true]);
    });

    it("Ristretto: 'Toutes les données que nous produisons…' → faux, and how to go further", () => {
      const q = quiz[0].q as Question;
      expect(q.text).toMatch(/^Toutes les données que nous produisons ou que nous utilisons/);
      expect(rightLabels(q)).toEqual(['Faux']);
      expect(q.tips[0]).toMatchObject({ kind: 'aller-plus-loin' });
      expect(q.tips[0].text).toContain('numéro de carte vitale, date de naissance');
    });

    it("Ristretto: 'Citez une donnée…' → no right or wrong answer, the guide's examples", () => {
      const q = quiz[1].q as OpenQuestion;
      expect(q.text).toBe('Citez une donnée ou type de donnée que vous produisez ou manipulez dans votre vie professionnelle (elle peut être sensible ou pas).');
      // L479–481 speaks to the facilitator: never revealed to participants.
      expect(q.answerText).toBeUndefined();
      expect(q.facilitatorAnswer).toMatch(/^Pas de réponse vraie ou fausse, on peut aider le groupe/);
      expect(q.facilitatorAnswer).toContain('pointage quotidien et horaires de travail');
    });

    it("Ristretto: 'Parmi les enjeux de l'open data… un intrus' → trouver de nouvelles sources de financement, because open data is free", () => {
      const q = quiz[2].q as Question;
      expect(q.choices).toHaveLength(4);
      expect(rightLabels(q)).toEqual(['Trouver de nouvelles sources de financement des services publics']);
      expect(q.explanation).toBe("Pourquoi est-ce une fausse réponse ? Car l'ouverture et le partage des données publiques est un principe qui repose sur le libre accès des données concernées et donc leur gratuité !");
    });

    it("Ristretto: 'La plateforme nationale des données ouvertes et publiques s'appelle...' → data.gouv.fr (bonus), with its ASTUCE", () => {
      const q = quiz[3].q as Question;
      expect(q.text).toBe("La plateforme nationale des données ouvertes et publiques s'appelle...");
      expect(rightLabels(q)).toEqual(['data.gouv.fr']);
      expect(q.bonus).toBe(true);
      expect(q.tips).toEqual([{ kind: 'astuce', text: 'vous pouvez présenter la plateforme en quelques clics au groupe.', links: [{ label: 'data.gouv.fr', url: 'https://data.gouv.fr' }] }]);
    });
  });

  describe("quiz de la vidéo sur les données et l'intelligence artificielle", () => {
    const quiz = asked(f, 'chocolat', 'quiz-data-ia');

    it('asks the 4 questions in the order of the guide, the third one open', () => {
      expect(quiz.map((x) => x.kind)).toEqual(['poll', 'poll', 'open', 'poll']);
    });

    it.each([
      [0, "L'invention de l'IA peut être datée...", 'des années 50 avec les premières recherches lancées dans le domaine'],
      [1, "L'IA est capable d'appeler un chat « un chat » sans se tromper parce que...", "On lui a appris à le faire en l'entraînant avec un grand nombre de photos de chats pour limiter ses erreurs"],
      [3, "Dans les administrations, l'IA est déjà utilisée pour beaucoup de tâches, mais pas n'importe lesquelles. Cherchez l'intrus parmi les propositions suivantes :", "l'IA prend des décisions pour soulager les responsables de service dans cette tâche"],
    ] as const)("Ristretto IA: question %d '%s' → %s", (i, text, answer) => {
      const q = quiz[i].q as Question;
      expect(q.text).toBe(text);
      expect(rightLabels(q)).toEqual([answer]);
      expect(q.answerText).toBe(answer);
    });

    it("Ristretto IA: 'Qu'est-ce que le big data ?' → « données massives », and the 5 V", () => {
      const q = quiz[2].q as OpenQuestion;
      expect(q.text).toBe("Qu'est-ce que le big data ?");
      expect(q.answerText).toMatch(/^le big data signifie littéralement « données massives »/);
      expect(q.tips.map((t) => t.text).join('\n')).toContain('volume, variété, vitesse ou vélocité, véracité et valeur');
    });
  });

  it('ends with "Fin du café de la data", and the part-2 references if the AI video was watched', () => {
    const fin = activity(part(f, 'sucre').options[0].activities[0], 'text');
    expect(fin.title).toBe('Fin du café de la data');
    // L545 speaks to the facilitator ("Si vous avez encore quelques minutes…").
    expect(fin.text).toBeUndefined();
    expect(fin.facilitatorText).toContain('annoncez les thématiques : géo DAE, base adresse nationale, données personnelles, collectivités locales et transparence');
    expect(fin.facilitatorText).toContain("Si vous avez visionné la vidéo sur les données et l'IA, servez-vous des références en partie 2 du guide");
  });
});

describe('Ristretto sans sucre, pour un public averti', () => {
  const f = formula('ristretto', 'sans-sucre');

  it('has the same ice breaker, one of the three cas d’usage videos and its quiz', () => {
    expect(f.audience).toBe('pour un public averti');
    expect(part(f, 'tasse').options[0].activities).toEqual(['madonna']);
    expect(part(f, 'cafe').options.map((o) => activity(o.activities[0], 'video').videos)).toEqual([['collectivites'], ['ban'], ['geodae']]);
    expect(part(f, 'cafe').planned).toEqual({ min: 5, max: 10 });
    // "Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café !": same ids, same order, same default.
    expect(part(f, 'chocolat').options.map((o) => o.id)).toEqual(part(f, 'cafe').options.map((o) => `quiz-${o.id}`));
    expect(part(f, 'chocolat').defaultOption).toBe(`quiz-${part(f, 'cafe').defaultOption}`);
    expect(part(f, 'chocolat').options.map((o) => o.label)).toEqual([
      'Quiz pour la vidéo Open data et collectivités territoriales : une histoire de transparence',
      'Quiz pour la vidéo La Base adresse nationale',
      "Quiz pour la vidéo La base Géo'DAE",
    ]);
    const first = activity('quiz-collectivites', 'polls');
    expect(first.tips[0].text).toContain('Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café !');
  });

  it('has 3 quizzes of 3 questions', () => {
    for (const o of part(f, 'chocolat').options) expect(asked(f, 'chocolat', o.id)).toHaveLength(3);
  });

  const answers: Array<[quiz: string, index: number, text: RegExp, answer: string[]]> = [
    ['quiz-collectivites', 0, /^La loi rend obligatoire la publication en ligne/, ['3500 habitants et plus']],
    ['quiz-collectivites', 1, /Qu'est-ce qu'une marque blanche \?$/, ["Un service ou un produit créé par une entreprise ou un organisme et mis à disposition d'autres utilisateurs gratuitement pour leur compte"]],
    ['quiz-collectivites', 2, /^La vidéo illustre le sujet de l'open data.*que dit cet article \?$/, ['La société a le droit de demander compte à tout agent public de son administration']],
    ['quiz-ban', 0, /^Qui est responsable de la mise à jour des bases adresses locales/, ['Les communes']],
    ['quiz-ban', 1, /^La BAN est accessible\.\.\.$/, ['à tout le monde et gratuitement']],
    ['quiz-ban', 2, /^Où est précisément localisée géographiquement une adresse \?$/, ['Au débouché du local sur la route la plus proche', 'À la boîte aux lettres', "À la porte d'entrée du bâtiment à localiser"]],
    ['quiz-geodae', 1, /pourquoi est-ce nécessaire d'employer ce format standard \?$/, [
      "Pour diminuer le temps de vérification et de correction des données saisies dans la base ; c'est beaucoup de travail !",
      "Pour fiabiliser le schéma de transmission des données. C'est quand même plus pratique, non ?",
      'Pour faciliter la création de services',
    ]],
    ['quiz-geodae', 2, /^L'utilisation d'un DAE lors d'un arrêt cardiaque augmente les chances de survie de\.\.\.$/, ['40 %']],
  ];
  it.each(answers)('%s, question %d: %s → %j', (quiz, i, text, answer) => {
    const q = asked(f, 'chocolat', quiz)[i];
    expect(q.kind).toBe('poll');
    expect(q.q.text).toMatch(text);
    expect(rightLabels(q.q as Question)).toEqual(answer);
  });

  it('BAN Q3: toutes les réponses sont correctes', () => {
    const q = asked(f, 'chocolat', 'quiz-ban')[2].q as Question;
    expect(q.correct).toEqual(q.choices.map((c) => c.id));
    expect(q.answerText).toBe('toutes les réponses sont correctes');
  });

  it("Géo'DAE Q2: les 3 réponses sont bonnes !", () => {
    const q = asked(f, 'chocolat', 'quiz-geodae')[1].q as Question;
    expect(q.correct).toEqual(q.choices.map((c) => c.id));
    expect(q.answerText).toBe('les 3 réponses sont bonnes !');
  });

  it("Géo'DAE Q1: 'Y a-t-il un DAE sur votre lieu de travail ?' is open, and recalls the legal obligation", () => {
    const q = asked(f, 'chocolat', 'quiz-geodae')[0];
    expect(q.kind).toBe('open');
    expect(q.q.text).toBe('Y a-t-il un DAE sur votre lieu de travail ?');
    // L626 ("Réponse : voir si les personnes répondent…") speaks to the facilitator.
    expect(q.q.answerText).toBeUndefined();
    expect(q.q.facilitatorAnswer).toContain("obligation légale pour les établissements recevant du public");
  });

  it("article 15: points at the CNIL and Cada's Guide pratique", () => {
    const q = asked(f, 'chocolat', 'quiz-collectivites')[2].q as Question;
    expect(q.tips[0].links).toEqual([{ label: 'Guide pratique rédigé par la CNIL et la Cada', url: 'https://www.cada.fr/sites/default/files/guide_pratique.pdf' }]);
  });

  it('ends with "Fin du café de la data" and the Retour d’expérience "Osez vous lancer…"', () => {
    const fin = activity(part(f, 'sucre').options[0].activities[0], 'text');
    expect(fin.title).toBe('Fin du café de la data');
    // L650 speaks to the facilitator.
    expect(fin.facilitatorText).toContain('(annoncez les thématiques abordées)');
    expect(fin.tips).toEqual([expect.objectContaining({ kind: 'retour-experience', title: 'Osez vous lancer sans douter de votre légitimité !' })]);
  });
});

describe('Cappuccino, avec ou sans sucre, pour un public mixte', () => {
  const f = formula('cappuccino');

  it('is the same café with or without sugar, between 1h and 1h15', () => {
    const sans = formula('cappuccino', 'sans-sucre');
    expect(sans.parts).toEqual(f.parts);
    expect([f.audience, f.duration, f.people]).toEqual(['pour un public mixte de novice à averti', 'Entre 1h et 1h15', 'De 5 à 20 personnes']);
    const total = f.parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
    expect(total).toEqual({ min: 60, max: 75 });
  });

  it('starts with the level board (no turns), then Madonna or the crazy jobs', () => {
    const niveau = activity('niveau', 'pick');
    expect(niveau.description).toBe('La donnée et vous... Quel est votre niveau ?');
    expect(niveau.items.map((i) => i.label)).toEqual(['Novice', 'Averti ou avertie', 'Expert ou experte']);
    expect(niveau.turns).toBe(false);
    expect(niveau.tips[0]).toMatchObject({ kind: 'astuce' });
    expect(niveau.tips[0].text).toMatch(/^pour bien identifier les niveaux de chaque participant et participante/);
    expect(part(f, 'tasse').options.map((o) => o.activities)).toEqual([['niveau', 'madonna'], ['niveau', 'crazy-jobs']]);
  });

  it('sets the scene with the big data figures: 64,2 zettaoctets, 1 suivi de 21 zéros, 23 %, 181 zettaoctets, the 5 V', () => {
    expect(part(f, 'cafe').options[0].activities).toEqual(['intro-2020', 'intro-big-data', 'definitions-donnee', 'video-cappuccino-open-data']);
    const q = activity('intro-2020', 'questions').questions[0];
    expect(q.text).toBe('En 2020 savez-vous à combien on estime le nombre de données créées et partagées dans le monde ?');
    expect(q.answerText).toBe('Le chiffre estimé est 64,2 zettaoctets.');
    expect(q.tips[0].text).toContain('1 suivi de 21 zéros');
    const text = activity('intro-big-data', 'text').text;
    for (const figure of ['23 % entre 2020 et 2025', '181 zettaoctets en 2025', 'les 5 V (volume, vitesse, variété, valeur et véracité']) expect(text).toContain(figure);
  });

  it('asks the 4 definitions before the video, without saying what is right or wrong', () => {
    const defs = activity('definitions-donnee', 'questions');
    expect(defs.questions.map((q) => q.text)).toEqual(['Donnée', 'Information', 'Donnée publique', 'Donnée ouverte']);
    expect(defs.questions.every((q) => q.answerText === undefined)).toBe(true);
    expect(defs.tips[0].text).toBe("Noter les réponses des participants et participantes au tableau sans dire si c'est juste ou faux.");
    expect(activity('video-cappuccino-open-data', 'video').videos).toEqual(['donnee-open-data']);
  });

  it("then debriefs, gives the guide's definitions and FAIR, goes further on open formats, and debates", () => {
    expect(part(f, 'chocolat').options[0].activities).toEqual(['debrief-open-data', 'definitions-open-data', 'aller-plus-loin-formats', 'debat-cappuccino']);
    expect(activity('debrief-open-data', 'questions').questions.map((q) => q.text)).toEqual(["Qu'avez-vous retenu de la vidéo ?", "Quels sont pour vous les enjeux de l'open data ?"]);
    const defs = activity('definitions-open-data', 'text');
    for (const term of ['donnée : 1 élément constitué', "information : c'est l'interprétation", "donnée publique : c'est une donnée produite", 'donnée ouverte (open data) : une donnée librement accessible']) {
      expect(defs.text).toContain(term);
    }
    expect(defs.text).toContain('- facilement trouvable ;\n- accessible ;\n- interopérable ;\n- réutilisable ;\n- + gratuite !');
    expect(defs.tips[1].links[0].url).toBe('https://www.ccsd.cnrs.fr/principes-fair');
    const plusLoin = activity('aller-plus-loin-formats', 'questions');
    expect(plusLoin.questions.map((q) => q.answerText?.slice(0, 30))).toEqual(['CSV : comma separated values →', 'Car ce sont des formats dits p']);
    expect(plusLoin.tips[0].title).toBe('Privilégiez les interactions !');
  });

  it("debates the 3 statements: d'accord or pas d'accord, with arguments", () => {
    const debat = activity('debat-cappuccino', 'polls');
    expect(debat.questions.map((q) => q.text)).toEqual([
      'Toutes les données publiques doivent être accessibles gratuitement et pour tout le monde',
      "L'open data est utile dans mon quotidien",
      "La donnée devrait être un moyen pour l'État et les collectivités publiques de trouver des sources de financement complémentaires",
    ]);
    for (const q of debat.questions) {
      expect(q.choices.map((c) => c.label)).toEqual(["D'accord", "Pas d'accord"]);
      expect(q.arguments).toBe(true);
      expect(q.correct).toEqual([]);
    }
  });

  // Its own Ouverture (L905–908), no closing borrowed from another chapter.
  it('opens with one of the three cas d’usage videos, if there is time', () => {
    const sucre = part(f, 'sucre');
    expect(sucre.options.map((o) => o.id)).toEqual(['ban', 'geodae', 'collectivites']);
    expect(sucre.options.map((o) => activity(o.activities[0], 'video').videos[0])).toEqual(['ban', 'geodae', 'collectivites']);
    expect(activity('ouverture-video-ban', 'video').tips[0].text).toBe('Si vous avez le temps, vous pouvez visionner une des trois vidéos.');
  });
});

describe("Cappuccino à la mousse d'IA", () => {
  const f = formula('mousse-ia');

  it('lasts about an hour, with or without sugar', () => {
    expect([f.duration, f.people]).toEqual(['Environ 1 heure', 'Entre 5 et 20 personnes']);
    expect(formula('mousse-ia', 'sans-sucre').parts).toEqual(f.parts);
    expect(f.tips[2].text).toContain("organisez un atelier ludique autour de la donnée et de l'IA !");
  });

  it('breaks the ice with Madonna or the photo-langage of the 10 AIs of pop culture', () => {
    expect(part(f, 'tasse').options.map((o) => o.activities)).toEqual([['madonna'], ['photo-langage']]);
    const photo = activity('photo-langage', 'pick');
    expect(photo.turns).toBe(true);
    expect(photo.items.map((i) => i.label)).toEqual([
      'Le réseau Skynet (Terminator)',
      "HAL (2001, l'Odyssée de l'espace)",
      'Samantha (HER)',
      'Viki (I, Robot)',
      'David (A.I. intelligence artificielle)',
      'Rachael (Blade Runner)',
      'J.A.R.V.I.S. (Iron Man)',
      'La Matrice (Matrix)',
      'La cyberpolicière Motoko Kusanagi (Ghost in the shell)',
      'Le robot Maria (Metropolis)',
    ]);
    // "n'oubliez pas de présenter un résumé des films proposés": each card has one.
    expect(photo.items.every((i) => (i.detail ?? '').length > 40)).toBe(true);
    expect(photo.tips.find((t) => t.kind === 'conseil')?.text).toBe("n'oubliez pas de présenter un résumé des films proposés (soit au verso des cartes soit à l'oral si vous projetez les images).");
  });

  it('introduces with the big data figures, then the open-data video and Data et IA, or Data et IA alone', () => {
    const cafe = part(f, 'cafe');
    // Data et IA in 2 parts, each debriefed, before the participative sequence is chosen (L1005–1009).
    const parts = ['video-data-ia-partie-1', 'debrief-data-ia-partie-1', 'video-data-ia-partie-2', 'debrief-data-ia-partie-2'];
    expect(cafe.options.map((o) => o.activities)).toEqual([
      ['intro-2020', 'intro-big-data', 'video-mousse-open-data', 'debrief-open-data', 'definitions-ia', 'frise-ia', ...parts],
      ['intro-2020', 'intro-big-data', 'definitions-ia', 'frise-ia', ...parts],
    ]);
  });

  it('watches Data et IA in 2 parts, with a debriefing after each', () => {
    const p1 = activity('video-data-ia-partie-1', 'video');
    const p2 = activity('video-data-ia-partie-2', 'video');
    expect([p1.title, p2.title]).toEqual(['Visionnage de la vidéo > Partie 1', 'Visionnage de la vidéo > Partie 2']);
    expect([p1.videos, p2.videos]).toEqual([['data-ia'], ['data-ia']]);
    expect(findVideo(guideFr, 'data-ia')?.title).toBe('Data et IA : des outils au service des agents publics (en 2 parties)');
    expect(p1.tips.map((t) => t.text).join('\n')).toContain("l'explication de l'apprentissage supervisé avec les photos de chats");
    for (const o of part(f, 'cafe').options) {
      expect(o.activities.slice(-4)).toEqual(['video-data-ia-partie-1', 'debrief-data-ia-partie-1', 'video-data-ia-partie-2', 'debrief-data-ia-partie-2']);
    }
  });

  it('asks the 4 definitions before the video, and gives the exact ones after Partie 1', () => {
    expect(activity('definitions-ia', 'questions').questions.map((q) => q.text)).toEqual([
      'Intelligence artificielle', 'Algorithme', 'Machine learning ou apprentissage automatique', 'IA générative',
    ]);
    const exact = activity('debrief-data-ia-partie-1', 'questions').questions;
    expect(exact.map((q) => q.text)).toEqual([
      'Algorithme', 'Pouvez-vous citer des algorithmes ?', 'Intelligence artificielle', 'Machine learning ou apprentissage autonome', 'IA générative',
    ]);
    expect(exact.map((q) => q.answerText)).toEqual([
      expect.stringMatching(/^un ensemble d'instructions conçues pour résoudre un problème\./),
      'Réponse très simple : une recette de cuisine fonctionne comme un algorithme.',
      expect.stringMatching(/^la définition donnée dans la vidéo : l'IA est un ensemble d'algorithmes conçu pour imiter l'intelligence humaine/),
      expect.stringMatching(/^certains algorithmes sont évolutifs ou apprenants/),
      expect.stringContaining("Ce sont des types d'IA qui produisent du contenu (texte, audio, vidéo, image) en réponse à un prompt"),
    ]);
  });

  it("retraces a brief timeline of AI, from Turing to generative AI", () => {
    const frise = activity('frise-ia', 'text');
    expect(frise.text?.split('\n')).toHaveLength(6);
    expect(frise.text).toContain('1956 : l\'IA est reconnue comme un domaine de recherche');
    expect(frise.text).toContain('1997 : victoire de l\'IA d\'IBM Deep Blue contre Garry Kasparov (échecs)');
  });

  // L1013–1024: « Qu'en pensez-vous ? » after each received idea: open questions, no D'accord / Pas d'accord vote.
  it("asks what people think of the 6 received ideas about AI, in their own words, with the ASTUCE", () => {
    const debat = activity('debat-ia', 'questions');
    expect(debat.questions.map((q) => q.text)).toEqual([
      "L'IA sait tout faire.",
      "L'IA pourra bientôt (ou peut déjà?) accomplir des tâches et prendre des décisions comme les humains.",
      "L'IA va faire disparaître le travail des humains.",
      "L'IA peut-elle créer de l'art ?",
      'Chat GPT va-t-il tuer notre imagination ?',
      'Préférez-vous être recruté/recrutée par une IA ou par un humain ?',
    ].map((idea) => `${idea} Qu'en pensez-vous ?`));
    expect(debat.questions.every((q) => q.answerText === undefined)).toBe(true);
    expect(debat.tips).toEqual([expect.objectContaining({ kind: 'astuce', text: 'proposez votre sujet de débat si vous avez des idées !' })]);
  });

  it('or lets people test ComparIA, with its objective (for the facilitator) and its ASTUCE', () => {
    const comparia = activity('comparia', 'text');
    // "faites tester" and the objective speak to the facilitator: their view only.
    expect(comparia.facilitatorText).toContain('faites tester ComparIA');
    expect(comparia.facilitatorText).toContain("Objectif : montrer qu'il y a autant de réponses possibles que d'outils d'IA existants");
    expect(comparia.links).toEqual([{ label: 'ComparIA', url: 'http://www.comparia.beta.gouv.fr/' }]);
    expect(comparia.tips.find((t) => t.kind === 'astuce')?.text).toMatch(/^mettez à disposition un ordinateur ou une tablette/);
    expect(part(f, 'chocolat').options.map((o) => o.activities.at(-1))).toEqual(['debat-ia', 'comparia']);
  });
});

describe('counts, as in the guide', () => {
  const ristretto = formula('ristretto');
  const sansSucre = formula('ristretto', 'sans-sucre');
  it.each([
    ['questions of the open-data quiz (avec sucre)', 4, () => asked(ristretto, 'chocolat', 'quiz-open-data').length],
    ['questions of the AI quiz (avec sucre)', 4, () => asked(ristretto, 'chocolat', 'quiz-data-ia').length],
    ['quizzes sans sucre', 3, () => part(sansSucre, 'chocolat').options.length],
    ['questions of the 3 quizzes sans sucre', 9, () => part(sansSucre, 'chocolat').options.flatMap((o) => asked(sansSucre, 'chocolat', o.id)).length],
    ['levels of the Cappuccino board', 3, () => activity('niveau', 'pick').items.length],
    ['definitions asked in the Cappuccino', 4, () => activity('definitions-donnee', 'questions').questions.length],
    ['Cappuccino debate statements', 3, () => activity('debat-cappuccino', 'polls').questions.length],
    ['pop-culture AIs of the photo-langage', 10, () => activity('photo-langage', 'pick').items.length],
    ['definitions asked in the Mousse d’IA', 4, () => activity('definitions-ia', 'questions').questions.length],
    ['dates of the AI timeline', 6, () => activity('frise-ia', 'text').text?.split('\n').length],
    ['received ideas about AI', 6, () => activity('debat-ia', 'questions').questions.length],
  ] as const)('%s: %d', (_name, expected, count) => {
    expect(count()).toBe(expected);
  });
});

describe('« Matériel » of each formula, for the facilitator’s preparation', () => {
  it.each([
    ['ristretto', 'un écran'], // L420
    ['americano', 'un écran (TV, ordinateur)'], // L672
    ['cappuccino', 'un écran, une connexion internet, un tableau blanc ou un paper board'], // L826
    ['mousse-ia', 'un écran, une connexion internet, un tableau'], // L927
  ])('%s: %s', (id, material) => {
    expect(formula(id, 'avec-sucre').material).toBe(material);
    expect(formula(id, 'sans-sucre').material).toBe(material);
  });

  it("Ma journée d'agent (L731) and the virtual café (L1052) have theirs", () => {
    expect(activity('journee-agent', 'board').material).toBe('un tableau blanc ou un paper board ou des feuilles de post-it géantes à accrocher au mur, des post-it, des stylos.');
    expect(guideFr.virtual.material).toBe('un ordinateur, une connexion internet, un support de présentation, éventuellement un outil collaboratif en ligne si vous en maîtrisez un (post-it, tableau blanc, etc.).');
  });

  it('every « Matériel » line of the guide is in the content', () => {
    const lines = [...readGuide().matchAll(/^[-\s]*\**Matériel\**\s*:\s*(.+)$/gm)].map((m) => normalise(m[1]));
    const held = [...guideFr.formulas.map((f) => f.material), ...guideFr.activities.map((a) => a.material), guideFr.virtual.material]
      .flatMap((m) => (m ? [normalise(m)] : []));
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(held).toContain(line);
  });
});

describe("every ASTUCE and Conseil of the guide's formulas is given to the facilitator", () => {
  const guide = readGuide();
  const tips = [
    ...guideFr.generalTips, ...guideFr.virtual.advice, ...guideFr.formulas.flatMap((f) => f.tips),
    ...guideFr.activities.flatMap(allTips), ...guideFr.videos.flatMap((v) => v.objectives),
  ].map((t) => normalise(`${t.title ?? ''} ${t.text}`));

  /** Boxes that are about the guide itself, not about a café. */
  const NOT_FOR_A_CAFE = [
    'avant de poursuivre votre lecture', // how to read the guide
    'vous souhaitez organiser un café de la data ou de l\'IA à distance', // "Rendez-vous page 13…"
    'si vous êtes amateur ou amatrice de café', // mixing the formulas: the composed café (surMesure.fr.ts)
    'lors de l\'inscription à votre café en ligne', // the summary of the virtual café, said again in its advice
  ];

  const all = [...guide.matchAll(/\*\*(?:ASTUCE|Astuce|Conseil)\s*:?\*\*\s*:?\s*(.+)/g)].map((m) => normalise(m[1]).slice(0, 60));
  const aside = (box: string) => NOT_FOR_A_CAFE.some((x) => box.startsWith(normalise(x).slice(0, 40)));
  const boxes = all.filter((b) => !aside(b));

  it('finds the boxes, and sets aside only those about the guide itself', () => {
    expect(boxes.length).toBeGreaterThan(15);
    expect(all.filter(aside)).toHaveLength(NOT_FOR_A_CAFE.length);
  });

  it.each(boxes.map((b) => [b]))('« %s… »', (box) => {
    const bare = box.replace(/^:\s*/, '');
    expect(tips.some((t) => t.includes(bare) || t.includes(bare.charAt(0).toLowerCase() + bare.slice(1)))).toBe(true);
  });
});
