import type { Activity } from '../../content/schema';
import { activityOf } from '../../domain/lookup';
import type { Contribution, Locale } from '../../domain/types';
import { t } from '../../i18n';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, fit } from '../format';
import { activityBase, isOpen, type StepBase, type StepInput } from './common';

/** Bytes of post-it text a board card shows; the rest is counted ("… et N autres"). */
export const BOARD_BUDGET = 22_000;

export type BoardActivity = Extract<Activity, { kind: 'board' }>;
type Color = BoardActivity['postitKinds'][number]['color'];

/** A post-it's colour as an emoji: Teams cards have no coloured text boxes a participant would read at a glance. */
export const COLOR_EMOJI: Record<Color, string> = {
  blue: '🟦',
  pink: '🩷',
  yellow: '🟨',
  green: '🟩',
  orange: '🟧',
  purple: '🟪',
};

export interface BoardColumnView {
  title: string;
  text: string;
}

export interface BoardView extends StepBase {
  legend: string;
  columns: BoardColumnView[];
  hasForm: boolean;
  columnLabel: string;
  columnChoices: Array<{ title: string; value: string }>;
  kindLabel: string;
  kindChoices: Array<{ title: string; value: string }>;
  requiredText: string;
  textLabel: string;
  textPlaceholder: string;
  textRequired: string;
  addRows: ButtonRow[];
}

/** The board's columns with their post-its, within a byte budget shared by all columns. */
export function boardColumns(locale: Locale, activity: BoardActivity, contributions: Contribution[], stepId: string, budget: number): BoardColumnView[] {
  const emoji = (kind: string) => COLOR_EMOJI[activity.postitKinds.find((k) => k.id === kind)?.color ?? 'yellow'];
  const postits = contributions.flatMap((c) =>
    c.stepId === stepId && c.value.kind === 'postit' ? [{ column: c.value.column, line: `${emoji(c.value.postitKind)} ${c.value.text}` }] : []);
  const { shown } = fit(postits, budget, (p) => bytes(p.line));
  return activity.columns.map((col, i) => {
    const all = postits.filter((p) => p.column === col.id);
    const lines = shown.filter((p) => p.column === col.id).map((p) => p.line);
    const hidden = all.length - lines.length;
    if (hidden > 0) lines.push(t(locale, 'board.more', { n: hidden }));
    return {
      title: `**${i + 1}. ${col.label}** (${all.length})`,
      text: lines.length ? lines.join('\n\n') : t(locale, 'board.empty'),
    };
  });
}

export function boardLegend(activity: BoardActivity): string {
  return activity.postitKinds.map((k) => `${COLOR_EMOJI[k.color]} ${k.label}`).join(' · ');
}

/** Ma journée d'agent: the moments of the day as columns, a coloured post-it per piece of data. */
export function boardView(input: StepInput): BoardView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const activity = activityOf(step, content);
  if (activity?.kind !== 'board') return undefined;
  const open = isOpen(state, step);
  return {
    ...activityBase(input, activity),
    legend: t(L, 'board.legend', { legend: boardLegend(activity) }),
    columns: boardColumns(L, activity, contributions, step.id, BOARD_BUDGET),
    hasForm: open,
    columnLabel: t(L, 'board.column'),
    columnChoices: activity.columns.map((c, i) => ({ title: `${i + 1}. ${c.label}`, value: c.id })),
    kindLabel: t(L, 'board.kind'),
    kindChoices: activity.postitKinds.map((k) => ({ title: `${COLOR_EMOJI[k.color]} ${k.label}`, value: k.id })),
    requiredText: t(L, 'board.required'),
    textLabel: t(L, 'board.text'),
    textPlaceholder: t(L, 'board.placeholder'),
    textRequired: t(L, 'board.textRequired'),
    addRows: open ? rows([formButton<'postit'>(t(L, 'board.add'), { verb: 'postit', cafe: state.id, step: step.id }, 'positive')]) : [],
  };
}
