import type { Locale } from '../../domain/types';
import type { TextView as Text } from '../../views';
import { markdownLink } from '../format';
import { stepBase, type StepBase } from './common';

export interface TextView extends StepBase {
  text: string;
  hasLinks: boolean;
  links: Array<{ text: string }>;
}

/** A text of the guide (the ouverture, a synthesis to lead) and its links, as the view gives it to this viewer. */
export function textCard(view: Text, L: Locale): TextView {
  return {
    text: view.text,
    hasLinks: view.links.length > 0,
    links: view.links.map((l) => ({ text: `🔗 ${markdownLink(l)}` })),
    ...stepBase(view, L),
  };
}
