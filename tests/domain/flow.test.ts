import { FormulaSchema, findFormula, guideFr } from '../../src/content';
import type { Formula, Part, PartId, Variant } from '../../src/content';
import { stepCard } from '../../src/cards';
import { optionSteps, plannedTotal, questionOf, type Step } from '../../src/domain';
import { boardSnapshot } from '../../src/tab/snapshot';
import { buttons, texts } from '../cards/validate';
import { readGuide } from '../content/guideText';
import { CafeSim, camille } from './harness';

/**
 * The café's FLOW, read against the guide (docs/sources/datacculturation-guide-2025-09.md, whose
 * line numbers are cited): for every formula, variant and option, the steps in the order they
 * run (part, activity, kind), the planned minutes of each part and of the café, the quiz that
 * follows its video, and when the facilitator is told the café runs late. The expected flows
 * below are written out by hand from the guide, not derived from the content.
 */

const GUIDE_LINES = readGuide().split('\n');
/** The guide's line `n` (1-based), to check that a citation says what the test claims. */
const line = (n: number): string => GUIDE_LINES[n - 1] ?? '';

function formula(id: string, variant: Variant): Formula {
  const f = findFormula(guideFr, id, variant);
  if (!f) throw new Error(`${id} ${variant} absent`);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Planned minutes: the café's total and each part, as the guide gives them
// ---------------------------------------------------------------------------------------------

/** A part's minutes: the guide's, with the line that says so, or Barista's estimate (no line). */
type PartTime = { min: number; max: number; line?: number; says?: string };
interface Timing {
  id: string;
  variant: Variant;
  total: { min: number; max: number; line: number; says: string };
  parts: Record<PartId, PartTime>;
}

const ESTIMATE = (min: number, max: number): PartTime => ({ min, max });

const TIMINGS: Timing[] = [
  {
    id: 'ristretto', variant: 'avec-sucre',
    total: { min: 15, max: 30, line: 418, says: 'Combien de temps ? Entre 15 et 30 minutes' },
    parts: {
      tasse: { min: 5, max: 10, line: 436, says: 'Durée : entre 5 et 10 minutes' },
      cafe: { min: 5, max: 5, line: 463, says: 'Durée : 5 minutes maximum' },
      chocolat: { min: 5, max: 10, line: 467, says: 'Durée : 5 à 10 minutes' },
      // "Fin du café de la data": "Si vous avez encore quelques minutes…" (L545), no duration.
      sucre: ESTIMATE(0, 5),
    },
  },
  {
    id: 'ristretto', variant: 'sans-sucre',
    total: { min: 15, max: 30, line: 418, says: 'Combien de temps ? Entre 15 et 30 minutes' },
    parts: {
      tasse: { min: 5, max: 10, line: 436, says: 'Durée : entre 5 et 10 minutes' }, // "identique à la formule Ristretto avec sucre" (L553)
      cafe: { min: 5, max: 10, line: 557, says: 'Durée : entre 5 et 10 minutes maximum' },
      chocolat: { min: 5, max: 10, line: 565, says: 'Durée : 5 à 10 minutes' },
      // No duration, and the guide's parts already fill the 30 minutes: only "si vous avez encore quelques minutes" (L650).
      sucre: ESTIMATE(0, 0),
    },
  },
  ...(['avec-sucre', 'sans-sucre'] as const).map((variant): Timing => ({
    id: 'americano', variant,
    total: { min: 30, max: 60, line: 664, says: 'Combien de temps ? entre 30 minutes et 1 heure' },
    parts: variant === 'avec-sucre'
      ? {
        tasse: { min: 5, max: 10, line: 694, says: 'Durée : 5 à 10 minutes maximum' },
        cafe: { min: 10, max: 10, line: 723, says: 'Durée : 10 minutes environ' },
        chocolat: { min: 10, max: 15, line: 729, says: 'Durée : 10 à 15 minutes' },
        sucre: { min: 5, max: 10, line: 763, says: 'Durée : 5 à 10 minutes' }, // Synthèse et ouverture (L753)
      }
      : {
        tasse: { min: 5, max: 10, line: 771, says: 'Durée : 5 à 10 minutes maximum' },
        cafe: { min: 10, max: 15, line: 790, says: 'Durée : 10 à 15 minutes' },
        // The Séquence débat (L792) has no duration: what is left of the hour.
        chocolat: ESTIMATE(10, 25),
        sucre: { min: 5, max: 10, line: 810, says: 'Durée : 5 à 10 minutes' }, // Synthèse et ouverture (L806)
      },
  })),
  // The Cappuccino has a total only (L818): every part is Barista's estimate.
  ...(['avec-sucre', 'sans-sucre'] as const).map((variant): Timing => ({
    id: 'cappuccino', variant,
    total: { min: 60, max: 75, line: 818, says: 'Combien de temps ? Entre 1h et 1h15' },
    parts: { tasse: ESTIMATE(5, 10), cafe: ESTIMATE(15, 20), chocolat: ESTIMATE(35, 35), sucre: ESTIMATE(5, 10) },
  })),
  // The Mousse d'IA too (L919): "Environ 1 heure".
  ...(['avec-sucre', 'sans-sucre'] as const).map((variant): Timing => ({
    id: 'mousse-ia', variant,
    total: { min: 60, max: 60, line: 919, says: 'Combien de temps ? Environ 1 heure' },
    parts: { tasse: ESTIMATE(5, 10), cafe: ESTIMATE(25, 30), chocolat: ESTIMATE(10, 15), sucre: ESTIMATE(0, 5) },
  })),
];

describe('planned minutes, as the guide gives them', () => {
  it('covers every formula and variant of the guide', () => {
    expect(TIMINGS.map((t) => `${t.id} ${t.variant}`)).toEqual(guideFr.formulas.map((f) => `${f.id} ${f.variant}`));
  });

  describe.each(TIMINGS.map((t) => [`${t.id} ${t.variant}`, t] as const))('%s', (_name, timing) => {
    const f = formula(timing.id, timing.variant);

    it(`plans the guide's total, ${timing.total.min} to ${timing.total.max} minutes (L${timing.total.line})`, () => {
      expect(line(timing.total.line)).toContain(timing.total.says);
      expect(plannedTotal(f)).toEqual({ min: timing.total.min, max: timing.total.max });
    });

    it.each(f.parts.map((p) => [p.part, p] as const))('%s: the guide\'s minutes where it gives them (cited), else marked as Barista\'s estimate', (partId, part: Part) => {
      const expected = timing.parts[partId];
      expect({ min: part.planned.min, max: part.planned.max }).toEqual({ min: expected.min, max: expected.max });
      if (expected.line) {
        expect(line(expected.line)).toContain(expected.says);
        expect(part.planned.estimate).toBeUndefined();
      } else {
        expect(part.planned.estimate).toBe(true);
      }
    });

    it("the parts' maxima fit in the café's total; each option's steps never add up to more than its part", () => {
      expect(f.parts.reduce((n, p) => n + p.planned.max, 0)).toBeLessThanOrEqual(plannedTotal(f).max);
      for (const p of f.parts) {
        for (const o of p.options) {
          const steps = optionSteps(p, o.id, guideFr);
          expect(steps.length).toBeGreaterThan(0);
          expect(steps.reduce((n, s) => n + s.plannedMinutes, 0)).toBeLessThanOrEqual(p.planned.max);
          expect(steps.every((s) => s.plannedMinutes >= 0)).toBe(true);
        }
      }
    });
  });

  it('two 5-minute videos in the Americano avec sucre\'s 10-minute café (L714, L723) leave nothing more to add', () => {
    const cafe = formula('americano', 'avec-sucre').parts[1];
    expect(optionSteps(cafe, 'les-deux', guideFr).map((s) => [s.kind, s.plannedMinutes])).toEqual([['video', 5], ['video', 5]]);
  });
});

// ---------------------------------------------------------------------------------------------
// The flow: the steps in the order they run, for every option
// ---------------------------------------------------------------------------------------------

/** `part activity kind×n`, consecutive steps of the same activity and kind counted once. */
function flowOf(steps: Step[]): string[] {
  const out: Array<{ key: string; n: number }> = [];
  for (const s of steps) {
    const key = s.kind === 'choose' ? `${s.part} choose` : `${s.part} ${s.activityId} ${s.kind}`;
    const last = out.at(-1);
    if (last && last.key === key && s.kind !== 'choose') last.n++;
    else out.push({ key, n: 1 });
  }
  return out.map(({ key, n }) => (n > 1 ? `${key}×${n}` : key));
}

/**
 * For each formula, part and option: the steps it runs, written from the guide. A part whose
 * options are several starts with its `choose` step; a part whose option follows the choice made
 * before (the Ristretto's quiz) has none.
 */
type Fragments = Record<PartId, Record<string, string[]>>;

const MADONNA = ['tasse madonna poll×11']; // the 11 statements (L447–457)
const CHOOSE = (part: PartId, ...steps: string[]) => [`${part} choose`, ...steps];

const RISTRETTO_AVEC: Fragments = {
  tasse: { madonna: MADONNA },
  // "visionnage de la vidéo sur la donnée et l'open data ou de la vidéo sur les données et l'intelligence artificielle" (L461)
  cafe: { 'open-data': CHOOSE('cafe', 'cafe video-ristretto-open-data video'), 'data-ia': CHOOSE('cafe', 'cafe video-ristretto-data-ia video') },
  chocolat: {
    // Quiz de débriefing de la vidéo sur la donnée et l'open data (L465): Q1 vrai/faux, Q2 open, Q3 and Q4 bonus.
    'quiz-open-data': ['chocolat quiz-open-data-q1 poll', 'chocolat quiz-open-data-q2 question', 'chocolat quiz-open-data-q3-q4 poll×2'],
    // … sur les données et l'intelligence artificielle (L504): Q1, Q2, Q3 big data (open), Q4.
    'quiz-data-ia': ['chocolat quiz-data-ia-q1-q2 poll×2', 'chocolat quiz-data-ia-q3 question', 'chocolat quiz-data-ia-q4 poll'],
  },
  sucre: { fin: ['sucre fin-cafe-data-ia text'] }, // Fin du café de la data (L543)
};

const RISTRETTO_SANS: Fragments = {
  tasse: { madonna: MADONNA },
  // "au choix parmi celles sur la Base adresse nationale, la base Géo'DAE et l'open data des collectivités territoriales" (L555)
  cafe: {
    collectivites: CHOOSE('cafe', 'cafe video-collectivites video'),
    ban: CHOOSE('cafe', 'cafe video-ban video'),
    geodae: CHOOSE('cafe', 'cafe video-geodae video'),
  },
  // "3 quiz composés chacun de 3 questions pour les 3 vidéos" (L563)
  chocolat: {
    'quiz-collectivites': ['chocolat quiz-collectivites poll×3'],
    'quiz-ban': ['chocolat quiz-ban poll×3'],
    'quiz-geodae': ['chocolat quiz-geodae-q1 question', 'chocolat quiz-geodae-q2-q3 poll×2'], // Q1 "Réponse : voir si les personnes répondent" (L626)
  },
  sucre: { fin: ['sucre fin-cafe-data text'] }, // Fin du café de la data (L648)
};

const SYNTHESE_AVEC = ['sucre synthese-journee question×3']; // « Synthèse et ouverture »: its 3 questions (L753–761)

const AMERICANO_AVEC: Fragments = {
  tasse: {
    madonna: CHOOSE('tasse', ...MADONNA),
    'crazy-jobs': CHOOSE('tasse', 'tasse crazy-jobs pick', 'tasse crazy-jobs turns'),
    placement: CHOOSE('tasse', 'tasse placement poll×9'), // the 9 affirmations (L702–710)
  },
  // "Visionnage des deux vidéos suivantes" (L719), or "l'une des deux vidéos" (L287).
  cafe: {
    'open-data': CHOOSE('cafe', 'cafe video-open-data video'),
    'donnees-personnelles': CHOOSE('cafe', 'cafe video-donnees-personnelles video'),
    'les-deux': CHOOSE('cafe', 'cafe video-open-data-donnees-personnelles video×2'),
  },
  chocolat: { 'journee-agent': ['chocolat journee-agent board'] }, // ma journée d'agent (L725)
  sucre: { synthese: SYNTHESE_AVEC },
};

const AMERICANO_SANS: Fragments = {
  tasse: {
    'crazy-jobs': CHOOSE('tasse', 'tasse crazy-jobs pick', 'tasse crazy-jobs turns'), // (L769)
    madonna: CHOOSE('tasse', ...MADONNA),
  },
  // One of the three cas d'usage videos (L300) or two of them (L788).
  cafe: {
    ban: CHOOSE('cafe', 'cafe video-cas-usage-ban video'),
    geodae: CHOOSE('cafe', 'cafe video-cas-usage-geodae video'),
    collectivites: CHOOSE('cafe', 'cafe video-cas-usage-collectivites video'),
    'ban-geodae': CHOOSE('cafe', 'cafe video-cas-usage-ban-geodae video×2'),
    'ban-collectivites': CHOOSE('cafe', 'cafe video-cas-usage-ban-collectivites video×2'),
    'geodae-collectivites': CHOOSE('cafe', 'cafe video-cas-usage-geodae-collectivites video×2'),
  },
  chocolat: { debat: ['chocolat debat poll×6'] }, // the 6 statements of the Séquence débat (L796–804)
  sucre: { synthese: ['sucre synthese-debat text'] }, // « Synthèse et ouverture » (L806–808)
};

const CAPPUCCINO: Fragments = {
  // The level board (L830), then "Ice breaker : au choix entre" (L842).
  tasse: {
    madonna: CHOOSE('tasse', 'tasse niveau pick', ...MADONNA),
    'crazy-jobs': CHOOSE('tasse', 'tasse niveau pick', 'tasse crazy-jobs pick', 'tasse crazy-jobs turns'),
  },
  // Introduction thématique: 2020, big data, the 4 definitions asked, the video (L847–863).
  cafe: { introduction: ['cafe intro-2020 question', 'cafe intro-big-data text', 'cafe definitions-donnee question×4', 'cafe video-cappuccino-open-data video'] },
  // Débrief, definitions, Aller plus loin, Séquence collective (L865–899).
  chocolat: {
    'debrief-debat': [
      'chocolat debrief-open-data question×2', 'chocolat definitions-open-data text', 'chocolat aller-plus-loin-formats question×2', 'chocolat debat-cappuccino poll×3',
    ],
  },
  // Its own Ouverture: "Si vous avez le temps, vous pouvez visionner une des trois vidéos" (L905–908).
  sucre: {
    ban: CHOOSE('sucre', 'sucre ouverture-video-ban video'),
    geodae: CHOOSE('sucre', 'sucre ouverture-video-geodae video'),
    collectivites: CHOOSE('sucre', 'sucre ouverture-video-collectivites video'),
  },
};

/** Data et IA in 2 parts, each debriefed (L983–1009), before the participative sequence is chosen. */
const DATA_IA = [
  'cafe definitions-ia question×4', 'cafe frise-ia text', 'cafe video-data-ia-partie-1 video', 'cafe debrief-data-ia-partie-1 question×5',
  'cafe video-data-ia-partie-2 video', 'cafe debrief-data-ia-partie-2 text',
];

const MOUSSE_IA: Fragments = {
  tasse: { madonna: CHOOSE('tasse', ...MADONNA), 'photo-langage': CHOOSE('tasse', 'tasse photo-langage pick', 'tasse photo-langage turns') },
  // "Visionnage au choix" (L950–953).
  cafe: {
    'open-data-puis-data-ia': CHOOSE('cafe', 'cafe intro-2020 question', 'cafe intro-big-data text', 'cafe video-mousse-open-data video', 'cafe debrief-open-data question×2', ...DATA_IA),
    'data-ia': CHOOSE('cafe', 'cafe intro-2020 question', 'cafe intro-big-data text', ...DATA_IA),
  },
  // "puis enchaîner sur l'une des séquences participatives proposées ci-après" (L1009).
  chocolat: { 'debat-ia': CHOOSE('chocolat', 'chocolat debat-ia question×6'), comparia: CHOOSE('chocolat', 'chocolat comparia text') },
  sucre: { fin: ['sucre fin-cafe-data-ia text'] },
};

interface FlowCase {
  id: string;
  variant: Variant;
  fragments: Fragments;
  /** The option preselected in each part. */
  defaults: Record<PartId, string>;
  /** The Ristretto: the quiz that follows each video. */
  follows?: Record<string, string>;
}

const FLOWS: FlowCase[] = [
  {
    id: 'ristretto', variant: 'avec-sucre', fragments: RISTRETTO_AVEC,
    defaults: { tasse: 'madonna', cafe: 'open-data', chocolat: 'quiz-open-data', sucre: 'fin' },
    follows: { 'open-data': 'quiz-open-data', 'data-ia': 'quiz-data-ia' },
  },
  {
    id: 'ristretto', variant: 'sans-sucre', fragments: RISTRETTO_SANS,
    defaults: { tasse: 'madonna', cafe: 'ban', chocolat: 'quiz-ban', sucre: 'fin' },
    follows: { collectivites: 'quiz-collectivites', ban: 'quiz-ban', geodae: 'quiz-geodae' },
  },
  { id: 'americano', variant: 'avec-sucre', fragments: AMERICANO_AVEC, defaults: { tasse: 'madonna', cafe: 'les-deux', chocolat: 'journee-agent', sucre: 'synthese' } },
  { id: 'americano', variant: 'sans-sucre', fragments: AMERICANO_SANS, defaults: { tasse: 'crazy-jobs', cafe: 'ban-geodae', chocolat: 'debat', sucre: 'synthese' } },
  ...(['avec-sucre', 'sans-sucre'] as const).map((variant): FlowCase => ({
    id: 'cappuccino', variant, fragments: CAPPUCCINO, defaults: { tasse: 'madonna', cafe: 'introduction', chocolat: 'debrief-debat', sucre: 'ban' },
  })),
  ...(['avec-sucre', 'sans-sucre'] as const).map((variant): FlowCase => ({
    id: 'mousse-ia', variant, fragments: MOUSSE_IA, defaults: { tasse: 'madonna', cafe: 'data-ia', chocolat: 'debat-ia', sucre: 'fin' },
  })),
];

const PARTS: PartId[] = ['tasse', 'cafe', 'chocolat', 'sucre'];
/** The feedback poll, Barista's, asked by the network: always the very last step. */
const FEEDBACK = 'sucre feedback feedback';

/**
 * Runs a café from the menu to the end, the facilitator choosing `choices` where a choose step
 * asks (with /suivant, i.e. the default, where `choices` says nothing) and going on with /suivant
 * (on a poll with an answer, the first /suivant reveals it: the step is met once).
 */
function run(c: FlowCase, choices: Partial<Record<PartId, string>>): { cafe: CafeSim; steps: Step[] } {
  const cafe = new CafeSim(c.variant, guideFr, c.id);
  const steps: Step[] = [];
  cafe.do({ type: 'begin' });
  for (let i = 0; i < 200 && cafe.state.status !== 'ended'; i++) {
    const step = cafe.step!;
    if (steps[steps.length - 1]?.id !== step.id) steps.push(step);
    const option = step.kind === 'choose' ? choices[step.part] : undefined;
    if (option) cafe.do({ type: 'choose', stepId: step.id, option });
    else cafe.do({ type: 'next' });
  }
  return { cafe, steps };
}

const expectedFlow = (c: FlowCase, chosen: Record<PartId, string>): string[] => [...PARTS.flatMap((p) => c.fragments[p][chosen[p]]), FEEDBACK];

describe('the flow of every formula, variant and option', () => {
  it('covers every formula, variant, part and option of the content', () => {
    expect(FLOWS.map((c) => `${c.id} ${c.variant}`)).toEqual(guideFr.formulas.map((f) => `${f.id} ${f.variant}`));
    for (const c of FLOWS) {
      const f = formula(c.id, c.variant);
      for (const p of f.parts) expect(Object.keys(c.fragments[p.part]).sort()).toEqual(p.options.map((o) => o.id).sort());
    }
  });

  describe.each(FLOWS.map((c) => [`${c.id} ${c.variant}`, c] as const))('%s', (_name, c) => {
    const f = formula(c.id, c.variant);
    const total = plannedTotal(f);

    it('with /suivant alone: the default of every choice, in the guide\'s order, the feedback poll last', () => {
      const { cafe, steps } = run(c, {});
      expect(flowOf(steps)).toEqual(expectedFlow(c, c.defaults));
      expect(cafe.state.status).toBe('ended');
    });

    // Every option the facilitator can choose, the other parts at their default.
    const cases = PARTS.flatMap((part) => Object.keys(c.fragments[part])
      .filter(() => c.fragments[part][c.defaults[part]][0]?.endsWith(' choose'))
      .map((option) => [part, option] as const));

    it.each(cases)('%s « %s »: its steps, each part within its planned minutes, the café within its total', (part, option) => {
      const chosen = { ...c.defaults, [part]: option };
      // The Ristretto's quiz follows the video shown (L563).
      if (part === 'cafe' && c.follows) chosen.chocolat = c.follows[option];
      const { steps } = run(c, { [part]: option });
      expect(flowOf(steps)).toEqual(expectedFlow(c, chosen));
      // The feedback poll (in le sucre) is Barista's and takes none of the guide's time.
      for (const p of f.parts) {
        expect(steps.filter((s) => s.part === p.part).reduce((n, s) => n + s.plannedMinutes, 0)).toBeLessThanOrEqual(p.planned.max);
      }
      expect(steps.reduce((n, s) => n + s.plannedMinutes, 0)).toBeLessThanOrEqual(total.max);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The Ristretto: the quiz follows the video
// ---------------------------------------------------------------------------------------------

describe('Ristretto: « Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café ! » (L563)', () => {
  it('the guide says so (L461, L465, L504, L563)', () => {
    expect(line(461)).toContain("visionnage de la vidéo sur la donnée et l'open data ou de la vidéo sur les données et l'intelligence artificielle");
    expect(line(465)).toContain("Quiz de débriefing de la vidéo sur la donnée et l'open data");
    expect(line(504)).toContain("Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle");
    expect(line(563)).toContain('Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café !');
  });

  it('choosing the Data et IA video leads to the IA quiz: « L\'invention de l\'IA peut être datée... », with no second choice', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'data-ia' });
    expect(cafe.step).toMatchObject({ kind: 'video', ref: 'data-ia' });
    cafe.do({ type: 'next' });
    expect(cafe.step).toMatchObject({ part: 'chocolat', kind: 'poll', activityId: 'quiz-data-ia-q1-q2' });
    expect(questionOf(cafe.step!, guideFr)!.text).toBe("L'invention de l'IA peut être datée...");
    expect(cafe.state.steps.filter((s) => s.kind === 'choose').map((s) => s.id)).toEqual(['cafe.choix']);
    expect(cafe.state.steps.some((s) => s.activityId.startsWith('quiz-open-data'))).toBe(false);
  });

  it('the video and the quiz carry the guide\'s names (L461, L504, PARTIE 2 L1497)', () => {
    const f = formula('ristretto', 'avec-sucre');
    const [cafe, chocolat] = [f.parts[1], f.parts[2]];
    expect(cafe.options.find((o) => o.id === 'data-ia')!.label).toBe('Data et IA : des outils au service des agents publics (en 2 parties)');
    expect(line(1497)).toContain('Data et IA : des outils au service des agents publics (en 2 parties)');
    const quiz = chocolat.options.find((o) => o.follows?.option === 'data-ia')!;
    expect(quiz.label).toBe("Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle");
    expect(guideFr.activities.find((a) => a.id === quiz.activities[0])!.title).toBe(quiz.label);
  });

  it('changing the video (back to the choice) changes the quiz that follows', () => {
    const cafe = new CafeSim('sans-sucre', guideFr, 'ristretto');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'geodae' });
    expect(cafe.state.steps.filter((s) => s.part === 'chocolat').map((s) => s.activityId)).toEqual(['quiz-geodae-q1', 'quiz-geodae-q2-q3', 'quiz-geodae-q2-q3']);
    cafe.do({ type: 'back' });
    expect(cafe.step!.kind).toBe('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'collectivites' });
    cafe.do({ type: 'next' });
    expect(cafe.step).toMatchObject({ activityId: 'quiz-collectivites' });
    expect(cafe.state.steps.filter((s) => s.part === 'chocolat').map((s) => s.activityId)).toEqual(['quiz-collectivites', 'quiz-collectivites', 'quiz-collectivites']);
  });

  it('the board shows the videos to choose from, then the quiz of the one chosen', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'ristretto');
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    expect(boardSnapshot(cafe.state, [], guideFr, cafe.now).step!.choose!.options).toEqual([
      "La donnée et l'open data : la donnée par et pour le service public",
      'Data et IA : des outils au service des agents publics (en 2 parties)',
    ]);
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'data-ia' });
    cafe.do({ type: 'next' });
    expect(boardSnapshot(cafe.state, [], guideFr, cafe.now).step!.title).toBe("Quiz de débriefing de la vidéo sur les données et l'intelligence artificielle");
  });
});

