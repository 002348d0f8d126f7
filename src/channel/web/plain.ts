/**
 * A chat message of Barista's (Teams Markdown, with people's text escaped by src/i18n/plainText.ts)
 * as the plain text a web page shows with `textContent`: emphasis marks dropped, Markdown links as
 * "label (address)", backslash escapes and the three entities undone. The page never renders it
 * as markup, so nothing here needs to stay escaped.
 */
export function chatToPlain(text: string): string {
  return text
    // Markdown links first: [label](https://…) → label (https://…).
    .replace(/\[([^\]\n]{1,500})\]\((https?:\/\/[^\s)]{1,2000})\)/g, '$1 ($2)')
    // Bold and italics made by Barista's own messages (`**…**`, `__…__`): unescaped ones only.
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(?<!\\)__/g, '')
    .replace(/\\([\\*_[\]~`#>+=!\-.)])/g, '$1')
    .replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => ENTITIES[e]!);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
