/**
 * The `data` each control posts to Paths.act, exactly as ActionDataSchema (src/cards/actions.ts)
 * reads it. Pure. Buttons carry their data in `data-act` (JSON); forms carry the fixed part there
 * and name their fields after the schema's keys (postitText, argumentText, answerText, feedback_…).
 */
import type { ActionData } from '../../cards/actions';
import type { StepView, ViewAction } from '../../views/types';
import { jsonForAttr } from './json';

export type { ActionData };

/** The data of one of the step's controls (undefined for `refresh`: a web page gets its own view pushed). */
export function controlData(cafe: string, step: StepView, a: ViewAction): ActionData | undefined {
  switch (a.verb) {
    case 'next': {
      const revealed = step.kind === 'poll' || step.kind === 'question' ? step.revealed : undefined;
      return revealed === undefined ? { verb: 'next', cafe, step: a.step } : { verb: 'next', cafe, step: a.step, revealed };
    }
    case 'back':
    case 'reveal':
      return { verb: a.verb, cafe, step: a.step };
    case 'turn':
      return { verb: 'turn', cafe, step: a.step, delta: a.delta };
    case 'extend':
      return { verb: 'extend', cafe, minutes: a.minutes };
    case 'pause':
    case 'resume':
      return { verb: a.verb, cafe };
    case 'end':
      return { verb: 'end', cafe, step: step.stepId };
    case 'refresh':
      return undefined;
  }
}

/** The confirmation of « Terminer »: `at` is stamped when pressed (the page adds it, see `stamp`). */
export function endData(cafe: string, confirm: 'end' | 'feedback'): ActionData {
  return { verb: 'end', cafe, confirm };
}

/** What a `data-stamp` control adds when pressed: the confirmation's date (server time). */
export function stamp(data: Record<string, unknown>, serverNow: number): Record<string, unknown> {
  return { ...data, at: Math.max(0, Math.floor(serverNow)) };
}

/** ` data-act="…"`: the data as an attribute (escaped JSON). */
export function act(data: ActionData | undefined): string {
  return data ? ` data-act="${jsonForAttr(data)}"` : '';
}

/**
 * A form's data: the fixed part from `data-act` with the form's fields (already read), trimmed;
 * unknown fields are left out, so a page cannot post more than the schema takes.
 */
export function formData(base: Record<string, unknown>, fields: Array<[string, string]>): Record<string, unknown> {
  const allowed = FORM_FIELDS[String(base.verb)] ?? [];
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of fields) if (allowed.includes(name)) out[name] = value.trim();
  return out;
}

const FORM_FIELDS: Record<string, string[]> = {
  postit: ['postitColumn', 'postitKind', 'postitText'],
  argument: ['side', 'argumentText'],
  answer: ['answerText'],
  register: ['level', 'place'],
  feedback: ['feedback_rating', 'feedback_again', 'feedback_topic', 'feedback_positive', 'feedback_negative'],
};
