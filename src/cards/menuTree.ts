import menuTreeTemplate from '../../cards/menu-tree.json';
import { menuTreeEn } from '../content/menuTree.en';
import { menuTreeFr, type MenuTree } from '../content/menuTree.fr';
import type { Content, Formula } from '../content/schema';
import { findFormula } from '../domain/lookup';
import { nextQuestion, recommend, type Advice, type MenuAnswers, type Proposal } from '../domain/recommend';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { action, type ActionData } from './actions';
import { button, readableChoices, rows } from './buttons';
import { startCommand } from './formulas';
import { expand } from './render';
import type { Card } from './types';

export interface MenuTreeInput {
  answers: MenuAnswers;
  content: Content;
  locale: Locale;
}

type Advise = Extract<ActionData, { verb: 'advise' }>;

/** The tree in the reader's language: the guide's words in French, Barista's rendering in English. */
const TREES: Record<Locale, MenuTree> = { fr: menuTreeFr, en: menuTreeEn };

/**
 * The guide's content (formulas' audiences and durations, the virtual café's advice) is French:
 * the tree's card shows it only to a French reader, so an English card is English throughout.
 */
const guideSpeaks = (L: Locale) => L === 'fr';

const yesNo = (v: boolean) => (v ? 'oui' : 'non');

/** The answers as they travel in the buttons' data. */
function asData(a: MenuAnswers): Advise {
  return {
    verb: 'advise',
    ...(a.organise === undefined ? {} : { organise: yesNo(a.organise) }),
    ...(a.long === undefined ? {} : { long: yesNo(a.long) }),
    ...(a.audience === undefined ? {} : { audience: a.audience }),
    ...(a.online === undefined ? {} : { online: yesNo(a.online) }),
  };
}

/** The answers read back from a button's data (the bot then checks them with `checkAnswers`). */
export function answersOf(data: Advise): MenuAnswers {
  return {
    ...(data.organise ? { organise: data.organise === 'oui' } : {}),
    ...(data.long ? { long: data.long === 'oui' } : {}),
    ...(data.audience ? { audience: data.audience } : {}),
    ...(data.online ? { online: data.online === 'oui' } : {}),
  };
}

/**
 * `/menu`: the guide's "en un coup d'œil" as a card, one question at a time, starting with its
 * first question (« NON » ends the tree with what can still be of use: the videos). Each answer
 * shows the guide's verdict ("Les formules Ristretto sont faites pour vous !"); at the end, the
 * formulas Barista proposes, none longer than the time the person has (when the guide's own
 * verdict is longer, the card says so and proposes what fits), with a start button each, and the
 * virtual café's advice when the café is online. Every text is in the reader's language.
 */
