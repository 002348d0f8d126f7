import { Paths, type WebView } from '../../src/web/contract';
import type { PollView as Poll } from '../../src/views/types';
import { tokenOfConsoleUrl, WebPage } from '../support/webClient';
import { cardText, Stack } from './harness';

/**
 * The web door through the real restify server: a facilitator starts and drives a café from the
 * console, participants join by code and vote from their pages, everyone follows it live; bad
 * input (forged tokens, forms, unknown codes, a participant's facilitator button) changes nothing.
 */
const poll = (v: WebView | undefined) => v?.step?.kind === 'poll' ? (v.step as Poll) : undefined;

describe('a web café, console and participant pages', () => {
  const stack = new Stack(undefined, undefined, { webMaxParticipants: 6 });
  let base: string;
  beforeAll(async () => {
    await stack.start();
    base = stack.app.url;
  });
  afterAll(() => stack.stop());

  it('runs from the console with five participants voting live, and refuses what must be refused', async () => {
    // Unknown formula: a polite 400, no café
    const unknown = await WebPage.start(base, { formula: 'mocha', locale: 'fr' });
    expect(unknown.answer.status).toBe(400);
    expect(unknown.answer.body.code).toBe('bad-request');

    const { answer, page } = await WebPage.start(base, { formula: 'americano', variant: 'avec-sucre', locale: 'fr', name: 'Camille' });
    expect(answer.status).toBe(201);
    expect(answer.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(answer.body.consoleUrl).toMatch(new RegExp(`/console/${answer.body.cafeId}#t=`));
    expect(answer.body.joinUrl).toBe(`${base.replace('127.0.0.1', 'localhost')}/j/${answer.body.code}`);
    const console = page!;
    await console.listen();
    expect(console.latest).toMatchObject({ role: 'facilitator', cafe: { status: 'menu', code: answer.body.code, formula: 'Americano avec sucre' } });
    expect(console.latest!.plan!.map((p) => p.label)).toContain('La tasse');

    // Five participants join by the code as a person types it (lower case, dashes); one gives a name
    const typed = `${answer.body.code.slice(0, 5).toLowerCase()}-${answer.body.code.slice(5)}`;
    const people: WebPage[] = [];
    for (let i = 0; i < 5; i++) {
      const joined = await WebPage.join(base, { code: typed, locale: 'fr', ...(i === 0 ? { name: 'Léa <b>' } : {}) });
      expect(joined.answer.status).toBe(200);
      people.push(joined.page!);
    }
    await Promise.all(people.map((p) => p.listen()));
    expect(people[0]!.latest).toMatchObject({ role: 'participant', me: { name: 'Léa <b>' }, cafe: { status: 'menu' } });
    // A participant's page never carries the console's board link
    expect(people[0]!.latest!.cafe.boardUrl).toBeUndefined();

    // The same browser rejoins: the same participant
    const again = await WebPage.join(base, { code: answer.body.code, locale: 'fr', token: people[1]!.token });
    expect(again.answer.body.participantId).toBe(people[1]!.latest!.me.id);

    // Unknown code: 404; not a code at all: 400
    expect((await WebPage.join(base, { code: '0000000000', locale: 'fr' })).answer.status).toBe(404);
    expect((await WebPage.join(base, { code: '<script>', locale: 'fr' })).answer.status).toBe(400);

    const cafeId = answer.body.cafeId;
    // A participant presses Commencer: a polite refusal, nothing changes
    const before = await stack.app.store.get(cafeId);
    const refused = await people[2]!.act({ verb: 'begin', cafe: cafeId });
    expect(refused.status).toBe(200);
    expect(refused.body.message).toMatch(/Camille|animat/);
    expect((await stack.app.store.get(cafeId))!.version).toBe(before!.version);

    // Forged token, no token, a form, another café's button: refused
    expect((await new WebPage(base, `${people[0]!.token}x`).act({ verb: 'begin', cafe: cafeId })).status).toBe(401);
    const form = await fetch(`${base}${Paths.act}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${console.token}` }, body: 'data=1' });
    expect(form.status).toBe(415);
    expect((await console.act({ verb: 'begin', cafe: 'another-cafe' })).status).toBe(400);
    expect((await console.act({ verb: 'start', formula: 'americano', variant: 'avec-sucre' })).status).toBe(400);
    expect((await stack.app.store.get(cafeId))!.version).toBe(before!.version);

    // The console begins; the ice breaker is chosen
    expect((await console.act({ verb: 'begin', cafe: cafeId })).status).toBe(200);
    await console.act({ verb: 'choose', cafe: cafeId, step: 'tasse.choix', option: 'madonna' });
    const first = 'tasse.madonna.annees-80';
    await Promise.all(people.map((p) => p.viewWhere((v) => v.step?.stepId === first)));

    // Five votes, one changed; every page counts five voters
    const choices = ['donnee', 'madonna', 'donnee', 'donnee', 'madonna'];
    await Promise.all(people.map((p, i) => p.act({ verb: 'vote', cafe: cafeId, step: first, choice: choices[i] })));
    const changed = await people[4]!.act({ verb: 'vote', cafe: cafeId, step: first, choice: 'donnee' });
    expect(poll(changed.body.view)!.mine!.id).toBe('donnee');
    await Promise.all(people.map((p) => p.viewWhere((v) => poll(v)?.voters === 5)));
    // The console sees the split live, the changed vote counted once
    const facilitatorPoll = poll(await console.viewWhere((v) => poll(v)?.choices.find((c) => c.id === 'donnee')?.count === 4))!;
    expect(facilitatorPoll.voters).toBe(5);
    expect(facilitatorPoll.choices.find((c) => c.id === 'madonna')!.count).toBe(1);
    expect(facilitatorPoll.facilitator!.tips.length).toBeGreaterThan(0);
    // The guide's private guidance never reaches a participant
    expect(poll(people[0]!.latest)!.facilitator).toBeUndefined();

    // Reveal: everyone sees the answer and the split
    await console.act({ verb: 'reveal', cafe: cafeId, step: first });
    const revealed = poll(await people[3]!.viewWhere((v) => poll(v)?.revealed === true))!;
    expect(revealed.choices.find((c) => c.id === 'donnee')).toMatchObject({ count: 4, correct: true });
    expect(revealed.answer).toBeTruthy();

    // A vote after the reveal changes nothing
    const late = await people[0]!.act({ verb: 'vote', cafe: cafeId, step: first, choice: 'madonna' });
    expect(poll(late.body.view)!.mine!.id).toBe('donnee');

    // Pause and resume: Barista's messages to the café are the pages' notices
    await console.act({ verb: 'pause', cafe: cafeId });
    await people[2]!.viewWhere((v) => v.cafe.status === 'paused' && v.notices.some((n) => n.text.includes('Le café est en pause')));
    await console.act({ verb: 'resume', cafe: cafeId });
    await people[2]!.viewWhere((v) => v.cafe.status === 'running');

    // Fin asks first; the console confirms; the pages show the recap
    const asked = await console.act({ verb: 'end', cafe: cafeId });
    expect(asked.body.confirmEnd).toBeDefined();
    await console.act({ verb: 'end', cafe: cafeId, confirm: 'end', at: asked.body.confirmEnd!.at });
    const ended = await people[0]!.viewWhere((v) => v.cafe.status === 'ended');
    expect(ended.recap).toBeDefined();
    for (const p of [console, ...people]) p.close();
  });

  it('the console erases a web café: every page says so, nothing of it is left, nobody acts on it', async () => {
    const { answer, page: console } = await WebPage.start(base, { formula: 'ristretto', locale: 'fr' });
    const lea = (await WebPage.join(base, { code: answer.body.code, locale: 'fr', name: 'Léa' })).page!;
    await lea.listen();
    await lea.act({ verb: 'register', cafe: answer.body.cafeId, level: 'novice', place: 'room' });
    // A participant cannot erase, nor can a console erase without the confirmation's date
    expect((await lea.act({ verb: 'erase', confirm: 'oui', at: Date.now() })).status).toBe(400);
    const stale = await console!.act({ verb: 'erase', confirm: 'oui', at: Date.now() - 3_600_000 });
    expect(stale.body.erased).toBeUndefined();
    expect(await stack.app.store.get(answer.body.cafeId)).toBeDefined();
    const erased = await console!.act({ verb: 'erase', confirm: 'oui', at: Date.now() });
    expect(erased.body).toMatchObject({ erased: true, message: expect.stringContaining('effacé') });
    await lea.until(() => lea.events.includes('gone'));
    expect(await stack.app.store.get(answer.body.cafeId)).toBeUndefined();
    expect(await stack.app.store.listContributions(answer.body.cafeId)).toEqual([]);
    expect(await stack.app.store.cafeByCode(answer.body.code)).toBeUndefined();
    expect((await lea.act({ verb: 'vote', cafe: answer.body.cafeId, step: 'x', choice: 'y' })).status).toBe(404);
    expect((await WebPage.join(base, { code: answer.body.code, locale: 'fr' })).answer.status).toBe(404);
    lea.close();
  });

  it('« Passer la main »: a co-facilitator gets a console of their own; handing over makes the first console a participant\'s view', async () => {
    const { answer, page: first } = await WebPage.start(base, { formula: 'ristretto', locale: 'fr', name: 'Camille' });
    const lea = (await WebPage.join(base, { code: answer.body.code, locale: 'fr' })).page!;
    // A participant cannot hand anything over
    expect((await lea.hand({ mode: 'co' })).status).toBe(400);
    const co = await first!.hand({ mode: 'co', name: 'Karim' });
    expect(co.status).toBe(200);
    const karim = new WebPage(base, tokenOfConsoleUrl(co.body.consoleUrl));
    expect((await karim.view()).role).toBe('facilitator');
    expect((await karim.act({ verb: 'begin', cafe: answer.body.cafeId })).status).toBe(200);
    expect((await stack.app.store.get(answer.body.cafeId))!.status).toBe('running');
    const handed = await first!.hand({ mode: 'hand', name: 'Nina' });
    expect(handed.status).toBe(200);
    const nina = new WebPage(base, tokenOfConsoleUrl(handed.body.consoleUrl));
    expect((await nina.view()).role).toBe('facilitator');
    expect((await first!.view()).role).toBe('participant');
    // The first console's controls are refused now, politely, and nothing changes
    const before = (await stack.app.store.get(answer.body.cafeId))!.version;
    const refused = await first!.act({ verb: 'pause', cafe: answer.body.cafeId });
    expect(refused.body.message).toBeTruthy();
    expect((await stack.app.store.get(answer.body.cafeId))!.version).toBe(before);
  });

  it('caps the participants, and the code is not guessable by trying', async () => {
    const { answer } = await WebPage.start(base, { formula: 'ristretto', variant: 'sans-sucre', locale: 'en' });
    expect(answer.status).toBe(201);
    const pages: WebPage[] = [];
    for (let i = 0; i < 6; i++) pages.push((await WebPage.join(base, { code: answer.body.code, locale: 'en' })).page!);
    // Whether they opened their pages or not, six people hold a place
    await pages[0]!.listen();
    const full = await WebPage.join(base, { code: answer.body.code, locale: 'en' });
    expect(full.answer.status).toBe(409);
    expect(full.answer.body.message).toContain('full (6 people)');
    // Someone already in comes back: still welcome
    expect((await WebPage.join(base, { code: answer.body.code, locale: 'en', token: pages[3]!.token })).answer.status).toBe(200);
    pages.forEach((p) => p.close());

    // Trying codes: after 30 wrong ones from one address, even the right code waits
    for (let i = 0; i < 30; i++) await WebPage.join(base, { code: `00000${String(i).padStart(5, '0')}`, locale: 'en' });
    const blocked = await WebPage.join(base, { code: answer.body.code, locale: 'en' });
    expect(blocked.answer.status).toBe(429);
    expect(Number(blocked.answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('a Teams café with web participants', () => {
  const stack = new Stack(undefined, undefined, { publicUrl: 'https://barista.example.fr' });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('counts the web votes on the Teams card', async () => {
    const camille = stack.user('29:camille', 'Camille Martin');
    await camille.say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    expect(cafe.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    await camille.press({ verb: 'begin', cafe: cafe.id });
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await stack.waitForMessage('On en parlait moins dans les années 80');
    const first = 'tasse.madonna.annees-80';
    const web = await Promise.all([0, 1].map(async () => (await WebPage.join(stack.app.url, { code: cafe.joinCode, locale: 'fr' })).page!));
    await stack.user('29:lea', 'Léa Dubois').press({ verb: 'vote', cafe: cafe.id, step: first, choice: 'donnee' });
    for (const p of web) expect((await p.act({ verb: 'vote', cafe: cafe.id, step: first, choice: 'madonna' })).status).toBe(200);
    await stack.connector.waitFor(() => cardText(stack.messages()).includes('3 personnes ont voté'), 8000);
    // A web participant cannot drive the Teams café either
    const refused = await web[0]!.act({ verb: 'reveal', cafe: cafe.id, step: first });
    expect(refused.body.message).toContain('Camille Martin');

    // The facilitator's own view of the card names the web door, and their console link drives the café
    const mine = await camille.press({ verb: 'refresh', cafe: cafe.id, step: first });
    const text = cardText(mine.value);
    expect(text).toContain(`https://barista.example.fr/j/${cafe.joinCode}`);
    expect(text).toContain(`${cafe.joinCode!.slice(0, 5)}-${cafe.joinCode!.slice(5)}`);
    const consoleUrl = /\((https:\/\/barista\.example\.fr\/console\/[^)\s]+)\)/.exec(text)?.[1];
    expect(consoleUrl).toBeDefined();
    const teamsConsole = new WebPage(stack.app.url, tokenOfConsoleUrl(consoleUrl!));
    expect((await teamsConsole.view()).role).toBe('facilitator');
    await teamsConsole.act({ verb: 'reveal', cafe: cafe.id, step: first });
    await stack.connector.waitFor(() => cardText(stack.messages()).includes('Réponse : ma donnée'), 8000);
    // A Teams café is erased from its chat (/effacer), not from a console
    expect((await teamsConsole.act({ verb: 'erase', confirm: 'oui', at: Date.now() })).body.code).toBe('bad-request');
    expect(await stack.app.store.get(cafe.id)).toBeDefined();
    // A participant's own view has none of it
    const lea = await stack.user('29:lea', 'Léa Dubois').press({ verb: 'refresh', cafe: cafe.id, step: first });
    expect(cardText(lea.value)).not.toContain('/console/');
    expect((await stack.app.store.get(cafe.id))!.steps.length).toBeGreaterThan(0);
  });
});

describe('Barista without Teams: the web door alone', () => {
  const stack = new Stack(undefined, undefined, { teams: 'off', localMode: false });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('runs web cafés and accepts no Bot Framework activity at all', async () => {
    const refused = await stack.user('29:camille', 'Camille').say('/startcafe americano');
    expect(refused.status).toBe(404);
    const { answer } = await WebPage.start(stack.app.url, { formula: 'ristretto', locale: 'fr' });
    expect(answer.status).toBe(201);
    const pages = await Promise.all(['/console', '/j', `/j/${answer.body.code}`].map((p) => fetch(`${stack.app.url}${p}`)));
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });
});

describe('the web door when the store is out of reach', () => {
  let down = false;
  const stack = new Stack(undefined, undefined, {}, {
    wrapStore: (store) => new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => (down ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) : v.apply(target, args));
      },
    }),
  });
  beforeAll(() => stack.start());
  afterAll(() => {
    down = false;
    return stack.stop();
  });

  it('says so politely (503 with Retry-After), and works again once it is back', async () => {
    const { answer } = await WebPage.start(stack.app.url, { formula: 'ristretto', locale: 'fr' });
    down = true;
    const joined = await WebPage.join(stack.app.url, { code: answer.body.code, locale: 'fr' });
    expect(joined.answer.status).toBe(503);
    expect(joined.answer.body).toMatchObject({ code: 'unavailable' });
    expect(joined.answer.body.message).toMatch(/instant|réessayez/i);
    expect(joined.answer.headers.get('retry-after')).toBe('5');
    down = false;
    expect((await WebPage.join(stack.app.url, { code: answer.body.code, locale: 'fr' })).answer.status).toBe(200);
  });
});
