import { chooseOptions } from '../../domain/lookup';
import { t } from '../../i18n';
import { action } from '../actions';
import { button, rows, type ButtonRow } from '../buttons';
import { controls, isOpen, stepBase, type StepBase, type StepInput } from './common';

export interface ChooseView extends StepBase {
  statusText: string;
  hasPrompt: boolean;
  promptText: string;
  optionRows: ButtonRow[];
}

/**
 * The facilitator picks a part's option (the ice breaker, the video). Everyone sees what is being
 * chosen and among what; only the facilitator's view has a button per option, the default marked ★.
 * Only the options that fit the earlier choices are offered (never another video's quiz).
 */
export function chooseView(input: StepInput): ChooseView | undefined {
  const { state, step, content, viewer } = input;
  const L = viewer.locale;
  const offered = chooseOptions(state, content, step);
  if (!offered) return undefined;
  const { options: fitting, defaultOption } = offered;
  const open = isOpen(state, step);
  const chosen = fitting.find((o) => o.id === state.runtime[step.id]?.chosen);
  const key = step.part;
  const labels = fitting.map((o) => o.label).join(t(L, 'menu.or'));
  const showButtons = viewer.isFacilitator && open;
  // The facilitator sees the buttons (the options), not "the facilitator is choosing…".
  const statusText = chosen
    ? t(L, 'choose.chosen', { label: chosen.label })
    : showButtons ? '' : open ? `${t(L, `choose.waiting.${key}`)}\n\n${t(L, 'choose.options', { options: labels })}` : t(L, 'choose.options', { options: labels });
  const options = fitting.map((o) =>
    button(o.id === defaultOption ? t(L, 'choose.default', { label: o.label }) : o.label,
      action({ verb: 'choose', cafe: state.id, step: step.id, option: o.id }),
      o.id === defaultOption ? 'positive' : 'default'));
  return {
    ...stepBase(input, { title: t(L, `choose.title.${key}`), tips: [], controls: controls(input).filter((b) => b.data.verb !== 'next') }),
    statusText,
    hasPrompt: showButtons,
    promptText: t(L, 'choose.prompt'),
    optionRows: showButtons ? rows(options, 1) : [],
  };
}
