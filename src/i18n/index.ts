import type { Locale, MessageKey, RefusalCode } from '../domain/types';
import { en } from './en';
import { fr, type MessageId } from './fr';
import { plainText } from './plainText';

/**
 * The bot's user interface in French (default) and English. The guide's content is not
 * translated: only buttons, headings, help and bot messages are.
 */
export type { Locale } from '../domain/types';
export type { MessageId } from './fr';
export { plainText, type Surface } from './plainText';
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageId, string>> = { fr, en };

// Every message the engine can ask the bot to say, and every refusal code, has a text.
type Missing<K extends string> = Exclude<K, MessageId>;
const _everyMessage: Missing<MessageKey | `refusal.${RefusalCode}`> extends never ? true : never = true;
void _everyMessage;

/**
 * The chat messages the engine asks for (its `say` effects) besides the refusals: their params
 * come raw from the domain (a person's display name: « La parole est à {name} »), so `t` writes
 * them as text for a chat message (`plainText`). Every other text's params are the caller's to
 * make plain (the cards do, at their edge).
 */
const ENGINE_MESSAGES: Record<MessageKey, true> = {
  timeUp: true, allDone: true, paused: true, resumed: true, extended: true, ended: true, floorTo: true, overtime: true,
  handedOver: true, coFacilitatorAdded: true, cancelled: true,
};
const isChatMessage = (key: string) => key.startsWith('refusal.') || Object.hasOwn(ENGINE_MESSAGES, key);

/**
 * A UI text in the viewer's locale, with its `{param}`s filled. An unknown param stays visible.
 * A chat message's params (the engine's messages, the refusals) are shown as text, never markup.
 */
export function t(locale: Locale, key: MessageId, params?: Params): string {
  const text = (dictionaries[locale] ?? fr)[key] ?? fr[key];
  if (!params) return text;
  const value = isChatMessage(key) ? (v: string | number) => plainText(String(v), 'message') : String;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? value(params[name]) : whole));
}

/** Teams locales are BCP 47 tags ("en-US", "fr-FR"): English for any "en…", French otherwise. */
export function localeOf(teamsLocale?: string): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** The refusal text of a code, e.g. for an invoke answer or a reply in the chat. */
export function refusalText(locale: Locale, code: RefusalCode, params?: Params): string {
  return t(locale, `refusal.${code}`, params);
}
