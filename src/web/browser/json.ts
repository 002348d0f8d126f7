import { esc } from './html';

/** JSON in a double-quoted attribute (escaped: no quote or markup can get out). */
export function jsonForAttr(value: unknown): string {
  return esc(JSON.stringify(value));
}