export function menuTreeCard({ answers, content, locale: L }: MenuTreeInput): Card {
  const tree = TREES[L];
  const yes = t(L, 'tree.yes');
  const no = t(L, 'tree.no');
  const given: Array<{ question: string; answer: string }> = [];
  const verdicts: Array<{ text: string }> = [];
  if (answers.organise !== undefined) {
    given.push({ question: tree.organise.question, answer: answers.organise ? yes : no });
    verdicts.push({ text: answers.organise ? tree.organise.yes : tree.organise.no });
  }
  if (answers.long !== undefined) {
    given.push({ question: tree.long.question, answer: answers.long ? yes : no });
    verdicts.push({ text: answers.long ? tree.long.yes : tree.long.no });
  }
  if (answers.audience !== undefined) {
    given.push({ question: tree.audience.question, answer: tree.audience[answers.audience].label });
    verdicts.push({ text: tree.audience[answers.audience].answer });
  }
  if (answers.online !== undefined) given.push({ question: t(L, 'tree.onlineShort'), answer: answers.online ? yes : no });

  const next = nextQuestion(answers);
  const yesNoChoices = (key: 'organise' | 'long' | 'online') => [
    { label: yes, answers: { ...answers, [key]: true } },
    { label: no, answers: { ...answers, [key]: false } },
  ];
  const choices: Array<{ label: string; answers: MenuAnswers }> =
    next === 'organise' || next === 'long' || next === 'online'
      ? yesNoChoices(next)
      : next === 'audience'
        ? (['novice', 'averti', 'intermediaire'] as const).map((a) => ({ label: tree.audience[a].label, answers: { ...answers, audience: a } }))
        : [];
  const question = next === 'organise' ? tree.organise.question : next === 'long' ? tree.long.question : next === 'audience' ? tree.audience.question : next === 'online' ? capitalise(tree.online.question) : '';

  const declined = answers.organise === false;
  const advice: Advice = next || declined ? { proposals: [], tooLong: [], instead: false } : recommend(answers, content);
  const formulas = advice.proposals.map((p) => findFormula(content, p.formulaId, p.variant)).filter((f): f is Formula => !!f);
  const nameOf = (p: Proposal) => findFormula(content, p.formulaId, p.variant)?.name ?? p.formulaId;
  const budget = advice.budgetMinutes ?? 0;
  const limit = content.virtual.maxMinutes;
  const online = answers.online === true;
  // Past 30 characters Teams cuts a button: the answers, or the formulas proposed, are then read
  // whole in a list under a letter, and the buttons carry the letter.
  const readableStarts = readableChoices(formulas.map((f) => t(L, 'tree.start', { name: f.name })));
  const startButtons = formulas.map((f, i) => button(readableStarts.lettered ? t(L, 'tree.start', { name: readableStarts.letter(i) }) : readableStarts.titles[i], action({ verb: 'start', formula: f.id, variant: f.variant }), 'positive'));
  const readableAnswers = readableChoices(choices.map((c) => c.label));
  const answerButtons = choices.map((c, i) => button(readableAnswers.titles[i], asData(c.answers)));
  const answerList = readableAnswers.lettered ? choices.map((c, i) => ({ text: `**${readableAnswers.letter(i)}** · ${c.label}` })) : [];
  const restart = button(t(L, 'tree.restart'), { verb: 'advise' });
  const done = !next;

  const view = {
    title: tree.title,
    hasAnswers: given.length > 0,
    answers: given,
    verdicts,
    notes: declined
      ? [{ text: t(L, 'tree.elsewhere', { url: content.playlistUrl }) }, { text: t(L, 'tree.elsewhereMore') }]
      : advice.tooLong.length
        ? [{ text: t(L, 'tree.tooLong', { budget }) }, ...advice.tooLong.map((p) => ({ text: `• ${t(L, 'tree.tooLongLine', { name: nameOf(p), min: p.planned.min, max: p.planned.max })}` }))]
        : [],
    hasQuestion: !!next,
    question,
    answerList,
    hasVirtual: online && !declined,
    virtualTitle: t(L, 'tree.virtualTitle', { max: limit }),
    virtual: online
      ? [
          { text: tree.online.virtual },
          { text: t(L, 'tree.labelled', { label: tree.online.astuceLabel, text: tree.online.astuce }) },
          ...(guideSpeaks(L) ? content.virtual.advice.slice(0, 2).map((a) => ({ text: a.text })) : []),
          { text: t(L, 'tree.virtualMore') },
        ]
      : [],
    hasProposals: done && !declined,
    proposalsTitle: formulas.length === 0
      ? t(L, 'tree.nothingFits', { budget })
      : !advice.instead ? t(L, 'tree.proposals') : advice.budgetMinutes ? t(L, 'tree.fits', { budget }) : t(L, 'tree.allFormulas'),
    proposals: formulas.map((f, i) => {
      const planned = advice.proposals.find((p) => p.formulaId === f.id && p.variant === f.variant)!.planned;
      return {
        // The guide's own words for the public and the time in French; Barista's planned minutes otherwise.
        name: (readableStarts.lettered ? `**${readableStarts.letter(i)}** · ` : '') + t(L, 'tree.formula', {
          name: f.name,
          details: guideSpeaks(L) ? `${f.audience} · ${f.duration}` : t(L, 'tree.plannedMinutes', { min: planned.min, max: planned.max }),
          command: startCommand(f),
        }),
        hasNote: online && planned.max > limit,
        note: t(L, 'tree.onlineLong', { limit, max: planned.max }),
      };
    }),
    hasCompose: done && !declined && (advice.instead || advice.tooLong.length > 0),
    compose: t(L, 'tree.compose'),
    buttonRows: rows(next ? answerButtons : [...startButtons, restart], next === 'audience' && !readableAnswers.lettered ? 1 : 3),
  };
  return expand(menuTreeTemplate, view);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
