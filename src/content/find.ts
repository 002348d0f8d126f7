import type { Activity, Content, Formula, Video } from './schema';

/** Lookups in the content by id, shared by the engine, the views and the loader's users. */

/** The formula typed after /startcafe (`americano`) in the chosen variant. */
export function findFormula(content: Content, id: string, variant: string): Formula | undefined {
  return content.formulas.find((f) => f.id === id && f.variant === variant);
}

export function findActivity(content: Content, id: string): Activity | undefined {
  return content.activities.find((a) => a.id === id);
}

export function findVideo(content: Content, id: string): Video | undefined {
  return content.videos.find((v) => v.id === id);
}
