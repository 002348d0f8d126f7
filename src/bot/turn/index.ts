/**
 * The turn pipeline's front door: a channel hands it a Turn and gets a Reply; the server wires it.
 * See ARCHITECTURE.md ("One turn").
 */
export { TurnPipeline } from './pipeline';
export { actionRoutes, textRoutes } from './routes';
export type { Route } from './route';
export type { PipelineDeps, Turn } from './types';
