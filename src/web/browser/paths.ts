/**
 * What the pages need of the contract at run time, without zod: the contract's module builds zod
 * schemas at load, which would ride into every phone's bundle. tests/web/browser/paths.test.ts
 * checks these copies against src/web/contract.ts, so they cannot drift.
 */
export const WebPaths = {
  join: '/api/web/join',
  act: '/api/web/act',
  events: '/api/web/events',
  view: '/api/web/view',
  hand: '/api/web/hand',
  consolePage: '/console',
  joinPage: '/j',
  assets: '/web/',
} as const;

export const CODE_LENGTH = 10;

/** 'ABCDE12345' → 'ABCDE-12345' (how pages show it). */
export function displayCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** What a person typed, as the server reads it (case, spaces, dashes, O→0, I/L→1). */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a typed code can be a café code (the server decides whether it is one). */
export function looksLikeCode(raw: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(normaliseCode(raw));
}
