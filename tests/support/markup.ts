import type { Surface } from '../../src/i18n';

/**
 * What Teams would show of a text written for `surface`: Markdown's backslash escapes and (in a
 * chat message) HTML's entities undone, the invisible word joiner gone, the one-dot leader read as
 * a dot. `plainText`'s output must read back as exactly what the person typed.
 */
export function shownAs(written: string, surface: Surface): string {
  const unescaped = written.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const decoded = surface === 'message' ? unescaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : unescaped;
  return decoded.replace(/\u2060/g, '').replace(/\u2024/g, '.');
}

/**
 * The markup a Markdown renderer (CommonMark, as Teams' chat and cards) or a linkifier would still
 * find in `written`, once its escaped characters are set aside: links, emphasis, code, block
 * markers at a line's start, a web address, and in a chat message an HTML tag. Empty: plain text.
 */
export function markupIn(written: string, surface: Surface): string[] {
  const bare = written.replace(/\\[!-/:-@[-`{-~]/g, ' ');
  const found: string[] = [];
  const rules: Array<[string, RegExp]> = [
    ['link', /\[[^\]]*\]\(/],
    ['emphasis', /[*_~]/],
    ['code', /`/],
    ['block', /^[ \t]*(?:[#>+=-]|\d+[.)])/m],
    ['address', /[a-z][a-z0-9+.-]*:\/\/|\/\/[\p{L}\p{N}]|[\p{L}\p{N}]\.\p{L}{2,}/iu],
  ];
  if (surface === 'message') rules.push(['html', /<[a-z/!]/i]);
  for (const [name, re] of rules) if (re.test(bare)) found.push(name);
  return found;
}

/** Display names and texts a hostile participant could type. */
export const HOSTILE = [
  '[Cliquez ici](https://evil.example)',
  '**gras** et __gras__, _penché_, *penché*, ~~barré~~, `code`',
  '<b>x</b>',
  '<script>alert(1)</script>',
  'https://evil.example',
  'www.evil.com et evil.com/chemin, //evil.example',
  '# Titre',
  '> une citation',
  '- un point',
  '+ un autre',
  '1. premier',
  '![image](https://evil.example/x.png)',
  '<at>Camille</at> &amp; \\*',
  'Jean\u202eevil.com',
];
