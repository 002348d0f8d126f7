import {
  ContentSchema, findActivity, findFormula, findVideo, guideFr,
} from '../../src/content';
import type { Activity, Content, Formula } from '../../src/content';

function activity<K extends Activity['kind']>(id: string, kind: K): Extract<Activity, { kind: K }> {
  const a = findActivity(guideFr, id);
  if (!a) throw new Error(`activité ${id} absente`);
  expect(a.kind).toBe(kind);
  return a as Extract<Activity, { kind: K }>;
}

function formula(variant: Formula['variant']): Formula {
  const f = findFormula(guideFr, 'americano', variant);
  if (!f) throw new Error(`americano ${variant} absent`);
  return f;
}

const part = (f: Formula, id: string) => {
  const p = f.parts.find((x) => x.part === id);
  if (!p) throw new Error(`partie ${id} absente`);
  return p;
};

describe('guideFr', () => {
  it('is valid content', () => {
    const parsed: Content = ContentSchema.parse(guideFr);
    expect(parsed).toEqual(guideFr);
  });

  it("links to the guide's playlist", () => {
    expect(guideFr.playlistUrl).toBe('https://www.youtube.com/playlist?list=PLXxl21OaojlyAwX-Tg1m-z4NYKx11cI3l');
  });
});

describe("Ma donnée, Madonna ou les deux", () => {
  const madonna = activity('madonna', 'polls');
  const answers: Array<[string, string[], string]> = [
    ['On en parlait moins dans les années 80', ['donnee'], 'ma donnée'],
    ['Elle est née dans le Michigan', ['madonna'], 'Madonna'],
    ['Elle est de plus en plus souvent dans les nuages', ['les-deux'], 'les deux'],
    ['Il faut régulièrement la contrôler', ['donnee'], 'ma donnée'],
    ['Elle est unique', ['madonna'], 'Madonna'],
    ['Elle est en vogue', ['les-deux'], 'les deux'],
    ['Elle prend de la place', ['donnee'], 'ma donnée'],
    ["Il faut faire attention aux traces qu'elle peut laisser", ['donnee'], 'ma donnée'],
    ['Elle fait partie de ma vie', ['donnee', 'les-deux'], 'ma donnée ou les deux'],
    ['Elle génère beaucoup de chiffre', ['les-deux'], 'les deux'],
    ["A rapporté plus d'un milliard de dollars de recette", ['les-deux'], 'les deux'],
  ];

  it('has the 11 statements, in the order of the guide', () => {
    expect(madonna.questions.map((q) => q.text)).toEqual(answers.map(([text]) => text));
  });

  it.each(answers.map(([text, correct, answerText]) => [text, answerText, correct] as const))("Madonna: '%s' → %s", (text, answerText, correct) => {
    const q = madonna.questions.find((x) => x.text === text);
    expect(q?.correct).toEqual(correct);
    expect(q?.answerText).toBe(answerText);
  });

  it('asks each time: ma donnée, Madonna or both', () => {
    for (const q of madonna.questions) {
      expect(q.choices).toEqual([
        { id: 'donnee', label: 'Ma donnée' },
        { id: 'madonna', label: 'Madonna' },
        { id: 'les-deux', label: 'Les deux' },
      ]);
    }
  });

  it('lasts between 5 and 10 minutes and breaks the ice', () => {
    expect(madonna.planned).toEqual({ min: 5, max: 10 });
    expect(madonna.tips[0].title).toBe("Brisez la glace dès les premiers moments de l'échange !");
  });
});

