import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { ChooseView as Choose } from '../../views';
import { action } from '../actions';
import { button, readableChoices, rows, type ButtonRow } from '../buttons';
import { stepBase, type StepBase } from './common';

export interface ChooseView extends StepBase {
  statusText: string;
  hasPrompt: boolean;
  promptText: string;
  /** The options in full, under a letter, when one is too long for a button. */
  optionList: Array<{ text: string }>;
  optionRows: ButtonRow[];
}

/**
 * The choose card: everyone sees what is being chosen and among what; only the facilitator's view
 * has a button per option, the default marked ★.
 */
export function chooseCard(view: Choose, L: Locale): ChooseView {
  const key = view.part;
  const labels = view.options.map((o) => o.label).join(t(L, 'menu.or'));
  const showButtons = view.canChoose;
  // The facilitator sees the buttons (the options), not "the facilitator is choosing…".
  const statusText = view.chosen
    ? t(L, 'choose.chosen', { label: view.chosen.label })
    : showButtons ? '' : view.open ? `${t(L, `choose.waiting.${key}`)}\n\n${t(L, 'choose.options', { options: labels })}` : t(L, 'choose.options', { options: labels });
  const titleOf = (label: string, isDefault: boolean) => (isDefault ? t(L, 'choose.default', { label }) : label);
  const readable = readableChoices(view.options.map((o) => titleOf(o.label, o.isDefault)));
  const options = view.options.map((o, i) =>
    button(readable.lettered ? titleOf(readable.letter(i), o.isDefault) : readable.titles[i],
      action({ verb: 'choose', cafe: view.cafeId, step: view.stepId, option: o.id }),
      o.isDefault ? 'positive' : 'default'));
  const optionList = showButtons && readable.lettered
    ? view.options.map((o, i) => ({ text: `**${readable.letter(i)}** · ${titleOf(o.label, o.isDefault)}` }))
    : [];
  return {
    statusText,
    hasPrompt: showButtons,
    promptText: t(L, 'choose.prompt'),
    optionList,
    optionRows: showButtons ? rows(options, readable.lettered ? 5 : 1) : [],
    ...stepBase(view, L),
  };
}
