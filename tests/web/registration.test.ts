import { ActionDataSchema } from '../../src/cards/actions';
import { guideFr } from '../../src/content';
import { REGISTRATION_STEP_ID, type Actor, type MenuAudience } from '../../src/domain';
import { registrationAction, renderRegistrationForm, renderRegistrationSummary } from '../../src/web/browser/registration';
import type { WebView } from '../../src/web/contract';
import { webView, type WebViewInput } from '../../src/web/view';
import { CafeSim, camille, karim, lea } from '../domain/harness';

/**
 * Registration on the web door: what the console and a participant's page get in their WebView,
 * and the pure HTML the pages render it with (the form, the summary with the advice to adopt).
 */

function view(cafe: CafeSim, viewer: WebViewInput['viewer']): WebView {
  return webView({
    state: cafe.state, contributions: cafe.contributions, content: guideFr, viewer,
    code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345', notices: [], now: cafe.now,
  });
}
const console_ = (cafe: CafeSim) => view(cafe, { id: camille.id, name: 'Camille', role: 'facilitator', locale: 'fr' });
const page = (cafe: CafeSim, who: Actor = lea) => view(cafe, { id: who.id, name: who.name, role: 'participant', locale: 'fr' });
const register = (cafe: CafeSim, who: Actor, level: MenuAudience, place: 'online' | 'room') =>
  expect(cafe.give(who, { kind: 'registration', level, place }, REGISTRATION_STEP_ID)).toBeUndefined();

describe("The WebView's registrations", () => {
  it('before anyone registered: open, none counted, nothing advised', () => {
    const cafe = new CafeSim();
    expect(console_(cafe).registration).toEqual({ open: true, count: 0, levels: { novice: 0, averti: 0, intermediaire: 0 }, places: { online: 0, room: 0 } });
    expect(page(cafe).registration).toEqual({ open: true, count: 0, levels: { novice: 0, averti: 0, intermediaire: 0 }, places: { online: 0, room: 0 } });
  });

  it('the facilitator sees the split and the advice; a participant sees the count and their own answer only', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'americano');
    register(cafe, lea, 'averti', 'online');
    register(cafe, karim, 'averti', 'room');
    const c = console_(cafe).registration!;
    expect(c).toMatchObject({ open: true, count: 2, levels: { novice: 0, averti: 2, intermediaire: 0 }, places: { online: 1, room: 1 } });
    expect(c.advice).toEqual({ formulaId: 'americano', variant: 'sans-sucre', name: 'Americano sans sucre', minutes: { min: 30, max: 60 }, current: false });
    expect(c.mine).toBeUndefined();
    const p = page(cafe, lea).registration!;
    expect(p).toEqual({ open: true, count: 2, levels: { novice: 0, averti: 0, intermediaire: 0 }, places: { online: 0, room: 0 }, mine: { level: 'averti', place: 'online' } });
    // Registering counts nobody as a participant of the café.
    expect(console_(cafe).cafe.participants).toBe(0);
  });

  it('says when the café already has the advised formula', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'americano');
    register(cafe, lea, 'novice', 'room');
    expect(console_(cafe).registration!.advice).toMatchObject({ formulaId: 'americano', variant: 'avec-sucre', current: true });
  });

  it('a console token of someone who no longer facilitates gets the participant view', () => {
    const cafe = new CafeSim();
    register(cafe, lea, 'novice', 'room');
    expect(view(cafe, { id: karim.id, role: 'facilitator', locale: 'fr' }).registration).not.toHaveProperty('advice');
  });

  it('is gone once the café has begun', () => {
    const cafe = new CafeSim();
    register(cafe, lea, 'novice', 'room');
    cafe.do({ type: 'begin' });
    expect(console_(cafe).registration).toBeUndefined();
    expect(page(cafe).registration).toBeUndefined();
  });
});

