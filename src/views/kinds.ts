import type { StepKind } from '../domain/types';
import type { KindView } from './types';

/**
 * Every step kind, once. The two checks below make a kind added to `StepKind` (or to the views)
 * without the other a compile error, and tests iterate over this list to prove each kind is handled.
 */
export const STEP_KINDS = ['choose', 'poll', 'pick', 'turns', 'video', 'board', 'question', 'text', 'feedback'] as const satisfies readonly StepKind[];

type Missing<A, B> = Exclude<A, B> extends never ? true : false;
// A kind of StepKind absent from STEP_KINDS, or a kind without its view, fails here.
const everyKindListed: Missing<StepKind, (typeof STEP_KINDS)[number]> = true;
const everyKindViewed: Missing<StepKind, KindView['kind']> = true;
void everyKindListed;
void everyKindViewed;

/**
 * The default branch of an exhaustive switch: never reached while every case is handled, and a
 * compile error as soon as one is not (a new step kind names every place that must show it).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
