import { composeCard, formulasCard, helpCard, menuCard, menuTreeCard, answersOf, stepCard, ActionDataSchema } from '../../src/cards';
import type { Card, Viewer } from '../../src/cards';
import { MAX_BUTTON_TITLE } from '../../src/cards/buttons';
import type { Formula } from '../../src/content';
import { composables, PARTS } from '../../src/domain/compose';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { currentStep } from '../../src/domain/lookup';
import type { CafeState, Step } from '../../src/domain/types';
import { content, FACILITATOR, T0, vote } from './fixtures';
import { FACILITATOR_VIEW, SHARED } from './scenarios';

/**
 * A café that reads well in a busy chat (issue 14): every choice can be read in full (Teams cuts a
 * button past about 30 characters), the sur-mesure lists say what each element is, once, and the
 * photo-langage reads at a glance. Every formula, variant and option is walked to its end.
 */

const PARTICIPANT: Viewer = { userId: '29:participant-01', isFacilitator: false, locale: 'fr' };

function start(formula: Formula): CafeState {
  const s = startCafe(
    { type: 'start', formulaId: formula.id, variant: formula.variant, cafeId: `cafe-${formula.id}-${formula.variant}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(s)) throw new Error(s.refused);
  return s;
}

/** The café run from Commencer to the end, choosing `choice` where the café reaches that part. */
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
  return seen;
}

const choices = (f: Formula) => f.parts.flatMap((p) => p.options.map((o) => ({ part: p.part, option: o.id })));

/** Every button's title on a card (show cards' buttons included). */
function buttonTitles(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => buttonTitles(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') out.push(o.title);
    // An Action.Submit fallback repeats its button.
    for (const [k, x] of Object.entries(o)) if (k !== 'fallback') buttonTitles(x, out);
  }
  return out;
}

/**
 * What a card shows before anyone opens anything: its body's elements and their characters, the
 * contents of show cards (tips, summaries) and of the refresh block left out. A rough measure of
 * its height in the chat, to hang a budget on.
 */
function visible(card: Card): { elements: number; chars: number } {
  let elements = 0;
  let chars = 0;
  const walkIn = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walkIn);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'Action.ShowCard' || o.type === 'Action.Execute' || o.type === 'Action.Submit') return;
    if (typeof o.type === 'string' && o.type !== 'AdaptiveCard') elements++;
    if (typeof o.text === 'string') chars += o.text.length;
    if (o.type === 'Input.ChoiceSet' && Array.isArray(o.choices)) chars += (o.choices as Array<{ title: string }>).reduce((n, c) => n + c.title.length, 0);
    for (const [k, x] of Object.entries(o)) if (k !== 'refresh' && k !== 'fallback') walkIn(x);
  };
  walkIn((card as { body?: unknown }).body);
  return { elements, chars };
}

const walks = content.formulas.flatMap((formula) => choices(formula).map((choice) => ({ formula, choice })));

describe('every choice reads in full', () => {
  it.each(walks.map((w) => [`${w.formula.name} · ${w.choice.part}: ${w.choice.option}`, w] as const))(
    '%s: no button title longer than 30 characters on any step card, for anyone',
    (_name, { formula, choice }) => {
      const long: string[] = [];
      for (const { state, step } of walk(formula, choice)) {
        for (const viewer of [FACILITATOR_VIEW, SHARED, PARTICIPANT]) {
          const card = stepCard({ state, step, content, contributions: [], viewer, now: T0 + 60_000 });
          long.push(...buttonTitles(card).filter((title) => title.length > MAX_BUTTON_TITLE).map((title) => `${step.id}: ${title}`));
        }
      }
      expect(long).toEqual([]);
    },
  );

  it('nor on the menus, the formulas, the composer, the guided menu (its long answers listed whole) nor the help', () => {
    const cards: Card[] = [
      ...content.formulas.flatMap((f) => [FACILITATOR_VIEW, SHARED].map((viewer) => menuCard({ state: start(f), content, viewer }))),
      formulasCard({ content, locale: 'fr' }), composeCard({ content, locale: 'fr' }),
      helpCard({ locale: 'fr', isFacilitator: true }), helpCard({ locale: 'fr', isFacilitator: false }),
    ];
    // The guided menu, every path of its questions.
    const seen = new Set<string>();
    const tree = (answers: Parameters<typeof menuTreeCard>[0]['answers']) => {
      const key = JSON.stringify(answers);
      if (seen.has(key) || seen.size > 200) return;
      seen.add(key);
      const card = menuTreeCard({ answers, content, locale: 'fr' });
      cards.push(card);
      for (const data of buttonData(card)) {
        const parsed = ActionDataSchema.safeParse(data);
        if (parsed.success && parsed.data.verb === 'advise') tree(answersOf(parsed.data));
      }
    };
    tree({});
    expect(seen.size).toBeGreaterThan(3);
    const long = cards.flatMap((card) => buttonTitles(card)).filter((title) => title.length > MAX_BUTTON_TITLE);
    expect(long).toEqual([]);
    const audience = JSON.stringify(menuTreeCard({ answers: { organise: true, long: false }, content, locale: 'fr' }));
    expect(audience).toContain("**C** · De niveau intermédiaire sur la data et l'IA");
  });

  it('a quiz\'s long choices are listed whole under a letter, and voted by their letter', () => {
    const formula = content.formulas.find((f) => f.id === 'ristretto' && f.variant === 'avec-sucre')!;
    const at = walk(formula, { part: 'cafe', option: 'data-ia' }).find(({ step }) => step.id.endsWith('.chat'))!;
    const card = JSON.stringify(stepCard({ ...at, content, contributions: [], viewer: PARTICIPANT, now: T0 + 60_000 }));
    expect(card).toContain('**B** · On lui a appris à le faire en l\'entraînant avec un grand nombre de photos de chats pour limiter ses erreurs');
    const question = content.activities.flatMap((a) => (a.kind === 'polls' ? a.questions : [])).find((q) => q.id === 'chat')!;
    const titles = buttonTitles(JSON.parse(card)).filter((title) => /^[A-Z]$/.test(title));
    expect(titles).toEqual(question.choices.map((_, i) => String.fromCharCode(65 + i)));
    for (const [i, c] of question.choices.entries()) expect(card).toContain(`**${String.fromCharCode(65 + i)}** · ${c.label.replace(/'/g, "'")}`);
  });

  it('the video\'s choice lists each video whole; the default keeps its ★ on its letter', () => {
    const formula = content.formulas.find((f) => f.id === 'ristretto' && f.variant === 'avec-sucre')!;
    const at = walk(formula, { part: 'tasse', option: 'madonna' }).find(({ step }) => step.id === 'cafe.choix')!;
    const card = stepCard({ ...at, content, contributions: [], viewer: FACILITATOR_VIEW, now: T0 + 60_000 });
    const text = JSON.stringify(card);
    expect(text).toContain("★ La donnée et l'open data : la donnée par et pour le service public");
    expect(text).toContain('Data et IA : des outils au service des agents publics (en 2 parties)');
    expect(buttonTitles(card)).toEqual(expect.arrayContaining(['★ A', 'B']));
  });
});

function buttonData(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => buttonData(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.data) out.push(o.data);
    Object.values(o).forEach((x) => buttonData(x, out));
  }
  return out;
}

