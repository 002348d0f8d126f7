import type { Activity, Content } from '../../content/schema';
import { activityOf, chooseOptions, questionOf } from '../../domain/lookup';
import type { CafeState, Step } from '../../domain/types';
import { fold } from './intentWords';

export type BoardActivity = Extract<Activity, { kind: 'board' }>;

/**
 * What a number or a word typed in Tchap points at in a step, in the order Barista's messages list
 * them (the views' order): a choose step's options (`chooseOptions`, the fitting ones), a poll's
 * choices, a pick's items, a board's columns and post-it kinds.
 */

/** The café's current step (none before Commencer). */
export function currentOf(cafe: CafeState | undefined): Step | undefined {
  return cafe && cafe.cursor >= 0 ? cafe.steps[cafe.cursor] : undefined;
}

/** A choose step's option ids, as its message numbers them. */
export function optionIds(cafe: CafeState, content: Content, step: Step): string[] {
  return step.kind === 'choose' ? chooseOptions(cafe, content, step)?.options.map((o) => o.id) ?? [] : [];
}

/** What « !vote N » picks among on this step: a poll's choice ids, or a pick's item ids. */
export function votable(content: Content, step: Step): { verb: 'vote' | 'pick'; ids: string[] } | undefined {
  if (step.kind === 'poll') {
    const q = questionOf(step, content);
    return q ? { verb: 'vote', ids: q.choices.map((c) => c.id) } : undefined;
  }
  if (step.kind === 'pick') {
    const a = activityOf(step, content);
    return a?.kind === 'pick' ? { verb: 'pick', ids: a.items.map((i) => i.id) } : undefined;
  }
  return undefined;
}

export function boardOf(content: Content, step: Step): BoardActivity | undefined {
  const a = activityOf(step, content);
  return step.kind === 'board' && a?.kind === 'board' ? a : undefined;
}

/** Colour names as people say them (the post-its' colours on the board), French and English. */
const COLOURS: Record<BoardActivity['postitKinds'][number]['color'], string[]> = {
  blue: ['bleu', 'bleue', 'bleus', 'blue'],
  pink: ['rose', 'roses', 'pink'],
  yellow: ['jaune', 'jaunes', 'yellow'],
  green: ['vert', 'verte', 'verts', 'green'],
  orange: ['orange', 'oranges'],
  purple: ['violet', 'violette', 'violets', 'purple'],
};

/**
 * The post-it kind a word names: its id, its label, its colour, or words of its label no other
 * kind's label has (« sensibles » for « données sensibles », « open data », never « données »).
 */
export function postitKindNamed(board: BoardActivity, said: string): string | undefined {
  const word = fold(said).replace(/\s+/g, ' ');
  if (!word) return undefined;
  const kinds = board.postitKinds;
  const exact = kinds.find((k) => fold(k.id) === word || fold(k.label) === word || COLOURS[k.color].includes(word));
  if (exact) return exact.id;
  const wordsOf = (label: string) => fold(label).split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const words = word.split(' ');
  const owners = kinds.filter((k) => words.every((w) => wordsOf(k.label).includes(w)));
  return owners.length === 1 ? owners[0]!.id : undefined;
}
