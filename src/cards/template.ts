/**
 * The subset of the Adaptive Cards Templating language that Barista's templates use, expanded
 * without an expression parser: `${path.to.value}` (a whole string keeps the value's type; inside
 * text it is interpolated), `$data` (an array repeats the element for each item, an object becomes
 * the element's scope) and `$when` (drops the element when false). The templates stay editable in
 * the Adaptive Cards Designer; this expander is ~20× faster than the general engine, which parsed
 * every expression of every card on every vote.
 *
 * Each template is compiled once (kept by template object) into closures: a render only walks the
 * prepared nodes, with no regex, no key listing and no path splitting per vote. A template is
 * read-only once expanded (it is a module's JSON).
 *
 * Inserted values are data: a participant's text containing `${...}` is never evaluated.
 */

type Json = unknown;
type Scope = Record<string, unknown>;

const WHOLE = /^\$\{([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}$/;
const PART = /\$\{([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}/g;

const DROP = Symbol('drop');

/** A compiled node: its value for a scope (DROP: an object dropped by `$when` or an empty `$data`). */
type Node = (scope: Scope, root: Scope) => Json | typeof DROP;
/** A compiled element: pushes the elements it becomes (none, one, or one per item of `$data`). */
type Element = (scope: Scope, root: Scope, out: Json[]) => void;

const compiled = new WeakMap<object, Node>();

/** Expands a template against its view (the `$root`). */
export function expandTemplate(template: Json, root: Scope): Json {
  let node: Node | undefined;
  if (template !== null && typeof template === 'object') {
    node = compiled.get(template);
    if (!node) compiled.set(template, (node = compileNode(template)));
  } else {
    node = compileNode(template);
  }
  const out = node(root, root);
  return out === DROP ? {} : out;
}

/** `a.b.c` against the scope (`$root` is the view). */
function compilePath(path: string): (scope: Scope, root: Scope) => unknown {
  const [head, ...rest] = path.split('.');
  const first = head === '$root' ? (_: Scope, root: Scope) => root : (scope: Scope) => scope[head];
  if (rest.length === 0) return first;
  return (scope, root) => {
    let value: unknown = first(scope, root);
    for (const key of rest) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

function compileString(s: string): Node {
  const whole = WHOLE.exec(s);
  if (whole) return compilePath(whole[1]);
  if (!s.includes('${')) return () => s;
  // Literal text and paths, alternating: texts[0] path[0] texts[1] … texts[n].
  const texts: string[] = [];
  const paths: ((scope: Scope, root: Scope) => unknown)[] = [];
  let last = 0;
  for (const m of s.matchAll(PART)) {
    texts.push(s.slice(last, m.index));
    paths.push(compilePath(m[1]));
    last = m.index! + m[0].length;
  }
  texts.push(s.slice(last));
  if (paths.length === 0) return () => s;
  return (scope, root) => {
    let out = texts[0];
    for (let i = 0; i < paths.length; i++) {
      const v = paths[i](scope, root);
      out += (v === undefined || v === null ? '' : String(v)) + texts[i + 1];
    }
    return out;
  };
}

function truthy(v: unknown): boolean {
  return !(v === false || v === undefined || v === null || v === 0 || v === '');
}

function isElement(node: Json): node is Record<string, unknown> {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** One element, possibly repeated by `$data`, possibly dropped by `$when`. */
function compileElement(node: Record<string, unknown>): Element {
  const fields: [string, Node][] = [];
  for (const [key, value] of Object.entries(node)) if (key !== '$data' && key !== '$when') fields.push([key, compileNode(value)]);
  const when = '$when' in node ? (typeof node.$when === 'string' ? compileString(node.$when) : () => node.$when) : undefined;
  const build = (s: Scope, root: Scope, out: Json[]): void => {
    if (when && !truthy(when(s, root))) return;
    const obj: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const v = field(s, root);
      if (v !== DROP && v !== undefined) obj[key] = v;
    }
    out.push(obj);
  };
  if (!('$data' in node)) return build;
  const data = typeof node.$data === 'string' ? compileString(node.$data) : () => node.$data;
  return (scope, root, out) => {
    const d = data(scope, root);
    if (Array.isArray(d)) {
      for (const item of d) build(item !== null && typeof item === 'object' ? (item as Scope) : { $data: item }, root, out);
    } else if (d !== null && typeof d === 'object') {
      build(d as Scope, root, out);
    }
  };
}

function compileNode(node: Json): Node {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) {
    const items = node.map((item): Element => {
      if (isElement(item)) return compileElement(item);
      const value = compileNode(item);
      return (scope, root, out) => {
        const v = value(scope, root);
        if (v !== DROP) out.push(v);
      };
    });
    return (scope, root) => {
      const out: Json[] = [];
      for (const item of items) item(scope, root, out);
      return out;
    };
  }
  if (node !== null && typeof node === 'object') {
    const element = compileElement(node as Record<string, unknown>);
    return (scope, root) => {
      const list: Json[] = [];
      element(scope, root, list);
      return list.length ? list[0] : DROP;
    };
  }
  return () => node;
}
