import { z } from 'zod';
import type { CafeState, Contribution } from '../domain/types';
import type { ChatProfile } from './port';

/**
 * Reading back stored JSON, the same for every store: a corrupted document fails loudly with the
 * café it belongs to, never as an odd state further on.
 */
function parseDoc(doc: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(doc);
  } catch (err) {
    throw new Error(`Corrupted document for ${what}: invalid JSON (${(err as Error).message})`, { cause: err });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Corrupted document for ${what}: not an object`);
  return value as Record<string, unknown>;
}

export function parseCafeDoc(id: string, raw: string): CafeState {
  const what = `café ${id}`;
  const doc = parseDoc(raw, what);
  if (doc.id !== id) throw new Error(`Corrupted document for ${what}: id mismatch`);
  if (typeof doc.conversationId !== 'string' || typeof doc.status !== 'string') {
    throw new Error(`Corrupted document for ${what}: missing conversationId or status`);
  }
  if (typeof doc.version !== 'number' || !Array.isArray(doc.steps)) throw new Error(`Corrupted document for ${what}: missing version or steps`);
  return doc as unknown as CafeState;
}

/** `expected` holds the keys the store filed the record under; they must match the document's. */
export function parseContributionDoc(raw: string, what: string, expected: { cafeId: string; stepId?: string; key?: string }): Contribution {
  const doc = parseDoc(raw, what);
  const keysMatch = doc.cafeId === expected.cafeId
    && (expected.stepId === undefined ? typeof doc.stepId === 'string' : doc.stepId === expected.stepId)
    && (expected.key === undefined ? typeof doc.key === 'string' : doc.key === expected.key);
  if (!keysMatch) throw new Error(`Corrupted document for ${what}: keys mismatch`);
  if (typeof doc.value !== 'object' || doc.value === null) throw new Error(`Corrupted document for ${what}: missing value`);
  return doc as unknown as Contribution;
}

/** The stored chat profile. Unknown keys are dropped (on write and on read), never kept blindly. */
const chatProfileSchema = z.object({
  organisation: z.string(),
  town: z.string(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  updatedAt: z.number().int(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** The JSON to store for a chat profile; throws, naming the conversation, if it is not valid. */
export function serializeProfile(conversationId: string, profile: ChatProfile): string {
  const result = chatProfileSchema.safeParse(profile);
  if (!result.success) throw new Error(`Invalid chat profile for conversation ${conversationId}: ${describeIssues(result.error)}`);
  return JSON.stringify(result.data);
}

export function parseProfileDoc(conversationId: string, raw: string): ChatProfile {
  const what = `the chat profile of conversation ${conversationId}`;
  const result = chatProfileSchema.safeParse(parseDoc(raw, what));
  if (!result.success) throw new Error(`Corrupted document for ${what}: ${describeIssues(result.error)}`);
  return result.data;
}
