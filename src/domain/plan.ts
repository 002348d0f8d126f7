import type { Activity, Content, Formula, Minutes, Part } from '../content/schema';
import { chooseStepId, defaultOptionOf, fittingOptions, type Choices } from './choices';
import { feedbackStep } from './feedback';
import type { Step } from './types';

/**
 * Turns a formula into the café's plan. A part where one option fits the options chosen before is
 * expanded at once; a part where several fit (the ice breaker, the video) becomes a `choose` step
 * that the facilitator answers when the café gets there, and is expanded then. Until then, the
 * parts that follow it (the Ristretto's quiz) are expanded for its default option, and expanded
 * again when the facilitator chooses. The feedback poll closes every plan.
 */
export function initialPlan(formula: Formula, content: Content): Step[] {
  const choices: Choices = {};
  const steps = formula.parts.flatMap((part, index) => {
    const planned = partSteps(formula, index, choices, content);
    choices[part.part] = defaultOptionOf(part, choices);
    return planned;
  });
  // Every café closes with the feedback poll.
  return [...steps, feedbackStep()];
}

/** The steps of the part at `index`, given the options chosen in the earlier parts: its choose step, or its one option's steps. */
export function partSteps(formula: Formula, index: number, choices: Choices, content: Content): Step[] {
  const part = formula.parts[index];
  const fitting = fittingOptions(part, choices);
  if (fitting.length > 1) return [chooseStep(part, index)];
  return fitting.length ? optionSteps(part, fitting[0].id, content) : [];
}

function chooseStep(part: Part, index: number): Step {
  return { id: chooseStepId(part), part: part.part, kind: 'choose', activityId: '', ref: String(index), plannedMinutes: 0 };
}

/**
 * The steps of one option of a part, with the part's planned time spread over them: a video step
 * takes its viewing pause, the other steps share what is left. The steps never add up to more
 * than the part (two 5-minute videos in a 10-minute part leave nothing to share; videos alone in
 * a part share it all).
 */
export function optionSteps(part: Part, optionId: string, content: Content): Step[] {
  const option = part.options.find((o) => o.id === optionId);
  if (!option) return [];
  const activities = option.activities.map((id) => content.activities.find((a) => a.id === id)).filter((a): a is Activity => !!a);
  const raw = activities.flatMap((activity) => activitySteps(activity, part));
  const budget = part.planned.max;
  const videos = raw.filter((s) => s.kind === 'video');
  const others = raw.length - videos.length;
  const viewing = videos.reduce((n, s) => n + s.plannedMinutes, 0);
  // The videos keep their viewing pause when it leaves room for the rest, else they take half the part.
  const videoBudget = others === 0 ? budget : Math.min(viewing, budget / 2);
  const scale = viewing > 0 ? videoBudget / viewing : 0;
  const share = others ? (budget - (videos.length ? videoBudget : 0)) / others : 0;
  return raw.map((s) => ({ ...s, plannedMinutes: tenthDown(s.kind === 'video' ? s.plannedMinutes * scale : share) }));
}

/** Rounded down to the tenth of a minute, so that shares never add up to more than the whole. */
const tenthDown = (minutes: number): number => Math.floor(minutes * 10 + 1e-9) / 10;

function activitySteps(activity: Activity, part: Part): Step[] {
  const base = { part: part.part, activityId: activity.id, plannedMinutes: 0 };
  const id = (ref: string) => `${part.part}.${activity.id}.${ref}`;
  switch (activity.kind) {
    case 'polls':
      return activity.questions.map((q) => ({ ...base, id: id(q.id), kind: 'poll' as const, ref: q.id }));
    case 'pick':
      return [
        { ...base, id: id('choix'), kind: 'pick' as const, ref: 'pick' },
        ...(activity.turns ? [{ ...base, id: id('tours'), kind: 'turns' as const, ref: 'turns' }] : []),
      ];
    case 'video':
      return activity.videos.map((v) => ({ ...base, id: id(v), kind: 'video' as const, ref: v, plannedMinutes: activity.viewingMinutes }));
    case 'board':
      return [{ ...base, id: id('tableau'), kind: 'board' as const, ref: 'board' }];
    case 'questions':
      return activity.questions.map((q) => ({ ...base, id: id(q.id), kind: 'question' as const, ref: q.id }));
    case 'text':
      return [{ ...base, id: id('texte'), kind: 'text' as const, ref: 'text' }];
  }
}

/**
 * Planned minutes of a formula: the guide's "Combien de temps ?" (`formula.planned`), else the sum
 * of its parts, an estimate as soon as one part's minutes are.
 */
export function plannedTotal(formula: Formula): Minutes {
  if (formula.planned) return formula.planned;
  const sum = formula.parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
  return formula.parts.some((p) => p.planned.estimate) ? { ...sum, estimate: true } : sum;
}
