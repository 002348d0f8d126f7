import { exportToken, verifyExportToken } from '../../src/export';

describe('export link tokens', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const now = Date.UTC(2026, 10, 22);
  const token = exportToken('cafe-1', now + 60_000, secret);

  it('open the export of that café until they expire', () => {
    expect(verifyExportToken('cafe-1', token, secret, now)).toBe(true);
    expect(verifyExportToken('cafe-1', token, secret, now + 120_000)).toBe(false);
  });

  it('open no other café, and cannot be forged or stretched', () => {
    expect(verifyExportToken('cafe-2', token, secret, now)).toBe(false);
    expect(verifyExportToken('cafe-1', token, 'another-secret-of-at-least-thirty-two-chars', now)).toBe(false);
    const [, sig] = token.split('.');
    expect(verifyExportToken('cafe-1', `${now + 10 * 86_400_000}.${sig}`, secret, now)).toBe(false);
    expect(verifyExportToken('cafe-1', 'garbage', secret, now)).toBe(false);
  });
});