describe('a content pack can say it too: an option follows an option of an earlier part', () => {
  /** A Ristretto of a pack where video x has two quizzes, video y one. */
  const base = formula('ristretto', 'avec-sucre');
  const pack: Formula = {
    ...base,
    id: 'ristretto-pack',
    parts: base.parts.map((p) => (p.part !== 'chocolat' ? p : {
      ...p,
      options: [
        { id: 'quiz-a', label: 'Quiz A', activities: ['quiz-open-data-q1'], follows: { part: 'cafe', option: 'open-data' } },
        { id: 'quiz-b', label: 'Quiz B', activities: ['quiz-open-data-q2'], follows: { part: 'cafe', option: 'open-data' } },
        { id: 'quiz-c', label: 'Quiz C', activities: ['quiz-data-ia-q4'], follows: { part: 'cafe', option: 'data-ia' } },
      ],
      defaultOption: 'quiz-c',
    })),
  };

  it('is valid', () => {
    expect(FormulaSchema.safeParse(pack).success).toBe(true);
  });

  it('offers only the quizzes of the video shown, refuses another video\'s, and /suivant takes one that fits', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, pack);
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
    cafe.do({ type: 'next' });
    const step = cafe.step!;
    expect(step).toMatchObject({ id: 'chocolat.choix', kind: 'choose' });
    const card = stepCard({ state: cafe.state, step, content: guideFr, contributions: [], viewer: { isFacilitator: true, userId: camille.id, locale: 'fr' }, now: cafe.now });
    expect(buttons(card).filter((b) => b.verb === 'choose').map((b) => b.data.option)).toEqual(['quiz-a', 'quiz-b']);
    expect(texts(card)).not.toContain('Quiz C');
    const shared = stepCard({ state: cafe.state, step, content: guideFr, contributions: [], viewer: { isFacilitator: false, locale: 'fr' }, now: cafe.now });
    expect(texts(shared)).toContain('Quiz A / Quiz B');
    expect(boardSnapshot(cafe.state, [], guideFr, cafe.now).step!.choose!.options).toEqual(['Quiz A', 'Quiz B']);
    expect(cafe.run({ type: 'choose', stepId: step.id, option: 'quiz-c' })).toEqual({ refused: 'invalid', detail: 'option' });
    cafe.do({ type: 'next' }); // the default, quiz-c, does not fit: the first that fits
    expect(cafe.step).toMatchObject({ activityId: 'quiz-open-data-q1' });
  });

  it('going back to the video: the same video keeps the quiz picked, another video brings its own', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, pack);
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
    cafe.do({ type: 'next' });
    cafe.do({ type: 'choose', stepId: 'chocolat.choix', option: 'quiz-b' });
    const chocolat = () => cafe.state.steps.filter((s) => s.part === 'chocolat').map((s) => s.activityId || s.kind);
    expect(chocolat()).toEqual(['choose', 'quiz-open-data-q2']);
    for (let i = 0; i < 3; i++) cafe.do({ type: 'back' });
    expect(cafe.step!.id).toBe('cafe.choix');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
    expect(chocolat()).toEqual(['choose', 'quiz-open-data-q2']);
    cafe.do({ type: 'back' });
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'data-ia' });
    expect(chocolat()).toEqual(['quiz-data-ia-q4']);
  });

  it('refuses an option that follows a part that does not come before, or an option that is not there', () => {
    const later = { ...pack, parts: pack.parts.map((p) => (p.part !== 'chocolat' ? p : { ...p, options: p.options.map((o) => ({ ...o, follows: { part: 'sucre' as const, option: 'fin' } })) })) };
    const parsedLater = FormulaSchema.safeParse(later);
    expect(parsedLater.success).toBe(false);
    expect(parsedLater.error!.issues[0].message).toBe('la partie « sucre » ne vient pas avant');
    const missing = { ...pack, parts: pack.parts.map((p) => (p.part !== 'chocolat' ? p : { ...p, options: [{ ...p.options[0], follows: { part: 'cafe' as const, option: 'nulle-part' } }, ...p.options.slice(1)] })) };
    expect(FormulaSchema.safeParse(missing).error!.issues.map((i) => i.message)).toContain("« nulle-part » n'est pas une option de la partie « cafe »");
  });

  it('refuses a part whose options leave an earlier choice without a follow-up', () => {
    const orphan = { ...pack, parts: pack.parts.map((p) => (p.part !== 'chocolat' ? p : { ...p, options: p.options.slice(0, 2), defaultOption: 'quiz-a' })) };
    expect(FormulaSchema.safeParse(orphan).error!.issues.map((i) => i.message)).toEqual(['aucune option ne suit « data-ia » (partie « cafe »)']);
  });

  it("refuses parts that plan more than the formula's planned time", () => {
    const tooLong = { ...pack, planned: { min: 15, max: 20 } };
    expect(FormulaSchema.safeParse(tooLong).error!.issues.map((i) => i.message)).toEqual(["les parties prévoient jusqu'à 30 minutes, plus que les 20 de la formule"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Running late: past the café's own planned maximum, not at 45 minutes
// ---------------------------------------------------------------------------------------------

describe("overtime: past the café's own planned maximum, not at the online 45 minutes (L1044)", () => {
  it('the guide recommends 45 minutes online (L1044), as advice', () => {
    expect(line(1044)).toContain('Durée maximale recommandée : 45 minutes');
    expect(guideFr.virtual.maxMinutes).toBe(45);
  });

  it.each([
    ['ristretto', 30, 'L418'],
    ['americano', 60, 'L664'],
    ['cappuccino', 75, 'L818'],
    ['mousse-ia', 60, 'L919'],
  ] as const)('%s: told once, privately, past %d minutes (%s)', (id: string, max: number, _line: string) => {
    const cafe = new CafeSim('avec-sucre', guideFr, id);
    cafe.do({ type: 'begin' });
    cafe.tick(Math.min(46, max - 1));
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBeUndefined();
    cafe.tick(max - Math.min(46, max - 1) - 0.5);
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBeUndefined();
    cafe.tick(1);
    cafe.do({ type: 'next' });
    expect(cafe.state.overtimeAt).toBe(cafe.now);
    expect(cafe.effects.filter((e) => e.type === 'notify-facilitator')).toEqual([{ type: 'notify-facilitator', key: 'overtime' }]);
  });
});
