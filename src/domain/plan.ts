import type { Activity, Content, Formula, Part } from '../content/schema';
import { feedbackStep } from './feedback';
import type { Step } from './types';

/**
 * Turns a formula into the café's plan. A part with one option is expanded at once; a part with
 * several (the ice breaker, the videos) becomes a `choose` step that the facilitator answers when
 * the café gets there, and is expanded then. The feedback poll closes every plan.
 */
export function initialPlan(formula: Formula, content: Content): Step[] {
  const steps = formula.parts.flatMap((part, index) =>
    part.options.length > 1 ? [chooseStep(part, index)] : optionSteps(part, part.options[0].id, content),
  );
  // Every café closes with the feedback poll.
  return [...steps, feedbackStep()];
}

function chooseStep(part: Part, index: number): Step {
  return { id: `${part.part}.choix`, part: part.part, kind: 'choose', activityId: '', ref: String(index), plannedMinutes: 0 };
}

/** The steps of one option of a part, with the part's planned time spread over them. */
export function optionSteps(part: Part, optionId: string, content: Content): Step[] {
  const option = part.options.find((o) => o.id === optionId);
  if (!option) return [];
  const activities = option.activities.map((id) => content.activities.find((a) => a.id === id)).filter((a): a is Activity => !!a);
  const raw = activities.flatMap((activity) => activitySteps(activity, part));
  const share = raw.length ? Math.round((part.planned.max / raw.length) * 10) / 10 : 0;
  return raw.map((s) => ({ ...s, plannedMinutes: s.kind === 'video' ? s.plannedMinutes : share }));
}

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

/** Planned minutes of a formula: the sum of its parts, as the guide gives them. */
export function plannedTotal(formula: Formula): { min: number; max: number } {
  return formula.parts.reduce((t, p) => ({ min: t.min + p.planned.min, max: t.max + p.planned.max }), { min: 0, max: 0 });
}
