/**
 * Freezes a JSON-like value and everything it holds, so a café shared between turns cannot be
 * changed in place by one of them (in strict mode a write throws a TypeError). Returns the value.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
