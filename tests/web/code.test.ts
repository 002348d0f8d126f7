import { CODE_ALPHABET, CODE_LENGTH, CodeSchema, displayCode, normaliseCode } from '../../src/web/contract';
import { isCafeCode, newCafeCode } from '../../src/web/code';

describe('newCafeCode', () => {
  it('gives CODE_LENGTH characters of the alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCafeCode();
      expect(code).toHaveLength(CODE_LENGTH);
      for (const c of code) expect(CODE_ALPHABET).toContain(c);
      expect(isCafeCode(code)).toBe(true);
    }
  });

  it('takes 5 bits of each random byte (every letter reachable, no bias)', () => {
    const bytes = Buffer.from([0, 31, 32, 63, 255, 224, 10, 42, 128, 17]);
    expect(newCafeCode(() => bytes)).toBe('0Z0ZZ0AA0H');
    const seen = new Set<string>();
    for (let b = 0; b < 256; b += CODE_LENGTH) {
      const chunk = Buffer.from(Array.from({ length: CODE_LENGTH }, (_, i) => (b + i) % 256));
      for (const c of newCafeCode(() => chunk)) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => newCafeCode(() => Buffer.alloc(3))).toThrow();
  });

  it('never gives the same code twice in 10,000', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newCafeCode()));
    expect(codes.size).toBe(10_000);
  });

  it('round-trips through displayCode, normaliseCode and CodeSchema', () => {
    for (let i = 0; i < 100; i++) {
      const code = newCafeCode();
      const shown = displayCode(code);
      expect(shown).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(normaliseCode(shown)).toBe(code);
      expect(CodeSchema.parse(shown)).toBe(code);
      expect(CodeSchema.parse(shown.toLowerCase())).toBe(code);
    }
  });
});

describe('CodeSchema accepts what a person types', () => {
  it.each([
    ['abcde-12345', 'ABCDE12345'],
    [' ABCDE 12345 ', 'ABCDE12345'],
    ['ab-cd-e1-23-45', 'ABCDE12345'],
    ['OOOOO-IIIII', '0000011111'],
    ['lllll-ooooo', '1111100000'],
    ['zyxwv-tsrqp', 'ZYXWVTSRQP'],
  ])('%j → %s', (typed, code) => {
    expect(CodeSchema.parse(typed)).toBe(code);
    expect(isCafeCode(code)).toBe(true);
  });

  it.each([
    ['too short', 'ABCDE-1234'],
    ['too long', 'ABCDE-123456'],
    ['empty', ''],
    ['U (not in the alphabet)', 'ABCDU-12345'],
    ['a symbol', 'ABCD!-12345'],
    ['an accented letter', 'ABCDÉ-12345'],
    ['an underscore', 'ABCD_12345'],
    ['far too long', 'A'.repeat(41)],
  ])('refuses %s', (_why, typed) => {
    expect(CodeSchema.safeParse(typed).success).toBe(false);
  });
});

describe('isCafeCode', () => {
  it.each([
    ['abcde12345'],
    ['ABCDE-1234'],
    ['ABCDE12345 '],
    ['ABCDU12345'],
    ['ABCDO12345'],
    ['ABCDE123456'],
    [''],
  ])('refuses %j (not normalised, or not a code)', (s) => {
    expect(isCafeCode(s)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 1234567890, ['ABCDE12345'], { code: 'ABCDE12345' }]) expect(isCafeCode(v)).toBe(false);
  });
});
