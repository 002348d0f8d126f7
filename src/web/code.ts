import { randomBytes } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './contract';

/**
 * The café code participants type or scan: CODE_LENGTH characters of Crockford's base 32
 * (src/web/contract.ts). Each character takes the low 5 bits of one random byte: 256 is a
 * multiple of 32, so every character is equally likely (no modulo bias), 50 bits in all.
 */
export function newCafeCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(CODE_LENGTH);
  if (bytes.length < CODE_LENGTH) throw new Error('newCafeCode: the random source gave too few bytes');
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A code in its normalised form (what newCafeCode gives and normaliseCode returns): no dash, upper case. */
export function isCafeCode(s: unknown): s is string {
  return typeof s === 'string' && CODE_PATTERN.test(s);
}
