import type { Locale, MessageKey, RefusalCode } from '../domain/types';
import { en } from './en';
import { fr, type MessageId } from './fr';

/**
 * The bot's user interface in French (default) and English. The guide's content is not
 * translated: only buttons, headings, help and bot messages are.
 */
export type { Locale } from '../domain/types';
export type { MessageId } from './fr';
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageId, string>> = { fr, en };

// Every message the engine can ask the bot to say, and every refusal code, has a text.
type Missing<K extends string> = Exclude<K, MessageId>;
const _everyMessage: Missing<MessageKey | `refusal.${RefusalCode}`> extends never ? true : never = true;
void _everyMessage;

/** A UI text in the viewer's locale, with its `{param}`s filled. An unknown param stays visible. */
export function t(locale: Locale, key: MessageId, params?: Params): string {
  const text = (dictionaries[locale] ?? fr)[key] ?? fr[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Teams locales are BCP 47 tags ("en-US", "fr-FR"): English for any "en…", French otherwise. */
export function localeOf(teamsLocale?: string): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** The refusal text of a code, e.g. for an invoke answer or a reply in the chat. */
export function refusalText(locale: Locale, code: RefusalCode, params?: Params): string {
  return t(locale, `refusal.${code}`, params);
}
