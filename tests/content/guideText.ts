import * as fs from 'fs';
import * as path from 'path';

/**
 * The DATAcculturation guide (septembre 2025) the built-in content is taken from, read from the
 * project's shared folder (beside the repository, as in CI) so a change of the guide shows here,
 * and the normaliser used to compare the content with it.
 */
export const GUIDE_PATH = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds', '004_4f072aabe7492a79.txt');

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
