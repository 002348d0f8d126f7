/**
 * The content of the cafés: the schema (the contract), the built-in French guide, the loader of
 * operator content packs, and small lookups.
 */
export * from './schema';
export { guideFr, PLAYLIST_URL } from './guide.fr';
export { loadContent, ContentError, formatPath } from './load';
export { findFormula, findActivity, findVideo } from './find';
export { facilitatorOnlyTexts, activityFacilitatorTexts, type FacilitatorText } from './audience';
