import type { Link, PartId, Tip } from '../content/schema';
import type { Locale } from '../domain/types';
import { plainText, t } from '../i18n';

/** Small text helpers of the views: bars, clipping, lists within a byte budget, tips. */

const BAR_WIDTH = 10;

/** A vote bar: "████░░░░░░ 3". A choice with at least one vote always shows one cell. */
export function bar(count: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.max(count > 0 ? 1 : 0, Math.round((count / total) * width)) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${count}`;
}

/** Cuts a text to `max` characters with an ellipsis, at a word boundary when there is one nearby. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Takes lines in order while they fit in `maxBytes` (UTF-8, as Teams counts a message's size).
 * What does not fit is counted, for a "… et N autres" line.
 */
export function fit<T>(items: T[], maxBytes: number, size: (item: T) => number): { shown: T[]; hidden: number } {
  const shown: T[] = [];
  let used = 0;
  for (const item of items) {
    const s = size(item) + 16; // the JSON around a line
    if (used + s > maxBytes) break;
    used += s;
    shown.push(item);
  }
  return { shown, hidden: items.length - shown.length };
}

/** A display name on a card: one line, 60 characters at most, shown as text (`plainText`). */
export function plainName(name: string): string {
  return plainText(clip(name.replace(/\s+/g, ' ').trim() || '?', 60), 'card');
}

/** A participant's text (a post-it, an argument, an answer, a comment) on a card, shown as text. */
export function cardText(text: string): string {
  return plainText(text, 'card');
}

export function partName(locale: Locale, part: PartId): string {
  return t(locale, `part.${part}`);
}

export function markdownLink(link: Link): string {
  return `[${link.label.replace(/[[\]]/g, '')}](${link.url})`;
}

/** Kinds that are no box of the guide (its plain instructions, its footnotes): no box's name as a badge. */
const NOT_A_BOX: ReadonlySet<Tip['kind']> = new Set(['consigne', 'note']);

/**
 * One tip of the guide as a Markdown paragraph: "**Astuce · title**", the text whole, its links.
 * The badge names the guide's box; a text that is in no box is headed by the guide's heading (its
 * title) or a neutral word. Never clipped: the guide's text is shown whole (a card holds it).
 */
export function tipText(locale: Locale, tip: Tip): string {
  const kind = t(locale, `tipKind.${tip.kind}`);
  const head = NOT_A_BOX.has(tip.kind) ? `**${tip.title ?? kind}**` : tip.title ? `**${kind} · ${tip.title}**` : `**${kind}**`;
  const links = tip.links.length ? `\n\n${tip.links.map(markdownLink).join(' · ')}` : '';
  return `${head}\n\n${tip.text}${links}`;
}

/** One paragraph of a tips panel (a ShowCard only the facilitator's view has). */
export interface TipLine {
  text: string;
  weight: 'Bolder' | 'Default';
}

/** A heading of a tips panel, followed by its tips; nothing at all when there are no tips. */
export function tipSection(locale: Locale, title: string, tips: Tip[]): TipLine[] {
  if (!tips.length) return [];
  return [{ text: title, weight: 'Bolder' }, ...tips.map((tip) => ({ text: tipText(locale, tip), weight: 'Default' as const }))];
}

/** Whole minutes left, rounded up (a countdown says "1 min" until the very end). */
export function minutesLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 60_000));
}
