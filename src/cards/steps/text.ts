import { activityOf } from '../../domain/lookup';
import { t } from '../../i18n';
import { markdownLink, tipSection } from '../format';
import { controls, stepBase, type StepBase, type StepInput } from './common';

export interface TextView extends StepBase {
  text: string;
  hasLinks: boolean;
  links: Array<{ text: string }>;
}

/** A text of the guide (the ouverture, a synthesis to lead) and its links. */
export function textView(input: StepInput): TextView | undefined {
  const { content, step, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'text') return undefined;
  return {
    ...stepBase(input, {
      title: activity.title,
      description: activity.description,
      tips: tipSection(L, t(L, 'tips.activity'), activity.tips),
      controls: controls(input),
    }),
    text: activity.text,
    hasLinks: activity.links.length > 0,
    links: activity.links.map((l) => ({ text: `🔗 ${markdownLink(l)}` })),
  };
}
