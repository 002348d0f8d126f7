import type { Input } from '../../../src/bot/parse';
import { composables } from '../../../src/domain/compose';
import type { ReadEvent } from '../../../src/channel/tchap/events';
import { intentOf, TCHAP_COMMANDS, type IntentContext } from '../../../src/channel/tchap/intents';
import type { EventMeta } from '../../../src/channel/tchap/out';
import { t } from '../../../src/i18n';
import { stepView, type StepView } from '../../../src/views';
import { guideFr } from '../../../src/content';
import { CafeSim } from '../../domain/harness';

/**
 * What people do in a Tchap room, read as the turn pipeline's input: Barista's commands with `!`
 * (Tchap's words for Teams' buttons among them), replies in the thread of Barista's step messages,
 * reactions and poll responses, each read against Barista's own mark on the event answered.
 */

const bot = { userId: '@barista:tchap.gouv.fr', displayName: 'Barista' };
const said = (body: string, more: Partial<Extract<ReadEvent, { kind: 'message' }>> = {}): ReadEvent => ({ kind: 'message', body, mentions: [], ...more });
const inThread = (body: string): ReadEvent => said(body, { thread: '$step-message' });
const ctxOf = (cafe: CafeSim | undefined, more: Partial<IntentContext> = {}): IntentContext => ({ bot, content: cafe?.content ?? guideFr, ...(cafe ? { cafe: cafe.state } : {}), ...more });
const shared = (cafe: CafeSim): StepView => stepView({ state: cafe.state, step: cafe.step!, content: cafe.content, contributions: cafe.contributions, viewer: { isFacilitator: false, locale: 'fr' }, now: cafe.now });
const action = (data: Record<string, unknown>): Input => ({ kind: 'action', data: expect.objectContaining(data), via: 'execute' }) as unknown as Input;
/** A known command or an answer Barista cannot use as given: a clear answer, nothing changes. */
const polite = { kind: 'not-understood' };

/** An americano at its menu, then begun and moved on as a test needs. */
function americano(variant: 'avec-sucre' | 'sans-sucre' = 'avec-sucre'): CafeSim {
  return new CafeSim(variant);
}
function begun(variant: 'avec-sucre' | 'sans-sucre' = 'avec-sucre'): CafeSim {
  const cafe = americano(variant);
  cafe.do({ type: 'begin' });
  return cafe;
}

describe('The commands parse.ts already knows, with « ! » or Barista named first', () => {
  const cafe = begun();
  it.each([
    ['!suivant', 'next'], ['!next', 'next'], ['!precedent', 'back'], ['!previous', 'back'], ['!reveler', 'reveal'], ['!reveal', 'reveal'],
    ['!pause', 'pause'], ['!reprendre', 'resume'], ['!resume', 'resume'], ['!fin', 'end'], ['!end', 'end'], ['!aide', 'help'], ['!help', 'help'],
    ['!menu', 'menu'], ['!effacer', 'erase'], ['!erase', 'erase'], ['!reseau', 'network'], ['!network', 'network'], ['Barista : suivant', 'next'],
  ])('%s', (body, type) => {
    expect(intentOf(said(body), ctxOf(cafe))).toEqual({ kind: 'text', command: { type } });
  });

  it('!prolonger N, !startcafe formule [avec|sans sucre]', () => {
    expect(intentOf(said('!prolonger 3'), ctxOf(cafe))).toEqual({ kind: 'text', command: { type: 'extend', minutes: 3 } });
    expect(intentOf(said('!extend 90'), ctxOf(cafe))).toEqual({ kind: 'bad-minutes' });
    expect(intentOf(said('!startcafe americano sans sucre'), ctxOf(undefined))).toMatchObject({ kind: 'text', command: { type: 'startcafe', formula: 'americano', variant: 'sans-sucre' } });
  });

  it('!animateur @p and !coanimateur @p name the first person mentioned; without one the pipeline asks who', () => {
    const mentioned = [{ id: '@lea:tchap.gouv.fr', name: 'Léa' }, { id: '@karim:tchap.gouv.fr', name: 'Karim' }];
    expect(intentOf(said('!animateur Léa'), ctxOf(cafe, { mentioned }))).toEqual({ kind: 'text', command: { type: 'handover', person: mentioned[0] } });
    expect(intentOf(said('!coanimateur Karim'), ctxOf(cafe, { mentioned: mentioned.slice(1) }))).toEqual({ kind: 'text', command: { type: 'cofacilitator', person: mentioned[1] } });
    expect(intentOf(said('!animateur'), ctxOf(cafe))).toEqual({ kind: 'text', command: { type: 'handover' } });
  });

  it('a command Barista does not know is said to be one, politely', () => {
    expect(intentOf(said('!café'), ctxOf(cafe))).toEqual({ kind: 'unknown-command', text: '/café' });
  });

  it('the room\'s own conversation is not for Barista', () => {
    for (const body of ['Bonjour à toutes et à tous', 'On commence ? !suivant… non, attendons', 'Baristas du monde']) {
      expect(intentOf(said(body), ctxOf(cafe))).toBeUndefined();
    }
    // A reply to Léa's message, not to one of Barista's: hers to answer.
    expect(intentOf(said('Tout à fait', { replyTo: '$lea-message' }), ctxOf(cafe))).toBeUndefined();
  });
});

