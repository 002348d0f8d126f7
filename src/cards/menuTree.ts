import menuTreeTemplate from '../../cards/menu-tree.json';
import { menuTreeFr } from '../content/menuTree.fr';
import type { Content } from '../content/schema';
import { findFormula } from '../domain/lookup';
import { nextQuestion, recommend, type MenuAnswers } from '../domain/recommend';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { action, type ActionData } from './actions';
import { button, rows } from './buttons';
import { startCommand } from './formulas';
import { expand } from './render';
import type { Card } from './types';

export interface MenuTreeInput {
  answers: MenuAnswers;
  content: Content;
  locale: Locale;
}

type Advise = Extract<ActionData, { verb: 'advise' }>;

/** The answers as they travel in the buttons' data. */
function asData(a: MenuAnswers): Advise {
  return {
    verb: 'advise',
    ...(a.long === undefined ? {} : { long: a.long ? 'oui' : 'non' }),
    ...(a.audience === undefined ? {} : { audience: a.audience }),
    ...(a.online === undefined ? {} : { online: a.online ? 'oui' : 'non' }),
  };
}

/** The answers read back from a button's data. */
export function answersOf(data: Advise): MenuAnswers {
  return {
    ...(data.long ? { long: data.long === 'oui' } : {}),
    ...(data.audience ? { audience: data.audience } : {}),
    ...(data.online ? { online: data.online === 'oui' } : {}),
  };
}

/**
 * `/menu`: the guide's "en un coup d'œil" as a card, one question at a time. Each answer shows the
 * guide's verdict ("Les formules Ristretto sont faites pour vous !"); at the end, the formulas it
 * proposes with a start button each, and the virtual café's advice when the café is online.
 */
export function menuTreeCard({ answers, content, locale: L }: MenuTreeInput): Card {
  const tree = menuTreeFr;
  const yesNo = (v: boolean) => t(L, v ? 'tree.yes' : 'tree.no');
  const given: Array<{ question: string; answer: string }> = [];
  const verdicts: Array<{ text: string }> = [];
  if (answers.long !== undefined) {
    given.push({ question: tree.long.question, answer: yesNo(answers.long) });
    verdicts.push({ text: answers.long ? tree.long.yes : tree.long.no });
  }
  if (answers.audience !== undefined) {
    given.push({ question: tree.audience.question, answer: tree.audience[answers.audience].label });
    verdicts.push({ text: tree.audience[answers.audience].answer });
  }
  if (answers.online !== undefined) given.push({ question: t(L, 'tree.onlineShort'), answer: yesNo(answers.online) });

  const next = nextQuestion(answers);
  const choices: Array<{ label: string; answers: MenuAnswers }> =
    next === 'long'
      ? [{ label: t(L, 'tree.yes'), answers: { ...answers, long: true } }, { label: t(L, 'tree.no'), answers: { ...answers, long: false } }]
      : next === 'audience'
        ? (['novice', 'averti', 'intermediaire'] as const).map((a) => ({ label: tree.audience[a].label, answers: { ...answers, audience: a } }))
        : next === 'online'
          ? [{ label: t(L, 'tree.yes'), answers: { ...answers, online: true } }, { label: t(L, 'tree.no'), answers: { ...answers, online: false } }]
          : [];
  const question = next === 'long' ? tree.long.question : next === 'audience' ? tree.audience.question : next === 'online' ? capitalise(tree.online.question) : '';

  const proposals = next ? [] : recommend(answers, content);
  const shown = next ? [] : proposals.length ? proposals : content.formulas.map((f) => ({ formulaId: f.id, variant: f.variant }));
  const formulas = shown.map((p) => findFormula(content, p.formulaId, p.variant)!).filter(Boolean);
  const startButtons = formulas.map((f) => button(t(L, 'tree.start', { name: f.name }), action({ verb: 'start', formula: f.id, variant: f.variant }), 'positive'));
  const answerButtons = choices.map((c) => button(c.label, asData(c.answers)));
  const online = answers.online === true;

  const view = {
    title: tree.title,
    intro: tree.intro,
    hasAnswers: given.length > 0,
    answers: given,
    verdicts,
    hasQuestion: !!next,
    question,
    hasVirtual: online,
    virtualTitle: t(L, 'tree.virtualTitle', { max: content.virtual.maxMinutes }),
    virtual: online ? [{ text: tree.online.virtual }, { text: `**Astuce** : ${tree.online.astuce}` }, ...content.virtual.advice.slice(0, 2).map((a) => ({ text: a.text }))] : [],
    hasProposals: !next,
    proposalsTitle: t(L, proposals.length ? 'tree.proposals' : 'tree.allFormulas'),
    proposals: formulas.map((f) => ({ name: `**${f.name}**, ${f.audience} · ${f.duration} · \`${startCommand(f)}\`` })),
    buttonRows: rows(next ? answerButtons : [...startButtons, button(t(L, 'tree.restart'), { verb: 'advise' })], next === 'audience' ? 1 : 3),
  };
  return expand(menuTreeTemplate, view);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
