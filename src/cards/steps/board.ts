import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { BoardView as Board } from '../../views';
import { formButton, rows, type ButtonRow } from '../buttons';
import { bytes, cardText, fit } from '../format';
import { stepBase, type StepBase } from './common';

/** Bytes of post-it text a board card shows; the rest is counted ("… et N autres"). */
export const BOARD_BUDGET = 22_000;

type Color = Board['postitKinds'][number]['color'];

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
  /** How many post-its the moment holds (shown or counted in « … et N autres »). */
  count: number;
}

export interface BoardView extends StepBase {
  legend: string;
  /** The moments that hold post-its, each in its box. */
  columns: BoardColumnView[];
  /** The moments without any, on one line (or the whole board's one line when it is empty). */
  hasEmptyLine: boolean;
  emptyLine: string;
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

/** What a board's columns and post-its are drawn from: the board's step view (the recap draws it too). */
export type BoardPostits = Pick<Board, 'columns' | 'postitKinds' | 'postits'>;

/** The board's columns with their post-its, within a byte budget shared by all columns. */
export function boardColumns(locale: Locale, board: BoardPostits, budget: number): BoardColumnView[] {
  const emoji = (kind: string) => COLOR_EMOJI[board.postitKinds.find((k) => k.id === kind)?.color ?? 'yellow'];
  const postits = board.postits.map((p) => ({ column: p.column, line: `${emoji(p.kind)} ${cardText(p.text)}` }));
  const { shown } = fit(postits, budget, (p) => bytes(p.line));
  return board.columns.map((col, i) => {
    const all = postits.filter((p) => p.column === col.id);
    const lines = shown.filter((p) => p.column === col.id).map((p) => p.line);
    const hidden = all.length - lines.length;
    if (hidden > 0) lines.push(t(locale, 'board.more', { n: hidden }));
    return {
      title: `**${i + 1}. ${col.label}** (${all.length})`,
      text: lines.length ? lines.join('\n\n') : t(locale, 'board.empty'),
      count: all.length,
    };
  });
}

/**
 * The board as a card shows it, no taller than it needs (issue 14): a box per moment that holds
 * post-its, the empty moments named on one line, and an empty board said on one line (inviting the
 * form below when there is one).
 */
export function boardMoments(locale: Locale, board: BoardPostits, budget: number, hasForm: boolean): { columns: BoardColumnView[]; emptyLine: string } {
  const all = boardColumns(locale, board, budget);
  const filled = all.filter((c) => c.count > 0);
  if (!filled.length) return { columns: [], emptyLine: t(locale, hasForm ? 'board.emptyAddBelow' : 'board.empty') };
  const empty = board.columns.flatMap((col, i) => (all[i].count ? [] : [`${i + 1}. ${col.label}`]));
  return { columns: filled, emptyLine: empty.length ? t(locale, 'board.emptyMoments', { moments: empty.join(' · ') }) : '' };
}

export function boardLegend(board: Pick<Board, 'postitKinds'>): string {
  return board.postitKinds.map((k) => `${COLOR_EMOJI[k.color]} ${k.label}`).join(' · ');
}

/** Ma journée d'agent's card: the moments of the day as columns, a coloured post-it per piece of data. */
export function boardCard(view: Board, L: Locale): BoardView {
  const { columns, emptyLine } = boardMoments(L, view, BOARD_BUDGET, view.canPost);
  return {
    legend: t(L, 'board.legend', { legend: boardLegend(view) }),
    columns,
    hasEmptyLine: emptyLine !== '',
    emptyLine,
    hasForm: view.canPost,
    columnLabel: t(L, 'board.column'),
    columnChoices: view.columns.map((c, i) => ({ title: `${i + 1}. ${c.label}`, value: c.id })),
    kindLabel: t(L, 'board.kind'),
    kindChoices: view.postitKinds.map((k) => ({ title: `${COLOR_EMOJI[k.color]} ${k.label}`, value: k.id })),
    requiredText: t(L, 'board.required'),
    textLabel: t(L, 'board.text'),
    textPlaceholder: t(L, 'board.placeholder'),
    textRequired: t(L, 'board.textRequired'),
    addRows: view.canPost ? rows([formButton<'postit'>(t(L, 'board.add'), { verb: 'postit', cafe: view.cafeId, step: view.stepId }, 'positive')]) : [],
    ...stepBase(view, L),
  };
}
