/** What every part of the board renderer needs, and small markup helpers built on it. Pure. */
import { attrs, esc } from './html';
import type { Labels } from './labels';

export interface RenderCtx {
  labels: Labels;
  /** Server time (ms) the view is rendered for. */
  now: number;
  /** The café's language: content texts are tagged with it when it differs from the page's. */
  contentLocale: 'fr' | 'en';
  /** Heading level for the sub-sections of a step (3 for the current step, 4 in the recap). */
  sub: number;
}

/** ` lang="en"` when a content text is not in the page's language, else nothing. */
export function langAttr(ctx: RenderCtx): string {
  return ctx.contentLocale !== ctx.labels.locale ? ` lang="${ctx.contentLocale}"` : '';
}

/**
 * A content text (user or guide text) in its own element, escaped and language-tagged; a bare
 * `span` with nothing to carry is left out.
 */
export function content(ctx: RenderCtx, tag: string, text: string, attributes: Record<string, string | undefined> = {}): string {
  const a = attrs(attributes) + langAttr(ctx);
  return tag === 'span' && !a ? esc(text) : `<${tag}${a}>${esc(text)}</${tag}>`;
}

/** A heading at `level` (clamped to h6) with already-built inner HTML. */
export function heading(level: number, innerHtml: string, attributes: Record<string, string | undefined> = {}): string {
  const l = Math.min(6, Math.max(1, level));
  return `<h${l}${attrs(attributes)}>${innerHtml}</h${l}>`;
}

/** Percentage of `count` in `total`, rounded, 0 when total is 0. */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((Math.max(0, count) * 100) / total) : 0;
}
