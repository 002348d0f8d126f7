import { activityOf } from '../../domain/lookup';
import { markdownLink } from '../format';
import { activityBase, type StepBase, type StepInput } from './common';

export interface TextView extends StepBase {
  text: string;
  hasLinks: boolean;
  links: Array<{ text: string }>;
}

/** A text of the guide (the ouverture, a synthesis to lead) and its links. */
export function textView(input: StepInput): TextView | undefined {
  const { content, step } = input;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'text') return undefined;
  return {
    ...activityBase(input, activity),
    text: activity.text,
    hasLinks: activity.links.length > 0,
    links: activity.links.map((l) => ({ text: `🔗 ${markdownLink(l)}` })),
  };
}
