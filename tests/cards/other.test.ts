import { alreadyRunningCard, formulasCard, helpCard, menuCard, recapCard } from '../../src/cards';
import { plannedTotal } from '../../src/domain/plan';
import { findFormula } from '../../src/domain/lookup';
import type { Variant } from '../../src/content/schema';
import type { CafeState, Contribution } from '../../src/domain/types';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { localeOf, t } from '../../src/i18n';
import {
  answer, argument, cafeAt, content, done, FACILITATOR, longText, newCafe, people, person, pick, postit, run, T0, vote,
} from './fixtures';
import { buttons, problems, texts, withoutRefresh } from './validate';
import { FACILITATOR_VIEW, SHARED } from './scenarios';
import { isRefusal, startCafe } from '../../src/domain';

/** Another formula's café in its menu state. */
function startCafeFor(formulaId: string, variant: Variant = 'avec-sucre'): CafeState {
  const s = startCafe(
    { type: 'start', formulaId, variant, cafeId: `cafe-${formulaId}`, conversationId: '19:meeting', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:barista', channelId: 'msteams' },
    { actor: FACILITATOR, content, now: T0 - 60_000 },
  );
  if (isRefusal(s)) throw new Error(s.refused);
  return s;
}

describe('the menu card', () => {
  const menu = newCafe('avec-sucre');
  const formula = findFormula(content, 'americano', 'avec-sucre')!;

  test('the formula, its audience, the four parts with their timings and the total', () => {
    const text = texts(menuCard({ state: menu, content, viewer: SHARED }));
    expect(text).toContain('Americano avec sucre, pour les novices');
    expect(text).toContain('entre 30 minutes et 1 heure');
    for (const part of ['La tasse', 'Le café', 'Le carré de chocolat', 'Le sucre']) expect(text).toContain(part);
    expect(text).toContain("Ma donnée, Madonna ou les deux / Crazy jobs / Placement dans l'espace (en sondage) · 5 à 10 min");
    const total = plannedTotal(formula);
    expect(text).toContain(`Durée prévue : ${total.min} à ${total.max} minutes`);
    expect(text).toContain("L'animateur/animatrice va lancer le café.");
    // The guide's online maximum is the facilitator's advice, not the participants' (issue 12, item 2).
    expect(text).not.toContain('durée maximale');
  });

  test("the guide's 45 minutes online is advice to the facilitator alone, before the café, when the formula plans more (L1044)", () => {
    const mine = texts(menuCard({ state: menu, content, viewer: FACILITATOR_VIEW }));
    expect(mine).toContain(`le guide recommande une durée maximale de ${content.virtual.maxMinutes} minutes ; ce café en prévoit jusqu'à 60 min`);
    const ristretto = startCafeFor('ristretto');
    expect(texts(menuCard({ state: ristretto, content, viewer: FACILITATOR_VIEW }))).not.toContain('durée maximale');
    const started = menuCard({ state: run(menu, { type: 'begin' }), content, viewer: FACILITATOR_VIEW });
    expect(texts(started)).not.toContain('durée maximale');
  });

  test("Barista's estimates are said to be estimates, never the guide's (Cappuccino, L818)", () => {
    const cappuccino = texts(menuCard({ state: startCafeFor('cappuccino'), content, viewer: SHARED }));
    expect(cappuccino).toContain('Durée prévue : 60 à 75 minutes');
    expect(cappuccino).toContain('La BAN / La base Géo\'DAE / L\'open data des collectivités · 5 à 10 min (estimation)');
    expect(cappuccino).toContain("durée estimée par Barista, le guide n'en donne pas");
    const americano = texts(menuCard({ state: menu, content, viewer: SHARED }));
    expect(americano).not.toContain('estimation');
  });

  test('the Ristretto sans sucre: its guide parts fill the 30 minutes (L418), the closing only if minutes are left (L650)', () => {
    const ristretto = texts(menuCard({ state: startCafeFor('ristretto', 'sans-sucre'), content, viewer: SHARED }));
    expect(ristretto).toContain('Durée prévue : 15 à 30 minutes');
    expect(ristretto).toContain("Fin du café de la data · s'il vous reste quelques minutes");
    expect(ristretto).not.toContain('estimation');
  });

  test('Commencer and the guide’s tips only in the facilitator’s view', () => {
    expect(buttons(menuCard({ state: menu, content, viewer: SHARED })).map((b) => b.verb)).toEqual(['refresh']); // "🔄 Ma vue" only
    const mine = menuCard({ state: menu, content, viewer: FACILITATOR_VIEW });
    expect(buttons(mine).map((b) => [b.title, b.verb])).toEqual([['Commencer', 'begin']]);
    expect(texts(mine)).toContain('Conseils du guide');
    expect(texts(mine)).toContain('La convivialité importe plus que le lieu !');
    expect(texts(menuCard({ state: menu, content, viewer: SHARED }))).not.toContain('La convivialité');
    expect(buttons(menuCard({ state: menu, content, viewer: { ...FACILITATOR_VIEW, locale: 'en' } }))[0].title).toBe('Start');
  });

  test('once started or ended: no button, no refresh, and it says so', () => {
    const started = menuCard({ state: run(menu, { type: 'begin' }), content, viewer: FACILITATOR_VIEW });
    expect(buttons(started)).toEqual([]);
    expect(started.refresh).toBeUndefined();
    expect(texts(started)).toContain('Le café a commencé');
    expect(texts(menuCard({ state: run(menu, { type: 'end' }), content, viewer: SHARED }))).toContain('Ce café est terminé');
    expect(menuCard({ state: menu, content, viewer: SHARED }).refresh).toMatchObject({ userIds: [FACILITATOR.id] });
  });
});

/** A whole café, played to the end with 60 people doing everything there is to do. */
function playedCafe(variant: Variant): { state: CafeState; contributions: Contribution[] } {
  const contributions: Contribution[] = [];
  let s = run(newCafe(variant), { type: 'begin' });
  const sixty = people(60).map((_, i) => i + 1);
  for (let guard = 0; guard < 300 && s.status !== 'ended'; guard++) {
    const step = s.steps[s.cursor];
    const activity = content.activities.find((a) => a.id === step.activityId);
    if (step.kind === 'poll' && activity?.kind === 'polls') {
      const q = activity.questions.find((x) => x.id === step.ref)!;
      contributions.push(...sixty.map((i) => vote(s, step.id, i, q.choices[i % q.choices.length].id)));
      if (q.arguments) contributions.push(...sixty.map((i) => argument(s, step.id, i, i % 2 ? 'pour' : 'contre', longText(i))));
    }
    if (step.kind === 'pick' && activity?.kind === 'pick') contributions.push(...sixty.map((i) => pick(s, step.id, i, activity.items[i % activity.items.length].id)));
    if (step.kind === 'video') contributions.push(...sixty.map((i) => done(s, step.id, i)));
    if (step.kind === 'board' && activity?.kind === 'board') {
      contributions.push(...Array.from({ length: 100 }, (_, i) => postit(s, step.id, (i % 60) + 1, activity.columns[i % activity.columns.length].id, activity.postitKinds[i % 4].id, longText(i))));
    }
    if (step.kind === 'question') contributions.push(...sixty.map((i) => answer(s, step.id, i, longText(i))));
    s = run(s, { type: 'next' }, contributions, T0 + (guard + 1) * 60_000);
  }
  return { state: s, contributions };
}

describe('the recap card', () => {
  for (const variant of ['avec-sucre', 'sans-sucre'] as const) {
    test(`Americano ${variant}, 60 participants: valid and under 40 KB`, () => {
      const { state, contributions } = playedCafe(variant);
      expect(state.status).toBe('ended');
      const card = recapCard({ state, content, contributions, locale: 'fr', now: state.endedAt! });
      expect(problems(card)).toEqual([]);
      const text = texts(card);
      expect(text).toContain('Récapitulatif du café');
      expect(text).toContain('mardi 14 octobre 2025');
      expect(text).toContain('10:00');
      expect(text).toMatch(/\d+ min/);
      expect(text).toContain('60');
      expect(text).toContain('https://data.gouv.fr');
      expect(text).toContain(content.playlistUrl);
      expect(JSON.stringify(card)).not.toContain('Zébulon');
      expect(JSON.stringify(card)).not.toContain('29:participant-');
      if (variant === 'avec-sucre') {
        expect(text).toContain('Elle est née dans le Michigan');
        expect(text).toContain("Ma journée d'agent");
        expect(text).toContain("qu'avez-vous appris ?");
      } else {
        expect(text).toContain('Le débat');
        expect(text).toContain('Si c\'est gratuit, c\'est que vous êtes le produit');
        expect(text).toContain('Les choix');
      }
      expect(problems(recapCard({ state, content, contributions, locale: 'en', now: state.endedAt! }))).toEqual([]);
    });
  }

  test('the actual duration leaves the pauses out', () => {
    let s = run(newCafe(), { type: 'begin' }, [], T0);
    s = run(s, { type: 'pause' }, [], T0 + 10 * 60_000);
    s = run(s, { type: 'resume' }, [], T0 + 15 * 60_000);
    s = run(s, { type: 'end' }, [], T0 + 40 * 60_000);
    expect(texts(recapCard({ state: s, content, contributions: [], locale: 'fr', now: T0 + 41 * 60_000 }))).toContain('35 min');
  });
});

describe('formulas, already running, help', () => {
  test('an unknown formula lists those that exist, each with its command and a start button', () => {
    const card = formulasCard({ content, locale: 'fr', input: 'expresso' });
    const text = texts(card);
    expect(text).toContain('Je ne connais pas la formule « expresso ».');
    expect(text).toContain('`/startcafe americano`');
    expect(text).toContain('`/startcafe americano sans sucre`');
    expect(text).toContain('pour les novices');
    expect(buttons(card).map((b) => b.data)).toEqual(content.formulas.map((f) => ({ verb: 'start', formula: f.id, variant: f.variant })));
    expect(buttons(card).map((b) => b.data)).toContainEqual({ verb: 'start', formula: 'americano', variant: 'sans-sucre' });
  });

  test('a café already running: which one, where, and a button to end it', () => {
    const s = cafeAt('avec-sucre', (st) => st.kind === 'poll');
    const card = alreadyRunningCard({ state: s, content, locale: 'fr' });
    expect(texts(card)).toContain('Americano avec sucre');
    expect(texts(card)).toContain('Ma donnée, Madonna ou les deux');
    expect(buttons(card).map((b) => [b.title, b.verb])).toEqual([['Terminer le café en cours', 'end']]);
  });

  test('help lists the commands in French with their English aliases', () => {
    const text = texts(helpCard({ locale: 'fr', isFacilitator: true }));
    for (const c of ['/startcafe', 'avec sucre|sans sucre', '/suivant', '/next', '/precedent', '/previous', '/pause', '/reprendre', '/resume', '/prolonger N', '/fin', '/end', '/aide', '/help']) {
      expect(text).toContain(c);
    }
    expect(texts(helpCard({ locale: 'en', isFacilitator: false }))).toContain('Goes to the next step.');
  });

  test('help shows /startcafe with its formula placeholder, which no Markdown renderer can take for a tag', () => {
    const text = texts(helpCard({ locale: 'fr', isFacilitator: true }));
    expect(text).toContain('/startcafe _formule_ [avec sucre|sans sucre]');
    expect(text).not.toMatch(/<[a-z]+>/);
  });
});

describe('i18n', () => {
  test('French by default, English for any en-* Teams locale', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en')).toBe('en');
    expect(localeOf('fr-FR')).toBe('fr');
    expect(localeOf('de-DE')).toBe('fr');
    expect(localeOf(undefined)).toBe('fr');
  });

  test('the messages and refusals the bot needs', () => {
    expect(t('fr', 'timeUp')).toBe('⏰ Le temps est écoulé !');
    expect(t('fr', 'floorTo', { name: 'Alex', item: 'Inspecteur/inspectrice à cookies' })).toBe('🎤 La parole est à Alex (Inspecteur/inspectrice à cookies)');
    expect(t('fr', 'refusal.not-facilitator', { name: 'Camille' })).toBe("Seul·e l'animateur ou l'animatrice du café, Camille, peut faire cela.");
    expect(t('fr', 'refusal.too-long', { max: 280 })).toContain('280');
    expect(t('en', 'extended', { minutes: 2 })).toContain('2');
    expect(t('fr', 'unknownCommand')).toContain('/aide');
  });

  test('both dictionaries have the same keys and the same parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr) as Array<keyof typeof fr>) expect([key, params(en[key])]).toEqual([key, params(fr[key])]);
  });
});

describe('the validator itself', () => {
  test('catches an unknown element, a button without fallback and an oversized card', () => {
    const bad = {
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'TextBlock', text: 'x'.repeat(41 * 1024) }, { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'next', title: 'x', data: { verb: 'next' } }] }],
    };
    const found = problems(bad).join('\n');
    expect(found).toContain('Bogus');
    expect(found).toContain('bytes');
    expect(found).toContain('fallback');
    expect(found).toContain('ActionDataSchema');
    expect(person(1).id).not.toEqual(FACILITATOR.id);
    expect(withoutRefresh({ refresh: 1, a: 2 })).toEqual({ a: 2 });
  });
});
