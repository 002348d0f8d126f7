import { activityOf } from '../../domain/lookup';
import { everyoneText } from '../../i18n/audience';
import { markdownLink } from '../format';
import { activityBase, type StepBase, type StepInput } from './common';

export interface TextView extends StepBase {
  text: string;
  hasLinks: boolean;
  links: Array<{ text: string }>;
}

/**
 * A text of the guide (the ouverture, a synthesis to lead) and its links. When the guide's text is
 * addressed to the facilitator (« Si vous avez encore quelques minutes… »), it is in their view
 * only and everyone else reads Barista's short line for the moment.
 */
export function textView(input: StepInput): TextView | undefined {
  const { content, step } = input;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'text') return undefined;
  return {
    ...activityBase(input, activity, 'text'),
    text: everyoneText(input.viewer.locale, activity),
    hasLinks: activity.links.length > 0,
    links: activity.links.map((l) => ({ text: `🔗 ${markdownLink(l)}` })),
  };
}