describe('Tchap\'s words for the buttons', () => {
  it('!commencer / !begin: the menu\'s Commencer; with no café, the pipeline says there is none (as for !suivant)', () => {
    const cafe = americano();
    expect(intentOf(said('!commencer'), ctxOf(cafe))).toEqual(action({ verb: 'begin', cafe: 'cafe-1' }));
    expect(intentOf(said('!begin'), ctxOf(cafe))).toEqual(action({ verb: 'begin', cafe: 'cafe-1' }));
    expect(intentOf(said('!commencer'), ctxOf(undefined))).toEqual({ kind: 'text', command: { type: 'next' } });
  });

  describe('!fin oui|avis|non answer the end confirmation Barista asked', () => {
    const cafe = begun();
    const pending = { end: { at: 1_700_000_000_000, step: 'tasse.choix' } };
    it.each([['!fin oui', 'end'], ['!end yes', 'end'], ['!fin avis', 'feedback'], ['!end feedback', 'feedback'], ['!fin non', 'cancel'], ['!end no', 'cancel']])('%s', (body, confirm) => {
      expect(intentOf(said(body), ctxOf(cafe, { pending }))).toEqual(action({ verb: 'end', cafe: 'cafe-1', step: 'tasse.choix', confirm, at: pending.end.at }));
    });
    it('with no confirmation pending, « !fin oui » is « !fin »: Barista asks first; « !fin non » keeps going', () => {
      expect(intentOf(said('!fin oui'), ctxOf(cafe))).toEqual({ kind: 'text', command: { type: 'end' } });
      expect(intentOf(said('!fin avis'), ctxOf(cafe))).toEqual({ kind: 'text', command: { type: 'end' } });
      const kept = intentOf(said('!fin non'), ctxOf(cafe));
      expect(kept).toEqual(action({ verb: 'end', cafe: 'cafe-1', confirm: 'cancel' }));
      expect((kept as Extract<Input, { kind: 'action' }>).data).not.toHaveProperty('at');
    });
  });

  it('!effacer oui|non / !erase yes|no answer the erase confirmation; « oui » with none pending asks', () => {
    const pending = { erase: { at: 1_700_000_000_000 } };
    expect(intentOf(said('!effacer oui'), ctxOf(undefined, { pending }))).toEqual(action({ verb: 'erase', confirm: 'oui', at: pending.erase.at }));
    expect(intentOf(said('!erase yes'), ctxOf(undefined, { pending }))).toEqual(action({ verb: 'erase', confirm: 'oui', at: pending.erase.at }));
    expect(intentOf(said('!erase no'), ctxOf(undefined, { pending }))).toEqual(action({ verb: 'erase', confirm: 'non', at: pending.erase.at }));
    expect(intentOf(said('!effacer oui'), ctxOf(undefined))).toEqual({ kind: 'text', command: { type: 'erase' } });
  });

  describe('!choisir N / !choose N: the option numbered N in the choose step\'s message', () => {
    it('N as the shared view lists the options', () => {
      const cafe = begun();
      const view = shared(cafe);
      if (view.kind !== 'choose') throw new Error('a choose step first');
      view.options.forEach((o, i) => {
        expect(intentOf(said(`!choisir ${i + 1}`), ctxOf(cafe))).toEqual(action({ verb: 'choose', cafe: 'cafe-1', step: 'tasse.choix', option: o.id }));
      });
      expect(intentOf(said('!choose 2'), ctxOf(cafe))).toEqual(action({ verb: 'choose', option: 'crazy-jobs' }));
    });
    it('a number the message does not list, or none, is answered politely and changes nothing', () => {
      const cafe = begun();
      for (const body of ['!choisir 0', '!choisir 4', '!choisir x', '!choisir']) expect(intentOf(said(body), ctxOf(cafe))).toMatchObject(polite);
      cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
      expect(intentOf(said('!choisir 1'), ctxOf(cafe))).toMatchObject(polite);
    });
  });

  describe('!vote N: choice N of the current poll, item N of a pick', () => {
    it('a poll\'s choices in the view\'s order', () => {
      const cafe = begun();
      cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
      expect(cafe.step!.id).toBe('tasse.madonna.annees-80');
      const view = shared(cafe);
      if (view.kind !== 'poll') throw new Error('a poll');
      expect(view.choices.map((c) => c.id)).toEqual(['donnee', 'madonna', 'les-deux']);
      expect(intentOf(said('!vote 2'), ctxOf(cafe))).toEqual(action({ verb: 'vote', cafe: 'cafe-1', step: cafe.step!.id, choice: 'madonna' }));
      expect(intentOf(said('Barista vote 3'), ctxOf(cafe))).toEqual(action({ verb: 'vote', choice: 'les-deux' }));
    });
    it('!vote 0, !vote 9 on three choices, !vote deux: answered politely', () => {
      const cafe = begun();
      cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
      for (const body of ['!vote 0', '!vote 4', '!vote 9', '!vote deux', '!vote']) expect(intentOf(said(body), ctxOf(cafe))).toMatchObject(polite);
      // The answer names the command and what it could not use
      expect(intentOf(said('!vote 9'), ctxOf(cafe))).toEqual({ kind: 'not-understood', message: 'tchap.bad.argument', params: { command: '!vote', argument: '9' } });
    });
    it('a pick\'s items (crazy jobs)', () => {
      const cafe = begun();
      cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'crazy-jobs' });
      const view = shared(cafe);
      if (view.kind !== 'pick') throw new Error('a pick');
      expect(intentOf(said('!vote 3'), ctxOf(cafe))).toEqual(action({ verb: 'pick', step: 'tasse.crazy-jobs.choix', item: view.options[2]!.id }));
      expect(intentOf(said(`!vote ${view.options.length + 1}`), ctxOf(cafe))).toMatchObject(polite);
    });
    it('no poll open (the menu, a choose step, no café): answered politely', () => {
      expect(intentOf(said('!vote 1'), ctxOf(americano()))).toMatchObject(polite);
      expect(intentOf(said('!vote 1'), ctxOf(begun()))).toMatchObject(polite);
      expect(intentOf(said('!vote 1'), ctxOf(undefined))).toMatchObject(polite);
      expect(intentOf(said('!fini'), ctxOf(undefined))).toEqual({ kind: 'not-understood', message: 'tchap.bad.notHere', params: { command: '!fini' } });
    });
  });

  it('!fini / !done: J\'ai fini on the current video, nowhere else', () => {
    const cafe = begun();
    expect(intentOf(said('!fini'), ctxOf(cafe))).toMatchObject(polite);
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
    cafe.nextUntil('video');
    expect(intentOf(said('!fini'), ctxOf(cafe))).toEqual(action({ verb: 'done', cafe: 'cafe-1', step: cafe.step!.id }));
    expect(intentOf(said('!done'), ctxOf(cafe))).toEqual(action({ verb: 'done', step: cafe.step!.id }));
  });

  it('!tour / !turn (next person), !tour -1 (back), on a turns step only', () => {
    const cafe = begun();
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'crazy-jobs' });
    expect(intentOf(said('!tour'), ctxOf(cafe))).toMatchObject(polite);
    cafe.nextUntil('turns');
    const step = cafe.step!.id;
    expect(intentOf(said('!tour'), ctxOf(cafe))).toEqual(action({ verb: 'turn', cafe: 'cafe-1', step, delta: 1 }));
    expect(intentOf(said('!turn'), ctxOf(cafe))).toEqual(action({ verb: 'turn', step, delta: 1 }));
    expect(intentOf(said('!tour -1'), ctxOf(cafe))).toEqual(action({ verb: 'turn', step, delta: -1 }));
    expect(intentOf(said('!turn -1'), ctxOf(cafe))).toEqual(action({ verb: 'turn', step, delta: -1 }));
    expect(intentOf(said('!tour 2'), ctxOf(cafe))).toMatchObject(polite);
  });

  it('!inscription niveau [en-ligne|salle] / !register level [online|room]: online unless said', () => {
    const cafe = americano();
    const reg = (level: string, place: string) => action({ verb: 'register', cafe: 'cafe-1', level, place });
    expect(intentOf(said('!inscription novice'), ctxOf(cafe))).toEqual(reg('novice', 'online'));
    expect(intentOf(said('!inscription Intermédiaire salle'), ctxOf(cafe))).toEqual(reg('intermediaire', 'room'));
    expect(intentOf(said('!inscription averti en ligne'), ctxOf(cafe))).toEqual(reg('averti', 'online'));
    expect(intentOf(said('!register informed room'), ctxOf(cafe))).toEqual(reg('averti', 'room'));
    expect(intentOf(said('!register intermediate online'), ctxOf(cafe))).toEqual(reg('intermediaire', 'online'));
    for (const body of ['!inscription', '!inscription expert', '!inscription novice au-bureau']) expect(intentOf(said(body), ctxOf(cafe))).toMatchObject(polite);
  });

  it('!formule <formule> [avec sucre|sans sucre] / !formula: another formula while in the menu', () => {
    const cafe = americano();
    expect(intentOf(said('!formule ristretto sans sucre'), ctxOf(cafe))).toEqual(action({ verb: 'reformulate', cafe: 'cafe-1', formula: 'ristretto', variant: 'sans-sucre' }));
    expect(intentOf(said('!formula cappuccino'), ctxOf(cafe))).toEqual(action({ verb: 'reformulate', formula: 'cappuccino', variant: 'avec-sucre' }));
    expect(intentOf(said('!formule ristretto au lait'), ctxOf(cafe))).toMatchObject(polite);
  });

  it('!surmesure N N N N / !custom: the element numbered in the compose message for each part, 0 for none', () => {
    const { content } = americano();
    const all = composables(content);
    expect(intentOf(said('!surmesure'), ctxOf(undefined))).toMatchObject({ kind: 'text', command: { type: 'startcafe', formula: 'sur-mesure' } });
    expect(intentOf(said('!surmesure 1 2 0 3'), ctxOf(undefined))).toEqual(action({
      verb: 'compose', composeTasse: all.tasse[0]!.key, composeCafe: all.cafe[1]!.key, composeChocolat: '', composeSucre: all.sucre[2]!.key,
    }));
    expect(intentOf(said('!custom 2 0 0 1'), ctxOf(undefined))).toEqual(action({ verb: 'compose', composeTasse: all.tasse[1]!.key, composeSucre: all.sucre[0]!.key }));
    for (const body of ['!surmesure 1 2 3', `!surmesure ${all.tasse.length + 1} 1 1 1`, '!custom a b c d']) expect(intentOf(said(body), ctxOf(undefined))).toMatchObject(polite);
  });

  it('!menu oui non averti oui: the guide\'s tree answered in order (organise, long, audience, online); alone it asks the first', () => {
    expect(intentOf(said('!menu oui non averti oui'), ctxOf(undefined))).toEqual(action({ verb: 'advise', organise: 'oui', long: 'non', audience: 'averti', online: 'oui' }));
    expect(intentOf(said('!menu yes no intermediate no'), ctxOf(undefined))).toEqual(action({ verb: 'advise', organise: 'oui', long: 'non', audience: 'intermediaire', online: 'non' }));
    expect(intentOf(said('!menu oui'), ctxOf(undefined))).toEqual({ kind: 'action', data: { verb: 'advise', organise: 'oui' }, via: 'execute' });
    for (const body of ['!menu peut-être', '!menu oui non expert', '!menu oui non averti oui oui']) expect(intentOf(said(body), ctxOf(undefined))).toMatchObject(polite);
  });

  it('!reseau Organisation ; Ville ; lat, lon / !network: the cafés network form', () => {
    const cafe = begun();
    expect(intentOf(said('!reseau DINUM ; Paris ; 48.85, 2.35'), ctxOf(cafe))).toEqual(action({
      verb: 'network', cafe: 'cafe-1', networkOrganisation: 'DINUM', networkTown: 'Paris', networkPosition: '48.85, 2.35',
    }));
    expect(intentOf(said('!network Mairie de Brest ; Brest'), ctxOf(undefined))).toEqual(action({ verb: 'network', networkOrganisation: 'Mairie de Brest', networkTown: 'Brest', networkPosition: '' }));
    // A form beyond the schema's bounds is refused at the edge, as a forged card is.
    expect(intentOf(said(`!reseau DINUM ; Paris ; ${'4'.repeat(300)}`), ctxOf(cafe))).toEqual({ kind: 'bad-payload', via: 'execute' });
  });
});

