import type { Reply } from '../../channel/port';
import type { CafeState } from '../../domain';
import { t } from '../../i18n';
import type { Kit } from './kit';
import type { Turn } from './types';

/**
 * One entry of the route table: what a text command or a card verb does. Routes are small
 * functions of (kit, turn, input); the pipeline picks one by the input's type, so adding a verb
 * is one entry in routes.ts, and the compiler names the route a new verb lacks.
 */
export interface Route<I> {
  /** Does it drive the café (so the person's meeting role is read first)? Participants' verbs do not. */
  drives: boolean;
  run(kit: Kit, turn: Turn, input: I): Promise<Reply>;
}

/** A route that works on the card's café: refused politely when the café is gone or another chat's. */
export function onCafe<I extends { cafe: string }>(drives: boolean, run: (kit: Kit, turn: Turn, input: I, state: CafeState) => Promise<Reply>): Route<I> {
  return {
    drives,
    async run(kit, turn, input) {
      const state = await kit.store.get(input.cafe);
      if (!state || state.conversationId !== turn.address.conversationId) return { message: t(turn.actor.locale, 'refusal.no-cafe') };
      return run(kit, turn, input, state);
    },
  };
}