describe('the sur-mesure lists', () => {
  const all = composables(content);

  it.each(PARTS.map((p) => [p] as const))('%s: each element once, under a label of its own that says what it is', (part) => {
    const labels = all[part].map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    // Labels that mean something only inside their formula.
    for (const vague of ['Introduction thématique', 'Séquence collective', 'La BAN', 'Les deux vidéos', "d'accord ou pas d'accord ?", 'Ouverture']) expect(labels).not.toContain(vague);
    // The same videos shown, the same closing text: once.
    const videos = all[part].flatMap((c) => {
      const acts = c.activities.map((id) => content.activities.find((a) => a.id === id)!);
      return acts.every((a) => a.kind === 'video') ? [acts.flatMap((a) => (a.kind === 'video' ? a.videos : [])).join('+')] : [];
    });
    expect(new Set(videos).size).toBe(videos.length);
  });

  it('the composer\'s lists wrap their long entries instead of cutting them', () => {
    const card = composeCard({ content, locale: 'fr' }) as { body: Array<Record<string, unknown>> };
    const sets = card.body.filter((e) => e.type === 'Input.ChoiceSet');
    expect(sets).toHaveLength(4);
    for (const set of sets) expect(set.wrap).toBe(true);
    for (const set of sets) {
      const titles = (set.choices as Array<{ title: string }>).map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe('the photo-langage reads at a glance', () => {
  const formula = content.formulas.find((f) => f.id === 'mousse-ia')!;
  const at = walk(formula, { part: 'tasse', option: 'photo-langage' }).find(({ step }) => step.kind === 'pick')!;
  const activity = content.activities.find((a) => a.id === 'photo-langage')!;
  const items = activity.kind === 'pick' ? activity.items : [];

  it('the films\' titles in the list; each summary behind « 🎬 Les résumés »', () => {
    const card = stepCard({ ...at, content, contributions: [], viewer: PARTICIPANT, now: T0 + 60_000 }) as { body: Array<Record<string, unknown>> };
    const list = card.body.find((e) => e.type === 'Input.ChoiceSet') as { choices: Array<{ title: string }> };
    expect(list.choices.map((c) => c.title)).toEqual(items.map((i) => i.label));
    const toggle = card.body.flatMap((e) => (e.type === 'ActionSet' ? (e.actions as Array<Record<string, unknown>>) : [])).find((a) => a.type === 'Action.ShowCard' && a.title === '🎬 Les résumés');
    expect(toggle).toBeDefined();
    const hidden = JSON.stringify(toggle);
    for (const item of items) expect(hidden).toContain(item.detail!);
    // Nothing of the summaries shows before the button is pressed.
    const shown = JSON.stringify(card.body.filter((e) => e.type !== 'ActionSet'));
    for (const item of items) expect(shown).not.toContain(item.detail!);
  });
});

/**
 * A rough height budget per card: what everyone sees of a step card before opening anything. The
 * measured maxima (shared view, 40 voters) are printed with PRINT_HEIGHTS=1; the lead checks the
 * screenshots. The budget holds every card of every formula and option.
 */
describe('cards stay short in the chat', () => {
  const BUDGET = { elements: 40, chars: 2_600 };

  it.each(walks.map((w) => [`${w.formula.name} · ${w.choice.part}: ${w.choice.option}`, w] as const))('%s: every shared step card within the budget', (_name, { formula, choice }) => {
    const over: string[] = [];
    let max = { elements: 0, chars: 0, at: '' };
    for (const { state, step } of walk(formula, choice)) {
      const contributions = step.kind === 'poll' ? Array.from({ length: 40 }, (_, i) => vote(state, step.id, i + 1, 'x')) : [];
      for (const viewer of [SHARED, PARTICIPANT]) {
        const size = visible(stepCard({ state, step, content, contributions, viewer, now: T0 + 60_000 }));
        if (size.chars > max.chars) max = { ...size, at: step.id };
        if (size.elements > BUDGET.elements || size.chars > BUDGET.chars) over.push(`${step.id}: ${size.elements} elements, ${size.chars} characters`);
      }
    }
    if (process.env.PRINT_HEIGHTS) console.log(formula.id, formula.variant, choice.option, max);
    expect(over).toEqual([]);
  });
});
