/**
 * A person's text (a display name, a post-it, an argument, an answer, a comment, an organisation)
 * shown as text wherever Barista writes it: nothing a person types becomes a link, emphasis, a
 * heading, a list or an HTML tag in Barista's own messages and cards.
 *
 * Two surfaces, as Teams renders them:
 * - `card`: an Adaptive Card TextBlock, a Markdown subset (links, `**`, `_`, lists) and no HTML
 *   (a tag shows as text). Markdown's punctuation is backslash-escaped (CommonMark §2.4; a Teams
 *   client that ignores an escape shows the backslash, never the markup).
 * - `message`: a chat message, Markdown that also takes some HTML: the same escapes, and `&`, `<`,
 *   `>` as entities (so `<b>`, `<script>` or `<at>` stay text).
 *
 * Whatever the surface, a web address in a person's text is not followed: Teams turns bare
 * addresses into links, so their `://` and `//` take a word joiner (U+2060, invisible) and a dot
 * inside a domain becomes a one-dot leader (U+2024, which looks like a dot), so neither a scheme
 * nor a domain is recognised. Parentheses stay as typed: without `[` `]` they never make a link.
 * Bidirectional overrides (which would reorder the text around a name) are dropped.
 *
 * Applied at the rendering edge only (the cards, the chat messages' parameters in `t`): the domain
 * and the store keep what the person wrote.
 */
export type Surface = 'card' | 'message';

const WORD_JOINER = '\u2060';
const ONE_DOT_LEADER = '\u2024';

/** Markdown's inline punctuation, anywhere in a line: emphasis, links, strikethrough, code, escapes. */
const INLINE = /[\\*_[\]~`]/g;
/**
 * What opens a block at a line's start: a heading, a quote, a list item, a thematic break or a
 * setext underline, an image; an ordered list's "1." or "1)".
 */
const BLOCK = /^([ \t]*)(?:([#>+=!-])|(\d+)([.)]))/gm;
const HTML = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` as it must be written on `surface` to be read exactly as typed, and as nothing more. */
export function plainText(text: string, surface: Surface): string {
  const unlinked = text
    .replace(BIDI, '')
    // Addresses first: the escapes below add backslashes, never dots or slashes.
    .replace(/:\/\//g, `:${WORD_JOINER}/${WORD_JOINER}/`)
    .replace(/\/\//g, `/${WORD_JOINER}/`)
    .replace(/([\p{L}\p{N}])\.(?=\p{L})/gu, `$1${ONE_DOT_LEADER}`);
  // A message's HTML first: `&gt;` opens no quote, and is not escaped again below.
  const html = surface === 'message' ? unlinked.replace(HTML, (c) => ENTITIES[c]) : unlinked;
  return html
    .replace(INLINE, (c) => `\\${c}`)
    .replace(BLOCK, (_, indent: string, mark?: string, digits?: string, dot?: string) => (mark ? `${indent}\\${mark}` : `${indent}${digits}\\${dot}`));
}