describe("Placement dans l'espace", () => {
  const placement = activity('placement', 'polls');

  it("has the 9 affirmations, plutôt d'accord or plutôt pas d'accord, with no right answer", () => {
    expect(placement.questions).toHaveLength(9);
    expect(placement.questions[0].text).toBe("J'ai déjà tapé mon prénom et mon nom dans une barre de recherche Google.");
    expect(placement.questions[8].text).toBe('Mes comptes sur les réseaux sociaux sont en mode « privé ».');
    for (const q of placement.questions) {
      expect(q.choices.map((c) => c.label)).toEqual(["Plutôt d'accord", "Plutôt pas d'accord"]);
      expect(q.correct).toEqual([]);
    }
  });

  it('reminds to tell personal data from sensitive data, with the CNIL links', () => {
    const texts = placement.tips.map((t) => t.text).join('\n');
    expect(texts).toContain('avant de vous lancer, distinguez données personnelles et données sensibles avec votre groupe.');
    expect(texts).toContain("Données sensibles : il s'agit d'une catégorie de données à caractère personnel.");
    expect(placement.tips.flatMap((t) => t.links).map((l) => l.url)).toEqual([
      'https://www.cnil.fr/fr/definition/donnee-sensible',
      'https://www.cnil.fr/fr/cnil-direct/question/une-donnee-caractere-personnel-cest-quoi',
    ]);
    expect(texts).toContain("n'hésitez pas à lancer le débat en leur demandant pourquoi ils s'y sont placés.");
  });
});

describe('Crazy jobs', () => {
  const crazy = activity('crazy-jobs', 'pick');

  it('has the 6 jobs of the list and the 4 more of the annex cards, each once', () => {
    expect(crazy.items).toHaveLength(10);
    expect(new Set(crazy.items.map((i) => i.label.toLowerCase())).size).toBe(10);
    expect(crazy.items.map((i) => i.label)).toEqual(expect.arrayContaining([
      'Gardien/gardienne de coffre-fort de données personnelles',
      'Sculpteur/sculptrice de profil en ligne',
      'Plieur ou plieuse de courriels',
      'Trafiquant ou trafiquante de données frelatées',
    ]));
  });

  it('goes round the table, with the Conseil and the astuces', () => {
    expect(crazy.turns).toBe(true);
    const texts = crazy.tips.map((t) => t.text);
    expect(texts.some((t) => t.startsWith("cet ice breaker fait appel à l'imagination"))).toBe(true);
    expect(texts.some((t) => t.startsWith('écrivez tous les crazy jobs sur un support projeté'))).toBe(true);
  });
});

describe("Ma journée d'agent", () => {
  const board = activity('journee-agent', 'board');

  it('has the 5 moments of the day', () => {
    expect(board.columns.map((c) => c.label)).toEqual([
      'le trajet domicile/travail',
      'journée de travail : tâches quotidiennes',
      'pause déjeuner',
      'activités extérieures : sportives, culturelles, familiales, etc.',
      'trajet travail/domicile (si différent et si éléments à ajouter)',
    ]);
  });

  it('has 4 kinds of post-it: blue, pink, yellow, green', () => {
    expect(board.postitKinds.map((k) => [k.label, k.color])).toEqual([
      ['données personnelles', 'blue'],
      ['données sensibles', 'pink'],
      ['données publiques non ouvertes', 'yellow'],
      ['données ouvertes (open data)', 'green'],
    ]);
  });

  it('gives examples of data and lasts 10 to 15 minutes', () => {
    expect(board.tips.find((t) => t.kind === 'exemples')?.text).toMatch(/^consulter les horaires de bus\/métro/);
    expect(board.planned).toEqual({ min: 10, max: 15 });
  });

  it('ends with the 3 synthesis questions', () => {
    expect(activity('synthese-journee', 'questions').questions.map((q) => q.text)).toEqual([
      "qu'est-ce qui vous surprend ?",
      "qu'est-ce qui ne vous surprend pas ?",
      "qu'avez-vous appris ?",
    ]);
  });
});

