import { ActionDataSchema } from '../../../src/cards/actions';
import { formData, stamp } from '../../../src/web/browser/actions';

/** Undoes `esc` (the attribute's text as the browser reads it). */
export function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every element carrying `data-act`: its tag, its testid, whether it is stamped, and its data. */
export function actions(html: string): Array<{ tag: string; testid?: string; stamped: boolean; data: Record<string, unknown> }> {
  const out: Array<{ tag: string; testid?: string; stamped: boolean; data: Record<string, unknown> }> = [];
  for (const m of html.matchAll(/<(button|form)\b([^>]*)>/g)) {
    const a = /data-act="([^"]*)"/.exec(m[2]!);
    if (!a) continue;
    const testid = /data-testid="([^"]*)"/.exec(m[2]!)?.[1];
    out.push({ tag: m[1]!, ...(testid ? { testid } : {}), stamped: /\sdata-stamp\b/.test(m[2]!), data: JSON.parse(unescape(a[1]!)) as Record<string, unknown> });
  }
  return out;
}

/** What a form posts, its fields filled as a person would (the first column, the first colour, some text). */
export function filled(data: Record<string, unknown>): Record<string, unknown> {
  return formData(data, [
    ['postitColumn', 'col'], ['postitKind', 'kind'], ['postitText', ' un post-it '],
    ['side', 'contre'], ['argumentText', 'un argument'], ['answerText', 'une réponse'],
    ['level', 'averti'], ['place', 'room'],
    ['feedback_rating', 'bien'], ['feedback_again', ''], ['feedback_topic', 'ia'], ['feedback_positive', 'bien'], ['feedback_negative', ''],
    ['evil', 'not in the schema'],
  ]);
}

/** Every control's data, as the page would post it, parsed by the server's schema (throws if one is refused). */
export function expectAllParse(html: string): string[] {
  const verbs: string[] = [];
  for (const a of actions(html)) {
    const data = a.tag === 'form' ? filled(a.data) : a.stamped ? stamp(a.data, 1_700_000_000_000) : a.data;
    const parsed = ActionDataSchema.safeParse(data);
    if (!parsed.success) throw new Error(`${a.testid ?? a.tag} posts ${JSON.stringify(data)}: ${parsed.error.message}`);
    expect(Object.keys(data).sort()).toEqual(Object.keys(parsed.data).filter((k) => k in data).sort());
    verbs.push(String(data.verb));
  }
  return verbs;
}
