import type { Formula, Part, PartId, PartOption } from '../content/schema';
import type { StepRuntime, Step } from './types';

/**
 * Which option of each part a café runs. A part's option may `follow` an option of an earlier part
 * (the Ristretto's quiz follows its video): only the options that fit the choices made before are
 * offered, and when one alone fits it is the part's, with no choice left to make.
 */

/** The option chosen (or presumed, the default, until the facilitator chooses) for each part so far. */
export type Choices = Partial<Record<PartId, string>>;

/** The options of a part that fit the options chosen in the earlier parts. */
export function fittingOptions(part: Part, choices: Choices): PartOption[] {
  return part.options.filter((o) => !o.follows || choices[o.follows.part] === undefined || choices[o.follows.part] === o.follows.option);
}

/** The preselected option among those that fit: the part's default if it fits, else the first that fits. */
export function defaultOptionOf(part: Part, choices: Choices): string {
  const fitting = fittingOptions(part, choices);
  return (fitting.find((o) => o.id === part.defaultOption) ?? fitting[0] ?? part.options[0]).id;
}

/** The choose step of the part at this index of the formula (same id in every plan). */
export function chooseStepId(part: Part): string {
  return `${part.part}.choix`;
}

/**
 * The option of each part, in order: the facilitator's pick where the plan has a choose step for
 * it (the default until they pick), the one option that fits elsewhere.
 */
export function choicesOf(formula: Formula, steps: Step[], runtime: Record<string, StepRuntime>): Choices {
  const out: Choices = {};
  for (const part of formula.parts) {
    const fitting = fittingOptions(part, out);
    const step = steps.find((s) => s.kind === 'choose' && s.id === chooseStepId(part));
    const picked = step ? runtime[step.id]?.chosen : undefined;
    out[part.part] = picked && fitting.some((o) => o.id === picked) ? picked : defaultOptionOf(part, out);
  }
  return out;
}

/** The choices made before this part (the parts that come earlier in the formula). */
export function choicesBefore(formula: Formula, partIndex: number, choices: Choices): Choices {
  const out: Choices = {};
  formula.parts.slice(0, partIndex).forEach((p) => {
    if (choices[p.part] !== undefined) out[p.part] = choices[p.part];
  });
  return out;
}
