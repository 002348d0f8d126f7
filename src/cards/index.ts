/**
 * The card layer: pure functions from a view of the café to Adaptive Card JSON (version 1.5, what
 * Teams renders), expanded from the templates of the top-level cards/ folder. No I/O, no clock:
 * the bot passes `now`, sends the shared card to everyone and answers a refresh or a button with
 * the viewer's own card.
 *
 * Every button is an `Action.Execute` whose `data` is a full `ActionData` (see ./actions), with an
 * `Action.Submit` fallback carrying the same data.
 */
import type { StepInput } from './steps/common';
import { stepCard as renderStep } from './steps';
import type { Card } from './types';

export type { Card, Viewer } from './types';
export type { StepInput } from './steps/common';
export { menuCard, MENU_STEP } from './menu';
export type { MenuInput } from './menu';
export { recapCard } from './recap';
export type { RecapInput } from './recap';
export { formulasCard, startCommand } from './formulas';
export type { FormulasInput } from './formulas';
export { alreadyRunningCard } from './running';
export type { AlreadyRunningInput } from './running';
export { helpCard } from './help';
export { eraseConfirmCard, erasedCard, networkCard } from './privacy';
export { endConfirmCard } from './endConfirm';
export type { NetworkCardInput } from './privacy';
export { menuTreeCard, answersOf } from './menuTree';
export { composeCard } from './compose';
export type { ComposeInput } from './compose';
export type { MenuTreeInput } from './menuTree';
export type { HelpInput } from './help';
export { ActionDataSchema, action } from './actions';
export type { ActionData, Verb } from './actions';
export { MAX_REFRESH_USERS } from './buttons';

/**
 * The card of one step for one viewer: `{ isFacilitator: false }` without userId for the shared
 * card, the viewer's id for their own view (their vote, or the facilitator's controls and tips).
 */
export function stepCard(input: StepInput): Card {
  return renderStep(input);
}
