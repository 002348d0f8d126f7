/**
 * The text an Adaptive Card shows, in reading order, as Barista's Markdown: its TextBlocks, its
 * facts as « **title** : value », its rich text runs; no button (a card with buttons is rendered by
 * hand, with the commands in their place). Used for the cards that only show (the recap, the
 * decision tree's answers): the card layer keeps one source for what they say. People's text in a
 * card is already written as text for a card (`plainText(…, 'card')`: backslash escapes), which
 * `matrixText` reads as text too, and every character it does not turn into emphasis or a link is
 * HTML-escaped.
 */
export function cardLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardLines);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (typeof o.type === 'string' && o.type.startsWith('Action.')) return [];
  switch (o.type) {
    case 'TextBlock': return typeof o.text === 'string' && o.text.trim() ? [o.weight === 'Bolder' && !o.text.includes('**') ? `**${o.text}**` : o.text] : [];
    case 'FactSet': return [(o.facts as Array<{ title: string; value: string }> ?? []).map((f) => `**${f.title}** : ${f.value}`).join('\n')];
    case 'RichTextBlock': return [(o.inlines as Array<{ text?: string }> ?? []).map((i) => i.text ?? '').join('')];
    default: break;
  }
  return Object.entries(o).flatMap(([k, v]) => (k === 'actions' || k === 'selectAction' || k === 'refresh' ? [] : cardLines(v)));
}
