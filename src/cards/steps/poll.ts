import { activityOf, questionOf, voteCounts } from '../../domain/lookup';
import { t } from '../../i18n';
import { action } from '../actions';
import { button, formButton, rows, type ButtonRow } from '../buttons';
import { bar, bytes, fit, tipSection } from '../format';
import { controls, isOpen, position, stepBase, type StepBase, type StepInput } from './common';

/** Bytes of arguments the facilitator's view lists (the card must stay far under Teams' limit). */
const ARGUMENTS_BUDGET = 16_000;

interface Line {
  text: string;
}

export interface PollView extends StepBase {
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
 * A poll (Madonna, placement, debate, quiz): the statement, a button per choice while the vote is
 * open, live bars for everyone (counts only: never who voted what), the voter's own choice in their
 * view, and once revealed the guide's answer with ✅ on the right choices.
 */
export function pollView(input: StepInput): PollView | undefined {
  const { state, step, content, contributions, viewer } = input;
  const L = viewer.locale;
  const question = questionOf(step, content);
  const activity = activityOf(step, content);
  if (!question || activity?.kind !== 'polls') return undefined;
  const open = isOpen(state, step);
  const revealed = !open || !!state.runtime[step.id]?.revealed;
  const cafe = state.id;

  const counts = input.votes?.counts ?? voteCounts(contributions, step.id);
  const total = question.choices.reduce((n, c) => n + (counts[c.id] ?? 0), 0);
  const mine = !viewer.userId ? undefined : input.votes
    ? input.votes.choiceOf(viewer.userId)
    : (contributions.find((c) => c.stepId === step.id && c.value.kind === 'vote' && c.userId === viewer.userId)?.value as { choice: string } | undefined)?.choice;
  const myChoice = mine !== undefined ? question.choices.find((c) => c.id === mine) : undefined;
  const correct = new Set(question.correct);

  const longLabels = question.choices.some((c) => c.label.length > 24);
  const voteButtons = question.choices.map((c) =>
    button(c.label, action({ verb: 'vote', cafe, step: step.id, choice: c.id }), myChoice?.id === c.id ? 'positive' : 'default'));

  const answer = question.answerText ?? question.choices.filter((c) => correct.has(c.id)).map((c) => c.label).join(' / ');
  const hasAnswer = revealed && answer.length > 0;

  const args = (input.votes?.others ?? contributions).filter((c) => c.stepId === step.id && c.value.kind === 'argument');
  const sideOf = (side: 'pour' | 'contre') =>
    args.flatMap((c) => (c.value.kind === 'argument' && c.value.side === side ? [{ text: `• ${c.value.text}` }] : []));
  const pour = sideOf('pour');
  const contre = sideOf('contre');
  const listed = fit([...pour.map((l) => ['pour', l] as const), ...contre.map((l) => ['contre', l] as const)], ARGUMENTS_BUDGET, ([, l]) => bytes(l.text));
  const shownPour = listed.shown.filter(([s]) => s === 'pour').map(([, l]) => l);
  const shownContre = listed.shown.filter(([s]) => s === 'contre').map(([, l]) => l);
  if (listed.hidden > 0) shownContre.push({ text: t(L, 'recap.more', { n: listed.hidden }) });

  const first = position(state, step).n === 1;
  const tips = [
    ...tipSection(L, t(L, 'tips.question'), question.tips),
    ...tipSection(L, t(L, 'tips.activity'), activity.tips),
  ];

  return {
    ...stepBase(input, {
      title: activity.title,
      description: first ? activity.description : undefined,
      tips,
      controls: controls(input, { reveal: !revealed }),
    }),
    statement: question.text,
    hasBonus: question.bonus,
    bonusText: t(L, 'poll.bonus'),
    voteRows: open && !revealed ? rows(voteButtons, longLabels ? 1 : 4) : [],
    resultsTitle: t(L, revealed ? 'poll.final' : 'poll.live'),
    results: question.choices.map((c) => ({
      label: `${revealed && correct.has(c.id) ? '✅ ' : ''}${c.label}`,
      bar: bar(counts[c.id] ?? 0, total),
    })),
    votersText: total === 0 ? t(L, 'poll.voters.zero') : t(L, total === 1 ? 'poll.voters.one' : 'poll.voters.other', { n: total }),
    hasMyChoice: !!myChoice,
    myChoiceText: myChoice
      ? `${t(L, 'poll.yourChoice', { choice: myChoice.label })}${revealed ? '' : ` · ${t(L, 'poll.changeHint')}`}`
      : '',
    hasAnswer,
    answerText: hasAnswer ? t(L, 'poll.answer', { answer }) : '',
    hasExplanation: revealed && !!question.explanation,
    explanation: question.explanation ?? '',
    isVoteClosed: revealed,
    voteClosedText: t(L, 'poll.closed'),
    hasArgumentForm: question.arguments && open,
    argumentLabel: t(L, 'arg.label'),
    argumentPlaceholder: t(L, 'arg.placeholder'),
    argumentRequired: t(L, 'arg.required'),
    argumentRows: question.arguments && open
      ? rows([
        formButton<'argument'>(t(L, 'arg.pour'), { verb: 'argument', cafe, step: step.id, side: 'pour' }),
        formButton<'argument'>(t(L, 'arg.contre'), { verb: 'argument', cafe, step: step.id, side: 'contre' }),
      ])
      : [],
    hasArgumentCounts: question.arguments,
    argumentCountsText: t(L, 'arg.counts', { pour: pour.length, contre: contre.length }),
    hasArgumentList: question.arguments && viewer.isFacilitator,
    argumentNote: t(L, 'arg.note'),
    argumentsPourTitle: `**${t(L, 'arg.headingPour')}** (${pour.length})`,
    argumentsPour: shownPour.length ? shownPour : [{ text: t(L, 'arg.none') }],
    argumentsContreTitle: `**${t(L, 'arg.headingContre')}** (${contre.length})`,
    argumentsContre: shownContre.length ? shownContre : [{ text: t(L, 'arg.none') }],
  };
}
