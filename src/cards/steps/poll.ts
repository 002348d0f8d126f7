import type { Locale } from '../../domain/types';
import { t } from '../../i18n';
import type { PollView as Poll } from '../../views';
import { action } from '../actions';
import { button, formButton, readableChoices, rows, type ButtonRow } from '../buttons';
import { bar, bytes, cardText, fit } from '../format';
import { stepBase, type StepBase } from './common';

/** Bytes of arguments the facilitator's view lists (the card must stay far under Teams' limit). */
const ARGUMENTS_BUDGET = 16_000;

interface Line {
  text: string;
}

export interface PollView extends StepBase {
  hasPrevious: boolean;
  previousText: string;
  statement: string;
  hasBonus: boolean;
  bonusText: string;
  voteRows: ButtonRow[];
  resultsTitle: string;
  results: Array<{ label: string; bar: string }>;
  votersText: string;
  hasMyChoice: boolean;
  myChoiceText: string;
  hasAnswer: boolean;
  answerText: string;
  hasExplanation: boolean;
  explanation: string;
  isVoteClosed: boolean;
  voteClosedText: string;
  hasArgumentForm: boolean;
  argumentLabel: string;
  argumentPlaceholder: string;
  argumentRequired: string;
  argumentRows: ButtonRow[];
  hasArgumentCounts: boolean;
  argumentCountsText: string;
  hasArgumentList: boolean;
  argumentNote: string;
  argumentsPourTitle: string;
  argumentsPour: Line[];
  argumentsContreTitle: string;
  argumentsContre: Line[];
}

/**
 * A poll's card (Madonna, placement, debate, quiz): a button per choice while the vote is open,
 * live bars for everyone (counts only), the voter's own choice in their view, and once revealed
 * the guide's answer with ✅ on the right choices.
 */
export function pollCard(view: Poll, L: Locale): PollView {
  const cafe = view.cafeId;
  const step = view.stepId;
  // Long choices (a quiz's sentences) are read in full in the results, under a letter; the buttons carry the letter.
  const readable = readableChoices(view.choices.map((c) => c.label));
  const longLabels = !readable.lettered && view.choices.some((c) => c.label.length > 24);
  const voteButtons = view.choices.map((c, i) =>
    button(readable.titles[i], action({ verb: 'vote', cafe, step, choice: c.id }), view.mine?.id === c.id ? 'positive' : 'default'));

  const side = (which: 'pour' | 'contre') => (view.arguments?.items ?? []).flatMap((a) => (a.side === which ? [{ text: `• ${cardText(a.text)}` }] : []));
  const pour = side('pour');
  const contre = side('contre');
  const listed = fit([...pour.map((l) => ['pour', l] as const), ...contre.map((l) => ['contre', l] as const)], ARGUMENTS_BUDGET, ([, l]) => bytes(l.text));
  const shownPour = listed.shown.filter(([s]) => s === 'pour').map(([, l]) => l);
  const shownContre = listed.shown.filter(([s]) => s === 'contre').map(([, l]) => l);
  if (listed.hidden > 0) shownContre.push({ text: t(L, 'recap.more', { n: listed.hidden }) });
  const total = view.voters;

  // The step's shared fields last: spreading them first and adding 30 fields after made V8 grow
  // the object one property at a time (≈ 100 µs a card, most of a vote's card rendering).
  return {
    hasPrevious: !!view.previous,
    previousText: view.previous ? t(L, 'poll.previous', { statement: short(view.previous.statement, 90), answer: short(view.previous.answer, 120) }) : '',
    statement: view.statement,
    hasBonus: view.bonus,
    bonusText: t(L, 'poll.bonus'),
    voteRows: view.canVote ? rows(voteButtons, longLabels ? 1 : 4) : [],
    // A quiz's split waits for the reveal (but the facilitator's view): how many answered, no bars;
    // long choices are still listed in full under their letters, the buttons carrying only the letter.
    resultsTitle: t(L, !view.countsShown ? 'poll.hidden' : view.revealed ? 'poll.final' : 'poll.live'),
    results: view.countsShown || readable.lettered
      ? view.choices.map((c, i) => ({
        label: `${c.correct ? '✅ ' : ''}${readable.lettered ? `**${readable.letter(i)}** · ` : ''}${c.label}`,
        bar: view.countsShown ? bar(c.count ?? 0, total) : '',
      }))
      : [],
    votersText: total === 0 ? t(L, 'poll.voters.zero') : t(L, total === 1 ? 'poll.voters.one' : 'poll.voters.other', { n: total }),
    hasMyChoice: !!view.mine,
    myChoiceText: view.mine
      ? `${t(L, 'poll.yourChoice', { choice: view.mine.label })}${view.revealed ? '' : ` · ${t(L, 'poll.changeHint')}`}`
      : '',
    hasAnswer: !!view.answer,
    answerText: view.answer ? t(L, 'poll.answer', { answer: view.answer }) : '',
    hasExplanation: !!view.explanation,
    explanation: view.explanation ?? '',
    isVoteClosed: view.revealed,
    voteClosedText: t(L, 'poll.closed'),
    hasArgumentForm: view.canArgue,
    argumentLabel: t(L, 'arg.label'),
    argumentPlaceholder: t(L, 'arg.placeholder'),
    argumentRequired: t(L, 'arg.required'),
    argumentRows: view.canArgue
      ? rows([
        formButton<'argument'>(t(L, 'arg.pour'), { verb: 'argument', cafe, step, side: 'pour' }),
        formButton<'argument'>(t(L, 'arg.contre'), { verb: 'argument', cafe, step, side: 'contre' }),
      ])
      : [],
    hasArgumentCounts: view.debate,
    argumentCountsText: t(L, 'arg.counts', { pour: pour.length, contre: contre.length }),
    hasArgumentList: !!view.arguments?.listed,
    argumentNote: t(L, 'arg.note'),
    argumentsPourTitle: `**${t(L, 'arg.headingPour')}** (${pour.length})`,
    argumentsPour: shownPour.length ? shownPour : [{ text: t(L, 'arg.none') }],
    argumentsContreTitle: `**${t(L, 'arg.headingContre')}** (${contre.length})`,
    argumentsContre: shownContre.length ? shownContre : [{ text: t(L, 'arg.none') }],
    ...stepBase(view, L),
  };
}

/** A text cut to `max` characters, at a word, with an ellipsis. */
function short(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
