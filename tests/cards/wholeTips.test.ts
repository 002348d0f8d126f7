import { menuCard, networkCard, recapCard, stepCard } from '../../src/cards';
import type { Card } from '../../src/cards';
import type { Formula, Tip } from '../../src/content';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { activityOf, currentStep, openQuestionOf, questionOf, videoOf } from '../../src/domain/lookup';
import type { CafeState, Step } from '../../src/domain/types';
import { content, FACILITATOR, T0 } from './fixtures';
import { FACILITATOR_VIEW, SHARED } from './scenarios';
import { problems } from './validate';

/**
 * Nothing of the guide is cut (issue 12, item 8): every tip of the content is rendered on the
 * cards where it appears and shows there whole, title, text and links; every card stays a valid
 * Adaptive Card under 40 KB. Each formula, each variant and each option of each part is run to the
 * end, the facilitator's view of every step is read. Whitespace is folded (the shared menu joins a
 * tip's paragraphs on one line); nothing else may differ.
 */

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every string of a card (text blocks, facts, show cards), folded, one per line. */
function cardText(card: Card): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(fold(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/** What of a tip must be on the card: its title, its whole text, each link's label and url. */
function missing(text: string, tips: Tip[]): string[] {
  return tips.flatMap((tip) => [tip.title, tip.text, ...tip.links.flatMap((l) => [l.label, l.url])]
    .filter((s): s is string => !!s && !text.includes(fold(s)))
    .map((s) => `${tip.kind}: ${s.slice(0, 80)}`));
}

function start(formula: Formula): CafeState {
  const s = startCafe(
    { type: 'start', formulaId: formula.id, variant: formula.variant, cafeId: `cafe-${formula.id}-${formula.variant}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(s)) throw new Error(s.refused);
  return s;
}

/** The café run from Commencer to the end, choosing `choice` where the café reaches that part: each step as it was current. */
function walk(formula: Formula, choice: { part: string; option: string }): Array<{ state: CafeState; step: Step }> {
  const seen: Array<{ state: CafeState; step: Step }> = [];
  let state = start(formula);
  for (let i = 0; i < 200 && state.status !== 'ended'; i++) {
    const step = i === 0 ? undefined : currentStep(state);
    if (step) seen.push({ state, step });
    const command = !step ? { type: 'begin' as const }
      : step.kind === 'choose' && step.part === choice.part ? { type: 'choose' as const, stepId: step.id, option: choice.option }
        : { type: 'next' as const };
    const d = decide(state, command, { actor: FACILITATOR, content, now: T0 + i * 1000, contributions: [] });
    if (isRefusal(d)) throw new Error(`${command.type} refused at ${step?.id}: ${d.refused}`);
    state = d.state;
  }
  if (state.status !== 'ended') throw new Error('the café did not end');
  return seen;
}

/** The tips a step shows its facilitator: its question's, its activity's, its video's objectives. */
function tipsOf(step: Step): Tip[] {
  return [
    ...(questionOf(step, content)?.tips ?? []),
    ...(openQuestionOf(step, content)?.tips ?? []),
    ...(activityOf(step, content)?.tips ?? []),
    ...(videoOf(step, content)?.objectives ?? []),
  ];
}

const choices = (f: Formula) => f.parts.flatMap((p) => p.options.map((o) => ({ part: p.part, option: o.id })));

describe('every tip of the guide shows whole on the step cards where it appears', () => {
  for (const formula of content.formulas) {
    for (const choice of choices(formula)) {
      test(`${formula.name} · ${choice.part}: ${choice.option}`, () => {
        const wrong: string[] = [];
        for (const { state, step } of walk(formula, choice)) {
          const card = stepCard({ state, step, content, contributions: [], viewer: FACILITATOR_VIEW, now: T0 + 60_000 });
          wrong.push(...problems(card).map((p) => `${step.id}: ${p}`));
          const text = cardText(card);
          wrong.push(...missing(text, tipsOf(step)).map((m) => `${step.id}: ${m}`));
        }
        expect(wrong).toEqual([]);
      });
    }
  }

  test('the walks reached every activity of the guide that has tips or whose questions have', () => {
    const reached = new Set(content.formulas.flatMap((f) => choices(f).flatMap((c) => walk(f, c).map(({ step }) => step.activityId))));
    const withTips = content.activities.filter((a) => a.tips.length || ('questions' in a && a.questions.some((q) => q.tips.length)));
    expect(withTips.map((a) => a.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  // Videos: "Data et IA" objective n°3 (L1525–1531) is over 1,200 characters, once cut.
  test('Data et IA: its objective n°3, whole, on the Ristretto’s video card', () => {
    const objective = content.videos.find((v) => v.id === 'data-ia')!.objectives[2];
    expect(objective.text.length).toBeGreaterThan(1200);
    const ristretto = content.formulas.find((f) => f.id === 'ristretto' && f.variant === 'avec-sucre')!;
    const video = walk(ristretto, { part: 'cafe', option: 'data-ia' }).find(({ step }) => step.kind === 'video' && step.ref === 'data-ia')!;
    const text = cardText(stepCard({ ...video, content, contributions: [], viewer: FACILITATOR_VIEW, now: T0 }));
    expect(text).toContain(fold(objective.text));
    expect(text).toContain("conseil, négociation, travail collaboratif, etc.");
  });
});

describe("the menu card gives the facilitator the guide's preparation, whole", () => {
  for (const formula of content.formulas) {
    const state = start(formula);
    const mine = menuCard({ state, content, viewer: FACILITATOR_VIEW });
    const shared = menuCard({ state, content, viewer: SHARED });

    test(`${formula.name}: valid cards under 40 KB`, () => {
      expect(problems(mine)).toEqual([]);
      expect(problems(shared)).toEqual([]);
    });

    // L1205–1240: all of "TOUS LES CONSEILS…", the Tchapp community and « Utilisez la communication en amont » included.
    test(`${formula.name}: every general tip, the formula's tips and the virtual café's advice`, () => {
      const text = cardText(mine);
      expect(missing(text, [...content.generalTips, ...formula.tips, ...content.virtual.advice])).toEqual([]);
      expect(text).toContain('retrouvez la communauté DATAcculturation sur Tchapp');
      expect(text).toContain('Utilisez la communication en amont pour séduire un plus large public !');
    });

    // L420, L672, L731, L826, L927, L1052.
    test(`${formula.name}: the « Matériel » of the formula, of its activities and of the virtual café, for the facilitator only`, () => {
      const text = cardText(mine);
      const activities = new Set(formula.parts.flatMap((p) => p.options.flatMap((o) => o.activities)));
      const materials = [
        formula.material,
        ...content.activities.filter((a) => activities.has(a.id)).map((a) => a.material),
        content.virtual.material,
      ].filter((m): m is string => !!m);
      expect(materials.length).toBeGreaterThanOrEqual(2);
      for (const m of materials) {
        expect(text).toContain(m);
        expect(cardText(shared)).not.toContain(m);
      }
    });
  }
});

// L1244–1250: the map of the cafés, its link and contact, where the network report is offered.
describe('the map of the cafés is where the network report is offered', () => {
  const map = content.cafesMap;
  const expectMap = (text: string) => {
    expect(text).toContain(map.title);
    expect(text).toContain(map.text);
    expect(text).toContain('https://umap.openstreetmap.fr/fr/map/dataacculturation-cafes-de-la-data-organises-en-fra_1002168#6/47.160/3.494');
    expect(text).toContain('mailto:justine.sperandio-martinez@auvergne-rhone-alpes.gouv.fr');
  };

  test('on the network card, asked and saved', () => {
    const asked = networkCard({ locale: 'fr', map, cafeId: 'c' });
    const saved = networkCard({ locale: 'en', map, cafeId: 'c', saved: true, profile: { organisation: 'DDT', town: 'Lyon' }, links: [{ label: 'GeoJSON', url: 'https://x.test/n.geojson' }] });
    for (const card of [asked, saved]) {
      expect(problems(card)).toEqual([]);
      expectMap(cardText(card));
    }
  });

  test("on the recap, beside the report's links (and not without them)", () => {
    const ended = decide(start(content.formulas[0]), { type: 'end' }, { actor: FACILITATOR, content, now: T0, contributions: [] });
    if (isRefusal(ended)) throw new Error(ended.refused);
    const withReport = recapCard({ state: ended.state, content, contributions: [], locale: 'fr', now: T0, networkDownloads: [{ label: 'GeoJSON', url: 'https://x.test/n.geojson' }] });
    expect(problems(withReport)).toEqual([]);
    expectMap(cardText(withReport));
    expect(cardText(recapCard({ state: ended.state, content, contributions: [], locale: 'fr', now: T0 }))).not.toContain(map.title);
  });
});
