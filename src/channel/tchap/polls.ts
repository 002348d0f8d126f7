import { z } from 'zod';

/**
 * Matrix polls (MSC3381) as Element and Tchap send and show them: Barista posts the unstable
 * `org.matrix.msc3381.poll.start` (what those clients render today) and reads responses and ends
 * of both namespaces, stable (`m.poll.*`) and unstable, at the edge, with zod. A person's latest
 * response counts (the pipeline's vote: a newer one replaces theirs); a quiz is `undisclosed` (the
 * client hides the split until the poll ends: the reveal), a live poll `disclosed`.
 */
export const POLL_START = 'org.matrix.msc3381.poll.start';
export const POLL_RESPONSE = 'org.matrix.msc3381.poll.response';
export const POLL_END = 'org.matrix.msc3381.poll.end';
const TEXT = 'org.matrix.msc1767.text';

export const POLL_RESPONSE_TYPES = ['m.poll.response', POLL_RESPONSE] as const;
export const POLL_END_TYPES = ['m.poll.end', POLL_END] as const;

export interface PollChoice {
  /** The choice's id (the café's: 'donnee', 'madonna'…), the answer id clients send back. */
  id: string;
  label: string;
}

/** The content of a poll's start event; `fallback` is what a client without polls shows. */
export function pollStartContent(o: { question: string; choices: PollChoice[]; disclosed: boolean }): Record<string, unknown> {
  const fallback = `${o.question}\n${o.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`;
  return {
    [POLL_START]: {
      question: { [TEXT]: o.question },
      kind: o.disclosed ? 'org.matrix.msc3381.poll.disclosed' : 'org.matrix.msc3381.poll.undisclosed',
      max_selections: 1,
      answers: o.choices.map((c) => ({ id: c.id, [TEXT]: c.label })),
    },
    [TEXT]: fallback,
  };
}

/** The content that ends a poll (the reveal, or the step left): `text` says what a client without polls shows. */
export function pollEndContent(startEventId: string, text: string): Record<string, unknown> {
  return {
    'm.relates_to': { rel_type: 'm.reference', event_id: startEventId },
    [POLL_END]: {},
    [TEXT]: text,
  };
}

const EventId = z.string().min(1).max(255).regex(/^\$/);
const Reference = z.object({ rel_type: z.literal('m.reference'), event_id: EventId });
const Answers = z.object({ answers: z.array(z.string().min(1).max(200)).max(20) });

const ResponseContent = z.object({
  'm.relates_to': Reference,
  'm.poll.response': Answers.optional(),
  [POLL_RESPONSE]: Answers.optional(),
});

/**
 * A poll response, as the café reads it: which poll (its start event) and the chosen answer id;
 * an empty selection (the person withdrew their vote) is `undefined` answer. Undefined when the
 * event is not a well-formed response.
 */
export function parsePollResponse(type: string, content: unknown): { pollEventId: string; answerId?: string } | undefined {
  if (!(POLL_RESPONSE_TYPES as readonly string[]).includes(type)) return undefined;
  const parsed = ResponseContent.safeParse(content);
  if (!parsed.success) return undefined;
  const answers = parsed.data['m.poll.response'] ?? parsed.data[POLL_RESPONSE];
  if (!answers) return undefined;
  const answerId = answers.answers[0];
  return { pollEventId: parsed.data['m.relates_to'].event_id, ...(answerId ? { answerId } : {}) };
}