/** The data-act JSON of the element with this test id, or undefined. */
function actionOf(html: string, testid: string): unknown {
  const m = new RegExp(`data-testid="${testid}"[^>]*data-act="([^"]*)"|data-act="([^"]*)"[^>]*data-testid="${testid}"`).exec(html);
  const raw = m?.[1] ?? m?.[2];
  return raw === undefined ? undefined : JSON.parse(raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

describe('The registration form (participant page)', () => {
  it('offers the three levels in the guide words and the two places, and a submit button', () => {
    const cafe = new CafeSim();
    const html = renderRegistrationForm(page(cafe), 'fr');
    for (const id of ['novice', 'averti', 'intermediaire']) expect(html).toContain(`data-testid="register-level-${id}"`);
    for (const id of ['online', 'room']) expect(html).toContain(`data-testid="register-place-${id}"`);
    expect(html).toContain('data-testid="register-send"');
    expect(html).toContain('Novice sur la data ou l&#39;IA');
    expect(html).toContain('Je m’inscris');
    expect(html).toContain('Aucune inscription pour l’instant');
    expect(html.match(/<fieldset>/g)).toHaveLength(2);
  });

  it("checks the person's own answer and says it; English from top to bottom", () => {
    const cafe = new CafeSim();
    register(cafe, lea, 'intermediaire', 'online');
    const fr = renderRegistrationForm(page(cafe), 'fr');
    expect(fr).toMatch(/value="intermediaire" checked/);
    expect(fr).toMatch(/value="online" checked/);
    expect(fr).not.toMatch(/value="novice" checked/);
    expect(fr).toContain('Modifier mon inscription');
    expect(fr).toContain('1 personne inscrite');
    const en = renderRegistrationForm(page(cafe), 'en');
    expect(en).toContain('At an intermediate level in data and AI');
    expect(en).toContain('Remotely, by video call');
    expect(en).toContain('1 person registered');
    expect(en).not.toMatch(/inscri|Novice sur/);
  });

  it('escapes what it shows (the café id in an attribute)', () => {
    const cafe = new CafeSim();
    const v = page(cafe);
    const html = renderRegistrationForm({ ...v, cafe: { ...v.cafe, id: '"><script>x</script>' } }, 'fr');
    expect(html).not.toContain('<script>');
    expect(html).toContain('data-cafe="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('nothing once the café has begun; a closed registration says so', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    expect(renderRegistrationForm(page(cafe), 'fr')).toBe('');
    const v = page(new CafeSim());
    expect(renderRegistrationForm({ ...v, registration: { ...v.registration!, open: false } }, 'en')).toContain('Registration is closed');
  });

  it("the form's values make the register verb's data, which the server's schema accepts", () => {
    const data = registrationAction({ cafe: 'cafe-1', level: 'averti', place: 'room' });
    expect(data).toEqual({ verb: 'register', cafe: 'cafe-1', level: 'averti', place: 'room' });
    expect(ActionDataSchema.parse(data)).toEqual(data);
    expect(registrationAction({ cafe: 'cafe-1', level: 'averti', place: null })).toBeUndefined();
    expect(registrationAction({ cafe: 'cafe-1', level: 'expert', place: 'room' })).toBeUndefined();
  });
});

describe('The registration summary (console)', () => {
  it('before anyone registered: says so, nothing to adopt', () => {
    const html = renderRegistrationSummary(console_(new CafeSim()), 'fr');
    expect(html).toContain('Personne ne s’est encore inscrit');
    expect(html).not.toContain('data-testid="reformulate"');
  });

  it('shows the split and the advice, with an Adopter button whose data the schema accepts', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'americano');
    register(cafe, lea, 'averti', 'online');
    register(cafe, karim, 'averti', 'room');
    const html = renderRegistrationSummary(console_(cafe), 'fr');
    expect(html).toContain('2 personnes inscrites');
    expect(html).toMatch(/data-testid="registration-level-averti">[^<]*<strong>2<\/strong>/);
    expect(html).toMatch(/data-testid="registration-place-online">[^<]*<strong>1<\/strong>/);
    expect(html).toContain('le guide recommande : Americano sans sucre (30 à 60 min)');
    const data = actionOf(html, 'reformulate');
    expect(data).toEqual({ verb: 'reformulate', cafe: 'cafe-1', formula: 'americano', variant: 'sans-sucre' });
    expect(ActionDataSchema.parse(data)).toEqual(data);
    const en = renderRegistrationSummary(console_(cafe), 'en');
    expect(en).toContain('the guide recommends: Americano sans sucre (30 to 60 min)');
    expect(en).toContain('Adopt this formula');
    expect(en).not.toMatch(/inscri|recommande|Adopter/);
  });

  it('no button when the café already has the advised formula', () => {
    const cafe = new CafeSim('avec-sucre', guideFr, 'americano');
    register(cafe, lea, 'novice', 'room');
    const html = renderRegistrationSummary(console_(cafe), 'fr');
    expect(html).toContain('data-testid="registration-advice-current"');
    expect(html).not.toContain('data-testid="reformulate"');
  });

  it('escapes the formula name it shows', () => {
    const cafe = new CafeSim();
    register(cafe, lea, 'averti', 'room');
    const v = console_(cafe);
    const html = renderRegistrationSummary({ ...v, registration: { ...v.registration!, advice: { ...v.registration!.advice!, name: '<b>x</b>' } } }, 'fr');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
