/**
 * Barista's chat messages (Teams Markdown: `**bold**`, `[label](https://…)`, people's text escaped by
 * src/i18n/plainText.ts with backslashes and the three entities) as a Matrix message: a plain `body`
 * for every client, and an HTML `formatted_body` (`org.matrix.custom.html`, what Tchap renders) in
 * which only Barista's own emphasis and links are markup: every character people typed is escaped.
 */
export interface MatrixText {
  msgtype: 'm.text' | 'm.notice';
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** One pass over the message: escapes, entities, Barista's bold and links; the rest is text. */
function convert(text: string): { plain: string; html: string } {
  let plain = '';
  let html = '';
  let bold = false;
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    if (rest[0] === '\\' && rest.length > 1) {
      plain += rest[1];
      html += escapeHtml(rest[1]!);
      i += 2;
      continue;
    }
    const entity = /^&(lt|gt|amp|quot|#39);/.exec(rest);
    if (entity) {
      plain += ENTITY[entity[1]!];
      html += escapeHtml(ENTITY[entity[1]!]!);
      i += entity[0].length;
      continue;
    }
    if (rest.startsWith('**')) {
      html += bold ? '</strong>' : '<strong>';
      bold = !bold;
      i += 2;
      continue;
    }
    const link = /^\[([^\]\n]{1,500})\]\((https?:\/\/[^\s)]{1,2000})\)/.exec(rest);
    if (link) {
      const label = convert(link[1]!);
      plain += `${label.plain} (${link[2]})`;
      html += `<a href="${escapeHtml(link[2]!)}">${label.html}</a>`;
      i += link[0].length;
      continue;
    }
    plain += rest[0];
    html += rest[0] === '\n' ? '<br>' : escapeHtml(rest[0]!);
    i += 1;
  }
  if (bold) html += '</strong>';
  return { plain, html };
}

/** A chat message of Barista's as Matrix content (`m.notice`: what a bot says, clients notify less). */
export function matrixText(text: string, msgtype: MatrixText['msgtype'] = 'm.notice'): MatrixText {
  const { plain, html } = convert(text);
  return { msgtype, body: plain, format: 'org.matrix.custom.html', formatted_body: html };
}
