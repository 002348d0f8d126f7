/**
 * The template expander as it was before templates were compiled (src/cards/template.ts): a plain
 * interpreter, kept here only as the reference the compiled expansion must equal.
 */

type Json = unknown;
type Scope = Record<string, unknown>;

const WHOLE = /^\$\{([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}$/;
const PART = /\$\{([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}/g;

/** Expands a template against its view (the `$root`). */
export function interpretTemplate(template: Json, root: Scope): Json {
  const out = expandNode(template, root, root);
  return out === DROP ? {} : out;
}

const DROP = Symbol('drop');

function lookup(path: string, scope: Scope, root: Scope): unknown {
  const [head, ...rest] = path.split('.');
  let value: unknown = head === '$root' ? root : scope[head];
  for (const key of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function expandString(s: string, scope: Scope, root: Scope): unknown {
  const whole = WHOLE.exec(s);
  if (whole) return lookup(whole[1], scope, root);
  if (!s.includes('${')) return s;
  return s.replace(PART, (_, path: string) => {
    const v = lookup(path, scope, root);
    return v === undefined || v === null ? '' : String(v);
  });
}

function truthy(v: unknown): boolean {
  return !(v === false || v === undefined || v === null || v === 0 || v === '');
}

/** One element, possibly repeated by `$data`: returns the list of elements it becomes. */
function expandElement(node: Record<string, unknown>, scope: Scope, root: Scope): Json[] {
  let scopes: Scope[] = [scope];
  if ('$data' in node) {
    const data = typeof node.$data === 'string' ? expandString(node.$data, scope, root) : node.$data;
    if (Array.isArray(data)) scopes = data.map((item) => (item !== null && typeof item === 'object' ? (item as Scope) : { $data: item }));
    else if (data !== null && typeof data === 'object') scopes = [data as Scope];
    else return [];
  }
  const out: Json[] = [];
  for (const s of scopes) {
    if ('$when' in node) {
      const when = typeof node.$when === 'string' ? expandString(node.$when, s, root) : node.$when;
      if (!truthy(when)) continue;
    }
    const obj: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$data' || key === '$when') continue;
      const v = expandNode(value, s, root);
      if (v !== DROP && v !== undefined) obj[key] = v;
    }
    out.push(obj);
  }
  return out;
}

function expandNode(node: Json, scope: Scope, root: Scope): Json | typeof DROP {
  if (typeof node === 'string') return expandString(node, scope, root);
  if (Array.isArray(node)) {
    const out: Json[] = [];
    for (const item of node) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) out.push(...expandElement(item as Record<string, unknown>, scope, root));
      else {
        const v = expandNode(item, scope, root);
        if (v !== DROP) out.push(v);
      }
    }
    return out;
  }
  if (node !== null && typeof node === 'object') {
    const list = expandElement(node as Record<string, unknown>, scope, root);
    return list.length ? list[0] : DROP;
  }
  return node;
}
