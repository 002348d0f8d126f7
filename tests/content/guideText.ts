import * as fs from 'fs';
import * as path from 'path';

/**
 * The DATAcculturation guide (septembre 2025) the built-in content is taken from, kept in the
 * repository (docs/sources, with its provenance) so that a fresh clone runs these tests, and the
 * normaliser used to compare the content with it. Line numbers cited in tests ("L461") are this
 * file's.
 */
export const GUIDE_PATH = path.resolve(__dirname, '..', '..', 'docs', 'sources', 'datacculturation-guide-2025-09.md');

export function readGuide(): string {
  return fs.readFileSync(GUIDE_PATH, 'utf8');
}

/**
 * For comparison only: strips the Markdown (** * _ \ escapes, [text](url) links, <url>, <b> tags,
 * list markers), unifies apostrophes and double quotes, and folds whitespace. The content itself
 * keeps the guide's typography.
 */
export function normalise(s: string): string {
  return s
    .replace(/<\/?(?:b|i|em|strong|sup|sub)>/gi, '')
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, '$1')
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/\\/g, '')
    .replace(/[*_]/g, '')
    .replace(/^[ \t]*(?:(?:[-•]|\d+\))[ \t]+)+/gm, '')
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
