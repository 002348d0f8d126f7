import type { Content } from '../../content/schema';
import { stepView } from '../../views';
import type { Scene, SceneKind } from '../port';
import type { Slot } from './out';
import { guideSlots } from './render/guide';
import {
  composeSlots, endConfirmSlots, eraseConfirmSlots, erasedSlots, formulasSlots, helpSlots, menuSlots, menuTreeSlots,
  networkSlots, recapSlots, runningSlots,
} from './render/others';
import { sharedStepSlots } from './render/steps';

/**
 * Scene → Matrix events (slots), pure: the Tchap side of the channel port, as src/channel/teams/
 * render.ts is Teams'. A step's view comes from src/views (the audience rules are decided there,
 * never here): the shared view as the room's polls and messages, the facilitator's as text in
 * their direct-message room. A new scene kind not rendered here is a compile error.
 */
const renderers = {
  step: (s, content) => renderStep(s, content),
  menu: menuSlots,
  recap: recapSlots,
  'menu-tree': menuTreeSlots,
  help: helpSlots,
  formulas: formulasSlots,
  'already-running': runningSlots,
  compose: composeSlots,
  'erase-confirm': eraseConfirmSlots,
  erased: erasedSlots,
  'end-confirm': endConfirmSlots,
  network: networkSlots,
} satisfies { [K in SceneKind]: (scene: Extract<Scene, { kind: K }>, content: Content) => Slot[] };

/** The slots that show `scene` in a Matrix room, in the order they are sent. */
export function renderTchap(scene: Scene, content: Content): Slot[] {
  return (renderers[scene.kind] as (s: Scene, c: Content) => Slot[])(scene, content);
}

type StepScene = Extract<Scene, { kind: 'step' }>;

/** A step: the facilitator's view when the viewer facilitates (their direct messages), else the room's. */
function renderStep(s: StepScene, content: Content): Slot[] {
  const view = stepView({ ...s, content });
  return s.viewer.isFacilitator ? guideSlots(view, s.viewer.locale) : sharedStepSlots(view, s.step, content, s.viewer.locale);
}

/** The facilitator's view of a step, whatever the scene's viewer says (text only: no poll). */
export function renderGuide(scene: StepScene, content: Content): Slot[] {
  return renderStep({ ...scene, viewer: { ...scene.viewer, isFacilitator: true } }, content);
}
