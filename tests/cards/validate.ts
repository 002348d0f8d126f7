import type * as ACTypes from 'adaptivecards';
import { ActionDataSchema } from '../../src/cards/actions';

/**
 * Checks a card the way Teams would take it: the `adaptivecards` parser (its CommonJS bundle: the
 * package's `lib` is ES modules Jest cannot load as is) must report no event and no validation
 * failure, the card must stay under 40 KB, and every button must carry a payload the bot accepts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC: typeof ACTypes = require('adaptivecards/dist/adaptivecards.js');

export const MAX_BYTES = 40 * 1024;

/** Values Teams merges into a form button's data from the card's inputs. */
const SAMPLE_INPUTS: Record<string, Record<string, string>> = {
  pick: { item: 'x' },
  postit: { postitColumn: 'x', postitKind: 'x', postitText: 'x' },
  argument: { argumentText: 'x' },
  answer: { answerText: 'x' },
};

export function problems(card: Record<string, unknown>): string[] {
  const out: string[] = [];
  const json = JSON.stringify(card);
  const size = Buffer.byteLength(json, 'utf8');
  if (size >= MAX_BYTES) out.push(`card is ${size} bytes`);
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5') out.push('not an Adaptive Card 1.5');
  if (json.includes('${')) out.push(`unbound template expression: ${json.slice(json.indexOf('${') - 40, json.indexOf('${') + 40)}`);

  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) out.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) out.push(`validate: ${e.message}`);

  walk(card, (node, path) => {
    if ((node.type === 'TextBlock' || node.type === 'Input.Text') && 'text' in node && typeof node.text !== 'string') out.push(`${path}: text is not a string`);
    if (node.type === 'Action.Execute' && !path.startsWith('$.refresh')) {
      const data = node.data as Record<string, unknown> | undefined;
      if (!data || data.verb !== node.verb) out.push(`${path}: data.verb !== verb`);
      const fb = node.fallback as Record<string, unknown> | undefined;
      if (!fb || fb.type !== 'Action.Submit' || JSON.stringify(fb.data) !== JSON.stringify(data) || fb.title !== node.title) {
        out.push(`${path}: no equivalent Action.Submit fallback`);
      }
      const merged = { ...(SAMPLE_INPUTS[String(node.verb)] ?? {}), ...data };
      const r = ActionDataSchema.safeParse(merged);
      if (!r.success) out.push(`${path}: payload refused by ActionDataSchema: ${JSON.stringify(data)}`);
    }
  });
  return out;
}

export function walk(node: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = '$'): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}[${i}]`));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  }
}

/** Every button (Action.Execute) of a card, with its data; the refresh action is not a button. */
export function buttons(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const out: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  walk(card, (n, path) => {
    if (n.type === 'Action.Execute' && !path.startsWith('$.refresh')) out.push({ title: String(n.title), verb: String(n.verb), data: n.data as Record<string, unknown> });
  });
  return out;
}

/** Every text of a card (TextBlocks, facts, choices, button titles), to search what a viewer reads. */
export function texts(card: unknown): string {
  const out: string[] = [];
  walk(card, (n) => {
    for (const k of ['text', 'title', 'value', 'placeholder', 'label']) if (typeof n[k] === 'string') out.push(n[k] as string);
  });
  return out.join('\n');
}

/** The card without its refresh block (the only place a shared card may list user ids). */
export function withoutRefresh(card: Record<string, unknown>): Record<string, unknown> {
  const { refresh: _refresh, ...rest } = card;
  return rest;
}

/** Every input of a card (Input.*), with its id and preset value. */
export function inputs(card: unknown): Array<{ id: string; type: string; value?: unknown }> {
  const out: Array<{ id: string; type: string; value?: unknown }> = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out.push({ id: String(n.id), type: n.type, value: n.value });
  });
  return out;
}
