import type { ActionData } from '../../cards/actions';
import { menuTreeEn } from '../../content/menuTree.en';
import { menuTreeFr } from '../../content/menuTree.fr';
import { attrs, esc } from '../../tab/browser/html';
import type { RegistrationLevel, RegistrationPlace, WebView } from '../contract';

/**
 * Registration before the café, as the pages show it (pure HTML strings, everything escaped):
 * the participant's form (their level, online or in the room) and the console's summary (how many
 * registered, the split, the formula the guide advises for that public, to adopt in one press).
 * The guide's ASTUCE: « identifiez le niveau de votre audience en posant la question dans votre
 * formulaire d'inscription ».
 */

type Locale = 'fr' | 'en';

export const LEVELS = ['novice', 'averti', 'intermediaire'] as const satisfies readonly RegistrationLevel[];
export const PLACES = ['online', 'room'] as const satisfies readonly RegistrationPlace[];

interface RegistrationLabels {
  title: string;
  intro: string;
  levelLegend: string;
  /** The guide's three publics, in its words (the menu's tree). */
  level: Record<RegistrationLevel, string>;
  placeLegend: string;
  place: Record<RegistrationPlace, string>;
  send: string;
  update: string;
  registered(n: number): string;
  mine(level: string, place: string): string;
  closed: string;
  summaryTitle: string;
  nobody: string;
  levelsHeading: string;
  placesHeading: string;
  advice(name: string, min: number, max: number): string;
  adviceCurrent: string;
  adopt: string;
}

const LABELS: Record<Locale, RegistrationLabels> = {
  fr: {
    title: 'Inscription au café',
    intro: 'Pour que le café soit fait pour vous, dites-nous votre niveau et comment vous y assisterez.',
    levelLegend: menuTreeFr.audience.question,
    level: { novice: menuTreeFr.audience.novice.label, averti: menuTreeFr.audience.averti.label, intermediaire: menuTreeFr.audience.intermediaire.label },
    placeLegend: 'Vous assisterez au café…',
    place: { online: 'À distance, en visio', room: 'Dans la salle' },
    send: 'Je m’inscris',
    update: 'Modifier mon inscription',
    registered: (n) => (n === 0 ? 'Aucune inscription pour l’instant' : n === 1 ? '1 personne inscrite' : `${n} personnes inscrites`),
    mine: (level, place) => `Votre inscription : ${level} — ${place}`,
    closed: 'Les inscriptions sont closes : le café a commencé.',
    summaryTitle: 'Inscriptions',
    nobody: 'Personne ne s’est encore inscrit : le guide conseillera une formule dès les premières inscriptions.',
    levelsHeading: 'Niveau du public',
    placesHeading: 'Présence',
    advice: (name, min, max) => `Pour ce public, le guide recommande : ${name} (${min === max ? `${max} min` : `${min} à ${max} min`})`,
    adviceCurrent: 'C’est déjà la formule de votre café.',
    adopt: 'Adopter cette formule',
  },
  en: {
    title: 'Register for the café',
    intro: 'So that the café suits you, tell us your level and how you will attend.',
    levelLegend: menuTreeEn.audience.question,
    level: { novice: menuTreeEn.audience.novice.label, averti: menuTreeEn.audience.averti.label, intermediaire: menuTreeEn.audience.intermediaire.label },
    placeLegend: 'You will attend the café…',
    place: { online: 'Remotely, by video call', room: 'In the room' },
    send: 'Register',
    update: 'Change my registration',
    registered: (n) => (n === 0 ? 'Nobody has registered yet' : n === 1 ? '1 person registered' : `${n} people registered`),
    mine: (level, place) => `Your registration: ${level} — ${place}`,
    closed: 'Registration is closed: the café has begun.',
    summaryTitle: 'Registrations',
    nobody: 'Nobody has registered yet: the guide will advise a formula as soon as people register.',
    levelsHeading: 'The audience’s level',
    placesHeading: 'Attendance',
    advice: (name, min, max) => `For this audience, the guide recommends: ${name} (${min === max ? `${max} min` : `${min} to ${max} min`})`,
    adviceCurrent: 'It is already your café’s formula.',
    adopt: 'Adopt this formula',
  },
};

/** The labels of a locale (French unless English is asked). */
export function registrationLabels(locale: Locale): RegistrationLabels {
  return LABELS[locale] ?? LABELS.fr;
}

function radios(name: string, ids: readonly string[], label: (id: string) => string, checked: string | undefined, testid: string): string {
  return ids
    .map((id) => `<label class="choice"><input${attrs({ type: 'radio', name, value: id, checked: id === checked, required: true, 'data-testid': `${testid}-${id}` })}> ${esc(label(id))}</label>`)
    .join('');
}

