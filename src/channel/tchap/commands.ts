import { parseText, type Input } from '../../bot/parse';

/**
 * Barista's commands in a Matrix room (Tchap). Matrix clients keep `/…` for themselves (Element
 * and Tchap run `/help` locally), so Barista answers `!startcafe americano`, and a message that
 * mentions it first (« Barista : startcafe americano », « @barista /suivant »), whatever the
 * client made of the mention (its display name, its user id, a matrix.to pill's text).
 * Everything else said in the room is the room's, not Barista's: undefined.
 */
export interface BotIdentity {
  /** '@barista:tchap.gouv.fr' */
  userId: string;
  /** The display name clients show and mention ('Barista'). */
  displayName: string;
}

/** The command text a message carries for Barista, without its `!`, `/` or mention; undefined when it carries none. */
export function commandText(body: string, bot: BotIdentity, mentioned = false): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.startsWith('!')) return text.slice(1).trim() || undefined;
  const names = [bot.userId, bot.displayName, `@${bot.displayName}`, localpart(bot.userId)].filter(Boolean).map(escapeRegExp);
  const head = new RegExp(`^(?:${names.join('|')})\\s*[:,]?\\s+`, 'i');
  const m = head.exec(text);
  if (m) return text.slice(m[0].length).replace(/^[:,]?\s*[!/]?/, '').trim() || undefined;
  // A mention the client put elsewhere than first (m.mentions says Barista), followed by a command word.
  if (mentioned) {
    const word = /(?:^|\s)[!/](\S.*)$/.exec(text);
    if (word) return word[1]!.trim();
  }
  return undefined;
}

/** The pipeline's input for a message to Barista, or undefined when the message is not for it. */
export function commandInput(body: string, bot: BotIdentity, mentioned = false): Input | undefined {
  const text = commandText(body, bot, mentioned);
  return text === undefined ? undefined : parseText(`/${text}`);
}

/** '@barista:tchap.gouv.fr' → '@barista' (how some clients write a mention in the body). */
function localpart(userId: string): string {
  const m = /^(@[^:]+):/.exec(userId);
  return m ? m[1]! : '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
