import { z } from 'zod';
import type { CafeState } from '../domain/types';
import type { OutboxEffect, OutboxEntry } from './port';

/** The outbox entries of one save (without the store's `seq`): `${cafeId}/${version}/${index}`. */
export function outboxDrafts(state: CafeState, effects: readonly OutboxEffect[] | undefined, at: number): Array<Omit<OutboxEntry, 'seq'>> {
  return (effects ?? []).map((effect, i) => ({
    id: `${state.id}/${state.version}/${i}`, cafeId: state.id, conversationId: state.conversationId, at, effect: structuredClone(effect),
  }));
}

const OUTBOX_TYPES = ['post-step', 'update-step', 'reopen-step', 'update-menu', 'post-recap', 'say', 'notify-facilitator'] as const satisfies ReadonlyArray<OutboxEffect['type']>;

/** A stored entry (without `seq`): checked when read back, like a café document. */
const outboxDocSchema = z.object({
  id: z.string(),
  cafeId: z.string(),
  conversationId: z.string(),
  at: z.number(),
  effect: z.object({ type: z.enum(OUTBOX_TYPES) }).passthrough(),
});

/** An entry read back from a store: `doc` is the JSON of the entry without `seq`. */
export function parseOutboxDoc(doc: string, seq: number): OutboxEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(doc);
  } catch (err) {
    throw new Error(`outbox entry ${seq} is not valid JSON`, { cause: err });
  }
  const parsed = outboxDocSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`outbox entry ${seq} is not an outbox entry: ${parsed.error.message}`);
  return { ...(parsed.data as Omit<OutboxEntry, 'seq'>), seq };
}