/**
 * The participant's form: two fieldsets of radio buttons (the level, the place; their own answer
 * checked) and a submit button; how many registered, and their own registration. Empty when the
 * view has no registration (the café began); a closed one says so.
 */
export function renderRegistrationForm(view: WebView, locale: Locale): string {
  const reg = view.registration;
  if (!reg) return '';
  const L = registrationLabels(locale);
  const count = `<p class="registration-count" data-testid="register-count">${esc(L.registered(reg.count))}</p>`;
  if (!reg.open) return `<section class="registration" data-testid="registration"><p>${esc(L.closed)}</p>${count}</section>`;
  const mine = reg.mine ? `<p class="registration-mine" data-testid="register-mine">${esc(L.mine(L.level[reg.mine.level], L.place[reg.mine.place]))}</p>` : '';
  return `<section class="registration" data-testid="registration">`
    + `<h2>${esc(L.title)}</h2><p>${esc(L.intro)}</p>`
    // The page's form handler posts `data-act` with the two fields (actions.ts formData).
    + `<form${attrs({ class: 'registration-form', 'data-testid': 'register-form', 'data-cafe': view.cafe.id, 'data-act': JSON.stringify({ verb: 'register', cafe: view.cafe.id }) })}>`
    + `<fieldset><legend>${esc(L.levelLegend)}</legend>${radios('level', LEVELS, (id) => L.level[id as RegistrationLevel], reg.mine?.level, 'register-level')}</fieldset>`
    + `<fieldset><legend>${esc(L.placeLegend)}</legend>${radios('place', PLACES, (id) => L.place[id as RegistrationPlace], reg.mine?.place, 'register-place')}</fieldset>`
    + `<button${attrs({ type: 'submit', class: 'button', 'data-testid': 'register-send' })}>${esc(reg.mine ? L.update : L.send)}</button>`
    + `</form>${mine}${count}</section>`;
}

/**
 * The console's summary: how many registered, the split by level and by place, and the formula the
 * guide advises for that public with a button to adopt it (its `data-action` is the card verb's
 * data, {verb:'reformulate', cafe, formula, variant}), or that the café already has it.
 */
export function renderRegistrationSummary(view: WebView, locale: Locale): string {
  const reg = view.registration;
  if (!reg) return '';
  const L = registrationLabels(locale);
  const head = `<h2>${esc(L.summaryTitle)}</h2><p class="registration-count" data-testid="registration-count">${esc(L.registered(reg.count))}</p>`;
  if (reg.count === 0) return `<section class="registration-summary" data-testid="registration-summary">${head}<p>${esc(L.nobody)}</p></section>`;
  const sep = locale === 'en' ? ': ' : '\u00a0: ';
  const row = (testid: string, label: string, n: number) => `<li${attrs({ 'data-testid': testid })}>${esc(label)}${sep}<strong>${esc(n)}</strong></li>`;
  const levels = LEVELS.map((id) => row(`registration-level-${id}`, L.level[id], reg.levels[id])).join('');
  const places = PLACES.map((id) => row(`registration-place-${id}`, L.place[id], reg.places[id])).join('');
  let advice = '';
  if (reg.advice) {
    const a = reg.advice;
    const data: ActionData = { verb: 'reformulate', cafe: view.cafe.id, formula: a.formulaId, variant: a.variant };
    advice = `<p class="registration-advice" data-testid="registration-advice">${esc(L.advice(a.name, a.minutes.min, a.minutes.max))}</p>`
      + (a.current
        ? `<p data-testid="registration-advice-current">${esc(L.adviceCurrent)}</p>`
        : `<button${attrs({ type: 'button', class: 'button', 'data-testid': 'reformulate', 'data-act': JSON.stringify(data) })}>${esc(L.adopt)}</button>`);
  }
  return `<section class="registration-summary" data-testid="registration-summary">${head}`
    + `<h3>${esc(L.levelsHeading)}</h3><ul>${levels}</ul><h3>${esc(L.placesHeading)}</h3><ul>${places}</ul>${advice}</section>`;
}

/**
 * The form's values → the card verb's data the page posts ({verb:'register', cafe, level, place}),
 * or undefined while a choice is missing (or is none of the form's).
 */
export function registrationAction(values: { cafe: string; level?: string | null; place?: string | null }): Extract<ActionData, { verb: 'register' }> | undefined {
  const level = LEVELS.find((l) => l === values.level);
  const place = PLACES.find((p) => p === values.place);
  if (!values.cafe || !level || !place) return undefined;
  return { verb: 'register', cafe: values.cafe, level, place };
}
