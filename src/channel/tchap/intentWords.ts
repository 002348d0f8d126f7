import { ActionDataSchema } from '../../cards/actions';
import type { Input } from '../../bot/parse';

/**
 * The small readings every Tchap intent shares: words compared without case nor accents, a
 * 1-based number, and a card verb built through `ActionDataSchema` so its bounds apply (a text
 * over them is refused there, as a forged card would be: `bad-payload`).
 */

/** « Intermédiaire », « INTERMEDIAIRE » → 'intermediaire'. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** « 2 » of a list of `count` → index 1; undefined for « 0 », « 9 » of 3, « x ». */
export function indexOf(word: string | undefined, count: number): number | undefined {
  if (word === undefined || !/^\d{1,3}$/.test(word)) return undefined;
  const n = Number(word);
  return n >= 1 && n <= count ? n - 1 : undefined;
}

/** A card verb as the pipeline takes it: parsed by the schema (its bounds), else refused at the edge. */
export function act(data: Record<string, unknown>): Input {
  const parsed = ActionDataSchema.safeParse(data);
  return parsed.success ? { kind: 'action', data: parsed.data, via: 'execute' } : { kind: 'bad-payload', via: 'execute' };
}

/**
 * A command Barista knows, with an argument it cannot use (« !vote 9 » on three choices, « !choisir x »)
 * or that applies to nothing now (« !vote » with no poll open): answered politely, naming the
 * command and what it could not use, and nothing changes.
 */
export function badArgument(said: string): Input {
  const [head = '', ...rest] = said.trim().split(/\s+/);
  const command = `!${head.replace(/^[!/]/, '')}`.slice(0, 40);
  const argument = rest.join(' ').slice(0, 40);
  return argument
    ? { kind: 'not-understood', message: 'tchap.bad.argument', params: { command, argument } }
    : { kind: 'not-understood', message: 'tchap.bad.notHere', params: { command } };
}

/**
 * A reply's fallback (« > <@lea:…> the message replied to », then a blank line), which older
 * clients put before the reply itself (MSC2781 removes it): the reply is what follows.
 */
export function withoutReplyFallback(body: string): string {
  const lines = body.split('\n');
  if (!lines[0]?.startsWith('>')) return body;
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('>')) i++;
  return lines.slice(i).join('\n');
}