describe('Replies in the thread of a step message, by what it takes', () => {
  function atBoard(): CafeSim {
    const cafe = begun();
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
    cafe.nextUntil('board');
    return cafe;
  }
  const board: EventMeta = { cafe: 'cafe-1', step: 'chocolat.journee-agent.tableau', takes: 'postit' };
  const postit = (postitColumn: string, postitKind: string, postitText: string) =>
    ({ kind: 'action', data: { verb: 'postit', cafe: 'cafe-1', step: board.step, postitColumn, postitKind, postitText }, via: 'execute' });

  it('a post-it: first column and first kind unless « N » and/or a kind word come before « : »', () => {
    const cafe = atBoard();
    const view = shared(cafe);
    if (view.kind !== 'board') throw new Error('a board');
    const [c1, c2, c3, c4] = view.columns.map((c) => c.id);
    const [k1, k2, , k4] = view.postitKinds.map((k) => k.id);
    const ctx = ctxOf(cafe, { target: board });
    expect(intentOf(inThread('Je badge à l\'entrée'), ctx)).toEqual(postit(c1!, k1!, 'Je badge à l\'entrée'));
    expect(intentOf(inThread('2 : mon agenda partagé'), ctx)).toEqual(postit(c2!, k1!, 'mon agenda partagé'));
    expect(intentOf(inThread('rose : mon dossier médical'), ctx)).toEqual(postit(c1!, k2!, 'mon dossier médical'));
    expect(intentOf(inThread('3 vert : le menu de la cantine'), ctx)).toEqual(postit(c3!, k4!, 'le menu de la cantine'));
    expect(intentOf(inThread('sensibles 4 : ma licence de club'), ctx)).toEqual(postit(c4!, k2!, 'ma licence de club'));
    expect(intentOf(inThread('open data : horaires de bus'), ctx)).toEqual(postit(c1!, k4!, 'horaires de bus'));
    // What is before « : » is the text's own when it names neither a column nor a kind.
    expect(intentOf(inThread('Midi : la cantine'), ctx)).toEqual(postit(c1!, k1!, 'Midi : la cantine'));
    expect(intentOf(inThread('données : trop vague'), ctx)).toEqual(postit(c1!, k1!, 'données : trop vague'));
    // A column the board does not have is refused politely, not put elsewhere.
    expect(intentOf(inThread('9 : la salle de sport'), ctx)).toEqual({ kind: 'not-understood', message: 'tchap.bad.column', params: { column: '9' } });
  });

  it('a post-it under the board of a café that is not this room\'s any more is refused at the edge, as a stale card', () => {
    const cafe = atBoard();
    expect(intentOf(inThread('2 : texte'), ctxOf(cafe, { target: { ...board, cafe: 'cafe-0' } }))).toEqual({ kind: 'bad-payload', via: 'execute' });
  });

  it('a post-it longer than the schema\'s bound is refused at the edge (bad-payload)', () => {
    const cafe = atBoard();
    expect(intentOf(inThread('x'.repeat(5000)), ctxOf(cafe, { target: board }))).toMatchObject({ kind: 'action' });
    expect(intentOf(inThread('x'.repeat(5001)), ctxOf(cafe, { target: board }))).toEqual({ kind: 'bad-payload', via: 'execute' });
  });

  it('an argument: « pour : … », « contre : … », « + », « - », « for: », « against: »; without a side, asked again politely', () => {
    const cafe = begun('sans-sucre');
    const debateStep = cafe.state.steps.find((s) => s.activityId === 'debat' && s.kind === 'poll')!;
    const debate: EventMeta = { cafe: 'cafe-1', step: debateStep.id, takes: 'argument' };
    const ctx = ctxOf(cafe, { target: debate });
    const arg = (side: string, argumentText: string) => ({ kind: 'action', data: { verb: 'argument', cafe: 'cafe-1', step: debate.step, side, argumentText }, via: 'execute' });
    expect(intentOf(inThread('pour : la transparence'), ctx)).toEqual(arg('pour', 'la transparence'));
    expect(intentOf(inThread('Contre: le coût'), ctx)).toEqual(arg('contre', 'le coût'));
    expect(intentOf(inThread('+ plus de services'), ctx)).toEqual(arg('pour', 'plus de services'));
    expect(intentOf(inThread('- moins de contrôle'), ctx)).toEqual(arg('contre', 'moins de contrôle'));
    expect(intentOf(inThread('for: open by default'), ctx)).toEqual(arg('pour', 'open by default'));
    expect(intentOf(inThread('against: privacy'), ctx)).toEqual(arg('contre', 'privacy'));
    expect(intentOf(inThread('pourquoi pas'), ctx)).toEqual({ kind: 'not-understood', message: 'tchap.bad.side' });
  });

  it('an answer (the text), J\'ai fini (any reply), a comment on the feedback (« + » positive, « - » negative, else positive)', () => {
    const cafe = begun();
    const question: EventMeta = { cafe: 'cafe-1', step: 'sucre.synthese-journee.surprend', takes: 'answer' };
    expect(intentOf(inThread('  Le nombre de données  '), ctxOf(cafe, { target: question }))).toEqual({
      kind: 'action', data: { verb: 'answer', cafe: 'cafe-1', step: question.step, answerText: 'Le nombre de données' }, via: 'execute',
    });
    const video: EventMeta = { cafe: 'cafe-1', step: 'cafe.video-open-data.donnee-open-data', takes: 'done' };
    expect(intentOf(inThread('vu !'), ctxOf(cafe, { target: video }))).toEqual({ kind: 'action', data: { verb: 'done', cafe: 'cafe-1', step: 'cafe.video-open-data.donnee-open-data' }, via: 'execute' });

    const comments: EventMeta = { cafe: 'cafe-1', step: 'feedback', takes: 'feedback:comments' };
    const myFeedback = { rating: 'bien', again: 'oui', negative: 'un peu court' };
    const fb = (positive: string, negative: string, mine: Partial<typeof myFeedback> = myFeedback) => ({
      kind: 'action', via: 'execute',
      data: { verb: 'feedback', cafe: 'cafe-1', step: 'feedback', feedback_rating: mine.rating ?? '', feedback_again: mine.again ?? '', feedback_topic: '', feedback_positive: positive, feedback_negative: negative },
    });
    expect(intentOf(inThread('+ très concret'), ctxOf(cafe, { target: comments, myFeedback }))).toEqual(fb('très concret', 'un peu court'));
    expect(intentOf(inThread('- trop de quiz'), ctxOf(cafe, { target: comments, myFeedback }))).toEqual(fb('', 'trop de quiz'));
    expect(intentOf(inThread('Merci !'), ctxOf(cafe, { target: comments }))).toEqual(fb('Merci !', '', {}));
  });

  it('in a step\'s thread, a known « ! » command is a command; anything else is the thread\'s', () => {
    const cafe = atBoard();
    const ctx = ctxOf(cafe, { target: board });
    expect(intentOf(inThread('!suivant'), ctx)).toEqual({ kind: 'text', command: { type: 'next' } });
    expect(intentOf(inThread('!!! urgent'), ctx)).toMatchObject({ kind: 'action', data: { verb: 'postit', postitText: '!!! urgent' } });
    expect(intentOf(inThread('Barista : le café du matin'), ctx)).toMatchObject({ kind: 'action', data: { verb: 'postit', postitText: 'Barista : le café du matin' } });
  });

  it('a reply quoting the message (an older client\'s fallback) is read without the quote', () => {
    const cafe = atBoard();
    expect(intentOf(said('> <@barista:tchap.gouv.fr> Ma journée d\'agent\n\n2 : la réunion d\'équipe', { replyTo: '$board' }), ctxOf(cafe, { target: board })))
      .toMatchObject({ kind: 'action', data: { verb: 'postit', postitColumn: 'journee-travail', postitText: 'la réunion d\'équipe' } });
  });

  it('a thread under a message without Barista\'s mark, or under one that takes no replies (a poll), is not for Barista', () => {
    const cafe = atBoard();
    expect(intentOf(inThread('2 : mon post-it'), ctxOf(cafe))).toBeUndefined();
    expect(intentOf(inThread('2 : mon post-it'), ctxOf(cafe, { target: { cafe: 'cafe-1' } }))).toBeUndefined();
    expect(intentOf(inThread('2 : mon post-it'), ctxOf(cafe, { target: { cafe: 'cafe-1', takes: 'postit' } }))).toBeUndefined();
    expect(intentOf(inThread('je vote madonna'), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.madonna.annees-80', takes: 'vote' } }))).toBeUndefined();
    // A mark without a thread (a plain message in the room) is no reply.
    expect(intentOf(said('2 : mon post-it'), ctxOf(cafe, { target: board }))).toBeUndefined();
  });
});

describe('Reactions and poll responses, by the mark of the event answered', () => {
  const cafe = begun();
  it('a reaction on a video\'s message is J\'ai fini; on anything else, nothing', () => {
    const video: EventMeta = { cafe: 'cafe-1', step: 'cafe.video-open-data.donnee-open-data', takes: 'done' };
    expect(intentOf({ kind: 'reaction', to: '$video', key: '👍' }, ctxOf(cafe, { target: video }))).toEqual({ kind: 'action', data: { verb: 'done', cafe: 'cafe-1', step: 'cafe.video-open-data.donnee-open-data' }, via: 'execute' });
    expect(intentOf({ kind: 'reaction', to: '$board', key: '👍' }, ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'chocolat.journee-agent.tableau', takes: 'postit' } }))).toBeUndefined();
    expect(intentOf({ kind: 'reaction', to: '$lea', key: '👍' }, ctxOf(cafe))).toBeUndefined();
  });

  it('a poll response is a vote, a pick, a choice, by the poll\'s mark', () => {
    const response = (answerId?: string): ReadEvent => ({ kind: 'poll-response', pollEventId: '$poll', ...(answerId ? { answerId } : {}) });
    expect(intentOf(response('madonna'), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.madonna.annees-80', takes: 'vote' } }))).toEqual({ kind: 'action', data: { verb: 'vote', cafe: 'cafe-1', step: 'tasse.madonna.annees-80', choice: 'madonna' }, via: 'execute' });
    expect(intentOf(response('inspecteur-cookies'), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.crazy-jobs.choix', takes: 'pick' } }))).toEqual({ kind: 'action', data: { verb: 'pick', cafe: 'cafe-1', step: 'tasse.crazy-jobs.choix', item: 'inspecteur-cookies' }, via: 'execute' });
    expect(intentOf(response('placement'), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.choix', takes: 'choose' } }))).toEqual({ kind: 'action', data: { verb: 'choose', cafe: 'cafe-1', step: 'tasse.choix', option: 'placement' }, via: 'execute' });
    // A withdrawn vote, a poll that is not Barista's, a forged answer too long: nothing, nothing, refused at the edge.
    expect(intentOf(response(), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.madonna.annees-80', takes: 'vote' } }))).toBeUndefined();
    expect(intentOf(response('madonna'), ctxOf(cafe))).toBeUndefined();
    expect(intentOf(response('x'.repeat(101)), ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'tasse.madonna.annees-80', takes: 'vote' } }))).toEqual({ kind: 'bad-payload', via: 'execute' });
  });

  it('one feedback poll\'s answer goes with the person\'s other answers (the verb carries all five)', () => {
    const myFeedback = { rating: 'bien', positive: 'très concret' };
    const on = (takes: EventMeta['takes'], answerId: string, mine?: typeof myFeedback) =>
      intentOf({ kind: 'poll-response', pollEventId: '$fb', answerId }, ctxOf(cafe, { target: { cafe: 'cafe-1', step: 'feedback', takes }, ...(mine ? { myFeedback: mine } : {}) }));
    const data = (d: Record<string, string>) => ({ kind: 'action', via: 'execute', data: { verb: 'feedback', cafe: 'cafe-1', step: 'feedback', feedback_rating: '', feedback_again: '', feedback_topic: '', feedback_positive: '', feedback_negative: '', ...d } });
    expect(on('feedback:again', 'peut-etre', myFeedback)).toEqual(data({ feedback_rating: 'bien', feedback_again: 'peut-etre', feedback_positive: 'très concret' }));
    expect(on('feedback:rating', 'tres-bien', myFeedback)).toEqual(data({ feedback_rating: 'tres-bien', feedback_positive: 'très concret' }));
    expect(on('feedback:topic', 'ia')).toEqual(data({ feedback_topic: 'ia' }));
  });

});

describe('!aide in Tchap', () => {
  it('lists every command with its help, in French and in English', () => {
    expect(TCHAP_COMMANDS.length).toBeGreaterThan(20);
    for (const [command, , help] of TCHAP_COMMANDS) {
      expect(command.startsWith('!')).toBe(true);
      expect(t('fr', help, { days: 30 })).not.toBe(t('en', help, { days: 30 }));
    }
  });

  it('every command it lists is one Barista reads (none is taken for an unknown one)', () => {
    const cafe = begun();
    for (const [command] of TCHAP_COMMANDS) {
      expect(intentOf(said(command.split(' ')[0]!), ctxOf(cafe))).not.toEqual(expect.objectContaining({ kind: 'unknown-command', text: expect.stringMatching(/^\//) }));
    }
  });
});