describe('Séquence débat', () => {
  const debat = activity('debat', 'polls');

  it("has the 6 affirmations, d'accord or pas d'accord, with arguments", () => {
    expect(debat.questions).toHaveLength(6);
    expect(debat.questions[4].text).toBe("Si c'est gratuit, c'est que vous êtes le produit");
    for (const q of debat.questions) {
      expect(q.choices.map((c) => c.label)).toEqual(["D'accord", "Pas d'accord"]);
      expect(q.arguments).toBe(true);
      expect(q.correct).toEqual([]);
    }
  });

  it('is followed by its synthesis', () => {
    // L808 speaks to the facilitator: their text, not the participants'.
    expect(activity('synthese-debat', 'text').facilitatorText).toMatch(/^À la fin de l'exercice, synthétisez les principaux arguments/);
  });
});

describe('the videos', () => {
  it('are the six DATAcculturation videos of part 2', () => {
    expect(guideFr.videos.map((v) => [v.id, v.title])).toEqual([
      ['donnee-open-data', "La donnée et l'open data : la donnée par et pour le service public"],
      ['donnees-personnelles', 'Les données personnelles sont-elles publiques ?'],
      ['collectivites', 'Collectivités territoriales et open data, une histoire de transparence'],
      ['ban', "La base adresse nationale : quand la donnée vous donne l'adresse"],
      ['geodae', "La base Géo'DAE : quand l'open data sauve des vies"],
      ['data-ia', 'Data et IA : des outils au service des agents publics (en 2 parties)'],
    ]);
    for (const v of guideFr.videos) expect(v.url).toBe(guideFr.playlistUrl);
  });

  it('carry their objectives', () => {
    expect(findVideo(guideFr, 'donnee-open-data')?.objectives.map((o) => o.kind)).toEqual(['objectif', 'objectif']);
    expect(findVideo(guideFr, 'data-ia')?.objectives).toHaveLength(4);
  });

  it('are watched with the online advice, 5 minutes each', () => {
    const v = activity('video-open-data', 'video');
    expect(v.viewingMinutes).toBe(5);
    expect(v.viewingAdvice).toContain('demander à tout le monde de couper son micro');
  });
});

describe('Café Americano', () => {
  it('avec sucre, pour les novices: Madonna by default (no placement online), the videos, ma journée d’agent, synthèse et ouverture', () => {
    const f = formula('avec-sucre');
    expect([f.name, f.audience, f.duration, f.people]).toEqual(['Americano avec sucre', 'pour les novices', 'entre 30 minutes et 1 heure', 'de 5 à 20 personnes']);
    expect(f.parts.map((p) => p.part)).toEqual(['tasse', 'cafe', 'chocolat', 'sucre']);
    expect(part(f, 'tasse').defaultOption).toBe('madonna');
    expect(part(f, 'tasse').options.map((o) => o.id)).toEqual(['madonna', 'crazy-jobs', 'placement']);
    expect(part(f, 'cafe').options.map((o) => o.activities)).toEqual([
      ['video-open-data'], ['video-donnees-personnelles'], ['video-open-data-donnees-personnelles'],
    ]);
    expect(part(f, 'chocolat').options[0].activities).toEqual(['journee-agent']);
    // Its own closing, « Synthèse et ouverture » (L753–763), is le sucre.
    expect(part(f, 'sucre').options.map((o) => o.activities)).toEqual([['synthese-journee']]);
  });

  it('sans sucre, pour un public averti: crazy jobs by default, one or two cas d’usage videos, débat, synthèse et ouverture', () => {
    const f = formula('sans-sucre');
    expect(f.audience).toBe('pour un public averti');
    expect(part(f, 'tasse').defaultOption).toBe('crazy-jobs');
    // One of the three cas d'usage videos (synthèse des formats, L300) or two of them (L731).
    expect(part(f, 'cafe').options.map((o) => activity(o.activities[0], 'video').videos)).toEqual([
      ['ban'], ['geodae'], ['collectivites'], ['ban', 'geodae'], ['ban', 'collectivites'], ['geodae', 'collectivites'],
    ]);
    for (const o of part(f, 'cafe').options) expect(activity(o.activities[0], 'video').planned).toEqual({ min: 10, max: 15 });
    expect(part(f, 'chocolat').options[0].activities).toEqual(['debat']);
    // Its own closing, « Synthèse et ouverture » (L806–810), is le sucre.
    expect(part(f, 'sucre').options.map((o) => o.activities)).toEqual([['synthese-debat']]);
  });

  it('lasts between 30 minutes and 1 hour (L664), its parts fitting in it', () => {
    for (const f of [formula('avec-sucre'), formula('sans-sucre')]) {
      expect(f.planned).toEqual({ min: 30, max: 60 });
      const total = f.parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
      expect(total.min).toBeGreaterThanOrEqual(30);
      expect(total.max).toBeLessThanOrEqual(60);
    }
  });

  it('only points at activities and videos that exist', () => {
    for (const f of guideFr.formulas) {
      for (const p of f.parts) {
        for (const o of p.options) for (const a of o.activities) expect(findActivity(guideFr, a)).toBeDefined();
      }
    }
    for (const a of guideFr.activities) {
      if (a.kind === 'video') for (const v of a.videos) expect(findVideo(guideFr, v)).toBeDefined();
    }
  });
});

describe('counts, as in the guide', () => {
  it.each([
    ['Madonna statements', 11, () => activity('madonna', 'polls').questions.length],
    ['placement affirmations', 9, () => activity('placement', 'polls').questions.length],
    ['crazy jobs', 10, () => activity('crazy-jobs', 'pick').items.length],
    ['debate affirmations', 6, () => activity('debat', 'polls').questions.length],
    ['moments of the day', 5, () => activity('journee-agent', 'board').columns.length],
    ['kinds of post-it', 4, () => activity('journee-agent', 'board').postitKinds.length],
    ['synthesis questions', 3, () => activity('synthese-journee', 'questions').questions.length],
    ['DATAcculturation videos', 6, () => guideFr.videos.length],
  ] as const)('%s: %d', (_name, expected, count) => {
    expect(count()).toBe(expected);
  });
});

describe('general tips and the virtual café', () => {
  // L1205–1240: every piece of "TOUS LES CONSEILS ET RETOURS D'EXPÉRIENCE", in the guide's order,
  // the last two included (the menu card gives them all to the facilitator: tests/cards/wholeTips).
  it('holds all the general tips: the five retours d’expérience, the Tchapp community, the communication before the café', () => {
    expect(guideFr.generalTips.map((t) => t.title ?? t.text.slice(0, 40))).toEqual([
      'La convivialité importe plus que le lieu !',
      "Brisez la glace dès les premiers moments de l'échange !",
      'Osez vous lancer sans douter de votre légitimité !',
      'Privilégiez les interactions !',
      'Appuyez-vous sur les conseils des autres animateurs et animatrices.',
      'retrouvez la communauté DATAcculturation',
      'Utilisez la communication en amont pour séduire un plus large public !',
    ]);
    expect(guideFr.generalTips[5]).toMatchObject({ kind: 'astuce' });
  });

  // L1244–1250: the map of the cafés, its contact and its uMap link.
  it('holds the map of the cafés, word for word, with its uMap link and its contact', () => {
    expect(guideFr.cafesMap.title).toBe('DÉCOUVREZ LA CARTE DES CAFÉS DE LA DATA ORGANISÉS PEUT-ÊTRE PRÈS DE CHEZ VOUS...');
    expect(guideFr.cafesMap.text).toMatch(/^La carte est collaborative, en édition libre\..* justine\.sperandio-martinez@auvergne-rhone-alpes\.gouv\.fr pour toute demande\.$/);
    expect(guideFr.cafesMap.links.map((l) => l.url)).toEqual([
      'https://umap.openstreetmap.fr/fr/map/dataacculturation-cafes-de-la-data-organises-en-fra_1002168#6/47.160/3.494',
      'mailto:justine.sperandio-martinez@auvergne-rhone-alpes.gouv.fr',
    ]);
  });

  it('runs online in 45 minutes at most, up to 20 people', () => {
    expect(guideFr.virtual.maxMinutes).toBe(45);
    expect(guideFr.virtual.people).toBe("Jusqu'à 20 personnes");
  });
});
