import type { Locale } from '../../../domain/types';
import { bytes, clip, fit } from '../../../cards/format';
import { plainText, t } from '../../../i18n';
import { assertNever, type StepView, type ViewAction } from '../../../views';
import { matrixText } from '../html';
import type { EventMeta, Slot, Takes } from '../out';

/**
 * What the Tchap renderer's files share: people's text made plain, a text slot from Barista's
 * Markdown, and a step view's controls worded as the `!` commands the room types.
 */

/** A person's text (a name, a post-it, an argument, an answer, a comment): never markup in Barista's message. */
export function said(text: string): string {
  return plainText(text, 'message');
}

/** A display name: one line, 60 characters at most, as text. */
export function personName(name: string): string {
  return said(clip(name.replace(/\s+/g, ' ').trim() || '?', 60));
}

/**
 * Lines of people's text within a byte budget, the rest counted (« … et N autres »): a Matrix event
 * holds 64 KiB, its plain body and its HTML together.
 */
export function within(L: Locale, lines: string[], budget: number): string[] {
  const { shown, hidden } = fit(lines, budget, bytes);
  return hidden ? [...shown, t(L, 'recap.more', { n: hidden })] : shown;
}

/** A text slot: Barista's Markdown lines (empty ones dropped) as one Matrix message, with its mark. */
export function textSlot(key: string, lines: Array<string | undefined | false>, meta?: EventMeta): Slot {
  const text = lines.filter((l): l is string => typeof l === 'string' && l !== '').join('\n\n');
  return { key, out: { type: 'text', text: matrixText(text), ...(meta ? { meta } : {}) } };
}

/** The mark of a step's event. */
export function stepMeta(view: Pick<StepView, 'cafeId' | 'stepId'>, takes?: Takes): EventMeta {
  return { cafe: view.cafeId, step: view.stepId, ...(takes ? { takes } : {}) };
}

/** A view action as the command that does it, with the button's words; none for the shared view's "my view". */
export function controlLine(view: StepView, L: Locale, a: ViewAction): string | undefined {
  const kind = view.kind === 'missing' ? view.stepKind : view.kind;
  const line = (command: string, label: string) => t(L, 'tchap.control', { command, label });
  switch (a.verb) {
    case 'turn': return a.delta === 1 ? line(t(L, 'tchap.cmd.turnNext'), t(L, 'ctl.turnNext')) : line(t(L, 'tchap.cmd.turnBack'), t(L, 'ctl.turnBack'));
    case 'reveal': return line(t(L, 'tchap.cmd.reveal'), t(L, kind === 'question' ? 'ctl.revealAnswer' : 'ctl.reveal'));
    case 'next': return line(t(L, 'tchap.cmd.next'), t(L, 'ctl.next'));
    case 'back': return line(t(L, 'tchap.cmd.back'), t(L, 'ctl.back'));
    case 'extend': return line(t(L, 'tchap.cmd.extend', { minutes: a.minutes }), t(L, 'ctl.extend', { minutes: a.minutes }));
    case 'pause': return line(t(L, 'tchap.cmd.pause'), t(L, 'ctl.pause'));
    case 'resume': return line(t(L, 'tchap.cmd.resume'), t(L, 'ctl.resume'));
    case 'end': return line(t(L, 'tchap.cmd.end'), t(L, 'ctl.end'));
    // Tchap has no per-person card: nothing to ask for.
    case 'refresh': return undefined;
    default: return assertNever(a, 'view action');
  }
}

/** The controls' block of the facilitator's view; nothing when the step has none. */
export function controlsBlock(view: StepView, L: Locale): string {
  const lines = view.controls.flatMap((a) => controlLine(view, L, a) ?? []);
  return lines.length ? [t(L, 'tchap.controls'), ...lines].join('\n') : '';
}

/** A Teams command (`/startcafe americano`) as the room types it (`!startcafe americano`). */
export function bang(command: string): string {
  return command.replace(/^\//, '!');
}
