import { menuCard, stepCard, type Viewer } from '../../src/cards';
import { recapCard } from '../../src/cards/recap';
import { stepFacilitatorTexts, facilitatorOnlyTexts, type FacilitatorText } from '../../src/content/audience';
import type { Formula } from '../../src/content/schema';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { activityOf, currentStep, videoOf } from '../../src/domain/lookup';
import type { CafeState, Command, Contribution } from '../../src/domain/types';
import { exportMarkdown } from '../../src/export/markdown';
import { t } from '../../src/i18n';
import { boardSnapshot } from '../../src/tab/snapshot';
import { normalise } from '../content/guideText';
import { content, FACILITATOR, person, pick, T0, vote } from './fixtures';
import { texts } from './validate';

/**
 * WHO SEES WHICH TEXT (src/content/schema.ts). The guide speaks to the person who facilitates:
 * « demander à tout le monde de couper son micro » (L1060), « Réponse : voir si les personnes
 * répondent et leur rappeler… » (L626), « Pas de réponse vraie ou fausse, on peut aider le
 * groupe… » (L479–481), « Si vous avez encore quelques minutes… » (L545, L650), « À la fin de
 * l'exercice, synthétisez… » (L808). Every step of every formula, variant and option is rendered
 * for the shared card, a participant and the facilitator, with the café board and, once ended,
 * the recap posted in the chat and the export: no facilitator-only text of the content (read from
 * the content model, not a hand list) reaches anyone but the facilitator, who does see it.
 */

/** Every string of a JSON document (the board's snapshot), one a line, as the page shows them. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const SHARED: Viewer = { isFacilitator: false, locale: 'fr' };
const PARTICIPANT: Viewer = { userId: person(1).id, isFacilitator: false, locale: 'fr' };
const FACILITATOR_VIEW: Viewer = { userId: FACILITATOR.id, isFacilitator: true, locale: 'fr' };

function step(state: CafeState, command: Command, now: number, contributions: Contribution[] = []): CafeState {
  const d = decide(state, command, { actor: FACILITATOR, content, now, contributions });
  if (isRefusal(d)) throw new Error(`${command.type} refused: ${d.refused}`);
  return d.state;
}

interface Seen {
  /** Everything the shared card, a participant and the board showed, normalised. */
  everyone: string;
  /** Everything the facilitator's own view showed, normalised. */
  facilitator: string;
  /** The facilitator-only texts of the activities this café went through. */
  facilitatorOnly: FacilitatorText[];
}

