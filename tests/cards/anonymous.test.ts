import { helpCard, stepCard, type Viewer } from '../../src/cards';
import { recapCard } from '../../src/cards/recap';
import type { Formula } from '../../src/content/schema';
import { contribute } from '../../src/domain/contribute';
import { decide, isRefusal, startCafe } from '../../src/domain/decide';
import { activityOf, currentStep } from '../../src/domain/lookup';
import type { CafeState, Command, Contribution, Step } from '../../src/domain/types';
import { exportCsv } from '../../src/export/csv';
import { exportMarkdown } from '../../src/export/markdown';
import { exportJson } from '../../src/export/model';
import { t } from '../../src/i18n';
import { boardSnapshot } from '../../src/tab/snapshot';
import { content, FACILITATOR, person, T0 } from './fixtures';
import { texts } from './validate';

/**
 * Anonymous where the guide is anonymous. The Cappuccino's level board (L830–840: « installer un
 * panneau ou une feuille sur laquelle ils et elles pourront se positionner », « Mettez une croix /
 * une gommette / un aimant en face de votre niveau ») is crosses on a board: counts per level,
 * never names. Names appear only where the guide gives someone the floor: the crazy jobs (L769:
 * « invitez les à s'exprimer tour à tour ») and the photo-langage.
 */

const formula = (id: string, variant: Formula['variant'] = 'avec-sucre') => content.formulas.find((f) => f.id === id && f.variant === variant)!;

function run(state: CafeState, command: Command, contributions: Contribution[] = []): CafeState {
  const d = decide(state, command, { actor: FACILITATOR, content, now: T0, contributions });
  if (isRefusal(d)) throw new Error(`${command.type} refused: ${d.refused}`);
  return d.state;
}

/** A café of `formulaId` moved on with Suivant (options chosen by `choose`) until `until`. */
function cafeAt(f: Formula, until: (s: Step) => boolean, choose: Record<string, string> = {}): CafeState {
  const started = startCafe(
    { type: 'start', formulaId: f.id, variant: f.variant, cafeId: `cafe-${f.id}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(started)) throw new Error(started.refused);
  let s = run(started, { type: 'begin' });
  for (let i = 0; i < 100; i++) {
    const step = currentStep(s)!;
    if (until(step)) return s;
    const option = choose[step.part];
    s = step.kind === 'choose' && option ? run(s, { type: 'choose', stepId: step.id, option }) : run(s, { type: 'next' });
  }
  throw new Error('step not reached');
}

/** Picks as the bot records them (through the domain's contribute), by participants 1..n. */
function picks(state: CafeState, items: string[]): Contribution[] {
  const step = currentStep(state)!;
  return items.map((item, i) => {
    const p = person(i + 1);
    const c = contribute(state, { stepId: step.id, value: { kind: 'pick', item }, activityId: `act-${i}` }, { id: p.id, name: p.name, locale: 'fr' }, content, T0 + i);
    if ('refused' in c) throw new Error(c.refused);
    return c;
  });
}

const VIEWERS: Viewer[] = [
  { isFacilitator: false, locale: 'fr' },
  { userId: person(1).id, isFacilitator: false, locale: 'fr' },
  { userId: FACILITATOR.id, isFacilitator: true, locale: 'fr' },
];

describe('the Cappuccino level board (L830–840): counts per level, never names', () => {
  const f = formula('cappuccino');
  const state = cafeAt(f, (s) => s.kind === 'pick' && activityOf(s, content)?.id === 'niveau');
  const contributions = picks(state, ['novice', 'novice', 'averti', 'expert', 'novice']);
  const names = contributions.map((_, i) => person(i + 1).name);

  it('is a pick without turns in the content, and the record of a cross keeps no name', () => {
    const niveau = content.activities.find((a) => a.id === 'niveau');
    expect(niveau).toMatchObject({ kind: 'pick', turns: false });
    expect(contributions.every((c) => c.userName === undefined)).toBe(true);
  });

  it.each(VIEWERS)('the card shows the counts per level and no name (viewer %o)', (viewer) => {
    const text = texts(stepCard({ state, step: currentStep(state)!, content, contributions, viewer, now: T0 + 10 }));
    expect(text).toContain('**Novice** : 3');
    expect(text).toContain('**Averti ou avertie** : 1');
    expect(text).toContain('**Expert ou experte** : 1');
    expect(text).toContain(t('fr', 'pick.anonymous'));
    for (const name of names) expect(text).not.toContain(name);
  });

  it('the board, the recap and the exports count the crosses, without names', () => {
    const ended = run(state, { type: 'end' }, contributions);
    const shown = [
      JSON.stringify(boardSnapshot(state, contributions, content, T0 + 10)),
      JSON.stringify(boardSnapshot(ended, contributions, content, T0 + 10)),
      texts(recapCard({ state: ended, content, contributions, locale: 'fr', now: T0 + 10 })),
      exportMarkdown(ended, contributions, content, T0 + 10),
      exportCsv(ended, contributions, content, T0 + 10),
      JSON.stringify(exportJson(ended, contributions, content, T0 + 10)),
    ];
    for (const out of shown) for (const name of names) expect(out).not.toContain(name);
    expect(texts(recapCard({ state: ended, content, contributions, locale: 'fr', now: T0 + 10 }))).toContain('Novice × 3');
  });
});

describe('names appear where the guide gives someone the floor: crazy jobs, photo-langage', () => {
  it.each([
    ['crazy jobs (Americano sans sucre, L769)', formula('americano', 'sans-sucre'), {}, 'passeur-aspirateur'],
    ['photo-langage (Mousse d’IA)', formula('mousse-ia'), { tasse: 'photo-langage' }, 'hal'],
  ] as const)('%s: the pick keeps the name for the turns, and the card says who picked what', (_name, f, choose, item) => {
    const state = cafeAt(f, (s) => s.kind === 'pick', choose);
    const contributions = picks(state, [item, item]);
    expect(contributions.map((c) => c.userName)).toEqual([person(1).name, person(2).name]);
    const text = texts(stepCard({ state, step: currentStep(state)!, content, contributions, viewer: VIEWERS[0], now: T0 + 10 }));
    expect(text).toContain(person(1).name);
    expect(text).toContain(t('fr', 'pick.who'));
  });
});

describe('the help says what is anonymous, instead of "your votes are anonymous"', () => {
  it.each(['fr', 'en'] as const)('%s', (locale) => {
    const text = texts(helpCard({ locale, isFacilitator: false }));
    expect(text).toContain(t(locale, 'help.participants'));
    expect(text).not.toMatch(/Vos votes sont anonymes\.|Your votes are anonymous\./);
    expect(text).toMatch(locale === 'fr' ? /crazy jobs et du photo-langage/ : /crazy jobs and photo-langage/);
    expect(text).toMatch(locale === 'fr' ? /niveaux sont anonymes/ : /levels are anonymous/);
  });
});
