import runningTemplate from '../../cards/already-running.json';
import type { Content } from '../content/schema';
import { activityOf, currentStep, findFormula } from '../domain/lookup';
import type { CafeState, Locale } from '../domain/types';
import { t } from '../i18n';
import { action } from './actions';
import { button, rows } from './buttons';
import { partName, plainName } from './format';
import { expand } from './render';
import type { Card } from './types';

export interface AlreadyRunningInput {
  state: CafeState;
  content: Content;
  locale: Locale;
}

/** /startcafe while a café runs here: which one, where it is, and a button to end it (the facilitator's to press). */
export function alreadyRunningCard({ state, content, locale: L }: AlreadyRunningInput): Card {
  const formula = state.customFormula ?? findFormula(content, state.formulaId, state.variant);
  const step = currentStep(state);
  const stepText = step
    ? t(L, 'running.step', { step: `${partName(L, step.part)} · ${activityOf(step, content)?.title ?? t(L, `choose.title.${step.part}`)}` })
    : t(L, 'running.menu');
  return expand(runningTemplate, {
    title: t(L, 'running.title'),
    formulaText: t(L, 'running.formula', { name: formula ? `${formula.name}, ${formula.audience}` : `${state.formulaId} ${state.variant}` }),
    stepText,
    whoText: t(L, 'running.who', { name: plainName(state.facilitatorName) }),
    endRows: rows([button(t(L, 'running.end'), action({ verb: 'end', cafe: state.id }), 'destructive')]),
  });
}