/** One café of `formula`, with `option` chosen for part `partIndex` (the defaults elsewhere), walked from the first step to the recap. */
function walk(formula: Formula, partIndex: number, option: string): Seen {
  const started = startCafe(
    { type: 'start', formulaId: formula.id, variant: formula.variant, cafeId: `cafe-${formula.id}-${formula.variant}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(started)) throw new Error(started.refused);
  let state = step(started, { type: 'begin' }, T0);
  const everyone: string[] = [];
  const facilitator: string[] = [];
  const facilitatorOnly = new Map<string, FacilitatorText>();
  const contributions: Contribution[] = [];
  const render = (s: CafeState, now: number) => {
    const current = currentStep(s)!;
    const input = { state: s, step: current, content, contributions, now };
    everyone.push(texts(stepCard({ ...input, viewer: SHARED })), texts(stepCard({ ...input, viewer: PARTICIPANT })));
    everyone.push(...strings(boardSnapshot(s, contributions, content, now)));
    facilitator.push(texts(stepCard({ ...input, viewer: FACILITATOR_VIEW })));
  };
  for (let i = 0; i < 100; i++) {
    const now = T0 + i * 60_000;
    const current = currentStep(state)!;
    const activity = activityOf(current, content);
    for (const f of stepFacilitatorTexts(activity, videoOf(current, content))) facilitatorOnly.set(f.at, f);
    // Participant 1 takes part, so their own view shows their choice.
    if (current.kind === 'poll' && activity?.kind === 'polls') {
      const q = activity.questions.find((x) => x.id === current.ref);
      if (q) contributions.push(vote(state, current.id, 1, q.choices[0].id));
    }
    if (current.kind === 'pick' && activity?.kind === 'pick') contributions.push(pick(state, current.id, 1, activity.items[0].id));
    render(state, now);
    if (current.kind === 'poll' || current.kind === 'question') {
      const revealed = decide(state, { type: 'reveal', stepId: current.id }, { actor: FACILITATOR, content, now, contributions });
      if (!isRefusal(revealed)) render(revealed.state, now);
    }
    if (state.cursor >= state.steps.length - 1) break;
    const choosing = current.kind === 'choose' && Number(current.ref) === partIndex;
    state = choosing ? step(state, { type: 'choose', stepId: current.id, option }, now, contributions) : step(state, { type: 'next' }, now, contributions);
  }
  const ended = step(state, { type: 'end' }, T0 + 200 * 60_000, contributions);
  everyone.push(texts(recapCard({ state: ended, content, contributions, locale: 'fr', now: ended.endedAt ?? T0 })));
  everyone.push(...strings(boardSnapshot(ended, contributions, content, T0 + 201 * 60_000)));
  everyone.push(exportMarkdown(ended, contributions, content, T0 + 201 * 60_000));
  return { everyone: normalise(everyone.join('\n')), facilitator: normalise(facilitator.join('\n')), facilitatorOnly: [...facilitatorOnly.values()] };
}

/** The paragraphs of a text, normalised, as the cards may show them (one TextBlock per paragraph or all together). */
const paragraphsOf = (text: string): string[] => text.split(/\n\s*\n/).map(normalise).filter((p) => p.length > 0);

const cafes = content.formulas.flatMap((formula) =>
  formula.parts.flatMap((part, partIndex) => part.options.map((o) => [`${formula.name} · ${part.part}: ${o.label}`, formula, partIndex, o.id] as const)));

describe('what the guide addresses to the facilitator stays with the facilitator', () => {
  it('the content model names facilitator-only texts, among them the guide sentences of the issue', () => {
    const all = facilitatorOnlyTexts(content).map((f) => normalise(f.text)).join('\n');
    for (const sentence of [
      'demander à tout le monde de couper son micro', // L1060, the video steps' viewing advice
      "voir si les personnes répondent et leur rappeler qu'il s'agit d'une obligation légale", // L626, Géo'DAE quiz
      'Pas de réponse vraie ou fausse, on peut aider le groupe', // L479–481, open-data quiz
      'Si vous avez encore quelques minutes, vous pouvez continuer à échanger', // L545, L650
      "À la fin de l'exercice, synthétisez les principaux arguments", // L808, Americano sans sucre
      'Posez les questions suivantes au groupe', // L467 and the quizzes
      "Séparer l'espace en 2 zones distinctes", // L696, placement dans l'espace
    ]) expect(all).toContain(normalise(sentence));
  });

  it.each(cafes)('%s: nothing facilitator-only on the shared card, a participant view, the board, the recap or the export', (_name, formula, partIndex, option) => {
    const seen = walk(formula, partIndex, option);
    expect(seen.facilitatorOnly.length).toBeGreaterThan(0);
    const leaked = seen.facilitatorOnly.flatMap((f) => paragraphsOf(f.text).filter((p) => seen.everyone.includes(p)).map((p) => `${f.at}: ${p}`));
    expect(leaked).toEqual([]);
    // The facilitator's own view shows each of them, in the card's body or its tips (whole tips
    // uncut on every card are checked where long tips are: here, that each is given at all).
    const isTip = (f: FacilitatorText) => /\.(tips|objectives)\[/.test(f.at);
    const expected = (f: FacilitatorText) => (isTip(f) ? [paragraphsOf(f.text)[0].slice(0, 300)] : paragraphsOf(f.text));
    const missing = seen.facilitatorOnly.flatMap((f) => expected(f).filter((p) => !seen.facilitator.includes(p)).map((p) => `${f.at}: ${p}`));
    expect(missing).toEqual([]);
  });
});

describe("the café's first card: the facilitator's preparation, for the facilitator alone", () => {
  // « Avant de vous lancer » (L1056–1062, « demander à tout le monde de couper son micro… »), the
  // general advice (L1205–1240) and each formula's tips speak to the person who facilitates.
  const preparation = facilitatorOnlyTexts(content).filter((f) => /^(generalTips|virtual\.advice|formulas\.)/.test(f.at));

  it.each(content.formulas.map((f) => [f.name, f] as const))('%s: none of it on the shared menu or a participant\'s, all of it in the facilitator\'s', (_name, formula) => {
    const state = startCafe(
      { type: 'start', formulaId: formula.id, variant: formula.variant, cafeId: `menu-${formula.id}-${formula.variant}`, conversationId: '19:chat', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
      { actor: FACILITATOR, content, now: T0 },
    );
    if (isRefusal(state)) throw new Error(state.refused);
    const everyone = normalise([SHARED, PARTICIPANT].map((viewer) => texts(menuCard({ state, content, viewer }))).join('\n'));
    const mine = normalise(texts(menuCard({ state, content, viewer: FACILITATOR_VIEW })));
    const mineHere = preparation.filter((f) => !f.at.startsWith('formulas.') || f.at.startsWith(`formulas.${formula.id}.${formula.variant}.`));
    expect(mineHere.length).toBeGreaterThan(0);
    expect(mineHere.flatMap((f) => paragraphsOf(f.text).filter((p) => everyone.includes(p)).map((p) => `${f.at}: ${p}`))).toEqual([]);
    expect(mineHere.flatMap((f) => paragraphsOf(f.text).filter((p) => !mine.includes(p)).map((p) => `${f.at}: ${p}`))).toEqual([]);
  });
});

describe("what participants read instead: the guide's words for them, or Barista's short line", () => {
  const at = (formula: string, variant: Formula['variant'], partIndex: number, option: string) =>
    walk(content.formulas.find((f) => f.id === formula && f.variant === variant)!, partIndex, option);

  it("the video steps: Barista's instruction to act, from the guide's advice to the facilitator (L1060)", () => {
    const seen = at('ristretto', 'avec-sucre', 1, 'open-data');
    expect(seen.everyone).toContain(normalise(t('fr', 'video.instruction')));
    expect(seen.facilitator).toContain(normalise("demander à tout le monde de couper son micro et de signaler par un message quand il ou elle a fini le visionnage (prévoir entre 2 et 5 min)"));
  });

  it("« Fin du café de la data » (L545): participants read Barista's line and the links", () => {
    const seen = at('ristretto', 'avec-sucre', 3, 'fin');
    expect(seen.everyone).toContain(normalise(t('fr', 'participants.text')));
    expect(seen.everyone).toContain('data.gouv.fr');
  });

  it("the quizzes (L467): participants read Barista's line to vote, the facilitator « Posez les questions suivantes au groupe… »", () => {
    const seen = at('ristretto', 'sans-sucre', 2, 'quiz-ban');
    expect(seen.everyone).toContain(normalise(t('fr', 'participants.poll')));
    expect(seen.facilitator).toContain(normalise('Posez les questions suivantes au groupe et prenez quelques instants pour expliquer les réponses et échanger.'));
  });

  it("Barista's lines are not the guide's: none is in the guide's text", () => {
    const { readGuide } = jest.requireActual('../content/guideText') as typeof import('../content/guideText');
    const guide = normalise(readGuide());
    for (const key of ['participants.poll', 'participants.question', 'participants.pick', 'participants.text', 'video.instruction', 'adaptation.placement-poll'] as const) {
      expect(guide).not.toContain(normalise(t('fr', key)));
    }
  });
});

describe("Placement dans l'espace: the guide's set-up, and Barista's adaptation said as such", () => {
  const americano = content.formulas.find((f) => f.id === 'americano' && f.variant === 'avec-sucre')!;
  const tasse = americano.parts.findIndex((p) => p.part === 'tasse');

  it("the facilitator reads the guide's set-up (L696), everyone reads that the polls are Barista's adaptation (L1071)", () => {
    const seen = walk(americano, tasse, 'placement');
    expect(seen.facilitator).toContain(normalise("Séparer l'espace en 2 zones distinctes : une zone Plutôt d'accord et une zone Plutôt pas d'accord. Vous allez alors présenter plusieurs affirmations et les personnes vont y répondre en se plaçant dans la zone correspondant à leur avis."));
    expect(seen.everyone).not.toContain(normalise("Séparer l'espace en 2 zones distinctes"));
    const adaptation = normalise(t('fr', 'adaptation.placement-poll'));
    expect(seen.everyone).toContain(adaptation);
    expect(seen.facilitator).toContain(adaptation);
  });

  it('the adaptation is in the content model, on the placement only', () => {
    expect(content.activities.filter((a) => a.adaptation).map((a) => [a.id, a.adaptation])).toEqual([['placement', 'placement-poll']]);
  });

  it.each(content.formulas.map((f) => [f.name, f] as const))(
    '%s: the default ice breaker is one the guide says works online (L1071: « sauf le placement dans l\'espace »)',
    (_name, f) => {
      // A Teams café is an online café.
      const part = f.parts.find((p) => p.part === 'tasse')!;
      const option = part.options.find((o) => o.id === part.defaultOption)!;
      const adapted = option.activities.filter((id) => content.activities.find((a) => a.id === id)?.adaptation);
      expect(adapted).toEqual([]);
    },
  );
});

describe("every placement card says it is Barista's adaptation, not only the first", () => {
  it('on each of the 9 statements, for the shared card and the facilitator', () => {
    const americano = content.formulas.find((f) => f.id === 'americano' && f.variant === 'avec-sucre')!;
    const started = startCafe(
      { type: 'start', formulaId: 'americano', variant: 'avec-sucre', cafeId: 'cafe-placement', conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
      { actor: FACILITATOR, content, now: T0 - 60_000 },
    );
    if (isRefusal(started)) throw new Error(started.refused);
    const begun = step(started, { type: 'begin' }, T0);
    let state = step(begun, { type: 'choose', stepId: currentStep(begun)!.id, option: 'placement' }, T0);
    const adaptation = t('fr', 'adaptation.placement-poll');
    let cards = 0;
    while (activityOf(currentStep(state)!, content)?.id === 'placement') {
      for (const viewer of [SHARED, FACILITATOR_VIEW]) {
        expect(texts(stepCard({ state, step: currentStep(state)!, content, contributions: [], viewer, now: T0 }))).toContain(adaptation);
      }
      cards++;
      state = step(state, { type: 'next' }, T0);
    }
    expect(cards).toBe(9);
    expect(americano.parts[0].options.map((o) => o.id)).toContain('placement');
  });
});
