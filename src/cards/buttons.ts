import type { ActionData, Verb } from './actions';
import type { Refresh } from './render';
import type { CafeState, Contribution, Locale } from '../domain/types';
import { t } from '../i18n';

/**
 * Buttons as the templates draw them: `Action.Execute` with `verb` and `data` (the full
 * ActionData, verb included) and an `Action.Submit` fallback carrying the same data.
 */
export interface ButtonView {
  title: string;
  data: Record<string, unknown> & { verb: Verb };
  style: 'default' | 'positive' | 'destructive';
  /** `none` for buttons that carry no input, so a required input elsewhere on the card never blocks them. */
  inputs: 'none' | 'auto';
}

/** A row of buttons (one ActionSet in the templates). */
export interface ButtonRow {
  buttons: ButtonView[];
}

/** The card's inputs that Teams merges into a form button's data, by verb. */
interface InputKeys {
  pick: 'item';
  postit: 'postitColumn' | 'postitKind' | 'postitText';
  argument: 'argumentText';
  answer: 'answerText';
  network: 'networkOrganisation' | 'networkTown' | 'networkPosition';
  feedback: 'feedback_rating' | 'feedback_again' | 'feedback_topic' | 'feedback_positive' | 'feedback_negative';
  compose: 'composeTasse' | 'composeCafe' | 'composeChocolat' | 'composeSucre';
}
export type FormVerb = keyof InputKeys;
/** The static part of a form button's data: what the card's inputs complete into an ActionData. */
export type FormData<V extends FormVerb> = Omit<Extract<ActionData, { verb: V }>, InputKeys[V]>;

export function button(title: string, data: ActionData, style: ButtonView['style'] = 'default'): ButtonView {
  return { title, data, style, inputs: 'none' };
}

/** A button that submits the card's inputs (pick, post-it, argument, answer). */
export function formButton<V extends FormVerb>(title: string, data: FormData<V>, style: ButtonView['style'] = 'default'): ButtonView {
  return { title, data: data as unknown as ButtonView['data'], style, inputs: 'auto' };
}

/** Teams cuts a button's title past about 30 characters (« La donnée et l'open data : la donnée par et pour le… »). */
export const MAX_BUTTON_TITLE = 30;

/**
 * Choices as buttons a person can read: their own titles when all fit a button; else every choice
 * is listed in full under a letter (`list`), and its button carries the letter only. `titles` are
 * the buttons' titles (a ★ or a mark included), `letter(i)` what the list and the results show.
 */
export function readableChoices(titles: string[]): { lettered: boolean; titles: string[]; letter: (i: number) => string } {
  const lettered = titles.some((title) => title.length > MAX_BUTTON_TITLE);
  const letter = (i: number) => (lettered ? String.fromCharCode(65 + i) : '');
  return { lettered, titles: lettered ? titles.map((_, i) => letter(i)) : titles, letter };
}

/** Splits buttons into rows: Teams shows at most 5 or 6 side by side, and long titles need a row each. */
export function rows(buttons: ButtonView[], perRow = 5): ButtonRow[] {
  const out: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push({ buttons: buttons.slice(i, i + perRow) });
  return out;
}

/**
 * "🔄 Ma vue", on the shared card: asks for one's own view by hand. Teams refreshes the card by
 * itself only for the users of `refresh.userIds` (60 at most), and some clients (the Agents
 * Playground) never do: with this button the facilitator still gets the controls, and anyone their
 * own choice.
 */
export function myViewButton(locale: Locale, cafe: string, step: string): ButtonView {
  return button(t(locale, 'ctl.myView'), { verb: 'refresh', cafe, step });
}

/** Teams gives per-user views to at most 60 users. */
export const MAX_REFRESH_USERS = 60;

/**
 * The refresh block of a card with per-user views: the facilitator first (the controls), then the
 * people who took part in this step (their own choice), then everyone else who took part.
 */
export function refreshFor(state: CafeState, contributions: Contribution[], step: string, participants?: string[]): Refresh {
  const ids = new Set<string>([state.facilitatorId, ...(state.coFacilitatorIds ?? [])]);
  // Stops at Teams' 60: a poll with 2,000 voters costs no more than one with 60.
  for (const c of contributions) {
    if (ids.size >= MAX_REFRESH_USERS) break;
    if (c.stepId === step) ids.add(c.userId);
  }
  for (const id of participants ?? contributions.map((c) => c.userId)) {
    if (ids.size >= MAX_REFRESH_USERS) break;
    ids.add(id);
  }
  return {
    action: { type: 'Action.Execute', verb: 'refresh', data: { verb: 'refresh', cafe: state.id, step } },
    userIds: [...ids].slice(0, MAX_REFRESH_USERS),
  };
}
