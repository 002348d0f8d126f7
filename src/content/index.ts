/**
 * The content of the cafés: the schema (the contract), the built-in French guide, the loader of
 * operator content packs, and small lookups.
 */
import type { Activity, Content, Formula, Variant, Video } from './schema';

export * from './schema';
export { guideFr, START_TIP_COUNT, PLAYLIST_URL } from './guide.fr';
export { loadContent, ContentError, formatPath } from './load';

/** The formula typed after /startcafe (`americano`) in the chosen variant. */
export function findFormula(content: Content, id: string, variant: Variant): Formula | undefined {
  return content.formulas.find((f) => f.id === id && f.variant === variant);
}

export function findActivity(content: Content, id: string): Activity | undefined {
  return content.activities.find((a) => a.id === id);
}

export function findVideo(content: Content, id: string): Video | undefined {
  return content.videos.find((v) => v.id === id);
}
