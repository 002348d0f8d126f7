/**
 * Applying a freshly rendered HTML string to the page without replacing what did not change:
 * keeps the focus on a link, lets bar widths animate, and spares screen readers a full re-read.
 */

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a instanceof Element && b instanceof Element) {
    return a.tagName === b.tagName && a.getAttribute('data-testid') === b.getAttribute('data-testid');
  }
  return true;
}

/** Copies `to`'s attributes onto `from` (the `style` attribute is the page's own: left alone). */
function syncAttributes(from: Element, to: Element): void {
  for (const { name } of Array.from(from.attributes)) {
    if (name !== 'style' && !to.hasAttribute(name)) from.removeAttribute(name);
  }
  for (const { name, value } of Array.from(to.attributes)) {
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
}

function morphChildren(oldParent: Node, newParent: Node): void {
  const olds = Array.from(oldParent.childNodes);
  const news = Array.from(newParent.childNodes);
  for (let i = 0; i < Math.max(olds.length, news.length); i++) {
    const o = olds[i];
    const n = news[i];
    if (!n) oldParent.removeChild(o!);
    else if (!o) oldParent.appendChild(n);
    else if (!sameKind(o, n)) oldParent.replaceChild(n, o);
    else if (o instanceof Element && n instanceof Element) {
      syncAttributes(o, n);
      morphChildren(o, n);
    } else if (o.nodeValue !== n.nodeValue) o.nodeValue = n.nodeValue;
  }
}

/** Sets bar widths from `data-pct` through the CSSOM (allowed by the CSP, unlike style attributes). */
export function applyWidths(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-pct]').forEach((el) => {
    const pct = Math.min(100, Math.max(0, Number(el.dataset.pct) || 0));
    el.style.width = `${pct}%`;
  });
}

/** Makes `target`'s children match `html`, touching only the nodes that differ. */
export function patchHtml(target: Element, html: string): void {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  morphChildren(target, tpl.content);
  applyWidths(target);
}
