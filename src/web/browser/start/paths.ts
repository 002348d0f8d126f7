/**
 * The contract's paths the start page uses (src/web/contract.ts Paths; a test checks they are the
 * same). Kept apart so that the bundle does not carry zod, which the contract's schemas need.
 */
export const START_PATHS = {
  catalogue: '/api/web/catalogue',
  start: '/api/web/cafes',
  consolePage: '/console',
} as const;
