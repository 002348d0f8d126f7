/** The board's HTML helpers (pure string functions), shared by the web pages. */
export { attrs, esc, jsonForScript, safeHttpUrl } from '../../tab/browser/html';
